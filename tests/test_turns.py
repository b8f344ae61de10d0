"""Turn-taking in untagged exchanges (issue 21), on dialogues written for these tests in
several styles: a station scene, first-person noir, a 19th-century parlour, a children's
story, British single quotes, a thriller phone call and a news interview.

What a reader does with an exchange: each new paragraph is a new turn, so an untagged
turn is the other participant's; when a turn is nobody's that the text says, the one
after it is the speaker's of the turn before; a name addressed in a turn names the one
who answers it; a first-person narrator is a participant like any other.
"""

from __future__ import annotations

import quoteattr


def _who(text: str, genre: str = "fiction") -> list[str | None]:
    doc = quoteattr.attribute(text, genre=genre)
    return [q.speaker.name if q.speaker else None for q in doc.quotes]


_STATION = (
    "The station was empty except for a porter sweeping the platform. Mira set her case "
    "down on the bench.\n\n"
    '"Is the train late?" asked Mira.\n\n'
    '"Ten minutes, miss."\n\n'
    '"Then I\'ll wait inside."\n\n'
    '"The waiting room is locked, miss. The stationmaster has the key."\n\n'
    '"Where is he?"\n\n'
    '"Gone home for his tea, I expect."\n'
)


def test_an_untagged_turn_is_not_the_last_speaker_carried_over() -> None:
    """The porter's lines are nobody's that the text names: never Mira's carried over."""
    who = _who(_STATION)
    assert who[0] == "Mira"
    assert who[1] is None and who[3] is None and who[5] is None


def test_the_turn_after_an_unknown_one_goes_back_to_the_speaker_before() -> None:
    who = _who(_STATION)
    assert who[2] == "Mira" and who[4] == "Mira"
    doc = quoteattr.attribute(_STATION, genre="fiction")
    assert {doc.quotes[k].rule for k in (2, 4)} == {"turn_taking"}


def test_news_still_carries_a_speaker_into_the_next_paragraph() -> None:
    text = ('"We will reopen the pier in spring," Mayor Lena Ortiz said on Monday.\n\n'
            '"The contractor has the steel on order and the divers start next week."\n')
    doc = quoteattr.attribute(text)
    assert [q.rule for q in doc.quotes] == ["quote_speaker_cue", "follow_on_quote"]
    assert _who(text, "news") == ["Lena Ortiz", "Lena Ortiz"]


_NOIR = (
    "I had not seen Kessler for eleven years when he walked into the bar on Fifth Street. "
    "He took the stool beside mine and ordered a beer.\n\n"
    '"You look old," he said.\n\n'
    '"I am old."\n\n'
    '"We all are." He drank half the glass. "You still at the paper?"\n\n'
    '"They let me go in the spring."\n\n'
    '"I\'m sorry."\n\n'
    '"Don\'t be."\n\n'
    "Kessler laughed and wiped his mouth with the back of his hand.\n\n"
    '"You were the best of us, Danny."\n\n'
    '"That isn\'t saying much."\n'
)


def test_a_first_person_narrator_takes_the_other_turns() -> None:
    """The "I" of the narration is the other participant; named by the name Kessler
    calls them."""
    who = _who(_NOIR)
    assert who == ["Kessler", "Danny", "Kessler", "Kessler", "Danny", "Kessler", "Danny",
                   "Kessler", "Danny"]


_PARLOUR = (
    "'I suppose you think that clever,' said Mrs Whitcombe, folding her arms.\n\n"
    "'Not particularly,' said Harriet.\n\n"
    "'The vicar shall hear of it.'\n\n"
    "'I expect he will, Mrs Whitcombe. He hears of everything.'\n\n"
    "'Don't you take that tone with me, young lady.'\n\n"
    "'What tone would you prefer?'\n"
)


def test_british_single_quotes_alternate() -> None:
    who = _who(_PARLOUR)
    assert who == ["Whitcombe", "Harriet", "Whitcombe", "Harriet", "Whitcombe", "Harriet"]


_HEDGEROW = (
    "Pip the rabbit hopped over to see Bramble the hedgehog.\n\n"
    '"Will you come and play?" asked Pip.\n\n'
    '"I can\'t," said Bramble. "I have to find my supper."\n\n'
    '"What do you eat?"\n\n'
    '"Beetles and worms and slugs."\n\n'
    '"Yuck!" said Pip. "I eat carrots."\n\n'
    '"Carrots are yuck," said Bramble, and they both laughed.\n\n'
    '"Let\'s find supper together, then."\n\n'
    '"All right, Pip. You look for carrots and I\'ll look for beetles."\n'
)


def test_a_childrens_story_alternates_between_tags() -> None:
    assert _who(_HEDGEROW) == ["Pip", "Bramble", "Bramble", "Pip", "Bramble", "Pip", "Pip",
                               "Bramble", "Pip", "Bramble"]


