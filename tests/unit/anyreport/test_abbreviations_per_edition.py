"""The abbreviation list judged on the text each edition prints (issue #22)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from standgen.api import validate
from standgen.compose import compose_document
from standgen.edition.abbreviations import edition_abbreviation_problems
from standgen.errors import Problem
from standgen.model.report import Report
from standgen.validate import validate_report
from tests.unit.anyreport.support import report

SECRET_TOPIC = {"id": "nachtegaal", "title": "Nachtegaal", "rubricering": "dep-vertrouwelijk",
                "blocks": [{"text": "Het XPROJ loopt vertraging op."}]}


def _report(folder: Path, entries: list[dict[str, Any]], secret: str = "XPROJ") -> Report:
    topic = {**SECRET_TOPIC, "blocks": [{"text": f"Het {secret} loopt vertraging op."}]}
    chapters = [{"number": 1, "title": "Voortgang",
                 "blocks": [{"text": "De MPR loopt. Het CBS telt mee."}],
                 "sections": [{"number": "1.1", "title": "Eerste", "topics": [topic]}]}]
    return report(folder, chapters=chapters, back_matter={"afkortingen": {"entries": entries}})


def _codes(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.code, p.message.split("'")[1]) for p in problems}


PUBLIC = [{"MPR": "Monitor Proefregeling"}, {"CBS": "Centraal Bureau voor de Statistiek"}]


def test_a_public_entry_only_confidential_text_uses_is_a_located_error(tmp_path: Path) -> None:
    loaded = _report(tmp_path, [*PUBLIC, {"XPROJ": "Project Nachtegaal"}])
    problems = edition_abbreviation_problems(loaded)
    (refusal,) = [p for p in problems if p.code == "abbr-confidential"]
    assert refusal.severity == "error"
    assert refusal.location.field == "back_matter.afkortingen.entries[2].term"
    assert refusal.location.line is not None and refusal.location.file is not None
    assert "rubricering" in refusal.message and "nachtegaal" not in refusal.message.lower()
    assert "chapters[0].sections[0].topics[0].blocks[0].text" in refusal.message
    assert ("abbr-unused", "XPROJ") not in _codes(problems)
    assert refusal in validate(loaded).errors


def test_the_error_only_for_builds_of_the_public_edition(tmp_path: Path) -> None:
    loaded = _report(tmp_path, [*PUBLIC, {"XPROJ": "Project Nachtegaal"}])
    for editions in (("vertrouwelijk",), ("bijlage",)):
        assert not [p for p in edition_abbreviation_problems(loaded, editions)
                    if p.code == "abbr-confidential"]
    assert [p.code for p in edition_abbreviation_problems(loaded, ("openbaar",))
            if p.severity == "error"] == ["abbr-confidential"]


def test_a_classified_entry_is_fine_and_stays_out_of_the_public_edition(tmp_path: Path) -> None:
    loaded = _report(tmp_path, [*PUBLIC, {"term": "XPROJ", "meaning": "Project Nachtegaal",
                                          "rubricering": "dep-vertrouwelijk"}])
    assert edition_abbreviation_problems(loaded) == []
    public = repr(compose_document(loaded, "openbaar").sections)
    assert "XPROJ" not in public and "Nachtegaal" not in public
    assert "Project Nachtegaal" in repr(compose_document(loaded, "vertrouwelijk").sections)


def test_used_but_unlisted_only_in_confidential_text_names_its_edition(tmp_path: Path) -> None:
    loaded = _report(tmp_path, PUBLIC)
    (problem,) = edition_abbreviation_problems(loaded)
    assert (problem.code, problem.severity) == ("abbr-unlisted", "warning")
    assert "'XPROJ'" in problem.message and "only in the vertrouwelijk edition" in problem.message
    assert edition_abbreviation_problems(loaded, ("openbaar",)) == []
    assert edition_abbreviation_problems(loaded, ("bijlage",)) == [problem]


def test_a_warning_that_holds_in_both_editions_is_given_once_without_an_edition(
        tmp_path: Path) -> None:
    loaded = _report(tmp_path, [*PUBLIC, {"term": "XPROJ", "meaning": "Project Nachtegaal",
                                          "rubricering": "dep-vertrouwelijk"},
                                {"NAVO": "Noord-Atlantische Verdragsorganisatie"}])
    problems = validate(loaded).items
    unused = [p for p in problems if p.code == "abbr-unused"]
    assert len(unused) == 1 and "edition" not in unused[0].message
    assert unused[0].location.field == "back_matter.afkortingen.entries[3].term"


def test_a_classified_entry_used_in_public_text_is_unlisted_in_the_public_edition(
        tmp_path: Path) -> None:
    loaded = _report(tmp_path, [*PUBLIC, {"term": "XPROJ", "meaning": "Project X",
                                          "rubricering": "dep-vertrouwelijk"},
                                {"term": "TNO", "meaning": "Toegepast Natuurwetenschappelijk "
                                 "Onderzoek", "rubricering": "dep-vertrouwelijk"}],
                     secret="XPROJ bij TNO")
    loaded = loaded.model_copy(update={"title": "Monitor TNO"})
    (problem,) = edition_abbreviation_problems(loaded)
    assert problem.code == "abbr-unlisted" and "'TNO'" in problem.message
    assert problem.message.endswith("(only in the openbaar edition)")


def test_validate_report_alone_checks_only_the_source(tmp_path: Path) -> None:
    loaded = _report(tmp_path, [*PUBLIC, {"XPROJ": "Project Nachtegaal"}])
    assert not [p for p in validate_report(loaded) if p.code.startswith("abbr")]


def test_a_classified_entry_used_in_public_text_is_not_asked_to_be_listed_again(
        tmp_path: Path) -> None:
    """Found by attack: "add it there" would have the author list XPROJ twice (an error);
    the advice is to lower the entry's rubricering or reword the public text."""
    loaded = _report(tmp_path, [*PUBLIC, {"term": "XPROJ", "meaning": "Project Nachtegaal",
                                          "rubricering": "dep-vertrouwelijk"}])
    chapters = [c.model_dump(exclude_none=True, exclude={"source"}) for c in loaded.chapters]
    chapters[0]["blocks"] = [{"text": "De MPR loopt. Het CBS telt mee. Het XPROJ ook."}]
    loaded = report(tmp_path, chapters=chapters,
                    back_matter={"afkortingen": {"entries": [
                        *PUBLIC, {"term": "XPROJ", "meaning": "Project Nachtegaal",
                                  "rubricering": "dep-vertrouwelijk"}]}})
    (problem,) = edition_abbreviation_problems(loaded)
    assert "'XPROJ'" in problem.message and "lower the entry's rubricering" in problem.message
    assert "add it there" not in problem.message
    assert problem.message.endswith("(only in the openbaar edition)")
    assert problem.location.field == "chapters[0].blocks[0].text"


