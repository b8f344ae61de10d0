"""Fiction's descriptions of its characters: a title ("said the colonel"), a description
given beside a name ("Mrs. Tull, the housekeeper,") and a tag whose "he" or description
cannot be the one the quote addresses by name. Scenes written for these tests."""

from __future__ import annotations

import quoteattr


def _names(text: str, genre: str = "fiction") -> list[str | None]:
    return [q.speaker.name if q.speaker else None
            for q in quoteattr.attribute(text, genre=genre).quotes]


def test_the_title_holder_speaks_under_the_title() -> None:
    text = ("Colonel Arthur Pryce stood by the mantel, and his niece Harriet sat sewing.\n\n"
            "\u201cThen we shall begin without her,\u201d the colonel said.")
    assert _names(text) == ["Arthur Pryce"]


def test_a_description_given_beside_a_name_is_that_character() -> None:
    text = ("Mrs. Tull, the housekeeper, came in with the lamp, and Ellen followed her with "
            "the tea-tray. Ellen set the tray down and went to draw the curtains.\n\n"
            "\u201cThe tea is stewed,\u201d said the housekeeper.")
    assert _names(text) == ["Tull"]
    assert _names(text.replace("Mrs. Tull, the housekeeper,", "Mrs. Tull")) == [
        "the housekeeper"]  # nobody was called so: a description of its own


def test_two_people_so_described_name_neither() -> None:
    text = ("Mr. Amos Hart, the clerk, and Mr. Joel Penn, the clerk of the other court, "
            "came in together.\n\n\u201cWe are late,\u201d said the clerk.")
    assert _names(text) == ["the clerk"]


def test_a_named_curate_is_the_curate() -> None:
    text = ("The dinner party was made up of the family and a young curate named Mr. "
            "Ferrars, who blushed.\n\n\u201cA little, ma\u2019am,\u201d said the curate.")
    assert _names(text) == ["Ferrars"]


def test_the_speaker_is_not_the_one_addressed() -> None:
    text = ("Mr. Bumble and old Pinchwick sat down to the soup. Pinchwick wheezed.\n\n"
            "\u201cYou say that every year, Pinchwick,\u201d observed the host.")
    names = _names(text)
    assert names[0] != "Pinchwick"


_SCENE = ("Major Quill sat at the head of the table; his sister Agnes poured the tea, and "
          "young Tom Ashby, the new clerk, stood by the door.\n\n"
          "\u201cThe rain will hold off,\u201d said Agnes.\n\n"
          "\u201cIt will not,\u201d said the major. \u201cAshby, you have the papers?\u201d\n\n"
          "\u201cI have them here, sir.\u201d\n")


def test_the_one_addressed_answers_though_he_has_not_spoken_yet() -> None:
    assert _names(_SCENE)[-1] == "Tom Ashby"


def test_a_name_only_talked_about_does_not_answer() -> None:
    scene = _SCENE.replace(", and young Tom Ashby, the new clerk, stood by the door", "")
    assert _names(scene)[-1] != "Ashby"


def test_a_title_after_the_opening_mark_still_addresses_the_name() -> None:
    text = ("Silas Thorpe sat by the window with his paper, and Dr. Grey sat across from "
            "him. Ada came in from the hall.\n\n\u201cUncle Silas, will you not come to "
            "church?\u201d said Ada.\n\n\u201cNot today, child.\u201d\n")
    assert _names(text) == ["Ada", "Silas Thorpe"]


def test_a_reply_names_who_spoke_the_line_it_answers() -> None:
    text = ("CHAPTER I.\n\n\u201cUncle, you are not looking well tonight.\u201d\n\n"
            "\u201cI am not well, Florence. I am tired.\u201d\n\n"
            "\u201cThen you must rest, Uncle.\u201d\n")
    assert _names(text)[0] == "Florence"


def test_two_who_greet_each_other_by_name_each_speak_once() -> None:
    text = ("CHAPTER I.\n\n\u201cNED, you old rascal!\u201d\n\n\u201cPolly, by all that's "
            "wonderful!\u201d\n\n"
            "The two cousins shook hands on the station platform.\n")
    assert _names(text) == ["Polly", "NED"]


def test_the_one_acting_before_a_quote_inside_a_paragraph_speaks_it() -> None:
    text = ("Mrs. Pruett came back from the yard with the basket.\n\n"
            "\u201cNot a single egg,\u201d said Mrs. Pruett. \u201cThe fox again, I expect.\u201d "
            "Her brother Amos looked up from his boots. \u201cThen I'll sit up for him.\u201d\n")
    assert _names(text)[-1] == "Amos"
    assert _names(text, "news")[-1] != "Amos"  # news keeps carrying the quote before's


def test_a_word_capitalised_once_takes_no_turn() -> None:
    text = ("Quarrier and his clerk, Daniel Shaw, had added the ledger twice and bent over "
            "it together.\n\n"
            "\u201cThe figures are wrong,\u201d said Quarrier.\n\n"
            "\u201cThey were right on Monday, sir.\u201d\n\n"
            "Twice the clock struck in the hall below.\n\n"
            "\u201cThen someone has changed them since.\u201d\n")
    assert _names(text)[-1] == "Quarrier"


def test_the_one_addressed_before_the_tag_answers() -> None:
    text = ("The apprentice, Ned Palfrey, was sweeping the shop while Mr. Corbould counted "
            "the till.\n\n"
            "\u201cNed,\u201d said he presently, \u201cwho left the back door open?\u201d\n\n"
            "\u201cNot I, sir.\u201d\n")
    assert _names(text)[-1] == "Ned Palfrey"
