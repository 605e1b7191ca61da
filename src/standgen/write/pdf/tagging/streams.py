"""Two serialisation details of reportlab that PDF/A refuses, fixed for one build only:
no end-of-line before `endstream`, and ToUnicode CMaps that map unused codes to U+0000."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from reportlab.pdfbase import pdfdoc, ttfonts

ENDSTREAM = b"endstream\n"
UNUSED = 0


def _stream_format(original: Any) -> Any:
    def format_with_eol(self: pdfdoc.PDFStream, document: Any) -> bytes:
        data: bytes = original(self, document)
        if not data.endswith(ENDSTREAM):
            raise RuntimeError("reportlab's stream layout changed: no trailing 'endstream'")
        return data[: -len(ENDSTREAM)] + b"\r\n" + ENDSTREAM
    return format_with_eol


def _clean_cmap(original: Any) -> Any:
    def cmap_without_unused(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, subset)
        lines = text.split("\n")
        used = [f"<{i:02X}> <{v:04X}>" for i, v in enumerate(subset) if v != UNUSED]
        start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar"))
        end = lines.index("endbfchar")
        return "\n".join([*lines[:start], f"{len(used)} beginbfchar", *used, *lines[end:]])
    return cmap_without_unused


@contextlib.contextmanager
def conformant_streams() -> Iterator[None]:
    """While building: an EOL before every `endstream` and no U+0000 in ToUnicode maps."""
    saved_format = pdfdoc.PDFStream.format
    saved_cmap = ttfonts.makeToUnicodeCMap
    pdfdoc.PDFStream.format = _stream_format(saved_format)
    ttfonts.makeToUnicodeCMap = _clean_cmap(saved_cmap)
    try:
        yield
    finally:
        pdfdoc.PDFStream.format = saved_format
        ttfonts.makeToUnicodeCMap = saved_cmap
