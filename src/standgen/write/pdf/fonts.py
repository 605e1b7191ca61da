"""The font family the PDF is set in: the shipped Liberation Sans, or a user's own TTFs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont as ToolsFont
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from standgen.errors import BuildError
from standgen.resources import template_path
from standgen.theme import Theme

FACES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontSet:
    """Four TrueType faces of one family; `name` prefixes the registered font names."""

    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    name: str = "LiberationSans"

    def paths(self) -> dict[str, Path]:
        """The face name mapped to its file."""
        return {face: Path(getattr(self, face)) for face in FACES}


@dataclass(frozen=True)
class RegisteredFonts:
    """The reportlab names of the four faces after registration."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def default_fonts() -> FontSet:
    """The shipped OFL Liberation Sans family."""
    base = template_path("fonts")
    return FontSet(
        regular=base / "LiberationSans-Regular.ttf",
        bold=base / "LiberationSans-Bold.ttf",
        italic=base / "LiberationSans-Italic.ttf",
        bold_italic=base / "LiberationSans-BoldItalic.ttf",
    )


def theme_fonts(theme: Theme) -> FontSet:
    """The font family a theme names (its files resolved by the theme loader)."""
    f = theme.fonts
    name = "".join(ch for ch in f.family if ch.isalnum()) or "Theme"
    return FontSet(regular=Path(f.regular), bold=Path(f.bold), italic=Path(f.italic),
                   bold_italic=Path(f.bold_italic), name=name)


def _key(fonts: FontSet) -> str:
    """A short stable key so that two FontSets with one name but other files never clash."""
    joined = "|".join(str(p.resolve()) for p in fonts.paths().values())
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()[:8]


@lru_cache(maxsize=16)
def register_fonts(fonts: FontSet) -> RegisteredFonts:
    """Register the four faces with reportlab (once per FontSet) as one family."""
    prefix = f"{fonts.name}-{_key(fonts)}"
    names: dict[str, str] = {}
    for face, path in fonts.paths().items():
        if not path.is_file():
            raise BuildError(f"font file for the {face} face not found: {path}")
        name = f"{prefix}-{face}"
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # reportlab raises plain exceptions for bad fonts
            raise BuildError(f"cannot use font {path}: {exc}") from exc
        names[face] = name
    regular, bold, italic, bold_italic = (names[f] for f in FACES)
    pdfmetrics.registerFontFamily(prefix, normal=regular, bold=bold, italic=italic,
                                  boldItalic=bold_italic)
    for face, (b, i) in zip(FACES, ((0, 0), (1, 0), (0, 1), (1, 1)), strict=True):
        addMapping(regular, b, i, names[face])
    return RegisteredFonts(regular, bold, italic, bold_italic)


@lru_cache(maxsize=64)
def font_cmap(path: Path) -> frozenset[int]:
    """The code points a TrueType file has glyphs for."""
    try:
        with ToolsFont(str(path), lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception as exc:  # fontTools raises many types for broken files
        raise BuildError(f"cannot read font {path}: {exc}") from exc
    return frozenset(cmap)
