"""Where each composed block comes from, for the Word review round trip (issue #23).

Compose gives every block it makes an opaque `origin` id; this module keeps, per id, the
kind of content (prose an author wrote, a template phrase, a table of figures, a chart),
its source file, line and field, and sha256 digests so that a later review can tell
whether the sources changed since the build: of the text of every prose field, and, in a
confidential edition, of every source file. A public edition holds no file digest: a reader
could confirm a guessed confidential figure against the digest of the file that holds it.
The record travels as one JSON string on the document tree; writers store it unread.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from standgen.compose import tree as t
from standgen.errors import Location
from standgen.load.yaml_span import field_key, field_span
from standgen.model.tables import IndicatorTable

Kind = Literal["prose", "template", "data", "chart"]
VERSION = 1


class Provenance:
    """Hands out origin ids and remembers what each one points at."""

    def __init__(self, main: Path | None, public: bool = True) -> None:
        self.root = main.resolve().parent if main is not None else None
        self.public = public
        self.records: dict[str, dict[str, Any]] = {}
        self.files: set[Path] = set()
        self._texts: dict[Path, str | None] = {}

    def _relative(self, path: Path | None) -> str | None:
        if path is None:
            return None
        resolved = path.resolve()
        self.files.add(resolved)
        if self.root is None:
            return resolved.as_posix()
        return Path(os.path.relpath(resolved, self.root)).as_posix()

    def add(self, kind: Kind, at: Location | None, **detail: Any) -> str:
        """A new origin id for content of `kind` read at `at`."""
        origin = str(len(self.records) + 1)
        record: dict[str, Any] = {"kind": kind}
        if at is not None:
            record.update(file=self._relative(at.file), line=at.line, field=at.field)
        record.update({k: v for k, v in detail.items() if v is not None})
        if kind == "prose" and at is not None and at.file is not None and at.line:
            record["digest"] = self._field_digest(at.file, at.line, at.field)
        self.records[origin] = record
        return origin

    def _field_digest(self, path: Path, line: int, field: str) -> str:
        resolved = path.resolve()
        if resolved not in self._texts:
            try:
                self._texts[resolved] = resolved.read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                self._texts[resolved] = None
        text = self._texts[resolved]
        return field_digest(text, line, field) if text is not None else ""

    def mark(self, blocks: list[t.Block], kind: Kind, at: Location | None,
             **detail: Any) -> list[t.Block]:
        """`blocks` with one new origin id set on each block that can carry one."""
        if not blocks:
            return blocks
        origin = self.add(kind, at, **detail)
        return [_with_origin(b, origin) for b in blocks]

    def table(self, table: IndicatorTable, at: Location, header_rows: int,
              keep: list[int] | None = None) -> str:
        """The origin of a table of figures: which row and column each cell shows, and
        where the figures are read (the data file, or the YAML rows). `keep` lists the
        columns (by index) a part of a split table shows."""
        data_file = None
        if table.data is not None and table.source is not None and table.source.file:
            data_file = self._relative(table.source.file.parent / table.data)
        rows = [{"id": r.id, "line": r.source.line if r.source else None,
                 "derived": r.derived is not None, "group": r.role == "group"}
                for r in table.rows]
        shown = table.columns if keep is None else [table.columns[i] for i in keep
                                                    if 0 <= i < len(table.columns)]
        columns = [{"key": c.key, "derived": c.derived is not None} for c in shown]
        return self.add("data", at, table=table.id, data=data_file, sheet=table.sheet,
                        header_rows=header_rows, rows=rows, columns=columns)

    def record(self) -> str:
        """The JSON record of every origin and the digest of every source file."""
        payload: dict[str, Any] = {"version": VERSION, "origins": self.records}
        if not self.public:
            payload["sources"] = {self._relative(path) or path.as_posix(): _digest(path)
                                  for path in sorted(self.files)}
        return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def field_digest(text: str, line: int, field: str) -> str:
    """The sha256 of the exact text of the field at `line` of a YAML file's `text`."""
    start, end, _ = field_span(text, line, field_key(field))
    return hashlib.sha256(text[start:end].encode("utf-8")).hexdigest()


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _with_origin(block: t.Block, origin: str) -> t.Block:
    if isinstance(block, t.PageBreak | t.Rule) or block.origin is not None:
        return block
    return replace(block, origin=origin)
