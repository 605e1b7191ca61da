"""Register the document's font (Liberation Sans, shipped in templates/fonts) with matplotlib.

matplotlib is given copies without the OpenType layout tables (GPOS, GSUB, GDEF), which it
never reads: it kerns with the 'kern' table and draws the same outlines. A chart's PDF
embeds a subset of its fonts, and subsetting those tables took four fifths of the time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from standgen.errors import BuildError
from standgen.files import write_atomically
from standgen.resources import template_path, user_cache_dir

FONT_FILES = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)
UNUSED_TABLES = ("GPOS", "GSUB", "GDEF")
_registered: set[str] = set()


def register_fonts() -> None:
    """Add the chart copies of the shipped fonts to matplotlib's font manager, once per
    process (the shipped files themselves when no copy can be written)."""
    from matplotlib import font_manager

    for name in FONT_FILES:
        path = template_path(f"fonts/{name}")
        if not path.exists():
            raise BuildError(f"chart font not found: {path}; reinstall standgen")
        if name in _registered:
            continue
        try:
            chosen = chart_copy(path, font_cache())
        except OSError:
            chosen = path
        font_manager.fontManager.addfont(str(chosen))
        _registered.add(name)


def font_cache() -> Path:
    """The user's cache folder for chart fonts ($XDG_CACHE_HOME/standgen/fonts): a stable
    place, since matplotlib reads a registered font file again whenever it embeds it."""
    return user_cache_dir() / "fonts"


def chart_copy(path: Path, cache_dir: Path) -> Path:
    """The font at `path` without its layout tables, kept in `cache_dir` under a name
    that changes with the font's content; written whole or not at all."""
    data = path.read_bytes()
    target = cache_dir / f"{path.stem}-{hashlib.sha256(data).hexdigest()[:16]}-chart.ttf"
    if target.is_file():
        return target
    from fontTools.ttLib import TTFont

    cache_dir.mkdir(parents=True, exist_ok=True)
    font = TTFont(str(path), recalcTimestamp=False)
    for table in UNUSED_TABLES:
        if table in font:
            del font[table]
    write_atomically(target, font.save)
    return target
