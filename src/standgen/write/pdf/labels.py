"""Words and marks the PDF writer adds itself (Dutch), kept together for the glyph check."""

from __future__ import annotations

TABLE = "Tabel"
FIGURE = "Figuur"
PAGE_X_OF_Y = "pagina {x} van {y}"
COPY = "Exemplaar nr. {n}"
BULLET = "•"
SUB_BULLET = "–"
LEADER = "."
SEPARATOR = " · "
DIGITS = "0123456789"


def writer_texts() -> tuple[str, ...]:
    """Every fixed string the writer may print, for the glyph check."""
    return (TABLE, FIGURE, PAGE_X_OF_Y, COPY, BULLET, SUB_BULLET, LEADER, SEPARATOR, DIGITS)
