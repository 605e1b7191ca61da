"""Prose edits placed in YAML text: exact spans, or a refusal with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.review.apply import Placed, place, write_edits
from standgen.review.changes import Change
from standgen.review.docxread import NOTE, Para, Segment
from standgen.review.locate import Where


def _change(before: str, deleted: str, inserted: str, after: str,
            kind: str | None = None) -> Change:
    para = Para(0, "1", [Segment("plain", before + deleted + after)])
    kind = kind or ("replace" if deleted and inserted else "del" if deleted else "ins")
    return Change(para, kind, deleted, inserted, before, after, "R", "2026-06-01")


def _where(line: int, field: str = "chapters[0].blocks[0].text") -> Where:
    return Where("h.yaml", line, "prose", "prose", {"field": field})


def _apply(tmp_path: Path, yaml_text: str, change: Change, line: int,
           field: str = "chapters[0].blocks[0].text") -> tuple[Placed | str, str]:
    path = tmp_path / "h.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    placed = place(change, _where(line, field), tmp_path)
    if isinstance(placed, Placed):
        assert write_edits([placed]) == {}
    return placed, path.read_text(encoding="utf-8")


BLOCK = """# kop
blocks:
  - text: |
      Eerste regel van de tekst met een voetnoot.[^n1]
      Tweede regel loopt door. # geen commentaar
  - text: Ander veld.
"""


def test_an_insertion_after_a_footnote_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    change = _change(f"Eerste regel van de tekst met een voetnoot.{NOTE}", "", " Nieuw.",
                     " Tweede regel loopt door. # geen commentaar")
    placed, text = _apply(tmp_path, BLOCK, change, 3)
    assert isinstance(placed, Placed) and placed.line == 4
    assert text == BLOCK.replace("[^n1]\n", "[^n1] Nieuw.\n")


def test_a_deletion_across_a_line_break_joins_the_lines(tmp_path: Path) -> None:
    change = _change("Eerste regel van de tekst met een ", f"voetnoot.{NOTE} Tweede ", "",
                     "regel loopt door.")
    placed, _ = _apply(tmp_path, BLOCK, change, 3)
    assert isinstance(placed, str) and "footnote" in placed
    change = _change("Eerste regel van de tekst met een ", "tekst", "", "")
    placed, _ = _apply(tmp_path, BLOCK, change, 3)
    assert placed == ("the text around the edit is not in the source as built (changed "
                      "since the build, or it comes from a template expression or markup)")


def test_words_outside_the_field_are_not_found(tmp_path: Path) -> None:
    change = _change("Ander ", "veld", "stuk", ".")
    placed, text = _apply(tmp_path, BLOCK, change, 3)
    assert isinstance(placed, str) and text == BLOCK
    placed, text = _apply(tmp_path, BLOCK, change, 6)
    assert isinstance(placed, Placed)
    assert text.endswith("  - text: Ander stuk.\n")


@pytest.mark.parametrize("inserted", [" {{ waarde.x }}", " *vet*", " zie [link](x)",
                                      " <b>", " rubricering: openbaar"])
def test_markup_and_levels_in_inserted_text_are_refused(tmp_path: Path, inserted: str
                                                        ) -> None:
    change = _change("Tweede regel loopt door.", "", inserted, "")
    placed, text = _apply(tmp_path, BLOCK, change, 3)
    assert isinstance(placed, str) and text == BLOCK


@pytest.mark.parametrize(("source", "inserted", "expected"), [
    ('  - text: "Een zin."\n', ' met "aanhalingstekens"', None),
    ("  - text: 'Een zin.'\n", " van de minister's staf", "  - text: 'Een zin van de "
     "minister''s staf.'\n"),
    ("  - text: Een zin.\n", " let op: dit", None),
    ("  - text: Een zin.\n", " en meer", "  - text: Een zin en meer.\n"),
])
def test_each_yaml_style_takes_only_what_it_can_hold(tmp_path: Path, source: str,
                                                     inserted: str, expected: str | None
                                                     ) -> None:
    change = _change("Een zin", "", inserted, ".")
    placed, text = _apply(tmp_path, source, change, 1)
    if expected is None:
        assert isinstance(placed, str) and text == source
    else:
        assert text == expected


def test_an_edit_on_a_line_with_a_rubricering_is_refused(tmp_path: Path) -> None:
    source = "  - {text: Geheime zin hier., rubricering: dep-vertrouwelijk}\n"
    change = _change("Geheime zin ", "hier", "daar", ".")
    placed, text = _apply(tmp_path, source, change, 1)
    assert isinstance(placed, str) and "rubricering" in placed and text == source


def test_ambiguous_words_are_refused(tmp_path: Path) -> None:
    source = "  - text: |\n      Het plan. Het plan.\n"
    change = _change("", "Het", "Dat", " plan.")
    placed, text = _apply(tmp_path, source, change, 1)
    assert isinstance(placed, str) and "more than once" in placed and text == source


@pytest.mark.parametrize("kind", ["moveFrom", "moveTo"])
def test_moved_text_is_structural(tmp_path: Path, kind: str) -> None:
    change = _change("Tweede regel ", "loopt", "", " door.", kind=kind)
    placed, text = _apply(tmp_path, BLOCK, change, 3)
    assert isinstance(placed, str) and "structural" in placed and text == BLOCK


def test_crlf_sources_are_matched_across_lines(tmp_path: Path) -> None:
    source = BLOCK.replace("\n", "\r\n")
    path = tmp_path / "h.yaml"
    path.write_bytes(source.encode())
    change = _change("voetnoot.", "", " Erbij.", f"{NOTE} Tweede regel")
    placed = place(change, _where(3), tmp_path)
    assert isinstance(placed, Placed)
    assert write_edits([placed]) == {}
    assert b"voetnoot. Erbij.[^n1]\r\n" in path.read_bytes()
