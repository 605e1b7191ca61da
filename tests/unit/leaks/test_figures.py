"""Figures compare by value in every spelling; a long text's numbers read only where sought."""

from __future__ import annotations

import pytest

from standgen.leaks.figures import figure_keys, keys_near, signature, text_keys


def _keys(text: str, dutch_only: bool = False) -> set[str]:
    return {k for _, keys in figure_keys(text, dutch_only=dutch_only) for k in keys}


@pytest.mark.parametrize("spelling", ["34.567", "34567", "34 567", "34\u00a0567",
                                      "34\u202f567", "34,567", "−34.567", "+34.567 fte"])
def test_every_spelling_of_a_figure_reads_as_its_value(spelling: str) -> None:
    assert "34567" in _keys(spelling)


def test_a_candidate_reads_the_dutch_way_only() -> None:
    assert _keys("34,567", dutch_only=True) == {"34.567"}
    assert _keys("34.567", dutch_only=True) == {"34567"}
    assert _keys("1.234,5", dutch_only=True) == {"1234.5"}


def test_scale_words_and_percentages() -> None:
    assert {"26.3", "26300000"} <= _keys("€ 26,3 miljoen")
    assert "26300000" in _keys("26.300.000")
    assert "79.5" in _keys("79,5%") and "79.5" in _keys("79,5 procent")


def test_a_number_inside_a_word_or_a_longer_number_is_not_read() -> None:
    assert "812" not in _keys("A812 en 8120 en 2812 en 812a")


def test_reading_where_sought_finds_what_reading_everything_finds() -> None:
    text = ("Tabel 3: 1.234.567 en 12 345,6; 34,567% en 98.765 miljoen. Pagina 4 van 12; "
            "hoofdstuk 2.1 en 19-05-2026, 0,5 en 77,5") * 3
    every = text_keys(text, 3)
    assert every <= keys_near(text, {signature(k) for k in every})
    sought = keys_near(text, {signature("775")})
    assert "77.5" in sought and "1234567" not in sought and "98765" not in sought
