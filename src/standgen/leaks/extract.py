"""Every text an artifact holds: all XML parts of a DOCX, or page text, metadata, outline
and annotations of a PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from standgen.errors import BuildError

MAX_PART = 64 * 1024 * 1024


def artifact_text(path: Path) -> str:
    """All text of a DOCX or PDF, parts separated by newlines."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".pdf":
        return pdf_text(path)
    if suffix in (".md", ".txt"):
        return path.read_text(encoding="utf-8")
    raise BuildError(f"cannot check {path.name}: not a .docx, .pdf or .md file")


def docx_text(path: Path) -> str:
    """Text nodes and attribute values of every XML part, file names of every part."""
    pieces: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            pieces.append(info.filename)
            if info.file_size > MAX_PART or not info.filename.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(archive.read(info))
            pieces.extend(_xml_strings(root))
    return "\n".join(pieces)


def _xml_strings(root: Any) -> list[str]:
    out: list[str] = []
    for paragraph in root.iter():
        if not isinstance(paragraph.tag, str):
            continue
        out.extend(str(v) for v in paragraph.attrib.values())
        if paragraph.text and paragraph.text.strip():
            out.append(paragraph.text)
    paragraphs = root.findall(".//{*}p")
    for p in paragraphs:
        out.append("".join(t.text or "" for t in p.iter("{*}t")))
    return out


def pdf_text(path: Path) -> str:
    """Page text, document information, outline titles and annotation contents."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pieces: list[str] = []
    for page in reader.pages:
        pieces.append(page.extract_text() or "")
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            for key in ("/Contents", "/T", "/TU"):
                if key in obj:
                    pieces.append(str(obj[key]))
            action = obj.get("/A")
            if action is not None and "/URI" in action.get_object():
                pieces.append(str(action.get_object()["/URI"]))
    info: dict[str, Any] = dict(reader.metadata or {})
    pieces.extend(str(v) for v in info.values())
    pieces.extend(_outline_titles(reader.outline))
    return "\n".join(pieces)


def _outline_titles(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_outline_titles(item))
        else:
            out.append(str(getattr(item, "title", "")))
    return out


def normalise(text: str) -> str:
    """Undo hyphenation at line ends so split words compare whole."""
    return re.sub(r"-\n(?=\w)", "", text)
