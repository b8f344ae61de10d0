"""``quoteattr.lexicon``: the data files load, hold what the rules expect, bad rows fail loudly."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest

from quoteattr import LexiconError
from quoteattr import lexicon as lexicon_module
from quoteattr.lexicon import Lexicon, default_lexicon, read_table

DATA = resources.files("quoteattr").joinpath("data")
TABLES = sorted(p.name[: -len(".tsv")] for p in DATA.iterdir() if p.name.endswith(".tsv"))


def test_data_dir_has_tables() -> None:
    """Sanity for the parametrized tests below: the package ships its .tsv files."""
    assert {"speech_verbs", "titles", "pronouns", "quote_marks"} <= set(TABLES)


def test_default_lexicon_reads_every_data_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``data/*.tsv`` is read by ``default_lexicon()`` or is one of the fixed word lists
    modules read at import (``WORD_LISTS``): no file ships unused."""
    seen: list[str] = []
    real = lexicon_module.read_table

    def spy(name: str) -> tuple[dict[str, str], ...]:
        seen.append(name)
        return real(name)

    monkeypatch.setattr(lexicon_module, "read_table", spy)
    fresh = default_lexicon.__wrapped__()  # bypass the cache, build from the files
    assert isinstance(fresh, Lexicon)
    assert sorted(set(seen) | lexicon_module.WORD_LISTS) == TABLES
    assert not set(seen) & lexicon_module.WORD_LISTS  # each file has one reader


def test_default_lexicon_is_cached() -> None:
    """The lexicon is read once per process."""
    assert default_lexicon() is default_lexicon()


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_rows(name: str) -> None:
    """Each table parses and is not empty."""
    assert len(read_table(name)) > 0


