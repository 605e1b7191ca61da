"""Themes: the house style as a data file, read by both writers."""

from standgen.theme.load import DEFAULT_THEME, default_theme, load_theme, shipped_themes
from standgen.theme.model import Theme

__all__ = ["DEFAULT_THEME", "Theme", "default_theme", "load_theme", "shipped_themes"]
