"""All text a reader can see or hear in a built artifact: the page and document text the
leak check reads, and for a PDF also the alternate and actual texts of its structure tree
and its XMP metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

from standgen.leaks.extract import artifact_text

STRUCT_TEXTS = ("/Alt", "/ActualText", "/E", "/T", "/Lang")


def readable_text(path: Path) -> str:
    """Everything a reader sees or hears in one DOCX, PDF or Markdown file."""
    text = artifact_text(path)
    if path.suffix.lower() != ".pdf":
        return text
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"].get_object()
    pieces = [text]
    tree = root.get("/StructTreeRoot")
    if tree is not None:
        _struct_texts(tree.get_object(), pieces, set())
    metadata = root.get("/Metadata")
    if metadata is not None:
        pieces.append(metadata.get_object().get_data().decode("utf-8", "replace"))
    return "\n".join(pieces)


def _struct_texts(node: Any, out: list[str], seen: set[int]) -> None:
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, list):
        for item in node:
            _struct_texts(item.get_object() if hasattr(item, "get_object") else item, out,
                          seen)
        return
    if not hasattr(node, "get"):
        return
    out.extend(str(node[key]) for key in STRUCT_TEXTS if key in node)
    kids = node.get("/K")
    if kids is not None:
        _struct_texts(kids.get_object() if hasattr(kids, "get_object") else kids, out, seen)
