"""Read YAML report sources into plain data, keeping file and line of every mapping.

The node tree from `yaml_nodes` becomes dicts and lists with a `SourceRef` under the
`__source__` key; `include:` mappings are resolved (a whole node read from another file),
merge keys (<<) are applied, and numbers with a fraction become Decimal from their written
text, so that no float ever touches a figure.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from standgen.errors import Location, source_error
from standgen.load.safety import (
    check_source_text,
    check_text,
    file_kind,
    resolve_inside,
    resolve_path,
)
from standgen.load.yaml_nodes import Node, YamlSyntaxError, compose, scalar_value
from standgen.model.base import SOURCE_KEY, SourceRef

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_ALIAS_REUSE = 2_000  # alias repeats and merge-key (<<) sources, over the whole load
MAX_INCLUDE_DEPTH = 20  # files including files
MAX_NESTING = 100  # lists and mappings inside each other, across includes
COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
INCLUDE_KEY = "include"
MERGE_KEY = "<<"


class _Reader:
    """One load: tracks the project root, the include stack and a node budget."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.stack: list[Path] = []
        self.nodes = 0
        self.files: list[Path] = []
        self.converted: set[int] = set()
        self.reused = 0
        self.alias_site: Location | None = None
        self.depth = 0

    def read_file(self, path: Path, at: Location, prefix: str = "") -> Any:
        """Read one YAML file; `prefix` is the report-wide field path of its content."""
        path = resolve_inside(self.root, path, at)
        if path in self.stack:
            chain = " -> ".join(p.name for p in [*self.stack, path])
            raise source_error(at.file, at.line, at.field,
                               f"recursive include ({chain}); remove the include that "
                               "points back to a file that includes it")
        if len(self.stack) >= MAX_INCLUDE_DEPTH:
            raise source_error(at.file, at.line, at.field,
                               f"includes nested more than {MAX_INCLUDE_DEPTH} deep; include "
                               "the files from fewer levels")
        text = read_text(path, at)
        self.stack.append(path)
        self.files.append(path)
        outer, self.converted = self.converted, set()
        try:
            raw = parse_yaml(text, path)
            return self.convert(raw, path, prefix)
        finally:
            self.stack.pop()
            self.converted = outer

    def convert(self, node: Node | None, file: Path, field: str,
                line: int | None = None) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise source_error(file, None, field, "the sources hold too many values "
                               f"(more than {MAX_NODES:,}); split or simplify them")
        if node is None:
            return None
        if node.kind == "scalar":
            return self.convert_scalar(node, file, field)
        if node.tag is not None and node.tag not in COLLECTION_TAGS:
            raise source_error(file, node.line, field, f"the YAML tag {node.tag} is not "
                               "supported (standgen reads plain data only); remove it")
        if id(node) in self.converted:
            return self._convert_reused(node, file, field, line)
        self.converted.add(id(node))
        self.depth += 1
        try:
            if self.depth > MAX_NESTING:
                raise source_error(file, node.line, field, f"lists and mappings nested more "
                                   f"than {MAX_NESTING} deep (includes counted); flatten "
                                   "the structure")
            if node.kind == "map":
                return self.convert_map(node, file, field)
            return [self.convert(v, file, f"{field}[{i}]" if field else f"[{i}]", v.line)
                    for i, v in enumerate(node.value)]
        finally:
            self.depth -= 1

    @staticmethod
    def convert_scalar(node: Node, file: Path, field: str) -> Any:
        try:
            value = scalar_value(node)
        except ValueError as exc:
            raise source_error(file, node.line, field, str(exc)) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise source_error(file, node.line, field, f"{node.value} is not a number a report "
                               "can print; write a finite number or a status word (n.t.b.)")
        if isinstance(value, str):
            check_text(value, Location(file, node.line, field))
        return value

    def _convert_reused(self, node: Node, file: Path, field: str, line: int | None) -> Any:
        """Convert a node met again through an alias (*name), refusing alias bombs."""
        self.reused += 1
        outermost = self.alias_site is None
        if outermost:
            self.alias_site = Location(file, line, field)
        try:
            if self.reused > MAX_ALIAS_REUSE:
                site = self.alias_site or Location(file, line, field)
                raise source_error(site.file, site.line, site.field,
                                   f"YAML aliases (*name) repeat values more than "
                                   f"{MAX_ALIAS_REUSE:,} times; write the values out "
                                   "instead of nesting aliases")
            self.converted.discard(id(node))
            return self.convert(node, file, field, line)
        finally:
            if outermost:
                self.alias_site = None

    def convert_map(self, node: Node, file: Path, field: str) -> Any:
        pairs = self._pairs(node, file, field)
        if [name for name, _, _ in pairs] == [INCLUDE_KEY]:
            _, key_line, target = pairs[0]
            at = Location(file, key_line, f"{field}.include".lstrip("."))
            if target.kind != "scalar" or not isinstance(scalar_value(target), str):
                raise source_error(at.file, at.line, at.field,
                                   "include takes a file path relative to this file")
            return self.read_file(file.parent / target.value, at, field)
        out: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        for name, key_line, value in pairs:
            key_lines[name] = key_line
            sub = f"{field}.{name}" if field else name
            out[name] = self.convert(value, file, sub, key_line)
        out[SOURCE_KEY] = SourceRef(file, node.line, key_lines)
        return out

    def _pairs(self, node: Node, file: Path, field: str) -> list[tuple[str, int, Node]]:
        """The mapping's (key, key line, value) entries, merge keys (<<) applied."""
        own: list[tuple[str, int, Node]] = []
        merged: list[tuple[str, int, Node]] = []
        for key, value in node.value:
            if key.kind != "scalar":
                raise source_error(file, key.line, field, "a mapping key must be a plain "
                                   "name or number, not a list or mapping")
            if key.plain and key.value == MERGE_KEY:
                merged.extend(self._merge_source(value, file, field))
            else:
                own.append((key.value, key.line, value))
        names = {name for name, _, _ in own}
        for name, line, value in merged:
            if name not in names:
                names.add(name)
                own.append((name, line, value))
        return own

    def _merge_source(self, value: Node, file: Path, field: str) -> list[tuple[str, int, Node]]:
        sources = value.value if value.kind == "seq" else [value]
        if not all(source.kind == "map" for source in sources):
            raise source_error(file, value.line, field, "a merge key (<<) takes a mapping or a "
                               "list of mappings, usually an alias such as *defaults")
        pairs: list[tuple[str, int, Node]] = []
        for source in sources:
            self.reused += 1  # each source visited counts: nested merges multiply
            if self.reused > MAX_ALIAS_REUSE:
                raise source_error(file, value.line, field,
                                   f"merge keys (<<) repeat values more than "
                                   f"{MAX_ALIAS_REUSE:,} times; write the values out "
                                   "instead of nesting merges")
            pairs.extend(self._pairs(source, file, field))
        return pairs


