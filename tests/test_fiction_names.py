"""Fiction's names: who a novel's "he", "his wife" and "said the doctor" are (issue 21).

Every scene here is written for these tests, in several periods and styles (a Victorian
parlour, a ship, a modern kitchen, a crime scene, a children's story; first and third
person). Each pattern is checked with ``genre="fiction"``, and where the news default
differs on purpose, that difference is pinned too.
"""

from __future__ import annotations

import quoteattr


def _names(text: str, genre: str = "fiction") -> list[str | None]:
    doc = quoteattr.attribute(text, genre=genre)
    return [q.speaker.name if q.speaker else None for q in doc.quotes]


def _kinds(text: str, genre: str = "fiction") -> list[str]:
    return [q.kind for q in quoteattr.attribute(text, genre=genre).quotes]


_PARLOUR = (
    "Mr. Ashby folded his newspaper with great care and laid it upon the table.\n\n"
    "\u201cThe Pembertons have taken the house on the hill,\u201d said his wife.\n\n"
    "\u201cThen we shall be obliged to call,\u201d said Mr. Ashby.\n\n"
    "Mrs. Ashby smiled at the fire and said nothing more that evening.\n"
)


def test_his_wife_is_the_mrs_of_his_surname_and_the_two_names_stay_apart() -> None:
    assert _names(_PARLOUR) == ["Mrs. Ashby", "Mr. Ashby"]
    # news keeps "his wife" a person of her own: a reporter names whom they quote
    assert _names(_PARLOUR, "news")[0] == "his wife"


_SHIP = (
    "Captain Halloran had kept the deck since the middle watch. Below him, Tobias Reed "
    "and the boy were hauling at the forebrace.\n\n"
    "\u201cShe will not carry the topsail through this,\u201d said the captain.\n\n"
    "\u201cAye, sir,\u201d said Reed.\n"
)


def test_the_captain_is_the_one_character_titled_captain() -> None:
    assert _names(_SHIP) == ["Halloran", "Tobias Reed"]


_SURGERY = (
    "Dr. Imogen Vale kept her rooms above the chemist. Wilfred, the doctor's man, had "
    "lit the lamps by six and gone down to bolt the door.\n\n"
    "\u201cThere is a gentleman on the stair,\u201d he called up to her.\n\n"
    "\u201cShow him in,\u201d said the doctor.\n"
)


def test_the_doctors_man_holds_no_title_of_doctor() -> None:
    assert _names(_SURGERY)[-1] == "Imogen Vale"


_KITCHEN = (
    "Nadia was already at the sink when Tomas came in with the shopping and dropped the "
    "bags by the fridge.\n\n"
    "\u201cYou forgot the bread again,\u201d said her cousin, without looking at him.\n\n"
    "\u201cI did not forget it. They had none left.\u201d\n"
)


def test_her_cousin_is_the_person_in_view_who_is_not_her() -> None:
    doc = quoteattr.attribute(_KITCHEN.replace("without looking at him", "grinning"),
                              genre="fiction")
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.name == "Tomas"


_GARDEN = (
    "Pip lived at the bottom of the garden, under the rhubarb, with a great many snails. "
    "Pip liked the snails well enough, but he liked the blackbird better.\n\n"
    "Presently the rain stopped. Slowly the sun came out over the wall.\n\n"
    "\u201cHurrah!\u201d he shouted, and ran out to look for worms.\n"
)


def test_a_word_capitalised_once_is_no_character_for_he() -> None:
    assert _names(_GARDEN) == ["Pip"]


_PORTRAIT = (
    "To Arthur Penrose she was never more than the girl from the mill, though she had "
    "kept his accounts for three years and knew them better than he did.\n\n"
    "Arthur looked up from the ledger when the bell rang.\n\n"
    "\u201cWho can that be at this hour?\u201d he said.\n"
)


def test_the_subject_she_is_not_the_name_her_clause_governs() -> None:
    assert _names(_PORTRAIT) == ["Arthur Penrose"]


_LONG_TALK = (
    "Colonel Marchbank came in from the stables and sat down opposite his sister.\n\n"
    "\u201cYou will not sell the orchard,\u201d said Harriet.\n\n"
    "\u201cI will sell what I please.\u201d\n\n"
    "\u201cOur father planted every tree of it.\u201d\n\n"
    "The clock struck ten. The wind got up. Rain came against the glass. A log fell in the "
    "grate. The dog slept. The lamp smoked. The kettle sang. The shutters rattled. Nobody "
    "spoke.\n\n"
    "\u201cThe trees are worth a great deal, my dear,\u201d replied he at last.\n"
)


def test_replied_he_in_a_long_exchange_is_the_last_speaker_who_fits() -> None:
    # nobody is named within eight sentences of "he": the exchange's last man speaks
    assert _names(_LONG_TALK) == ["Harriet", "Marchbank", "Harriet", "Marchbank"]


