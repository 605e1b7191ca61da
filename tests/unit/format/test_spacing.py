"""No-break spaces in author text, and Dutch soft hyphens that never split a number."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.format.hyphenate import SHY, soft_hyphens
from standgen.format.spacing import tie_spaces

NB = "\u00a0"


@pytest.mark.parametrize(("text", "expected"), [
    ("kost €2,5 miljoen", f"kost €{NB}2,5{NB}miljoen"),
    ("kost € 3,1 miljard", f"kost €{NB}3,1{NB}miljard"),
    ("€ -3,1 miljard", f"€{NB}-3,1{NB}miljard"),
    ("zie pagina 3", f"zie pagina{NB}3"),
    ("5 van 8 mijlpalen", f"5{NB}van{NB}8 mijlpalen"),
    ("de 7ᵉ plaats", f"de 7ᵉ{NB}plaats"),
    ("de 7e plaats", f"de 7e{NB}plaats"),
    ("12 VTE'n", f"12{NB}VTE'n"),
    ("(€ x 1.000)", f"(€{NB}x{NB}1.000)"),
    ("een euro per dag", "een euro per dag"),
    ("in 2025 groeide het", "in 2025 groeide het"),
    ("3 miljoenen", "3 miljoenen"),
    ("(Kamerstuk 36 592, nr. 53)", f"(Kamerstuk 36{NB}592, nr.{NB}53)"),
    ("in 2025 100 mensen", "in 2025 100 mensen"),
])
def test_spaces_that_must_not_break_become_no_break_spaces(text: str, expected: str) -> None:
    assert tie_spaces(text) == expected


def test_a_long_dutch_compound_gets_hyphenation_points_where_dutch_breaks_it() -> None:
    text = soft_hyphens("ontwikkel-/scholingsmogelijkheden")
    assert text.replace(SHY, "") == "ontwikkel-/scholingsmogelijkheden"
    assert f"scho{SHY}lings{SHY}mo{SHY}ge{SHY}lijk{SHY}he{SHY}den" in text


def test_web_and_mail_addresses_get_no_hyphenation_points() -> None:
    for address in ("https://www.tweedekamer.nl/kamerstukken/toezeggingen",
                     "www.rijksoverheid.nl/defensieorganisatie", "defensieorganisatie@mindef.nl"):
        assert soft_hyphens(f"zie {address} hier") == f"zie {address} hier"


def test_short_words_and_numbers_are_left_alone() -> None:
    assert soft_hyphens("79.949 en 1.234.567,89") == "79.949 en 1.234.567,89"
    assert soft_hyphens("Defensie") == "Defensie"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789.,% €abcdefghijklmnopqrstuvwxyzë-", max_size=60))
def test_soft_hyphens_only_add_hyphens_and_never_inside_a_number(text: str) -> None:
    result = soft_hyphens(text)
    assert result.replace(SHY, "") == text
    for index, char in enumerate(result):
        if char == SHY:
            assert result[index - 1].isalpha() and result[index + 1].isalpha()