def read_text(path: Path, at: Location) -> str:
    """Read a source file as UTF-8 text, refusing directories, binaries and huge files."""
    kind = file_kind(path, at)
    if kind == "dir":
        if at.line is not None:
            raise source_error(at.file, at.line, at.field, f"{path.name} is a directory, not "
                               "a YAML file; name a file")
        raise source_error(path, None, at.field, "this is a directory; give a report file")
    if kind == "missing":
        raise source_error(at.file, at.line, at.field,
                           f"file not found: {path}; check the path (it is relative to "
                           "the file that names it)")
    if kind == "other":
        raise source_error(at.file, at.line, at.field, f"{path.name} is not a regular file "
                           "(a pipe, device or socket); name a file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise source_error(path, None, "", f"file is {size:,} bytes; the limit is "
                               f"{MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise source_error(at.file, at.line, at.field, f"{path} cannot be read: "
                           f"{exc.strerror or exc}; check that it is a readable file") from None
    if b"\x00" in data:
        raise source_error(path, None, "", "file is binary (it holds a NUL byte), not YAML "
                           "text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise source_error(path, line, "", "file is not valid UTF-8; save it as UTF-8"
                           ) from None
    check_source_text(text, path)
    if not text.strip():
        raise source_error(path, 1, "", "file is empty; a report file needs at least a "
                           "title, period, report_year, ministry, date and rubricering")
    return text


def parse_yaml(text: str, path: Path) -> Node | None:
    """Parse YAML, turning parser errors into a located SourceError."""
    try:
        return compose(text)
    except YamlSyntaxError as exc:
        raise source_error(path, exc.line, "", exc.message, code="yaml") from None


def load_yaml_tree(path: Path, root: Path | None = None) -> tuple[Any, list[Path]]:
    """Load a YAML file and its includes as plain data; returns the data and every file."""
    path = resolve_path(path, Location(path, None, ""))
    reader = _Reader((root or path.parent).resolve())
    data = reader.read_file(path, Location(path, None, ""))
    return data, reader.files
