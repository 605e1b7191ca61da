"""Page policy and the report's name from the templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.build import artifact_name
from standgen.compose import ComposeOptions, compose_document
from standgen.compose import tree as t
from standgen.errors import SourceError
from standgen.model.settings import PagePolicy
from tests.unit.anyreport.support import report


def _breaks(document: t.Document) -> int:
    return sum(isinstance(b, t.PageBreak) for s in document.sections for b in s.blocks)


def test_sections_follow_on_by_default_chapters_start_a_page(tmp_path: Path) -> None:
    doc = compose_document(report(tmp_path))
    assert _breaks(doc) == 0
    assert doc.sections[-1].new_page


def test_page_policy_in_the_report_and_per_part(tmp_path: Path) -> None:
    doc = compose_document(report(tmp_path, settings={"page_policy": {"section": True,
                                                                      "chapter": False}}))
    assert _breaks(doc) == 2
    assert not doc.sections[-1].new_page
    chapters = [{**report(tmp_path).chapters[0].model_dump(exclude_none=True,
                                                          exclude={"source"})}]
    chapters[0]["sections"][1]["new_page"] = True
    doc = compose_document(report(tmp_path, chapters=chapters))
    assert _breaks(doc) == 1


def test_the_command_line_policy_overrides_the_report(tmp_path: Path) -> None:
    loaded = report(tmp_path, settings={"page_policy": {"section": True}})
    options = ComposeOptions(page_policy=PagePolicy(section=False))
    assert _breaks(compose_document(loaded, options=options)) == 0


def _override(folder: Path, text: str) -> Path:
    (folder / "templates" / "text").mkdir(parents=True)
    (folder / "templates" / "text" / "nl.yaml").write_text(text, encoding="utf-8")
    return folder / "templates"


def test_title_and_period_come_from_the_templates(tmp_path: Path) -> None:
    loaded = report(tmp_path)
    plain = compose_document(loaded)
    assert plain.footer_label == "Monitor Proefregeling 2025"
    expected = "monitor-proefregeling-2025-openbare-versie.pdf"
    assert artifact_name(loaded, "openbaar", "pdf") == expected
    folder = _override(tmp_path, 'titles:\n  footer: "{{ title }} – verslagjaar {{ period }}"\n'
                                 '  metadata: "{{ title }}, {{ period }}"\n'
                                 '  file_name: "mpr {{ period }}"\n'
                                 '  cover_period: "Jaar {{ period }}"\n'
                                 'words:\n  tabel: Tab.\n  pagina_x_van_y: "p. {{ x }}/{{ y }}"\n'
                                 'files:\n  openbaar: publiek\n')
    doc = compose_document(loaded, options=ComposeOptions(templates=folder))
    assert doc.footer_label == "Monitor Proefregeling – verslagjaar 2025"
    assert doc.metadata.title == "Monitor Proefregeling, 2025"
    assert doc.cover.period == "Jaar 2025"
    assert doc.words.table == "Tab."
    assert doc.words.page_x_of_y == ("p. ", "/", "")
    assert artifact_name(loaded, "openbaar", "docx", templates=folder) == "mpr-2025-publiek.docx"


def test_a_page_pattern_without_the_page_count_is_refused(tmp_path: Path) -> None:
    folder = _override(tmp_path, 'words:\n  pagina_x_van_y: "pagina {{ x }}"\n')
    with pytest.raises(SourceError, match="pagina_x_van_y"):
        compose_document(report(tmp_path), options=ComposeOptions(templates=folder))
