"""What counts as using an abbreviation, and where a warning about an entry points (found by
an outside attack: inflected uses, postcodes, CO~2~, entries written as one mapping)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from standgen.edition.abbreviations import edition_abbreviation_problems
from standgen.validate.abbreviations import phrase, used_abbreviations
from tests.unit.anyreport.support import report


@pytest.mark.parametrize("text", ["de nieuwe A-wegen", "twee VTE'n", "de NAVO-landen",
                                  "alle NAVO’s", "de A-weg"])
def test_an_inflected_or_compound_use_counts_as_a_use(text: str) -> None:
    term = "A-weg" if "weg" in text else ("VTE" if "VTE" in text else "NAVO")
    assert phrase(term).search(text)


@pytest.mark.parametrize(("term", "text"), [("NAVO", "NAVOLAND"), ("NAVO", "xNAVO"),
                                             ("NAVO", "de ANAVO"), ("A-weg", "het A-wegdek")])
def test_a_longer_word_is_no_use(term: str, text: str) -> None:
    assert not phrase(term).search(text)


def test_a_postcode_and_a_formula_are_no_abbreviations() -> None:
    assert used_abbreviations("Postbus 20901, 2500 EX Den Haag") == set()
    assert used_abbreviations("Postbus 20901, 2500EX Den Haag") == set()
    assert used_abbreviations("minder CO~2~ dan in 2024, meer CO2") == {"CO2"}
    assert used_abbreviations("De NAVO en de EU") == {"NAVO", "EU"}


def _entries(folder: Path, entries: Any) -> list[Any]:
    loaded = report(folder, back_matter={"afkortingen": {"entries": entries}})
    return edition_abbreviation_problems(loaded)


def test_an_entry_of_a_mapping_list_is_reported_at_its_own_line(tmp_path: Path) -> None:
    problems = _entries(tmp_path, {"MPR": "Monitor Proefregeling", "CBS": "Centraal Bureau",
                                   "XYZ": "Ongebruikt"})
    (unused,) = [p for p in problems if p.code == "abbr-unused"]
    lines = (tmp_path / "report.yaml").read_text(encoding="utf-8").splitlines()
    assert unused.location.file == tmp_path / "report.yaml"
    assert unused.location.line is not None
    assert lines[unused.location.line - 1].strip().startswith("XYZ:")
