"""Two serialisation details of reportlab that PDF/A refuses, fixed for our builds only:
no end-of-line before `endstream`, and ToUnicode CMaps that map unused codes to U+0000.

The wrappers are installed once and act only inside `conformant_streams()` (a context
variable, so a build in another thread or an outer build is never affected, and nesting
never wraps twice)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts

ENDSTREAM = b"endstream\n"
UNUSED = 0
_ACTIVE: contextvars.ContextVar[bool] = contextvars.ContextVar("standgen_pdfa", default=False)
_MARK = "_standgen_wrapped"


def _stream_format(original: Any) -> Any:
    def format_with_eol(self: pdfdoc.PDFStream, document: Any) -> bytes:
        data: bytes = original(self, document)
        if not _ACTIVE.get():
            return data
        if not data.endswith(ENDSTREAM):
            raise RuntimeError("reportlab's stream layout changed: no trailing 'endstream'")
        return data[: -len(ENDSTREAM)] + b"\r\n" + ENDSTREAM
    setattr(format_with_eol, _MARK, True)
    return format_with_eol


def _clean_cmap(original: Any) -> Any:
    def cmap_without_unused(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, subset)
        if not _ACTIVE.get():
            return text
        lines = text.split("\n")
        used = [f"<{i:02X}> <{v:04X}>" for i, v in enumerate(subset) if v != UNUSED]
        start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar"))
        end = lines.index("endbfchar")
        return "\n".join([*lines[:start], f"{len(used)} beginbfchar", *used, *lines[end:]])
    setattr(cmap_without_unused, _MARK, True)
    return cmap_without_unused


def _install() -> None:
    if not getattr(pdfdoc.PDFStream.format, _MARK, False):
        pdfdoc.PDFStream.format = _stream_format(pdfdoc.PDFStream.format)
    if not getattr(ttfonts.makeToUnicodeCMap, _MARK, False):
        ttfonts.makeToUnicodeCMap = _clean_cmap(ttfonts.makeToUnicodeCMap)


@contextlib.contextmanager
def conformant_streams() -> Iterator[None]:
    """While building: an EOL before every `endstream` and no U+0000 in ToUnicode maps."""
    _install()
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
