"""Structure as data: ordered optional parts, public annexes, term lists, numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.api import validate
from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.errors import SourceError
from standgen.validate import validate_report
from tests.unit.anyreport.support import report


def _headings(document: t.Document) -> list[str]:
    return [e.display for e in document.toc.entries] if document.toc else []


def test_front_matter_parts_print_in_the_order_written(tmp_path: Path) -> None:
    doc = compose_document(report(tmp_path, front_matter={
        "leeswijzer": {"blocks": [{"text": "Lees dit eerst."}]},
        "samenvatting": {"title": "Kern", "blocks": [{"text": "Kort."}]},
        "colofon": {"blocks": [{"text": "Uitgave."}]},
    }))
    assert _headings(doc)[:3] == ["Leeswijzer", "Kern", "Colofon"]


def test_explicit_order_wins_and_names_only_known_parts(tmp_path: Path) -> None:
    doc = compose_document(report(tmp_path, front_matter={
        "voorwoord": {"blocks": [{"text": "Voor."}]},
        "leeswijzer": {"blocks": [{"text": "Lees."}]},
        "order": ["leeswijzer", "voorwoord"]}))
    assert _headings(doc)[:2] == ["Leeswijzer", "Voorwoord"]
    with pytest.raises(SourceError):
        report(tmp_path, front_matter={"order": ["proloog"]})


@pytest.mark.parametrize(("style", "first", "second"), [("letters", "A", "B"),
                                                         ("numbers", "1", "2")])
def test_public_annexes_are_numbered_as_configured_and_in_the_inhoud(
        tmp_path: Path, style: str, first: str, second: str) -> None:
    doc = compose_document(report(
        tmp_path, settings={"numbering": {"bijlagen": style}},
        back_matter={"bijlagen": [{"title": "Verantwoording", "blocks": [{"text": "x"}]},
                                  {"title": "Afkortingen", "kind": "afkortingen",
                                   "entries": [{"MPR": "Monitor Proefregeling"},
                                               {"CBS": "Centraal Bureau voor de Statistiek"}]}]}))
    toc = _headings(doc)
    assert f"Bijlage {first} Verantwoording" in toc
    assert f"Bijlage {second} Afkortingen" in toc
    assert toc.index(f"Bijlage {first} Verantwoording") > toc.index("1 Voortgang")


def test_abbreviation_list_is_sorted_in_two_columns(tmp_path: Path) -> None:
    doc = compose_document(report(tmp_path, back_matter={"afkortingen": {"entries": {
        "MPR": "Monitor Proefregeling", "CBS": "Centraal Bureau voor de Statistiek",
        "ABD": "Algemene Bestuursdienst"}}}))
    section = doc.sections[-1]
    assert section.running_header == "Lijst van afkortingen"
    table = next(b for b in section.blocks if isinstance(b, t.Table))
    assert [r.cells[0].inlines[0].text for r in table.body_rows] == ["ABD", "CBS", "MPR"]
    assert all(len(r.cells) == 2 for r in table.body_rows)


def test_abbreviations_listed_but_unused_and_used_but_unlisted_are_warnings(
        tmp_path: Path) -> None:
    loaded = report(tmp_path, back_matter={"afkortingen": {"entries": {
        "MPR": "Monitor Proefregeling", "NAVO": "Noord-Atlantische Verdragsorganisatie"}}})
    problems = validate(loaded)
    codes = {(p.code, p.message.split("'")[1]) for p in problems.warnings}
    assert ("abbr-unused", "NAVO") in codes
    assert ("abbr-unlisted", "CBS") in codes
    assert not any(name == "MPR" for _, name in codes)
    assert not problems.errors


def test_no_abbreviation_checks_without_a_list(tmp_path: Path) -> None:
    assert not [p for p in validate(report(tmp_path)).warnings if p.code.startswith("abbr")]


@pytest.mark.parametrize(("style", "shown"), [("arabic", "1 Voortgang"),
                                               ("roman", "I Voortgang"),
                                               ("none", "Voortgang")])
def test_chapter_numbering_styles(tmp_path: Path, style: str, shown: str) -> None:
    doc = compose_document(report(tmp_path, settings={"numbering": {"chapters": style}}))
    assert shown in _headings(doc)


def test_confidential_parts_and_entries_stay_out_of_the_public_edition(tmp_path: Path) -> None:
    loaded = report(tmp_path, back_matter={
        "bijlagen": [{"title": "Geheim", "rubricering": "dep-vertrouwelijk",
                      "blocks": [{"text": "Geheime bijlage."}]}],
        "afkortingen": {"entries": [{"term": "MPR", "meaning": "Monitor Proefregeling"},
                                    {"term": "XYZ", "meaning": "Zeer geheime dienst",
                                     "rubricering": "dep-vertrouwelijk"}]}})
    public = compose_document(loaded, "openbaar")
    text = repr(public.sections)
    assert "Geheime bijlage" not in text and "Zeer geheime dienst" not in text
    assert "Monitor Proefregeling" in text
    secret = compose_document(loaded, "vertrouwelijk")
    assert "Zeer geheime dienst" in repr(secret.sections)
    annex = repr(compose_document(loaded, "bijlage").sections)
    assert "Zeer geheime dienst" in annex and "text='MPR'" not in annex


def test_an_annex_needs_a_title(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"bijlagen\[0\]\.title"):
        report(tmp_path, back_matter={"bijlagen": [{"blocks": [{"text": "x"}]}]})


def test_entries_in_a_text_annex_are_refused_not_dropped(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"bijlagen\[0\].*add `kind: afkortingen`") as caught:
        report(tmp_path, back_matter={"bijlagen": [
            {"title": "Afkortingen", "entries": [{"AOW": "Algemene Ouderdomswet"}]}]})
    (problem,) = caught.value.problems
    assert problem.location.line is not None


def test_an_order_that_misses_or_invents_a_part_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="list each given part once"):
        report(tmp_path, front_matter={"order": ["leeswijzer"],
                                       "voorwoord": {"blocks": [{"text": "x"}]}})


def test_an_abbreviation_listed_twice_is_an_error_at_its_place(tmp_path: Path) -> None:
    loaded = report(tmp_path, back_matter={"afkortingen": {"entries": [
        {"MPR": "Monitor Proefregeling"}, {"MPR": "Meerjarenprogramma"}]}})
    errors = validate_report(loaded).errors
    assert [e.code for e in errors] == ["abbr-duplicate"]
    assert errors[0].location.field == "back_matter.afkortingen.entries[1].term"
    assert errors[0].location.line is not None


def test_markdown_prints_an_unnumbered_table_without_a_number(tmp_path: Path) -> None:
    from standgen.write.markdown import render_markdown

    doc = compose_document(report(tmp_path, back_matter={"afkortingen": {"entries": {
        "MPR": "Monitor Proefregeling"}}}))
    text = render_markdown(doc)
    assert "| MPR | Monitor Proefregeling |" in text
    assert "None" not in text


@pytest.mark.parametrize("name", ["report.yaml", "hoofdstuk-1.yaml", "hoofdstuk-2.yaml"])
def test_the_second_fixture_matches_the_schema(name: str) -> None:
    from standgen.schema import input_schema
    from tests.conftest import ROOT
    from tests.unit.test_schema import errors, plain

    data = plain(ROOT / "fixtures" / "voortgang-woningbouw-2025" / name)
    definition = None if name == "report.yaml" else "Chapter"
    assert errors(input_schema(), data, definition) == []


def test_confidential_content_of_a_public_annex_goes_to_the_bijlage_by_its_number(
        tmp_path: Path) -> None:
    loaded = report(tmp_path, back_matter={"bijlagen": [
        {"title": "Geheim", "rubricering": "dep-vertrouwelijk",
         "blocks": [{"text": "Geheime bijlage."}]},
        {"title": "Verantwoording", "blocks": [
            {"text": "Openbare tekst."},
            {"text": {"text": "Geheime noot.", "rubricering": "dep-vertrouwelijk"}}]}]})
    public = compose_document(loaded, "openbaar")
    assert "Bijlage B Verantwoording" in _headings(public)
    assert not any(h.startswith("Bijlage A") for h in _headings(public))
    assert "Geheim" not in repr(public.sections)
    annex = compose_document(loaded, "bijlage")
    headings = _headings(annex)
    assert "Bijlage bij Bijlage A Geheim" in headings
    assert "Bijlage bij Bijlage B Verantwoording" in headings
    text = repr(annex.sections)
    assert "Geheime noot." in text and "Openbare tekst." not in text
    assert annex.marking is not None and annex.marking.text
