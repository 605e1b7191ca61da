"""Accessibility checks on built artifacts: each returns the problems it finds, as text.

DOCX: headings (paragraphs with an outline level, from the paragraph or its style chain)
never skip a level; every table has a header row, or is a key-value table whose first
column is marked as header; every drawing has alt text; every language is nl-NL (or
inherited from the defaults, which are nl-NL); the core properties name the title.
PDF: the outline never skips a level.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W,
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/"}
LANGUAGE = "nl-NL"
BODY_TEXT = 9  # w:outlineLvl 9 is body text, not a heading


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name))


def _attr(element: etree._Element, name: str) -> str | None:
    value = element.get(f"{{{W}}}{name}")
    return None if value is None else str(value)


def _story_parts(archive: zipfile.ZipFile) -> list[str]:
    """The document, header, footer and footnote parts."""
    return [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")
            and n.split("/")[-1].startswith(("document", "header", "footer", "footnotes"))]


class _Styles:
    """Outline level and language of each paragraph style, following basedOn."""

    def __init__(self, root: etree._Element) -> None:
        self.by_id = {_attr(s, "styleId"): s for s in root.findall("w:style", NS)}
        defaults = root.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        self.default_language = _attr(defaults, "val") if defaults is not None else None

    def _chain(self, style_id: str | None) -> Iterator[etree._Element]:
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find("w:basedOn", NS)
            style_id = _attr(based, "val") if based is not None else None

    def outline_level(self, style_id: str | None) -> int:
        for style in self._chain(style_id):
            found = style.find("w:pPr/w:outlineLvl", NS)
            if found is not None:
                return int(_attr(found, "val") or BODY_TEXT)
        return BODY_TEXT


def _paragraph_level(p: etree._Element, styles: _Styles) -> int:
    own = p.find("w:pPr/w:outlineLvl", NS)
    if own is not None:
        return int(_attr(own, "val") or BODY_TEXT)
    style = p.find("w:pPr/w:pStyle", NS)
    return styles.outline_level(_attr(style, "val") if style is not None else "Normal")


def heading_problems(levels: list[tuple[int, str]]) -> list[str]:
    """Headings (level from 1, text) that skip a level; the first must be level 1."""
    problems: list[str] = []
    previous = 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"heading {text!r} at level {level} follows level {previous}")
        previous = level
    return problems


def docx_headings(path: Path) -> list[tuple[int, str]]:
    """Every heading of the DOCX body in reading order: (level from 1, text)."""
    with zipfile.ZipFile(path) as archive:
        styles = _Styles(_xml(archive, "word/styles.xml"))
        body = _xml(archive, "word/document.xml")
    out: list[tuple[int, str]] = []
    for p in body.iter(f"{{{W}}}p"):
        level = _paragraph_level(p, styles)
        if level < BODY_TEXT:
            out.append((level + 1, "".join(p.itertext())))
    return out


def _marked(cell: etree._Element, edge: str) -> bool:
    mark = cell.find("w:tcPr/w:cnfStyle", NS)
    return mark is not None and _attr(mark, edge) == "1"


def _cover_band(table: etree._Element) -> bool:
    """The cover's coloured band is a layout table (captioned 'Omslag'), not a data table:
    it has no header to mark."""
    caption = table.find("w:tblPr/w:tblCaption", NS)
    return caption is not None and _attr(caption, "val") == "Omslag"


def _table_problem(index: int, table: etree._Element) -> str | None:
    rows = table.findall("w:tr", NS)
    look = table.find("w:tblPr/w:tblLook", NS)
    if not rows:
        return f"table {index} has no rows"
    if rows[0].find("w:trPr/w:tblHeader", NS) is not None:
        headers = [r for r in rows if r.find("w:trPr/w:tblHeader", NS) is not None]
        if rows[:len(headers)] != headers:
            return f"table {index}: header rows are not the first rows"
        if not all(_marked(c, "firstRow") for r in headers for c in r.findall("w:tc", NS)):
            return f"table {index}: a header row cell is not marked firstRow"
        return None
    if look is None or _attr(look, "firstColumn") != "1":
        return f"table {index} has neither a header row nor a header column"
    if not all(_marked(r.findall("w:tc", NS)[0], "firstColumn") for r in rows):
        return f"table {index}: a first-column cell is not marked firstColumn"
    return None


def docx_problems(path: Path) -> list[str]:
    """Every accessibility problem of one DOCX (empty when it has none)."""
    problems = heading_problems(docx_headings(path))
    with zipfile.ZipFile(path) as archive:
        styles = _Styles(_xml(archive, "word/styles.xml"))
        if styles.default_language != LANGUAGE:
            problems.append(f"default language is {styles.default_language!r}")
        for style in styles.by_id.values():
            for lang in style.findall("w:rPr/w:lang", NS):
                if _attr(lang, "val") not in (None, LANGUAGE):
                    problems.append(f"style {_attr(style, 'styleId')} has language "
                                    f"{_attr(lang, 'val')!r}")
        for name in _story_parts(archive):
            root = _xml(archive, name)
            problems += _story_problems(name, root)
        core = _xml(archive, "docProps/core.xml")
    title = core.findtext("dc:title", namespaces=NS) or ""
    if not title.strip():
        problems.append("core properties have no title")
    if (core.findtext("dc:language", namespaces=NS) or "") != LANGUAGE:
        problems.append("core properties do not name the language nl-NL")
    return problems


def _story_problems(name: str, root: etree._Element) -> list[str]:
    problems: list[str] = []
    for lang in root.iter(f"{{{W}}}lang"):
        if _attr(lang, "val") not in (None, LANGUAGE):
            problems.append(f"{name}: a run has language {_attr(lang, 'val')!r}")
    for props in root.iterfind(".//wp:docPr", NS):
        if not (props.get("descr") or "").strip() or not (props.get("title") or "").strip():
            problems.append(f"{name}: drawing {props.get('name')!r} has no alt text or title")
    tables = [t for t in root.iter(f"{{{W}}}tbl") if not _cover_band(t)]
    for index, table in enumerate(tables, start=1):
        problem = _table_problem(index, table)
        if problem:
            problems.append(f"{name}: {problem}")
    return problems


def pdf_outline(path: Path) -> list[tuple[int, str]]:
    """The PDF outline in reading order: (level from 1, title)."""
    out: list[tuple[int, str]] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, str(getattr(item, "title", ""))))

    walk(list(PdfReader(str(path)).outline), 1)
    return out
