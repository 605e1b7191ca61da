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


def writer_for(fmt: str, templates: Path | None = None, theme: Path | None = None) -> Writer:
    """The writer of one format, imported on first use, in the theme file `theme` (the
    default theme when None); a project's own reference DOCX (templates/docx/reference.docx
    in its templates folder) keeps its own styles in the DOCX."""
    check_format(fmt)
    if fmt == "md":
        from standgen.write.markdown import write_markdown

        return write_markdown
    from standgen.theme.load import load_theme_file

    chosen = load_theme_file(theme) if theme is not None else None
    if fmt == "docx":
        from standgen.write.docx import write_docx

        reference = templates / "docx" / "reference.docx" if templates else None
        if reference is not None and reference.is_file():
            if chosen is None:
                return functools.partial(write_docx, reference_docx=reference)
            return functools.partial(write_docx, reference_docx=reference, theme=chosen)
        return functools.partial(write_docx, theme=chosen) if chosen else write_docx
    if fmt == "pdf":
        from standgen.write.pdf import write_pdf

        return functools.partial(write_pdf, theme=chosen) if chosen else write_pdf
    from standgen.write.markdown import write_markdown

    return write_markdown
