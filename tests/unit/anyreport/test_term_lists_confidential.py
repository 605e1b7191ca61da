"""Every term list is checked for confidential terms: a public begrippenlijst entry whose
term or meaning only left-out text holds is an error, and emphasis does not hide a match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from standgen.edition.abbreviations import edition_abbreviation_problems
from standgen.errors import Problem
from standgen.model.report import Report
from standgen.validate.abbreviations import printed
from tests.unit.anyreport.support import report

SECRET = "Het XPROJ-team werkt aan Project **Nachtegaal**."


def _report(folder: Path, back_matter: dict[str, Any], secret: str = SECRET) -> Report:
    topic = {"id": "geheim", "title": "Geheim onderwerp", "rubricering": "dep-vertrouwelijk",
             "blocks": [{"text": secret}]}
    chapters = [{"number": 1, "title": "Instroom",
                 "blocks": [{"text": "Het CBS telt de instroom in de organisatie."}],
                 "sections": [{"number": "1.1", "title": "Eerste", "topics": [topic]}]}]
    return report(folder, chapters=chapters, back_matter=back_matter)


def _errors(problems: list[Problem], code: str) -> list[tuple[str, str]]:
    return [(p.location.field, p.message) for p in problems
            if p.code == code and p.severity == "error"]


def test_a_public_glossary_entry_with_a_confidential_term_or_meaning_is_an_error(
        tmp_path: Path) -> None:
    entries = [{"begrip": "XPROJ", "betekenis": "Samenwerking"},
               {"begrip": "Instroom", "betekenis": "Project Nachtegaal"},
               {"begrip": "Organisatie", "betekenis": "Het geheel van eenheden"}]
    found = _errors(edition_abbreviation_problems(
        _report(tmp_path, {"begrippenlijst": {"entries": entries}})), "term-confidential")
    assert [field for field, _ in found] == ["back_matter.begrippenlijst.entries[0].term",
                                             "back_matter.begrippenlijst.entries[1].meaning"]
    assert all("give the entry the rubricering" in message and "left out of that version" in message
               for _, message in found)


def test_a_glossary_annex_is_checked_and_a_classified_entry_is_not(tmp_path: Path) -> None:
    annex = {"title": "Begrippen", "kind": "begrippen", "entries": [
        {"begrip": "Nachtegaal", "betekenis": "Een project"},
        {"begrip": "XPROJ", "betekenis": "Samenwerking", "rubricering": "dep-vertrouwelijk"}]}
    found = _errors(edition_abbreviation_problems(
        _report(tmp_path, {"bijlagen": [annex]})), "term-confidential")
    assert [field for field, _ in found] == ["back_matter.bijlagen[0].entries[0].term"]


def test_a_glossary_whose_terms_public_text_prints_passes(tmp_path: Path) -> None:
    entries = [{"begrip": "Instroom", "betekenis": "Nieuwe medewerkers"}]
    assert edition_abbreviation_problems(
        _report(tmp_path, {"begrippenlijst": {"entries": entries}})) == []


def test_emphasis_in_confidential_text_does_not_hide_an_abbreviations_meaning(
        tmp_path: Path) -> None:
    back = {"afkortingen": {"entries": [{"CBS": "Centraal Bureau voor de Statistiek"},
                                        {"PN": "Project Nachtegaal"}]}}
    for secret in (SECRET, "Project __Nachtegaal__ loopt.", "Het `Project` *Nachtegaal*."):
        found = _errors(edition_abbreviation_problems(_report(tmp_path, back, secret)),
                        "abbr-confidential")
        assert [field for field, _ in found] == ["back_matter.afkortingen.entries[1].term"]


def test_printed_text_drops_markdown_markers_but_keeps_inner_underscores() -> None:
    assert printed("Project **Nachtegaal** en `NAVO` en _nu_") == "Project Nachtegaal en NAVO en nu"
    assert printed("snake_case") == "snake_case"
