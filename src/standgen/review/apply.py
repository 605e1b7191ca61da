"""Take tracked prose edits back into the YAML sources, or say one by one why not.

An edit replaces exactly the span of the field's text it concerns (formatting and comments
of the file stay); every other kind of edit is refused with its reason. A file is written
only when all its accepted edits still leave every `rubricering` value as it was.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from standgen.compose.provenance import field_digest
from standgen.files import write_atomically
from standgen.review.changes import Change
from standgen.review.docxread import NOTE
from standgen.review.locate import Where
from standgen.review.textspan import Found, field_key, field_span, find, flatten

_MARKUP = ("{{", "{%", "{#", "[", "]", "*", "`", "<", "\\", "|")
_TEXT_FILES = (".yaml", ".yml")


@dataclass(frozen=True)
class Placed:
    """A prose change found in its source file: the span to replace and the new text."""

    path: Path
    start: int
    end: int
    text: str
    line: int


def changed_sources(record: dict[str, Any], root: Path) -> list[str]:
    """The recorded source files whose bytes differ from the build's (or are gone); for a
    public edition, which records no file digest, the files of prose fields that changed."""
    if "sources" not in record:
        return _changed_fields(record, root)
    changed: list[str] = []
    for name, digest in sorted(record["sources"].items()):
        path = root / name
        try:
            now = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            now = ""
        if now != digest:
            changed.append(name)
    return changed


def _changed_fields(record: dict[str, Any], root: Path) -> list[str]:
    changed: set[str] = set()
    texts: dict[str, str | None] = {}
    for origin in record.get("origins", {}).values():
        name, digest = origin.get("file"), origin.get("digest")
        if not name or not digest or not origin.get("line"):
            continue
        if name not in texts:
            try:
                texts[name] = (root / name).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                texts[name] = None
        text = texts[name]
        if text is None or field_digest(text, int(origin["line"]),
                                        str(origin.get("field", ""))) != digest:
            changed.add(str(name))
    return sorted(changed)


def place(change: Change, where: Where, root: Path) -> Placed | str:
    """Where `change` goes in its source, or the reason it cannot be taken back."""
    reason = _refusal(change, where)
    if reason:
        return reason
    path = root / where.file
    if path.suffix.lower() not in _TEXT_FILES:
        return f"{where.file} is not a YAML text file; standgen writes no other file"
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return f"{where.file} cannot be read"
    record = where.record or {}
    key = field_key(str(record.get("field", "")))
    start, end, style = field_span(raw, int(where.line or 0), key)
    found = find(flatten(raw, start, end, style), change.before, change.deleted, change.after)
    if isinstance(found, str):
        return found
    text = _escaped(change.inserted, style)
    if text is None:
        return f"the inserted text cannot be written in this {style}-style YAML value as is"
    if _touches_rubricering(raw, found):
        return "the edit touches a rubricering line; levels are never changed by review"
    return Placed(path, found.start, found.end, text, raw.count("\n", 0, found.start) + 1)


def _refusal(change: Change, where: Where) -> str | None:
    if where.kind == "data":
        return f"a figure from data ({where.what}); change it at its source, standgen " \
               "never writes a data file"
    if where.kind == "template":
        return f"text from a template ({where.what}); change the template"
    if where.kind == "label":
        return f"a table's own text ({where.what}); change it in the table's YAML"
    if where.kind == "chart":
        return f"a chart ({where.what}); change its table"
    if where.kind != "prose":
        return "text standgen writes itself; there is no source text to change"
    if change.kind in ("moveFrom", "moveTo"):
        return "moved text is a structural change; move it in the source"
    if change.para.inserted_mark or "\n" in change.inserted:
        return "a new paragraph is a structural change; write it in the source"
    if NOTE in change.deleted:
        return "the edit removes a footnote reference; change the footnotes in the source"
    if any(mark in change.inserted for mark in _MARKUP):
        return "the inserted text holds characters that Markdown or templates would read " \
               "as markup; write it in the source"
    if "rubricering" in change.inserted.lower():
        return "the inserted text names a rubricering; levels are never changed by review"
    return None


def _escaped(text: str, style: str) -> str | None:
    if style == "block":
        return text
    if style == "double":
        return None if '"' in text else text
    if style == "single":
        return text.replace("'", "''")
    return None if ": " in text or " #" in text or text.endswith(":") else text


def _touches_rubricering(raw: str, found: Found) -> bool:
    first = raw.rfind("\n", 0, found.start) + 1
    last = raw.find("\n", found.end)
    span = raw[first: last if last >= 0 else len(raw)]
    return re.search(r"(^|[\s{,])rubricering\s*:", span) is not None


def write_edits(placed: list[Placed]) -> dict[Path, str]:
    """Apply the edits file by file; returns, per file refused as a whole, the reason."""
    refused: dict[Path, str] = {}
    for path in sorted({p.path for p in placed}):
        edits = sorted((p for p in placed if p.path == path), key=lambda p: p.start)
        raw = path.read_bytes().decode("utf-8")
        new = raw
        for edit in reversed(edits):
            new = new[:edit.start] + edit.text + new[edit.end:]
        reason = _unsafe(raw, new)
        if reason:
            refused[path] = reason
            continue
        write_atomically(path, producer(new.encode("utf-8")))
    return refused


def producer(data: bytes) -> Callable[[BinaryIO], None]:
    def produce(stream: BinaryIO) -> None:
        stream.write(data)
    return produce


def overlapping(placed: list[Placed]) -> list[Placed]:
    """Edits whose spans overlap an earlier edit in the same file (those are refused)."""
    out: list[Placed] = []
    ordered = sorted(placed, key=lambda p: (str(p.path), p.start, p.end))
    for first, second in itertools.pairwise(ordered):
        if first.path == second.path and second.start < first.end:
            out.append(second)
    return out


def _unsafe(old: str, new: str) -> str | None:
    try:
        before, after = yaml.safe_load(old), yaml.safe_load(new)
    except yaml.YAMLError as exc:
        return f"the edited file would no longer be valid YAML ({exc})"
    if _levels(before) != _levels(after):
        return "the edits would change a rubricering value"
    return None


def _levels(node: Any, path: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "rubricering":
                found.append((path, value))
            found += _levels(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _levels(value, f"{path}[{index}]")
    return found
