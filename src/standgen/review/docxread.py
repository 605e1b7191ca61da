"""Read an edited DOCX: its provenance record, its tracked changes and its comments.

Every paragraph of the body is tied to the origin of the hidden `_sg<origin>` bookmark it
stands in (see write/docx/origins.py); a paragraph inside a table also knows its row and
cell. Reads the zip with lxml only, so a file saved by Word or by LibreOffice both work.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from standgen.errors import StandgenError
from standgen.write.docx.origins import unpack

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PROPS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
NOTE = "\x00"
"""Stands for a footnote mark in paragraph text (and for `[^id]` in source text)."""
_WRAPPERS = {"ins": "ins", "del": "del", "moveFrom": "moveFrom", "moveTo": "moveTo"}
MAX_RECORD = 64 * 1024 * 1024
_NAME = re.compile(r"_sg(\d+)(?:_\d+)?$")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Segment:
    """A stretch of a paragraph's text, plain or inside one tracked change."""

    kind: str
    text: str
    author: str = ""
    date: str = ""


@dataclass
class Para:
    """A body paragraph: its origin, its place in a table, its segments and comments."""

    index: int
    origin: str | None
    segments: list[Segment] = field(default_factory=list)
    table_cell: tuple[int, int] | None = None
    comment_ids: list[str] = field(default_factory=list)
    inserted_mark: bool = False
    part: str = "body"

    @property
    def original(self) -> str:
        return "".join(s.text for s in self.segments if s.kind in ("plain", "del", "moveFrom"))


@dataclass
class Comment:
    """A reviewer's comment and the paragraph it is anchored in."""

    id: str
    author: str
    date: str
    text: str
    para: Para | None = None


@dataclass
class EditedDocx:
    """What review reads from the edited file."""

    record: dict[str, Any]
    paragraphs: list[Para]
    comments: list[Comment]