_NED = (
    "My aunt kept the lodge on the moor road, and I was sent to her the winter I turned "
    "twelve.\n\n"
    "\u201cFetch the lamp, Ned, and mind the step,\u201d said Aunt Hester.\n\n"
    "\u201cYes, Aunt,\u201d I said.\n\n"
    "\u201cAnd the kettle after.\u201d\n"
)


def test_a_narrator_addressed_once_by_name_speaks_under_it() -> None:
    doc = quoteattr.attribute(_NED, genre="fiction")
    assert [q.speaker.name if q.speaker else None for q in doc.quotes][:2] == [
        "Aunt Hester", "Ned"]
    # news wants the name twice before it names an "I"
    assert _names(_NED, "news")[1] == "narrator"


def test_a_listed_name_is_no_vocative() -> None:
    text = (
        "\u201cTom, Dick, and Harry will all be there,\u201d said Aunt Hester.\n\n"
        "\u201cThen I shall stay home,\u201d I said.\n"
    )
    assert _names(text)[1] == "narrator"


_THOUGHTS = (
    "Inspector Moss waited under the awning until the last of the crowd had gone.\n\n"
    "\u201cToo late,\u201d he thought. \u201cHe was gone before we ever got here.\u201d\n\n"
    "\u201cSir?\u201d called the constable from the doorway.\n\n"
    "\u201cNothing left to do but wait,\u201d Moss said to himself.\n"
)


def test_thoughts_are_their_own_kind_in_fiction_only() -> None:
    doc = quoteattr.attribute(_THOUGHTS, genre="fiction")
    assert [q.kind for q in doc.quotes] == ["thought", "thought", "direct", "thought"]
    assert doc.quotes[0].speaker is not None and doc.quotes[0].speaker.name == "Moss"
    assert doc.quotes[0].cue is not None and doc.quotes[0].cue.text == "thought"
    # news reads no verb of thinking as a cue and makes no thought
    assert "thought" not in _kinds(_THOUGHTS, "news")


_INN = (
    "I had walked from the station in the rain, and the woman at the inn looked me over.\n\n"
    "\u201cWho are you, then?\u201d she asked.\n\n"
    "\u201cNed Carver,\u201d I said.\n\n"
    "\u201cWell, you had better come in.\u201d\n"
)

_LIGHTHOUSE = (
    "My name is Ada Lind, and I keep the lighthouse on Skerry Point.\n\n"
    "The boat came in at noon. \u201cAny letters?\u201d I asked.\n\n"
    "\u201cNone today, and my name is Walter Pike if you want to complain,\u201d said the "
    "boatman.\n"
)


def test_a_narrator_who_names_themself_speaks_under_that_name() -> None:
    assert _names(_INN)[1] == "Ned Carver"
    assert _names(_LIGHTHOUSE) == ["Ada Lind", "the boatman"]
    # another speaker's "my name is" names that speaker, not the narrator
    assert _names(_LIGHTHOUSE.replace("My name is Ada Lind, and I", "I"))[0] == "narrator"
    assert _names(_LIGHTHOUSE, "news")[0] == "narrator"


def test_an_exclamation_is_no_name_the_narrator_gives() -> None:
    text = ("\u201cAmen!\u201d I said.\n\n\u201cAnd amen again,\u201d said Father Doyle, "
            "\u201cfor you, Tom.\u201d\n\n\u201cThank you, Father,\u201d I said.\n")
    assert _names(text)[0] == "Tom"


_PEAS = (
    "The three sisters sat on the back step with the peas between them.\n\n"
    "\u201cPass the colander,\u201d said Bea.\n\n"
    "\u201cI\u2019m tired of peas,\u201d said Nell.\n\n"
    "\u201cWe are all tired of peas,\u201d said Clara. "
    "\u201cBea, tell her she must finish.\u201d\n\n"
    "\u201cFinish them, and then we can all go down to the river.\u201d\n"
)


def test_in_a_scene_of_three_the_one_addressed_answers() -> None:
    # the turn before the last was Nell's, but Clara spoke to Bea: Bea answers
    assert _names(_PEAS) == ["Bea", "Nell", "Clara", "Clara", "Bea"]


def test_a_name_opening_a_quote_is_addressed_and_a_bare_word_only_if_a_character() -> None:
    text = (
        "\u201cRalph, fetch the kettle,\u201d said Aunt Hester.\n\n"
        "\u201cComing,\u201d I said.\n\n"
        "\u201cDitto!\u201d said Aunt Hester, who had heard it from the vicar.\n\n"
        "\u201cVery funny,\u201d I said.\n"
    )
    # "Ralph" opens a quote and is addressed; "Ditto!" is one word that names no
    # character, so it does not rival Ralph as the narrator's name
    assert _names(text) == ["Aunt Hester", "Ralph", "Aunt Hester", "Ralph"]
    assert _names(text.replace("Ralph, fetch", "Fetch"))[1] == "narrator"
