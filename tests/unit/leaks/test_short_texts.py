"""Texts no leak check can tell from ordinary words are no candidate: one or two characters,
and the status words standgen prints in any cell; a short word is a candidate."""

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


def test_a_status_word_in_a_confidential_cell_is_no_text_candidate() -> None:
    cell = Unit(text="Nog niet bekend", where="t", cell=True)
    assert [c for c in unit_candidates(cell) if c.kind == "text"] == []
    sentence = Unit(text="Nog niet bekend is de inzet van de eenheid.", where="t")
    assert [c.kind for c in unit_candidates(sentence)] == ["text"]


def test_a_confidential_sentence_is_found_from_the_start_of_a_word() -> None:
    from standgen.leaks.match import Haystack
    from standgen.leaks.text import Candidate

    secret = Candidate("E aaaaaaaaaaaaaaa", "t", "text", parts=("E aaaaaaaaaaaaaaa",))
    assert not Haystack("Stand time aaaaaaaaaaaaaaa").holds(secret)
    assert Haystack("Stand E aaaaaaaaaaaaaaa.").holds(secret)
    assert Haystack("Zie E\naaaaaaaaa\naaaaaa hier").holds(secret)
