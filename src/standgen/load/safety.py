"""Guards for untrusted sources: paths that stay inside the project, text XML can hold."""

from __future__ import annotations

import re
from pathlib import Path

from standgen.errors import Location, source_error

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
MAX_STRING = 1_000_000


def resolve_inside(root: Path, path: Path, at: Location) -> Path:
    """Resolve `path` (symbolic links included) and refuse it if it leaves `root`."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise source_error(at.file, at.line, at.field,
                           f"path {path} points outside the report folder {root}; keep "
                           "included files and images inside the report folder")
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