@pytest.mark.parametrize("name", TABLES)
def test_table_header_names_source_and_licence(name: str) -> None:
    """Each file says where its entries come from and under which licence (data/README.md)."""
    comments = [
        line for line in DATA.joinpath(f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]
    assert any(line.startswith("# source:") for line in comments)
    assert any(line.startswith("# licence:") for line in comments)


@pytest.mark.parametrize("name", TABLES)
def test_first_column_is_a_unique_key(name: str) -> None:
    """The first column is a unique key, so no row silently overwrites another."""
    rows = read_table(name)
    key = next(iter(rows[0]))
    keys = [row[key] for row in rows]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


@pytest.mark.parametrize(
    ("form", "expected"),
    [("said", "say"), ("told", "tell"), ("says", "say"), ("added", "add")],
)
def test_speech_verb_lemmas(lexicon: Lexicon, form: str, expected: str) -> None:
    """Inflected speech-verb forms map to their lemma."""
    assert lexicon.speech_verbs[form] == expected


def test_said_is_a_strong_cue(lexicon: Lexicon) -> None:
    """"said" nearly always reports speech, so it is a strong cue."""
    assert "said" in lexicon.strong_speech_verbs


def test_every_lemma_is_itself_a_form(lexicon: Lexicon) -> None:
    """Lemmas are listed forms too ("say" is a cue as well as "said")."""
    assert sorted(set(lexicon.speech_verbs.values()) - set(lexicon.speech_verbs)) == []


@pytest.mark.parametrize(
    ("title", "gender"),
    [("mr.", "m"), ("mrs.", "f"), ("ms.", "f"), ("sen.", "-"), ("prime minister", "-")],
)
def test_titles_keep_dots_and_gender(lexicon: Lexicon, title: str, gender: str) -> None:
    """Titles are lower-cased, abbreviations keep their dot, and carry a gender."""
    assert lexicon.titles[title].gender == gender


@pytest.mark.parametrize(
    ("pronoun", "person", "number", "gender", "case"),
    [
        ("she", "3", "sg", "f", "nom"),
        ("he", "3", "sg", "m", "nom"),
        ("him", "3", "sg", "m", "acc"),
        ("they", "3", "pl", "-", "nom"),
        ("i", "1", "sg", "-", "nom"),
    ],
)
def test_pronoun_features(
    lexicon: Lexicon, pronoun: str, person: str, number: str, gender: str, case: str
) -> None:
    """Pronouns carry the features coreference agrees on."""
    p = lexicon.pronouns[pronoun]
    assert (p.person, p.number, p.gender, p.case) == (person, number, gender, case)


def test_abbreviations_keep_their_dot(lexicon: Lexicon) -> None:
    """The sentence splitter looks up tokens with their final dot."""
    assert {"mr.", "sen.", "fla.", "u.s."} <= lexicon.abbreviations
    assert all(a.endswith(".") for a in lexicon.abbreviations)


def test_first_names_are_lowercased_keys(lexicon: Lexicon) -> None:
    """first_names.tsv is capitalised on disk but looked up lower-cased."""
    assert all(k == k.lower() for k in lexicon.first_names)
    assert lexicon.first_names["anna"] == "f"


@pytest.mark.parametrize(
    ("mark", "family", "direction"),
    [
        ('"', "double", "either"),
        ("“", "double", "open"),
        ("”", "double", "close"),
        ("„", "double", "open"),
        ("''", "double", "either"),
        ("'", "single", "either"),
        ("‘", "single", "open"),
        ("’", "single", "close"),
        ("«", "guillemet", "open"),
        ("»", "guillemet", "close"),
    ],
)
def test_quote_marks(lexicon: Lexicon, mark: str, family: str, direction: str) -> None:
    """Each quotation mark has a family it pairs within and a direction."""
    info = lexicon.quote_marks[mark]
    assert (info.family, info.direction) == (family, direction)


def test_german_closer_also_closes_low_opener(lexicon: Lexicon) -> None:
    """German „…“: the “ may close a „ (also_closes)."""
    assert "„" in lexicon.quote_marks["“"].also_closes


def test_lexicon_maps_are_read_only(lexicon: Lexicon) -> None:
    """The lexicon is frozen: its maps cannot be changed by a caller."""
    with pytest.raises(TypeError):
        lexicon.speech_verbs["blurted"] = "blurt"  # type: ignore[index]
    with pytest.raises(AttributeError):
        lexicon.titles = {}  # type: ignore[misc]


# -- malformed files -----------------------------------------------------------------------


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``read_table`` at ``tmp_path/data`` instead of the installed package data."""
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(
        lexicon_module, "resources", SimpleNamespace(files=lambda package: tmp_path)
    )
    return tmp_path / "data"


_HEADER = "# test table\n# source: the test suite\n# licence: Apache-2.0\n"


def test_fake_data_reads_a_good_table(fake_data: Path) -> None:
    """Control: a well-formed file parses through the redirected loader."""
    (fake_data / "speech_verbs.tsv").write_text(
        _HEADER + "form\tlemma\tstrength\nsaid\tsay\tstrong\n\n# a comment\nnoted\tnote\tweak\n",
        encoding="utf-8",
    )
    assert read_table("speech_verbs") == (
        {"form": "said", "lemma": "say", "strength": "strong"},
        {"form": "noted", "lemma": "note", "strength": "weak"},
    )


def test_wrong_field_count_names_file_and_line(fake_data: Path) -> None:
    """A row with too few fields raises LexiconError naming the file and its line number."""
    (fake_data / "speech_verbs.tsv").write_text(
        _HEADER + "form\tlemma\tstrength\nsaid\tsay\tstrong\ntold tell strong\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"quoteattr/data/speech_verbs\.tsv line 6\b"):
        read_table("speech_verbs")


def test_bad_value_names_file_line_and_column(fake_data: Path) -> None:
    """A value outside the column's allowed set raises LexiconError with file, line, column."""
    (fake_data / "titles.tsv").write_text(
        _HEADER + "title\tgender\tkind\nmr.\tm\thonorific\nms.\tx\thonorific\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"titles\.tsv line 6.*'gender'.*'x'") as info:
        read_table("titles")
    assert isinstance(info.value, ValueError)
    assert info.value.code == "QA003"


def test_missing_file_raises_lexicon_error(fake_data: Path) -> None:
    """A file missing from the installation is a LexiconError naming it, not a bare OSError."""
    with pytest.raises(LexiconError, match=r"quoteattr/data/pronouns\.tsv"):
        read_table("pronouns")


@pytest.mark.parametrize("name", sorted(lexicon_module.WORD_LISTS))
def test_word_list_is_the_first_column_lower_cased(name: str) -> None:
    """A fixed word list is its file's first column, lower-cased, each word once."""
    words = lexicon_module.word_list(name)
    assert words and all(w == w.lower().strip() and w for w in words)
    assert len(set(words)) == len(words)


def test_word_list_refuses_a_file_that_is_not_one() -> None:
    """Only the declared word lists are read this way; a typo fails naming the choices."""
    with pytest.raises(LexiconError, match="name_particles"):
        lexicon_module.word_list("name_particle")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("name_particles", {"van", "al", "of", "ibn"}),
        ("participle_followers", {"the", "about", "to"}),
        ("role_determiners", {"the", "another", "their"}),
        ("headline_small_words", {"of", "vs.", "the"}),
        ("title_small_words", {"of", "de", "von"}),
        ("irregular_past_verbs", {"told", "wrote", "held"}),
        ("clause_openers", {"after", "speaking", "asked"}),
        ("inscription_words", {"reading", "said", "bearing", "with"}),
        ("word_nouns", {"word", "slogan", "hashtag"}),
        ("noun_determiners", {"a", "their", "this"}),
        ("unsaid_words", {"even", "refused", "say", "uttered"}),
        ("naming_verbs", {"calls", "dubbed", "known as"}),
        ("possessor_determiners", {"the", "a", "an", "their"}),
        ("generic_np_words", {"the", "another", "who", "during"}),
        ("vocative_adjectives", {"dear", "good", "old"}),
        ("cue_gap_words", {"has", "later", "went on to"}),
        ("modifier_stops", {"the", "and", "who", "said"}),
        ("furniture_labels", {"read", "(reporting", "©", "(c)"}),
        ("name_joints", {"of", "for"}),
        ("silence_phrases", {"said nothing", "made no reply", "held her tongue"}),
        ("speaker_prepositions", {"in", "to", "toward", "inside"}),
        ("description_determiners", {"the", "his", "her", "their"}),
        ("party_members", {"republican", "democrat", "tory"}),
    ],
)
def test_word_lists_hold_what_the_modules_expect(name: str, words: set[str]) -> None:
    """The words each reader was written for are in its file."""
    assert words <= set(lexicon_module.word_list(name))


def test_word_list_reads_another_column() -> None:
    """A list may be a file's other column: the plurals of the word nouns."""
    nouns = lexicon_module.word_list("word_nouns")
    plurals = lexicon_module.word_list("word_nouns", "plural")
    assert len(nouns) == len(plurals) and ("words" in plurals) and ("word" in nouns)
    with pytest.raises(LexiconError, match="plural"):
        lexicon_module.word_list("word_nouns", "plurals")
