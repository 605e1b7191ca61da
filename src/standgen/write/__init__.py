"""standgen write stage: one writer per format, each turning a composed document into a file."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from standgen.compose import tree as t
from standgen.errors import BuildError

FORMATS = ("docx", "pdf", "md")
Writer = Callable[[t.Document, Path], None]


def check_format(fmt: str) -> None:
    """Refuse an unknown format before any work is done."""
    if fmt not in FORMATS:
        raise BuildError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def writer_for(fmt: str, templates: Path | None = None) -> Writer:
    """The writer of one format, imported on first use; a project's own reference DOCX
    (templates/docx/reference.docx in its templates folder) gives the DOCX its house style."""
    check_format(fmt)
    if fmt == "docx":
        from standgen.write.docx import write_docx

        reference = templates / "docx" / "reference.docx" if templates else None
        if reference is not None and reference.is_file():
            return functools.partial(write_docx, reference_docx=reference)
        return write_docx
    if fmt == "pdf":
        from standgen.write.pdf import write_pdf

        return write_pdf
    from standgen.write.markdown import write_markdown

    return write_markdown
