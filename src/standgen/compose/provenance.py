"""Where each composed block comes from, for the Word review round trip (issue #23).

Compose gives every block it makes an opaque `origin` id; this module keeps, per id, the
kind of content (prose an author wrote, a template phrase, a table of figures, a chart),
its source file, line and field, and it records a sha256 digest of every source file so a
later review can tell whether the sources changed since the build. The record travels
as one JSON string on the document tree; writers store it without reading it.
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
from standgen.model.tables import IndicatorTable

Kind = Literal["prose", "template", "data", "chart"]
VERSION = 1


class Provenance:
    """Hands out origin ids and remembers what each one points at."""

    def __init__(self, main: Path | None) -> None:
        self.root = main.resolve().parent if main is not None else None
        self.records: dict[str, dict[str, Any]] = {}
        self.files: set[Path] = set()

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
        self.records[origin] = record
        return origin

    def mark(self, blocks: list[t.Block], kind: Kind, at: Location | None,
             **detail: Any) -> list[t.Block]:
        """`blocks` with one new origin id set on each block that can carry one."""
        if not blocks:
            return blocks
        origin = self.add(kind, at, **detail)
        return [_with_origin(b, origin) for b in blocks]

    def table(self, table: IndicatorTable, at: Location, header_rows: int) -> str:
        """The origin of a table of figures: which row and column each cell shows, and
        where the figures are read (the data file, or the YAML rows)."""
        data_file = None
        if table.data is not None and table.source is not None and table.source.file:
            data_file = self._relative(table.source.file.parent / table.data)
        rows = [{"id": r.id, "line": r.source.line if r.source else None,
                 "derived": r.derived is not None, "group": r.role == "group"}
                for r in table.rows]
        columns = [{"key": c.key, "derived": c.derived is not None} for c in table.columns]
        return self.add("data", at, table=table.id, data=data_file, sheet=table.sheet,
                        header_rows=header_rows, rows=rows, columns=columns)

    def record(self) -> str:
        """The JSON record of every origin and the digest of every source file."""
        digests = {}
        for path in sorted(self.files):
            name = self._relative(path) or path.as_posix()
            digests[name] = _digest(path)
        payload = {"version": VERSION, "origins": self.records, "sources": digests}
        return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _with_origin(block: t.Block, origin: str) -> t.Block:
    if isinstance(block, t.PageBreak | t.Rule) or block.origin is not None:
        return block
    return replace(block, origin=origin)