def test_a_list_every_entry_of_which_is_classified_is_named_not_printed_empty(
        tmp_path: Path) -> None:
    """Found by attack: the openbare versie printed "Lijst van afkortingen" with nothing
    under it."""
    classified = [{"term": t, "meaning": m, "rubricering": "dep-vertrouwelijk"}
                  for t, m in (("MPR", "Monitor Proefregeling"), ("XPROJ", "Project X"))]
    loaded = _report(tmp_path, classified)
    (empty,) = [p for p in edition_abbreviation_problems(loaded) if p.code == "abbr-empty"]
    assert empty.severity == "warning" and "openbare versie" in empty.message
    assert empty.location.field == "back_matter.afkortingen.entries"
    assert empty.location.line is not None
    whole = report(tmp_path, back_matter={"afkortingen": {
        "rubricering": "dep-vertrouwelijk", "entries": classified}})
    assert not [p for p in edition_abbreviation_problems(whole) if p.code == "abbr-empty"]


def test_a_confidential_table_row_or_note_counts_as_confidential_text(tmp_path: Path) -> None:
    table = {"id": "t", "title": "Budget", "kind": "tabel", "stub": "Project",
             "unit": {"kind": "euro", "scale": "miljoen"},
             "columns": [{"id": "a", "label": "Budget"}, {"id": "b", "label": "Deel"}],
             "rows": [{"id": "r1", "label": "Project MPR", "values": [1, 2]},
                      {"id": "r2", "label": "Project XPROJ", "values": [3, 4],
                       "rubricering": "dep-vertrouwelijk"}],
             "notes": ["Bron: CBS.", {"text": "Bron: PLW.", "rubricering": "dep-vertrouwelijk"}]}
    loaded = report(tmp_path, chapters=[{"number": 1, "title": "V", "blocks": [
        {"text": "De MPR."}, {"table": table}]}], back_matter={"afkortingen": {"entries": [
            *PUBLIC, {"XPROJ": "Project Nachtegaal"}, {"PLW": "Plan W"}]}})
    refused = {p.message.split("'")[1]: p.message
               for p in edition_abbreviation_problems(loaded) if p.code == "abbr-confidential"}
    assert set(refused) == {"XPROJ", "PLW"}
    assert "table.rows[1].label" in refused["XPROJ"]
    assert "table.notes[1].text" in refused["PLW"]


def test_a_classified_meaning_the_public_text_prints_is_named_before_the_leak_check(
        tmp_path: Path) -> None:
    """Found by attack: a classified entry whose meaning is the report's title passed
    validation, then the leak check refused the public build without a source line."""
    loaded = _report(tmp_path, [*PUBLIC[1:], {"term": "MPR", "meaning": "Monitor Proefregeling",
                                              "rubricering": "dep-vertrouwelijk"}])
    (problem,) = [p for p in edition_abbreviation_problems(loaded)
                  if p.code == "abbr-public-meaning"]
    assert problem.location.field == "back_matter.afkortingen.entries[1].meaning"
    assert problem.location.line is not None and "title" in problem.message
    assert "abbr-public-meaning" not in {
        p.code for p in edition_abbreviation_problems(loaded, ("vertrouwelijk",))}


def test_the_leak_check_passes_the_public_list_of_a_well_classified_report(
        tmp_path: Path) -> None:
    from standgen.build import BuildRequest, build

    source = tmp_path / "bron"
    source.mkdir()
    _report(source, [*PUBLIC, {"term": "XPROJ", "meaning": "Project Nachtegaal",
                               "rubricering": "dep-vertrouwelijk"}], secret="XPROJ bij het CBS")
    result = build(BuildRequest(source / "report.yaml", tmp_path / "out",
                                editions=("openbaar", "vertrouwelijk"), formats=("md",),
                                jobs=1, cache_dir=tmp_path / "cache"))
    public, secret = (p.read_text(encoding="utf-8") for p in result.artifacts)
    assert "| CBS | Centraal Bureau voor de Statistiek |" in public
    assert "XPROJ" not in public and "Nachtegaal" not in public
    assert "| XPROJ | Project Nachtegaal |" in secret
    assert not [p for p in result.problems if p.code.startswith("abbr")]
