"""An organisation named in full, then by its initials: the initials are the same body.

Reporters give a body's full name once, often with its initials in brackets, and use the
initials after ("the Federation of Small Businesses (FSB) ... the FSB said"). The texts
are written for these tests; they run on the embedded path (no model).
"""

from __future__ import annotations

import pytest

import quoteattr


def _speakers(text: str) -> list[str | None]:
    result = quoteattr.Attributor(genre="news").attribute(text)
    return [q.speaker.name if q.speaker else None for q in result.quotes]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Federation of Small Businesses (FSB) criticised the levy on Monday.\n\n"
         '"This will close shops," the FSB said in a statement.',
         "Federation of Small Businesses"),
        ("Dock workers are represented by the Coastal Dockers Association, or CDA.\n\n"
         '"We are ready to strike," the CDA said.', "Coastal Dockers Association"),
        ("The Kenya Medical Practitioners Union has warned of a walkout.\n\n"
         '"Our doctors have not been paid for three months," KMPU said on Tuesday.',
         "Kenya Medical Practitioners Union"),
        # a plural possessive inside the body's name, and its initials in title case
        ("The Allied Transport Workers' Union (Atwu) said its members would strike.\n\n"
         '"We have been patient for too long," Atwu said in a statement.',
         "Allied Transport Workers' Union"),
        ("The Irish Farmers’ Association (IFA) rejected the deal.\n\n"
         '"Our members cannot live on these prices," the IFA said.',
         "Irish Farmers’ Association"),
    ],
)
def test_initials_name_the_body_named_in_full(text: str, name: str) -> None:
    assert _speakers(text) == [name]


def test_initials_of_no_body_named_stay_themselves() -> None:
    text = ("The Federation of Small Businesses criticised the levy.\n\n"
            '"We will appeal," the RTA said.')
    assert _speakers(text) == ["RTA"]


def test_a_persons_initials_are_no_alias() -> None:
    """Only an organisation's name gives initials: "JK" is not John Kerry."""
    text = 'John Kerry arrived late.\n\n"We will see," JK said.'
    assert _speakers(text) == ["JK"]
