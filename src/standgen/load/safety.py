"""Guards for untrusted sources: paths that stay inside the project, text XML can hold."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from standgen.errors import Location, source_error

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BRACKETS = re.compile(r"[\[\]{}]")
MAX_STRING = 1_000_000
MAX_FLOW_DEPTH = 100
MAX_SOURCE_ITEMS = 500_000  # the YAML parser reads about 10,000 items a second


MAX_PATH_CHARS = 1_024  # characters of a path written in a source (PATH_MAX is 4,096)


def resolve_path(path: Path, at: Location) -> Path:
    """Resolve `path` (symbolic links included); a loop, a name the file system cannot
    hold or a path no one needs is refused at `at`."""
    if len(str(path)) > MAX_PATH_CHARS:
        raise source_error(at.file, at.line, at.field,
                           f"path of {len(str(path)):,} characters; the limit is "
                           f"{MAX_PATH_CHARS:,}; name the file with a shorter path")
    try:
        return path.resolve()
    except RuntimeError:  # Python < 3.13 reports a symbolic link loop this way
        raise source_error(at.file, at.line, at.field, f"path {path} is a loop of symbolic "
                           "links; point the link at a real file") from None
    except OSError as exc:
        raise source_error(at.file, at.line, at.field,
                           f"path {path} cannot be used: {_os_reason(exc)}") from None


def file_kind(path: Path, at: Location) -> str:
    """'file', 'dir', 'missing' or 'other' (a pipe, device or socket) for a resolved path;
    a path the system refuses to look at is refused at `at`."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return "missing"
        raise source_error(at.file, at.line, at.field,
                           f"path {path} cannot be used: {_os_reason(exc)}") from None
    if stat.S_ISREG(mode):
        return "file"
    return "dir" if stat.S_ISDIR(mode) else "other"


def _os_reason(exc: OSError) -> str:
    reasons = {errno.ENAMETOOLONG: "a name in it is longer than the file system allows; "
               "shorten it", errno.ELOOP: "it is a loop of symbolic links; point the link "
               "at a real file", errno.EACCES: "permission denied; make it readable"}
    return reasons.get(exc.errno or 0, f"{exc.strerror or exc}; check the path")


def resolve_inside(root: Path, path: Path, at: Location) -> Path:
    """Resolve `path` (symbolic links included) and refuse it if it leaves `root` or is
    neither a regular file, a folder nor missing (reading a pipe or device never ends)."""
    resolved = resolve_path(path, at)
    if not resolved.is_relative_to(root):
        raise source_error(at.file, at.line, at.field,
                           f"path {path} points outside the report folder {root}; keep "
                           "included files and images inside the report folder")
    if file_kind(resolved, at) == "other":
        raise source_error(at.file, at.line, at.field,
                           f"{path} is not a regular file (a pipe, device or socket); name "
                           "a file")
    return resolved


def check_text(text: str, at: Location) -> None:
    """Refuse strings that no DOCX or PDF can hold, or that are absurdly long."""
    if len(text) > MAX_STRING:
        raise source_error(at.file, at.line, at.field,
                           f"text of {len(text):,} characters; the limit is {MAX_STRING:,}")
    bad = _XML_INVALID.search(text)
    if bad:
        raise source_error(at.file, at.line, at.field,
                           f"control character U+{ord(bad.group()):04X} at position "
                           f"{bad.start()}; remove it (often pasted from another program)")


def check_source_text(text: str, file: Path) -> None:
    """Refuse, before parsing, a source that no report needs and that would take the YAML
    parser very long: a huge line, deep flow nesting, too many values, or a character XML
    cannot hold. Each refusal names the line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_STRING:
            raise source_error(file, number, "", f"line of {len(line):,} characters; the "
                               f"limit for any text is {MAX_STRING:,}")
    depth = 0
    for bracket in _BRACKETS.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            raise source_error(file, _line_of(text, bracket.start()), "",
                               f"brackets nested more than {MAX_FLOW_DEPTH} deep; no report "
                               "needs that (is the file damaged?)")
    if text.count("\n") + text.count(",") > MAX_SOURCE_ITEMS:
        raise source_error(file, None, "", f"more than {MAX_SOURCE_ITEMS:,} lines and list "
                           "items in one file; split it into several files with include:")
    bad = _XML_INVALID.search(text)
    if bad:
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise source_error(file, _line_of(text, bad.start()), "",
                           f"control character U+{ord(bad.group()):04X} at column {column}; "
                           "remove it (often pasted from another program)")


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1
