"""YAML text → a small node tree with line numbers, read from libyaml's event stream.

libyaml (through PyYAML's C binding) scans and parses some forty times faster than a
pure-Python parser, which made parsing the largest part of loading a report. We take only its
events and compose the tree ourselves, without recursion, so that deep nesting is refused
with a message instead of exhausting the C stack, duplicate keys are caught with both lines,
and plain scalars are typed by the YAML 1.2 core schema ("no" stays text, 1.420 keeps its
written digits).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

MAX_DEPTH = 200
MAX_INT_DIGITS = 100  # longer integers are read as Decimal: Python refuses to parse them
STR_TAG = "tag:yaml.org,2002:str"

_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class YamlSyntaxError(Exception):
    """A YAML text that cannot be read, at a 1-based line (None: the whole file)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(slots=True, eq=False)
class Node:
    """One YAML node. `value` is the text of a scalar, a list of nodes for a sequence, or a
    list of (key, value) node pairs for a mapping; the same Node object may appear several
    times in a tree, once per alias (*name) that refers to it."""

    kind: str
    line: int
    tag: str | None = None
    plain: bool = False
    value: Any = field(default=None)

    def text(self) -> str:
        """The written text of a scalar (empty for collections)."""
        return self.value if self.kind == "scalar" else ""


