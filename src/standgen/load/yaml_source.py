"""Read YAML report sources into plain data, keeping file and line of every mapping.

ruamel.yaml keeps line numbers; we turn its tree into dicts and lists with a `SourceRef`
under the `__source__` key, resolve `include:` mappings (a whole node read from another
file), and convert numbers to Decimal so that no float ever touches a figure.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarfloat import ScalarFloat

from standgen.errors import Location, Problem, SourceError, source_error
from standgen.load.safety import check_source_text, check_text, resolve_inside
from standgen.model.base import SOURCE_KEY, SourceRef

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_ALIAS_REUSE = 2_000
INCLUDE_KEY = "include"


class _DecimalConstructor(RoundTripConstructor):
    """Reads YAML floats as Decimal from their written text, so 1.420 keeps three decimals."""

    def construct_decimal(self, node: Any) -> Any:
        text = str(node.value).replace("_", "")
        try:
            return Decimal(text)
        except InvalidOperation:  # .inf, .nan: refused later by the model
            return self.construct_yaml_float(node)


_DecimalConstructor.add_constructor("tag:yaml.org,2002:float",
                                    _DecimalConstructor.construct_decimal)


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

    def read_file(self, path: Path, at: Location, prefix: str = "") -> Any:
        """Read one YAML file; `prefix` is the report-wide field path of its content."""
        path = resolve_inside(self.root, path, at)
        if path in self.stack:
            chain = " -> ".join(p.name for p in [*self.stack, path])
            raise source_error(at.file, at.line, at.field,
                               f"recursive include ({chain}); remove the include that "
                               "points back to a file that includes it")
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

    def convert(self, node: Any, file: Path, field: str, line: int | None = None) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise source_error(file, None, field, "the sources hold too many values "
                               f"(more than {MAX_NODES:,}); split or simplify them")
        if isinstance(node, CommentedMap | CommentedSeq):
            if id(node) in self.converted:
                return self._convert_reused(node, file, field, line)
            self.converted.add(id(node))
        if isinstance(node, CommentedMap):
            return self.convert_map(node, file, field)
        if isinstance(node, CommentedSeq):
            return [self.convert(v, file, f"{field}[{i}]" if field else f"[{i}]",
                                 node.lc.item(i)[0] + 1)
                    for i, v in enumerate(node)]
        if isinstance(node, ScalarFloat | float):
            if not math.isfinite(node):
                raise source_error(file, line, field, f"{node} is not a number a report can "
                                   "print; write a finite number or a status word (n.t.b.)")
            return Decimal(str(node))
        if isinstance(node, str):
            check_text(node, Location(file, line, field))
            return str(node)
        return node

    def _convert_reused(self, node: Any, file: Path, field: str, line: int | None) -> Any:
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

    def convert_map(self, node: CommentedMap, file: Path, field: str) -> Any:
        line = node.lc.line + 1
        keys = [k for k in node]
        if keys == [INCLUDE_KEY]:
            target = node[INCLUDE_KEY]
            at = Location(file, node.lc.key(INCLUDE_KEY)[0] + 1, f"{field}.include".lstrip("."))
            if not isinstance(target, str):
                raise source_error(at.file, at.line, at.field,
                                   "include takes a file path relative to this file")
            return self.read_file(file.parent / target, at, field)
        out: dict[str, Any] = {}
        key_lines: dict[str, int] = {}
        for key in keys:
            name = str(key)
            key_lines[name] = node.lc.key(key)[0] + 1
            sub = f"{field}.{name}" if field else name
            out[name] = self.convert(node[key], file, sub, key_lines[name])
        out[SOURCE_KEY] = SourceRef(file, line, key_lines)
        return out


def read_text(path: Path, at: Location) -> str:
    """Read a source file as UTF-8 text, refusing directories, binaries and huge files."""
    if path.is_dir():
        if at.line is not None:
            raise source_error(at.file, at.line, at.field, f"{path.name} is a directory, not "
                               "a YAML file; name a file")
        raise source_error(path, None, at.field, "this is a directory; give a report file")
    if not path.exists():
        raise source_error(at.file, at.line, at.field,
                           f"file not found: {path}; check the path (it is relative to "
                           "the file that names it)")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise source_error(path, None, "", f"file is {size:,} bytes; the limit is "
                           f"{MAX_FILE_BYTES:,}")
    data = path.read_bytes()
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


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML, turning parser errors into a located SourceError."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _DecimalConstructor
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        raise SourceError([_syntax_problem(exc, path)]) from None
    except YAMLError as exc:
        raise source_error(path, None, "", f"YAML error: {exc}") from None
    except RecursionError:
        raise source_error(path, None, "", "YAML nesting is too deep") from None


def _syntax_problem(exc: MarkedYAMLError, path: Path) -> Problem:
    """A YAML parser error at the line an author should look at, with a hint."""
    what = (exc.problem or "invalid YAML").strip()
    mark = exc.problem_mark or exc.context_mark
    if "end of stream" in what and exc.context_mark is not None:
        mark = exc.context_mark  # an unclosed quote or bracket: point at where it opened
    line = mark.line + 1 if mark is not None else None
    if "\t" in what or "\\t" in what:
        hint = "a tab character; YAML indents with spaces only, replace the tab by spaces"
    elif "found duplicate key" in what:
        hint = f"{what}; each key may appear once in a mapping, remove or rename one"
    elif exc.context:
        hint = f"{exc.context.strip()}: {what}; fix the YAML at this line"
    else:
        hint = f"{what}; fix the YAML at this line"
    return Problem(Location(path, line, ""), f"YAML syntax error: {hint}", code="yaml")


def load_yaml_tree(path: Path, root: Path | None = None) -> tuple[Any, list[Path]]:
    """Load a YAML file and its includes as plain data; returns the data and every file."""
    path = path.resolve()
    reader = _Reader((root or path.parent).resolve())
    data = reader.read_file(path, Location(path, None, ""))
    return data, reader.files