def read_edited(path: Path) -> EditedDocx:
    """The provenance, paragraphs and comments of `path`, or a located error."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            body = _xml(archive, "word/document.xml", path)
            custom = _xml(archive, "docProps/custom.xml", path) if (
                "docProps/custom.xml" in names) else None
            notes = _xml(archive, "word/comments.xml", path) if (
                "word/comments.xml" in names) else None
            others = [(_part(name), _xml(archive, name, path)) for name in sorted(names)
                      if _part(name)]
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise StandgenError(f"{path}: not a readable DOCX file ({exc})") from None
    record = _record(custom, path)
    paragraphs = _paragraphs(body)
    for part, root in others:
        paragraphs += _part_paragraphs(root, part, len(paragraphs))
    return EditedDocx(record, paragraphs, _comments(notes, paragraphs))


def _part(name: str) -> str:
    """The kind of a story part other than the body whose edits are listed too."""
    match = re.fullmatch(r"word/(footnotes|endnotes|header\d*|footer\d*)\.xml", name)
    return re.sub(r"\d+$", "", match.group(1)) if match else ""


def _part_paragraphs(root: Any, part: str, first: int) -> list[Para]:
    out: list[Para] = []
    for p in root.iter(w("p")):
        origin = next((o for o in map(_origin_of, p.iter(w("bookmarkStart"))) if o), None)
        para = Para(first + len(out), origin, part=part)
        _fill(para, p, {})
        out.append(para)
    return out


def _xml(archive: zipfile.ZipFile, name: str, path: Path) -> Any:
    try:
        return etree.fromstring(archive.read(name),
                                etree.XMLParser(resolve_entities=False, no_network=True,
                                                huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise StandgenError(f"{path}: {name} is not valid XML ({exc})") from None


def _record(custom: Any, path: Path) -> dict[str, Any]:
    pieces: list[tuple[str, str]] = []
    if custom is not None:
        for prop in custom.iter(f"{_PROPS}property"):
            name = prop.get("name", "")
            if name.startswith("standgen.provenance."):
                pieces.append((name, "".join(prop.itertext())))
    if not pieces:
        raise StandgenError(f"{path}: holds no standgen provenance (docProps/custom.xml, "
                            "property standgen.provenance.*); review needs a DOCX built by "
                            "this standgen version, edited in Word or LibreOffice")
    packed = "".join(text for _, text in sorted(pieces))
    try:
        data = json.loads(unpack(packed, MAX_RECORD))
    except (ValueError, zlib.error) as exc:
        raise StandgenError(f"{path}: the standgen provenance properties are damaged "
                            f"({exc}); review the DOCX as built, not a copy edited by hand"
                            ) from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise StandgenError(f"{path}: unknown standgen provenance version")
    return data


def _paragraphs(root: Any) -> list[Para]:
    """Every paragraph of the body, in reading order, with its origin."""
    body = root.find(w("body"))
    if body is None:
        return []
    open_marks: dict[str, str] = {}
    out: list[Para] = []
    pending: list[str] = []
    for p in body.iter(w("p"), w("commentRangeStart")):
        if p.tag == w("commentRangeStart"):
            if not any(a.tag == w("p") for a in p.iterancestors()):
                pending.append(p.get(w("id"), ""))
            continue
        starts = [_origin_of(b) for b in p.iter(w("bookmarkStart"))]
        active = next((o for o in reversed(list(open_marks.values())) if o), None)
        origin = next((o for o in starts if o), None) or active
        para = Para(len(out), origin, table_cell=_cell_of(p))
        para.inserted_mark = p.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None
        para.comment_ids, pending = pending, []
        _fill(para, p, open_marks)
        out.append(para)
    return out


def _origin_of(start: Any) -> str | None:
    match = _NAME.match(start.get(w("name"), ""))
    return match.group(1) if match else None


def _cell_of(p: Any) -> tuple[int, int] | None:
    tc = p.getparent()
    if tc is None or tc.tag != w("tc"):
        return None
    tr = tc.getparent()
    tbl = tr.getparent() if tr is not None else None
    if tr is None or tbl is None:
        return None
    row = [r for r in tbl if r.tag == w("tr")].index(tr)
    column = 0
    for cell in tr:
        if cell is tc:
            break
        if cell.tag == w("tc"):
            span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
            column += int(span.get(w("val"), "1")) if span is not None else 1
    return row, column


def _fill(para: Para, p: Any, open_marks: dict[str, str]) -> None:
    for node in p.iter():
        tag = node.tag
        if tag == w("bookmarkStart"):
            open_marks[node.get(w("id"), "")] = _origin_of(node) or ""
        elif tag == w("bookmarkEnd"):
            open_marks.pop(node.get(w("id"), ""), None)
        elif tag in (w("commentRangeStart"), w("commentReference")):
            ident = node.get(w("id"), "")
            if ident not in para.comment_ids:
                para.comment_ids.append(ident)
        elif tag in (w("t"), w("delText"), w("tab"), w("footnoteReference")):
            _add_text(para, node)


def _add_text(para: Para, node: Any) -> None:
    tag = node.tag
    text = {w("tab"): "\t", w("footnoteReference"): NOTE}.get(tag, node.text or "")
    kind, author, date = "plain", "", ""
    parent = node.getparent()
    while parent is not None and parent.tag != w("p"):
        local = etree.QName(parent).localname
        if local in _WRAPPERS:
            kind, author, date = local, parent.get(w("author"), ""), parent.get(w("date"), "")
            break
        parent = parent.getparent()
    text = text.replace("\u00a0", " ")
    last = para.segments[-1] if para.segments else None
    if last is not None and (last.kind, last.author, last.date) == (kind, author, date):
        last.text += text
    else:
        para.segments.append(Segment(kind, text, author, date))


def _comments(root: Any, paragraphs: list[Para]) -> list[Comment]:
    if root is None:
        return []
    anchored = {ident: p for p in paragraphs for ident in p.comment_ids}
    out: list[Comment] = []
    for node in root.iter(w("comment")):
        ident = node.get(w("id"), "")
        text = "\n".join("".join(t.text or "" for t in para.iter(w("t")))
                         for para in node.iter(w("p")))
        out.append(Comment(ident, node.get(w("author"), ""), node.get(w("date"), ""),
                           text.strip(), anchored.get(ident)))
    return out
