"""Section numbers follow the chapter numbering style: I.1 under roman, none printed under none."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.compose import compose_document
from standgen.validate import validate_report
from standgen.write.markdown import render_markdown
from tests.unit.anyreport.support import BASE, report


def _chapter(first: str, second: str) -> list[dict[str, object]]:
    chapter = dict(BASE["chapters"][0])  # type: ignore[index]
    secret = {"text": {"text": "Geheim.", "rubricering": "dep-vertrouwelijk"}}
    chapter["sections"] = [{"number": first, "title": "Eerste",
                            "blocks": [{"text": "Een."}, secret]},
                           {"number": second, "title": "Tweede", "blocks": [{"text": "Twee."}]}]
    return [chapter]


@pytest.mark.parametrize(("style", "written", "shown"), [
    ("arabic", ("1.1", "1.2"), ["1 Voortgang", "1.1 Eerste", "1.2 Tweede"]),
    ("roman", ("I.1", "I.2"), ["I Voortgang", "I.1 Eerste", "I.2 Tweede"]),
    ("none", ("1.1", "1.2"), ["Voortgang", "Eerste", "Tweede"]),
])
def test_sections_are_written_and_printed_in_the_chapter_style(
        tmp_path: Path, style: str, written: tuple[str, str], shown: list[str]) -> None:
    loaded = report(tmp_path, settings={"numbering": {"chapters": style}},
                    chapters=_chapter(*written))
    assert not validate_report(loaded).errors
    doc = compose_document(loaded)
    assert doc.toc is not None
    assert [e.display for e in doc.toc.entries][-3:] == shown
    markdown = render_markdown(doc)
    assert all(f"# {line}" in markdown for line in shown)
    annex = compose_document(loaded, "bijlage")
    assert annex.toc is not None
    titles = [e.display for e in annex.toc.entries]
    number = "" if style == "none" else f"{written[0]} "
    assert f"Bijlage bij {number}Eerste" in titles
    assert "  " not in " ".join(titles)


@pytest.mark.parametrize(("style", "written", "want"), [
    ("roman", ("1.1", "1.2"), "'I.1' is expected"),
    ("arabic", ("I.1", "I.2"), "'1.1' is expected"),
    ("none", ("I.1", "I.2"), "written but not printed"),
])
def test_a_section_number_in_another_style_is_a_located_error(
        tmp_path: Path, style: str, written: tuple[str, str], want: str) -> None:
    loaded = report(tmp_path, settings={"numbering": {"chapters": style}},
                    chapters=_chapter(*written))
    errors = validate_report(loaded).errors
    assert [e.code for e in errors] == ["section-number", "section-number"]
    assert want in errors[0].message
    assert errors[0].location.line is not None
    assert errors[0].location.field == "chapters[0].sections[0].number"