def compose(text: str) -> Node | None:
    """Parse one YAML document into a Node tree; None for a file without content."""
    try:
        return _Composer().run(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as exc:
        line = _parser_line(exc)
        last = max(1, len(text.splitlines()))  # an error at the end of the stream
        raise YamlSyntaxError(_parser_message(exc, text),
                              min(line, last) if line else None) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML error: {exc}", None) from None


class _Composer:
    """Builds nodes from events with an explicit stack: open collections and pending keys."""

    def __init__(self) -> None:
        self.anchors: dict[str, Node] = {}
        self.stack: list[Node] = []
        self.pending_key: list[Node | None] = []
        self.keys: list[dict[str, int]] = []  # per open collection: key text -> its line
        self.root: Node | None = None
        self.documents = 0

    def run(self, events: Any) -> Node | None:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise YamlSyntaxError("the file holds more than one YAML document (a "
                                          "second '---'); keep one document per file",
                                          _line(event))
            elif isinstance(event, yaml.AliasEvent):
                self._add(self._alias(event), event)
            elif isinstance(event, yaml.ScalarEvent):
                self._add(self._scalar(event), event)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                self._open(event)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                self._close(event)
        return self.root

    def _scalar(self, event: Any) -> Node:
        plain = bool(event.implicit[0]) and event.tag is None
        tag = None if event.tag in (None, "!") else event.tag
        return Node("scalar", _line(event), tag, plain, event.value)

    def _alias(self, event: Any) -> Node:
        node = self.anchors.get(event.anchor)
        if node is None:
            raise YamlSyntaxError(f"the alias *{event.anchor} names no anchor defined before "
                                  f"it; define &{event.anchor} first or write the value out",
                                  _line(event))
        return node

    def _open(self, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise YamlSyntaxError(f"YAML nesting is too deep (more than {MAX_DEPTH} nested "
                                  "lists or mappings); flatten the structure",
                                  _line(event))
        kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
        tag = None if event.tag in (None, "!") else event.tag
        node = Node(kind, _line(event), tag, False, [])
        self._add(node, event)
        self.stack.append(node)
        self.pending_key.append(None)
        self.keys.append({})

    def _close(self, event: Any) -> None:
        self.stack.pop()
        self.pending_key.pop()
        self.keys.pop()

    def _add(self, node: Node, event: Any) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None and not isinstance(event, yaml.AliasEvent):
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        if parent.kind == "seq":
            parent.value.append(node)
            return
        key = self.pending_key[-1]
        if key is None:
            self.pending_key[-1] = node
            return
        self._check_duplicate(self.keys[-1], key)
        parent.value.append((key, node))
        self.pending_key[-1] = None

    @staticmethod
    def _check_duplicate(seen: dict[str, int], key: Node) -> None:
        """Refuse a key met before in the same mapping (a dict: a mapping of 100,000 keys
        compared pairwise took minutes)."""
        if key.kind != "scalar":
            return
        first = seen.get(key.value)
        if first is not None:
            raise YamlSyntaxError(
                f"found duplicate key '{key.value}' (first at line {first}); each "
                "key may appear once in a mapping, remove or rename one", key.line)
        seen[key.value] = key.line


def _line(event: Any) -> int:
    """The 1-based line an event starts on."""
    return int(event.start_mark.line) + 1


def _parser_line(exc: yaml.MarkedYAMLError) -> int | None:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or ""
    if "end of stream" in what and exc.context_mark is not None:
        mark = exc.context_mark  # an unclosed quote or bracket: point at where it opened
    return mark.line + 1 if mark is not None else None


def _parser_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    """The parser's complaint in an author's terms, with what to do about it."""
    what = (exc.problem or "invalid YAML").strip()
    line = _parser_line(exc)
    lines = text.splitlines()
    source_line = lines[line - 1] if line and 0 < line <= len(lines) else ""
    if "\t" in source_line and ("tab" in what.lower() or "cannot start any token" in what):
        return ("YAML syntax error: a tab character; YAML indents with spaces only, "
                "replace the tab by spaces")
    escapes = list(re.finditer(r"\\[uU]([0-9A-Fa-f]{4,8})", source_line))
    escape = next((e for e in escapes if _unnamed(int(e.group(1), 16))),
                  escapes[0] if escapes else None)
    if "character escape" in what and escape:
        return (f"YAML syntax error: the escape {escape.group(0)} names no character "
                f"(U+{escape.group(1).upper()} is a lone surrogate or out of range); remove "
                "it or write the character itself")
    if exc.context:
        return f"YAML syntax error: {exc.context.strip()}: {what}; fix the YAML at this line"
    return f"YAML syntax error: {what}; fix the YAML at this line"


def _unnamed(code: int) -> bool:
    """Whether an escape's code point names no character (a surrogate, or past U+10FFFF)."""
    return 0xD800 <= code <= 0xDFFF or code > 0x10FFFF


_INT = re.compile(r"[-+]?[0-9][0-9_]*")
_OCT = re.compile(r"0o[0-7_]+")
_HEX = re.compile(r"0x[0-9a-fA-F_]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9].*")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_TAGGED: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": lambda t: _resolve(t, int),
    "tag:yaml.org,2002:float": lambda t: _resolve(t, Decimal),
    "tag:yaml.org,2002:bool": lambda t: _resolve(t, bool),
    "tag:yaml.org,2002:null": lambda t: None,
}


def scalar_value(node: Node) -> Any:
    """The value of a scalar: a plain one typed by the YAML 1.2 core schema, numbers with a
    fraction as Decimal from their written text; raises ValueError for an unknown tag."""
    if node.tag is not None:
        convert = _TAGGED.get(node.tag)
        if convert is None:
            raise ValueError(f"the YAML tag {node.tag} is not supported; remove it")
        value = convert(node.value)
        if value is _UNRESOLVED:
            raise ValueError(f"'{node.value}' cannot be read as {node.tag.rsplit(':', 1)[-1]}")
        return value
    if not node.plain:
        return node.value
    value = _resolve(node.value, None)
    return node.value if value is _UNRESOLVED else value


_UNRESOLVED = object()


def _resolve(text: str, want: type | None) -> Any:
    """Type a plain scalar; `want` limits it to one type (for explicit tags)."""
    if want in (None, type(None)) and text in _NULLS:
        return None
    if want in (None, bool):
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    if want in (None, int):
        if _INT.fullmatch(text):
            digits = text.replace("_", "")
            return int(digits) if len(digits) <= MAX_INT_DIGITS else Decimal(digits)
        if _OCT.fullmatch(text):
            return _bounded(int(text[2:].replace("_", ""), 8))
        if _HEX.fullmatch(text):
            return _bounded(int(text[2:].replace("_", ""), 16))
    if want in (None, Decimal):
        if _FLOAT.fullmatch(text):
            return Decimal(text.replace("_", ""))
        if _INF.fullmatch(text):
            return -math.inf if text.startswith("-") else math.inf
        if _NAN.fullmatch(text):
            return math.nan
    if want is None:
        if _DATE.fullmatch(text):
            return _date(text)
        if _TIMESTAMP.fullmatch(text):
            return _timestamp(text)
    return _UNRESOLVED


def _bounded(value: int) -> int | Decimal:
    """An integer too long to print as an int (Python refuses) becomes a Decimal."""
    return value if value.bit_length() <= MAX_INT_DIGITS * 3 else Decimal(value)


def _date(text: str) -> Any:
    year, month, day = (int(part) for part in text.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return text


def _timestamp(text: str) -> Any:
    try:
        return dt.datetime.fromisoformat(re.sub(r"[ \t]+", "T", text, count=1))
    except ValueError:
        return text


MAX_PLAIN_VALUES = 200_000  # values of a configuration file, aliases counted each time
MAX_PLAIN_BYTES = 2 * 1024 * 1024


def plain_data(node: Node | None, budget: list[int] | None = None) -> Any:
    """A node tree as plain dicts, lists and values (for configuration files); refuses
    a tag on a collection and more than MAX_PLAIN_VALUES values (an alias bomb)."""
    budget = budget if budget is not None else [MAX_PLAIN_VALUES]
    if node is None:
        return None
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlSyntaxError(f"more than {MAX_PLAIN_VALUES:,} values (aliases counted each "
                              "time they repeat); write the values out", node.line)
    if node.kind == "scalar":
        try:
            return scalar_value(node)
        except ValueError as exc:
            raise YamlSyntaxError(str(exc), node.line) from None
    if node.tag is not None and node.tag not in ("tag:yaml.org,2002:map",
                                                 "tag:yaml.org,2002:seq"):
        raise YamlSyntaxError(f"the YAML tag {node.tag} is not supported; remove it",
                              node.line)
    if node.kind == "seq":
        return [plain_data(item, budget) for item in node.value]
    return {key.text() if key.kind == "scalar" else str(plain_data(key, budget)):
            plain_data(value, budget) for key, value in node.value}


def load_plain(text: str) -> Any:
    """Parse a configuration file (templates, levels) into plain data."""
    return plain_data(compose(text))


def read_plain_file(path: Any) -> Any:
    """Read and parse a configuration file given by the user (a templates folder's texts):
    a regular UTF-8 file of at most MAX_PLAIN_BYTES; problems raise YamlSyntaxError."""
    return load_plain(read_plain_text(path))


def read_plain_text(path: Any) -> str:
    """The text of a configuration file given by the user, checked as `read_plain_file`
    checks it (for a reader that needs the nodes and their lines: `compose`)."""
    import os
    import stat

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise YamlSyntaxError("not a regular file; give a YAML file", None)
        if info.st_size > MAX_PLAIN_BYTES:
            raise YamlSyntaxError(f"file is {info.st_size:,} bytes; the limit is "
                                  f"{MAX_PLAIN_BYTES:,}", None)
        with open(path, "rb") as stream:
            data = stream.read(MAX_PLAIN_BYTES + 1)
    except OSError as exc:
        raise YamlSyntaxError(f"cannot be read: {exc.strerror or exc}", None) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlSyntaxError("file is not valid UTF-8; save it as UTF-8", line) from None
    return text
