"""A confidential text too short to tell from ordinary words is no candidate; a short word is."""

from __future__ import annotations

from standgen.leaks.candidates import unit_candidates
from standgen.leaks.rendered import Unit


def _texts(text: str) -> list[str]:
    return [c.text for c in unit_candidates(Unit(text=text, where="t")) if c.kind == "text"]


def test_one_or_two_characters_are_no_candidate() -> None:
    assert _texts("Ӛ") == []
    assert _texts("X.") == []
    assert _texts("ab") == []


def test_three_letters_are_a_candidate() -> None:
    assert _texts("Orc") == ["Orc"]
