"""A confidential entry of a public term list is printed in the bijlage, in every writer."""

from __future__ import annotations

from pathlib import Path

from standgen.build import BuildRequest, build
from standgen.compose import compose_document
from standgen.leaks.extract import artifact_text
from tests.unit.anyreport.support import report, write_report

ANNEX = {"bijlagen": [
    {"title": "Verantwoording", "blocks": [{"text": "Openbare tekst."}]},
    {"title": "Afkortingen", "kind": "afkortingen", "entries": [
        {"term": "MPR", "meaning": "Meetprogramma Regionaal"},
        {"term": "SGD", "meaning": "Samenwerking Geheime Dijken",
         "rubricering": "dep-vertrouwelijk"}]}]}


def test_the_bijlage_lists_the_confidential_entries_of_a_public_annex(tmp_path: Path) -> None:
    annex = compose_document(report(tmp_path, back_matter=ANNEX), "bijlage")
    section = next(s for s in annex.sections
                   if s.running_header == "Bijlage bij Bijlage B Afkortingen")
    text = repr(section.blocks)
    assert "Samenwerking Geheime Dijken" in text and "'SGD'" in text
    assert "Meetprogramma Regionaal" not in text


def test_the_public_edition_keeps_only_public_entries(tmp_path: Path) -> None:
    public = repr(compose_document(report(tmp_path, back_matter=ANNEX), "openbaar").sections)
    assert "Meetprogramma Regionaal" in public and "Geheime Dijken" not in public


def test_both_writers_print_the_confidential_entry_in_the_bijlage(tmp_path: Path) -> None:
    source = write_report(tmp_path, back_matter=ANNEX)
    result = build(BuildRequest(source, tmp_path / "out", editions=("bijlage",),
                                cache_dir=tmp_path / "cache"))
    assert len(result.artifacts) == 2
    for artifact in result.artifacts:
        text = " ".join(artifact_text(artifact).split())
        assert "Bijlage bij Bijlage B Afkortingen" in text, artifact.name
        assert "SGD Samenwerking Geheime Dijken" in text, artifact.name
        assert "Meetprogramma Regionaal" not in text, artifact.name
