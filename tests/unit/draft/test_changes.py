"""The change list between two editions names exactly the structural changes made."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from standgen.draft import changes_between
from standgen.load import load_report
from standgen.model.report import Report
from tests.unit.draft.conftest import REFERENCE


def _edited_copy(tmp_path: Path, edits: dict[str, Callable[[Any], None]]) -> Report:
    """A copy of the reference with each named YAML file edited, loaded."""
    folder = tmp_path / "copy"
    shutil.copytree(REFERENCE.parent, folder)
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    for name, edit in edits.items():
        path = folder / name
        data = yaml.load(path.read_text(encoding="utf-8"))
        edit(data)
        with path.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return load_report(folder / "report.yaml")


def _section(chapter: Any, number: str) -> Any:
    return next(s for s in chapter["sections"] if s["number"] == number)


def _drop_table(table_id: str) -> Callable[[Any], None]:
    def edit(chapter: Any) -> None:
        for section in chapter["sections"]:
            for topic in section.get("topics", []):
                blocks = topic["blocks"]
                for block in list(blocks):
                    if "table" in block and block["table"]["id"] == table_id:
                        blocks.remove(block)
    return edit


def _move_topic(topic_id: str, source: str, target: str) -> Callable[[Any], None]:
    def edit(chapter: Any) -> None:
        topics = _section(chapter, source)["topics"]
        topic = next(t for t in topics if t["id"] == topic_id)
        topics.remove(topic)
        _section(chapter, target)["topics"].append(topic)
    return edit


def _rename(number: str, title: str) -> Callable[[Any], None]:
    def edit(chapter: Any) -> None:
        _section(chapter, number)["title"] = title
    return edit


def _both(*edits: Callable[[Any], None]) -> Callable[[Any], None]:
    def edit(data: Any) -> None:
        for one in edits:
            one(data)
    return edit


@pytest.fixture(scope="module")
def reference() -> Report:
    return load_report(REFERENCE)


def test_no_changes_between_an_edition_and_itself(reference: Report) -> None:
    assert changes_between(reference, reference) == []


def test_three_edits_give_exactly_three_sentences(tmp_path: Path, reference: Report) -> None:
    current = _edited_copy(tmp_path, {
        "hoofdstuk-1.yaml": _both(_drop_table("ranglijst-edf-entiteiten"),
                                  _move_topic("weerbaarheid", "1.1", "1.2")),
        "hoofdstuk-2.yaml": _rename("2.5", "Diverse vulling en iedereen doet mee"),
    })
    changes = changes_between(reference, current)
    assert [(c.kind, c.text) for c in changes] == [
        ("topic-moved", "Het onderwerp *weerbaarheid* is van paragraaf 1.1 naar paragraaf 1.2 "
                        "verhuisd."),
        ("indicator-dropped", "In paragraaf 1.2 is de kritieke prestatie indicator "
                              "*plaatsing Nederland op ranglijst van entiteiten in winnende "
                              "voorstellen* komen te vervallen."),
        ("section-renamed", "De titel van paragraaf 2.5 is gewijzigd van *Diversiteit en "
                            "inclusie* naar *Diverse vulling en iedereen doet mee*."),
    ]


def test_added_topic_and_indicator_in_the_reports_words(tmp_path: Path,
                                                        reference: Report) -> None:
    previous = _edited_copy(tmp_path, {
        "hoofdstuk-1.yaml": _both(
            lambda c: _section(c, "1.1")["topics"].pop(1),  # weerbaarheid
            _drop_table("gemiddeld-draagvlakcijfer")),
    })
    texts = [c.text for c in changes_between(previous, reference)]
    assert texts == [
        "In paragraaf 1.1 is het onderwerp *weerbaarheid* opgenomen.",
        "In paragraaf 1.1 is de kritieke prestatie indicator *gemiddeld draagvlakcijfer voor "
        "Defensie* opgenomen.",
    ]


def test_dropped_section_is_one_change_not_one_per_topic(tmp_path: Path,
                                                         reference: Report) -> None:
    def move(chapter: Any) -> None:
        section = _section(chapter, "6.3")
        chapter["sections"].remove(section)

    previous = reference
    current = _edited_copy(tmp_path, {"hoofdstuk-6.yaml": move})
    kinds = [c.kind for c in changes_between(previous, current)]
    assert kinds == ["section-dropped"]
    back = changes_between(current, previous)
    assert [c.kind for c in back] == ["section-added"]
    assert back[0].text.startswith("Paragraaf 6.3 *")


def test_section_moved_to_a_new_chapter(tmp_path: Path, reference: Report) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(REFERENCE.parent, folder)
    yaml = YAML(typ="rt")

    def rewrite(name: str, edit: Callable[[Any], Any]) -> Any:
        data = yaml.load((folder / name).read_text(encoding="utf-8"))
        out = edit(data)
        with (folder / name).open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
        return out

    moved = rewrite("hoofdstuk-6.yaml", lambda c: c["sections"].pop(1))
    moved["number"] = "8.1"
    with (folder / "hoofdstuk-8.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump({"number": 8, "title": "Veiligheid en milieu", "sections": [moved]}, handle)
    rewrite("report.yaml", lambda r: r["chapters"].append({"include": "hoofdstuk-8.yaml"}))
    texts = [c.text for c in changes_between(reference, load_report(folder / "report.yaml"))]
    assert texts == [
        "Hoofdstuk 8 *Veiligheid en milieu* is nieuw in deze rapportage.",
        "Paragraaf 8.1 *Veiligheid* is vanuit hoofdstuk 6 *Ondersteunen* verhuisd naar "
        "hoofdstuk 8 *Veiligheid en milieu*.",
    ]