_LETTER = (
    "The study was dark, and the fire had gone out an hour before.\n\n"
    '"Where have you been all evening, Mr. Crane?"\n\n'
    '"At the Lodge, if you must know."\n\n'
    '"Till midnight?"\n\n'
    '"Till midnight, Mrs. Pell."\n'
)


def test_the_one_addressed_answers_an_unknown_speaker() -> None:
    """Nobody is tagged, but the first turn calls its listener by name: Crane answers it,
    and Mrs. Pell, whom Crane addresses, is never the one speaking to herself."""
    who = _who(_LETTER)
    assert who[1] == "Crane"
    assert who[3] == "Crane"
    assert "Pell" not in (who[3] or "")


_CALL = (
    "The phone rang at three in the morning. Reyes picked it up on the second ring.\n\n"
    '"They found the car," said Hollis. "Off Route 9, in the reservoir."\n\n'
    '"The driver?"\n\n'
    '"Still in it. Been there a week, the divers think."\n\n'
    'Reyes sat up and reached for the lamp. "I\'ll be there in forty minutes."\n\n'
    '"Make it thirty. The chief is already on his way."\n\n'
    '"Understood."\n'
)


def test_a_thriller_call_alternates_around_an_action_beat() -> None:
    assert _who(_CALL) == ["Hollis", "Hollis", "Reyes", "Hollis", "Reyes", "Hollis", "Reyes"]


_INTERVIEW = (
    "Senator Ruth Okafor sat down with the Ledger on Tuesday to talk about the farm bill.\n\n"
    '"Do you support the bill?" asked reporter Dan Hale.\n\n'
    '"I support the goals of the bill," Okafor said. "I do not support every line of it."\n\n'
    '"Which lines don\'t you support?"\n\n'
    '"The funding formula is a problem for rural states."\n'
)


def test_a_news_interview_alternates_after_a_question() -> None:
    who = _who(_INTERVIEW, "news")
    assert who[:3] == ["Dan Hale", "Ruth Okafor", "Ruth Okafor"]
    assert who[3] == "Dan Hale"
    assert who[4] == "Ruth Okafor"


def test_the_person_the_scene_names_answers_when_nobody_else_acts() -> None:
    text = ("Nora came into the kitchen and found her brother at the stove.\n\n"
            '"You burned the toast again," said Nora.\n\n'
            '"I like it burned."\n\n'
            '"Nobody likes it burned."\n')
    assert _who(text) == ["Nora", "her brother", "Nora"]


def test_a_chapter_number_is_no_narrating_i() -> None:
    """"Chapter I." before an exchange is a heading: nobody narrates in the first person,
    so no turn goes to a narrator."""
    text = ("Chapter I.\n\n"
            '"You are not looking well tonight, uncle."\n\n'
            '"I am not well, Ada. I doubt I shall ever be better."\n\n'
            '"Surely you cannot mean that."\n')
    assert "narrator" not in _who(text)


_KITCHEN_DOOR = (
    '"Where have you been?" demanded Mrs. Oakley as her son came through the door.\n\n'
    '"Out."\n\n'
    '"Out where?"\n\n'
    '"Just out, Mother. With Sam."\n\n'
    '"Sam Pruitt? I told you I did not want you running about with that boy."\n\n'
    "Tom hung his cap on the peg and said nothing.\n\n"
    '"Did you hear me, Thomas?"\n'
)


def test_the_listener_named_in_the_first_tag_answers() -> None:
    who = _who(_KITCHEN_DOOR)
    assert who[:3] == ["Oakley", "her son", "Oakley"]


def test_a_relation_addressed_is_the_speaker_known_before_under_their_name() -> None:
    """ "Just out, Mother." is answered by Mrs. Oakley, named as the text names her, not by
    an entity called "Mother"."""
    assert _who(_KITCHEN_DOOR)[4] == "Oakley"


def test_a_character_who_says_nothing_does_not_speak_next() -> None:
    """Tom keeps silent: the question after it is still his mother's, whoever else acts."""
    doc = quoteattr.attribute(_KITCHEN_DOOR, genre="fiction")
    last = doc.quotes[-1]
    assert last.speaker is not None and last.speaker.name == "Oakley"
    assert last.rule == "turn_taking"


def test_a_pause_is_not_a_silence() -> None:
    text = ('"He has asked for your hand," said Mr. Thorne.\n\n'
            "Clara coloured, but she said nothing for a long moment.\n\n"
            '"And what did you tell him, papa?"\n')
    assert _who(text)[1] == "Clara"


_SUPPER = (
    '"Pass the salt," said Uncle Walter.\n\n'
    "Aunt Bea passed it without looking at him. \"You've had enough salt for one lifetime, "
    'Walter."\n\n'
    '"Says who?"\n\n'
    '"Says Dr. Hames."\n\n'
    "Jenny giggled, and her mother frowned at her across the table.\n\n"
    '"Eat your peas, Jenny."\n\n'
    '"I hate peas."\n'
)


