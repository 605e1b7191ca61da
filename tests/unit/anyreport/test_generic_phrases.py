"""The standard phrases read right for any title: no article unless the report gives one
(`lidwoord`), no Defence wording, and the inserted pointer to the bijlage can be turned off."""

from __future__ import annotations

from pathlib import Path

from standgen.compose import compose_document
from standgen.compose import tree as t
from standgen.model.report import Report
from standgen.resources import template_path
from tests.unit.anyreport.support import BASE, report

TITLE = "Jaarverslag Rijksdienst voor Wegbeheer"
SECRET = {"text": {"text": "Drie tunnels vielen uit.", "rubricering": "dep-vertrouwelijk"}}


def _chapter(topic_title: str) -> list[dict[str, object]]:
    chapter = dict(BASE["chapters"][0])  # type: ignore[index]
    chapter["sections"] = [{"number": "1.1", "title": "Tunnels", "topics": [
        {"id": "tunnels", "title": topic_title, "blocks": [
            {"text": "De tunnels waren beschikbaar."}, SECRET,
            {"bijlage_verwijzing": {"onderwerp": "de storingen", "variant": "kort"}}]},
        {"id": "raming", "title": topic_title, "blocks": [{"text": "Openbaar."}, SECRET]}]}]
    return [chapter]


def _texts(document: t.Document) -> str:
    return repr(document.sections)


def _report(tmp_path: Path, topic_title: str = "Raming 2022–2035",
            **changes: object) -> Report:
    inleiding = {"rapportage_in_ontwikkeling": {"changes": ["Een nieuwe tabel."]}}
    return report(tmp_path, title=TITLE, chapters=_chapter(topic_title),
                  front_matter={"inleiding": inleiding}, **changes)


def test_without_an_article_no_phrase_puts_one_before_the_title(tmp_path: Path) -> None:
    loaded = _report(tmp_path)
    public = _texts(compose_document(loaded, "openbaar"))
    annex = _texts(compose_document(loaded, "bijlage"))
    for text in (public, annex):
        assert f"de {TITLE}" not in text and f"het {TITLE}" not in text
        assert "operationeel" not in text
    assert "In deze editie zijn de volgende punten gewijzigd:" in public
    assert "opgenomen in de vertrouwelijke bijlage." in public
    assert f"Vertrouwelijke bijlage bij {TITLE} 2025" in annex
    assert "Meer gedetailleerde informatie over raming 2022–2035 is vertrouwelijk" in public


def test_the_reports_article_is_used_as_given(tmp_path: Path) -> None:
    loaded = _report(tmp_path, lidwoord="het")
    public = _texts(compose_document(loaded, "openbaar"))
    assert f"In dit {TITLE} zijn de volgende punten gewijzigd:" in public
    assert f"in de vertrouwelijke bijlage van het {TITLE}." in public
    annex = _texts(compose_document(loaded, "bijlage"))
    assert f"Vertrouwelijke bijlage bij het {TITLE} 2025" in annex
    assert f"informatie bij het {TITLE} 2025." in annex


def test_the_inserted_pointer_can_be_turned_off(tmp_path: Path) -> None:
    on = _texts(compose_document(_report(tmp_path), "openbaar"))
    assert on.count("Meer gedetailleerde informatie") == 1  # the topic without its own
    off = _texts(compose_document(_report(
        tmp_path, settings={"bijlage_verwijzing": False}), "openbaar"))
    assert "Meer gedetailleerde informatie" not in off
    assert "Meer informatie over de storingen" in off  # written by the author: kept


def test_an_abbreviation_opening_a_topic_title_keeps_its_capitals(tmp_path: Path) -> None:
    public = _texts(compose_document(_report(tmp_path, "HWBP-projecten"), "openbaar"))
    assert "informatie over HWBP-projecten is" in public


def test_the_standard_texts_name_no_ministry() -> None:
    text = template_path("text/nl.yaml").read_text(encoding="utf-8")
    assert "Defensie" not in text
    assert "operationeel vertrouwelijk" not in text
