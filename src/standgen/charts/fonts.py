"""Register the document's font (Liberation Sans, shipped in templates/fonts) with matplotlib."""

from __future__ import annotations

from standgen.errors import BuildError
from standgen.resources import template_path

FONT_FILES = (
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf",
)
_registered: set[str] = set()


def register_fonts() -> None:
    """Add the shipped TrueType files to matplotlib's font manager, once per process."""
    from matplotlib import font_manager

    for name in FONT_FILES:
        path = template_path(f"fonts/{name}")
        if str(path) in _registered:
            continue
        if not path.exists():
            raise BuildError(f"chart font not found: {path}; reinstall standgen")
        font_manager.fontManager.addfont(str(path))
        _registered.add(str(path))
