"""Heading levels: labels and sub-headings sit one level below their container, so no level
is ever skipped; a label keeps its look at any level; blank alt text is refused."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.compose.outline import even_levels
from tests.reports import load_text, one_topic, write_report
from tests.unit.load.support import run_validate

BODY = """\
front_matter:
  voorwoord:
    blocks:
      - heading: Kop in het voorwoord
      - doelstelling: Doel in het voorwoord.
  inleiding:
    blocks:
      - text: Inleiding.
    leeswijzer:
      - heading: Kop in de leeswijzer
      - toelichting: Toelichting in de leeswijzer.
chapters:
  - number: 1
    title: Hoofdstuk
    blocks:
      - doelstelling: Doel van het hoofdstuk.
    sections:
      - number: "1.1"
        title: Sectie
        blocks:
          - toelichting: Toelichting van de sectie.
        topics:
          - id: zonder
            blocks:
              - doelstelling: Doel zonder titel.
              - heading: Kop zonder titel
          - id: met
            title: Met titel
            blocks:
              - heading: Kop met titel
              - groeiparagraaf: Groei.
          - id: weer-zonder
            blocks:
              - toelichting: Weer zonder titel.
"""

EXPECTED = [
    (1, "Voorwoord", 1), (2, "Kop in het voorwoord", 4), (2, "Doelstelling", 4),
    (1, "Inleiding", 1), (2, "Leeswijzer", 2), (3, "Kop in de leeswijzer", 4),
    (3, "Toelichting", 4),
    (1, "1 Hoofdstuk", 1), (2, "Doelstelling", 4),
    (2, "1.1 Sectie", 2), (3, "Toelichting", 4),
    (3, "Doelstelling", 4), (3, "Kop zonder titel", 4),
    (3, "Met titel", 3), (4, "Kop met titel", 4), (4, "Groeiparagraaf", 4),
    (3, "Toelichting", 4),
]


def _headings(document: t.Document) -> list[t.Heading]:
    return [b for s in document.sections for b in s.blocks if isinstance(b, t.Heading)]


@pytest.mark.parametrize("edition", ["openbaar", "vertrouwelijk"])
def test_labels_sit_one_below_their_container(tmp_path: Path, edition: str) -> None:
    document = compose_document(load_text(tmp_path, BODY), edition)  # type: ignore[arg-type]
    got = [(h.level, h.display, h.look) for h in _headings(document)]
    assert got == EXPECTED


def test_no_level_is_skipped_and_the_toc_keeps_the_levels(tmp_path: Path) -> None:
    document = compose_document(load_text(tmp_path, BODY))
    levels = [h.level for h in _headings(document)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels))
    assert document.toc is not None
    by_anchor = {h.anchor: h.level for h in _headings(document)}
    assert [(e.level, by_anchor[e.anchor]) for e in document.toc.entries] == [
        (1, 1), (1, 1), (1, 1), (2, 2)]


def test_bijlage_headings_do_not_skip(tmp_path: Path) -> None:
    body = one_topic("""\
        - doelstelling: Openbaar doel.
        - toelichting:
            text: Geheim.
            rubricering: dep-vertrouwelijk
        """)
    document = compose_document(load_text(tmp_path, body), "bijlage")
    levels = [h.level for h in _headings(document)]
    assert levels[0] == 1 and max(levels) > 2
    assert all(b <= a + 1 for a, b in pairwise(levels))


def test_even_levels_pulls_a_skipping_heading_up_and_leaves_others() -> None:
    blocks = (t.Heading(2, "Te diep", "a", kind="section"),
              t.Heading(4, "Nog dieper", "b", kind="label"),
              t.Heading(1, "Hoofdstuk", "c"), t.Heading(2, "Sectie", "d"))
    (section,) = even_levels([t.DocSection("Kop", blocks)])
    got = [(b.level, b.look) for b in section.blocks if isinstance(b, t.Heading)]
    assert got == [(1, 2), (2, 4), (1, 1), (2, 2)]


@pytest.mark.parametrize("alt", ['""', '"   "', '"\\t"'])
def test_blank_alt_text_is_refused_with_its_line(tmp_path: Path, alt: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write_report(tmp_path, one_topic(f"""\
        - figure:
            id: f
            title: Grafiek
            alt: {alt}
            chart: {{type: bar, categories: ["2025"], series: [{{label: R, values: [1]}}]}}
        """))
    outcome = run_validate(capsys, path)
    assert outcome.code == 2
    assert "alt is blank" in outcome.stderr
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "alt:" in text)
    assert f"report.yaml:{line}:" in outcome.stderr
