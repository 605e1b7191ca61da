"""A DOCX as a text snapshot, built on the writer's read-back outline plus image hashes."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml.ns import qn

from standgen.snapshot import text as fmt
from standgen.write.docx.readback import read_docx_structure

_PARAGRAPH = re.compile(r"^\[([^\]]*)\] ?(.*)$")
_HEADING = re.compile(r"^heading (\d+)\b", re.IGNORECASE)  # "heading 3 label" too
_FIELD = re.compile(r"\{[A-Z][^{}|]*\|([^{}]*)\}")
_BOOKMARK = re.compile(r"\{#[^{}]*\}")
_IMAGE = re.compile(r"\[image title=.*? descr=.*?\]")
_ROW = re.compile(r"^(header-row|row)(\([^)]*\))?: ?(.*)$")
_SPAN = re.compile(r"^<span (\d+)>")
_VMERGE = re.compile(r"<vmerge [a-z]+>")
_FURNITURE = re.compile(r"^(header|footer)\((\w+)\):\s?(.*)$")


@dataclass
class _State:
    """What the conversion has seen so far: output lines, style counts, last caption."""

    seen_images: int = 0
    body: list[str] = field(default_factory=list)
    styles: Counter[str] = field(default_factory=Counter)
    caption: str = ""


def clean_inline(text: str) -> str:
    """Read-back inline text without bookmarks and with fields shown as their result."""
    return _FIELD.sub(r"\1", _BOOKMARK.sub("", text))


def image_labels(path: Path) -> list[str]:
    """Each body image in document order as '#<sha256 first 12> <alt text>'."""
    document = docx.Document(str(path))
    parts = document.part.related_parts
    labels: list[str] = []
    for drawing in document.element.body.iter(qn("w:drawing")):
        blip = next(drawing.iter(qn("a:blip")), None)
        r_id = blip.get(qn("r:embed")) if blip is not None else None
        blob = parts[r_id].blob if r_id in parts else b""
        props = next(drawing.iter(qn("wp:docPr")), None)
        alt = props.get("descr") if props is not None else None
        labels.append(f"#{hashlib.sha256(blob).hexdigest()[:12]} {alt or ''!r}")
    return labels


def _image_marker(state: _State) -> str:
    state.seen_images += 1
    return "[image]"


def _paragraph(state: _State, style: str, text: str) -> None:
    state.styles[style] += 1
    text = clean_inline(text)
    if text.startswith("<page>"):
        text, style = text.removeprefix("<page>"), f"{style} | new page"
    if "[image title=" in text:
        text = _IMAGE.sub(lambda _: _image_marker(state), text)
    level = _HEADING.match(style.partition(" | ")[0])
    if level:
        state.body.append(fmt.heading(int(level.group(1)), f"[{style}] {fmt.collapse(text)}"))
        return
    if style == "Caption":
        state.caption = fmt.collapse(text)
    state.body.append(fmt.escape(f"[{style}] {fmt.truncate(text)}"))


def _cells(raw: str) -> list[str]:
    cells: list[str] = []
    for cell in raw.split(" | "):
        span = _SPAN.match(cell)
        count = int(span.group(1)) if span else 1
        value = clean_inline(_VMERGE.sub("", _SPAN.sub("", cell)))
        cells.extend([value] * count)
    return cells


def _table_line(state: _State, line: str) -> None:
    if line.startswith("table "):
        state.body.append(f"{fmt.TABLE}{state.caption or '(no caption)'}")
        state.body.append(f"  layout: {line.removeprefix('table ')}")
        state.caption = ""
        return
    match = _ROW.match(line)
    if match:
        kind = "head" if match.group(1) == "header-row" else "row"
        state.body.append(f"  {kind}{match.group(2) or ''}: {fmt.cells(_cells(match.group(3)))}")


def _section_line(state: _State, line: str) -> None:
    match = _FURNITURE.match(line)
    if match:
        name, variant, rest = match.groups()
        state.body.append(f"{name}: {variant}: {fmt.collapse(clean_inline(rest))}".rstrip())


def _convert(outline: str, state: _State) -> tuple[list[str], list[str]]:
    document: list[str] = []
    footnotes: list[str] = []
    block = "properties"
    for raw in outline.splitlines():
        line = raw.strip()
        if raw in ("properties", "footnotes") or raw.startswith("section "):
            block = raw.split()[0]
            if block == "section":
                state.body.append(f"-- {raw} --")
            continue
        if block == "properties":
            document.append(line)
        elif block == "footnotes":
            footnotes.append(fmt.escape(fmt.truncate(clean_inline(line))))
        elif line.startswith(("header(", "footer(")):
            _section_line(state, line)
        elif line.startswith(("table ", "header-row", "row")):
            _table_line(state, line)
        else:
            match = _PARAGRAPH.match(line)
            if match:
                _paragraph(state, match.group(1), match.group(2))
    return document, footnotes


def snapshot_docx(path: Path) -> str:
    """The text snapshot of the DOCX at `path`."""
    images = image_labels(path)
    state = _State()
    document, footnotes = _convert(read_docx_structure(path), state)
    lines = [fmt.title_line("docx"), fmt.SECTION.format("document"), *document,
             fmt.SECTION.format("styles used")]
    lines += [f"{name} ×{count}" for name, count in sorted(state.styles.items())]
    lines += [fmt.SECTION.format("body"), *state.body, fmt.SECTION.format("footnotes"),
              *footnotes, fmt.SECTION.format("images")]
    lines += [f"{number}. {label}" for number, label in enumerate(images, start=1)]
    return "\n".join(lines) + "\n"