def test_a_quote_never_speaks_to_its_own_speaker() -> None:
    """Walter is addressed, so the beat's Aunt Bea speaks; Jenny is addressed, so the
    other person in the beat, her mother, speaks, and Jenny answers."""
    who = _who(_SUPPER)
    assert who[1] == "Aunt Bea"
    assert who[2] == "Uncle Walter" and who[3] == "Aunt Bea"
    assert who[4] == "her mother"
    assert who[5] == "Jenny"


def test_the_listener_a_tag_names_answers() -> None:
    text = ("The platform was crowded with soldiers and their families. Mira and her brother "
            "pushed through to the timetable board, where Mr. Gale the stationmaster stood.\n\n"
            '"Then we shall wait inside," Mira said to her brother.\n\n'
            '"I will get the bags."\n')
    reply = quoteattr.attribute(text, genre="fiction").quotes[1]
    assert reply.rule == "turn_taking"
    assert reply.mention is not None and reply.mention.text == "her brother"


def test_a_long_reflection_does_not_end_the_exchange() -> None:
    reflection = ("I confess that when my cousin looks at me in that way, with her brows drawn "
                  "together and her hands clasped, I feel every one of my sins at once, and "
                  "the idle years behind me rise up like so many creditors at the door. It "
                  "seemed to me, besides, that a winter abroad might be passed with some "
                  "amusement, and that nobody at home would miss me very much. So I gave in.")
    text = ('"You will write to Sir Hugh, then?" said Cousin Agnes.\n\n'
            f"{reflection}\n\n"
            '"Very well, I will write tonight," I said.\n\n'
            '"Oh, how good of you!"\n')
    who = _who(text)
    assert who[2] == "Cousin Agnes"


def test_news_reads_no_scene_for_a_second_participant() -> None:
    """A feature's narration names people who are not in the interview: after a speaker's
    own rhetorical question, the next paragraph is still theirs."""
    text = ("Okonjo paused and recalled meeting Dara Flint at the shelter after the "
            "flood, long after the volunteers had gone home.\n\n"
            '"Who keeps going after a week like that, honestly?" said Okonjo.\n\n'
            '"I still do not know the answer, but I ask it every spring."\n')
    assert _who(text, "news") == ["Okonjo", "Okonjo"]


_DRAWING_ROOM = (
    'CHAPTER III\n\n'
    'The Duchess received them in the blue drawing-room. She did not rise.\n\n'
    '"So you are Mr. Fenwick\'s boy," she said, looking Arthur up and down through her'
    ' glass.\n\n'
    '"Yes, ma\'am."\n\n'
    '"You have his nose. A pity. And what do you propose to do with yourself?"\n\n'
    '"I had thought of the law, ma\'am."\n\n'
    '"The law!" The Duchess laughed. "Your father thought of the law. It did not '
    'think of him."\n\n'
    'Arthur flushed to the roots of his hair.\n\n'
    '"My father was an honest man."\n\n'
    '"Honest men make poor lawyers, child. Sit down. No, not there; that chair was '
    'the Duke\'s."\n\n'
    'He sat where she pointed. Lady Clare, who had said nothing all this while, came '
    'and stood behind his chair.\n\n'
    '"Grandmamma, you are frightening him."\n\n'
    '"Nonsense, Clare. Nobody is frightened of an old woman."\n\n'
)


def test_a_silence_kept_until_now_ends_with_a_turn() -> None:
    """Lady Clare "had said nothing" until she speaks; the Duchess, not Arthur (who only
    sat down in the beat), answers her."""
    who = _who(_DRAWING_ROOM)
    assert who[:4] == ["Duchess", "Arthur", "Duchess", "Arthur"]
    assert who[6:8] == ["Arthur", "Duchess"]
    assert who[8] == "Clare" and who[9] == "Duchess"


_BAKER_STREET = (
    '"Well, Watson?" said Holmes, without looking up from his pipe.\n\n'
    'I shrugged. "I have no idea what you mean."\n\n'
    '"The boots, man! Look at the boots."\n\n'
    "I looked. They were ordinary boots, muddy at the heel.\n\n"
    '"They are muddy."\n\n'
    '"Precisely. And where, in this dry weather, does a man find mud?"\n\n'
    '"The river?"\n'
)


def test_a_word_that_is_its_own_sentence_addresses_no_one() -> None:
    """ "Precisely." opens a quote as a sentence, not as a name called out, so it does not
    rival "Watson" as the name the narrator is addressed by."""
    assert _who(_BAKER_STREET) == ["Holmes", "Watson", "Holmes", "Watson", "Holmes", "Watson"]
