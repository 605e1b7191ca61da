"""Find, read and check a theme: by name (templates/themes/<name>.yaml) or by path.

Errors name the theme file, line and key. Font and logo files are resolved to absolute
paths here (next to the theme file first, then the shipped fonts folder), so the writers
never guess where a file is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont as ToolsFont
from pydantic import BaseModel, ValidationError

from standgen.errors import Location, Problem, SourceError, source_error
from standgen.load.validation_errors import explain, locate
from standgen.load.yaml_source import load_yaml_tree
from standgen.resources import template_path
from standgen.theme.model import Fonts, Theme

DEFAULT_THEME = "rijkshuisstijl"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
FONT_FACES = ("regular", "bold", "italic", "bold_italic")


def shipped_themes() -> list[str]:
    """The names of the themes shipped in templates/themes."""
    return sorted(p.stem for p in template_path("themes").glob("*.yaml"))


def theme_file(spec: str, base: Path | None = None, at: Location | None = None) -> Path:
    """The file of a theme given by name or path (a relative path is taken from `base`)."""
    at = at or Location(None, None, "theme")
    if _NAME.match(spec) and not spec.endswith((".yaml", ".yml")):
        path = template_path(f"themes/{spec}.yaml")
        if not path.is_file():
            raise source_error(at.file, at.line, at.field,
                               f"unknown theme {spec!r}; use one of "
                               f"{', '.join(shipped_themes())} or the path of a theme file")
        return path
    path = Path(spec)
    if not path.is_absolute() and base is not None:
        path = base / path
    if not path.is_file():
        raise source_error(at.file, at.line, at.field,
                           f"theme file {str(path)!r} not found; give a shipped theme name "
                           f"({', '.join(shipped_themes())}) or the path of a theme file")
    return path.resolve()


def _model_at(loc: tuple[object, ...]) -> type[BaseModel]:
    """The theme section an error path points into (for the keys allowed there)."""
    model: type[BaseModel] = Theme
    for item in loc[:-1]:
        field = model.model_fields.get(str(item))
        kind = field.annotation if field is not None else None
        if not (isinstance(kind, type) and issubclass(kind, BaseModel)):
            break
        model = kind
    return model


def _message(error: Any) -> str:
    loc = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        allowed = sorted(k for k in _model_at(loc).model_fields if k != "source")
        return f"unknown theme key {loc[-1]!r}; allowed here: {', '.join(allowed)}"
    if error["type"] == "string_pattern_mismatch":
        return f"a colour is written #RRGGBB (like \"#154273\"), got {error['input']!r}"
    return explain(error)


def _problems(exc: ValidationError, data: object, path: Path) -> list[Problem]:
    return [Problem(locate(data, tuple(e["loc"]), path), _message(e), code=e["type"])
            for e in exc.errors(include_url=False)]


def _resolve(name: str, folder: Path, file: Path, key: str) -> str:
    candidates = [Path(name)] if Path(name).is_absolute() else [folder / name,
                                                                 template_path("fonts") / name]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate.resolve())
    raise source_error(file, None, key, f"file {name!r} not found next to the theme file or "
                                        "in the shipped fonts; fix the path")


def _check_font(path: str, file: Path, key: str) -> None:
    """A font file must be a TrueType font the PDF can embed."""
    try:
        with ToolsFont(path, lazy=True) as font:
            usable = "glyf" in font and font.getBestCmap() is not None
    except Exception:  # fontTools raises many types for files that are no fonts
        usable = False
    if not usable:
        raise source_error(file, None, key, f"{path} is not a TrueType (.ttf) font with "
                                            "outlines; give the path of a .ttf file")


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _check_image(path: str, file: Path, key: str) -> None:
    """A logo must be a PNG or JPEG image (both writers can place those)."""
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head.startswith(_IMAGE_MAGIC):
        raise source_error(file, None, key, f"{path} is not a PNG or JPEG image; give the "
                                            "path of a .png or .jpg file")


@lru_cache(maxsize=16)
def load_theme_file(path: Path) -> Theme:
    """Read and check one theme file; font and logo paths come back absolute."""
    if not path.read_text(encoding="utf-8", errors="replace").strip():
        raise source_error(path, 1, "", "the theme file is empty; it needs at least `name:` "
                                        "(see templates/themes/rijkshuisstijl.yaml)")
    data, _ = load_yaml_tree(path)
    if not isinstance(data, dict):
        raise source_error(path, 1, "", "a theme file holds a mapping of keys (see "
                                        "templates/themes/rijkshuisstijl.yaml)")
    try:
        theme = Theme.model_validate(data)
    except ValidationError as exc:
        raise SourceError(_problems(exc, data, path)) from None
    folder = path.parent
    fonts = {face: _resolve(getattr(theme.fonts, face), folder, path, f"fonts.{face}")
             for face in FONT_FACES}
    for face, file in fonts.items():
        _check_font(file, path, f"fonts.{face}")
    update: dict[str, object] = {"fonts": Fonts(family=theme.fonts.family, **fonts)}
    if theme.cover.logo is not None:
        logo = _resolve(theme.cover.logo, folder, path, "cover.logo")
        _check_image(logo, path, "cover.logo")
        update["cover"] = theme.cover.model_copy(update={"logo": logo})
    return theme.model_copy(update=update)


def load_theme(spec: str | Path | None = None, base: Path | None = None,
               at: Location | None = None) -> Theme:
    """The theme named or pointed at by `spec` (the default theme when None)."""
    return load_theme_file(theme_file(str(spec or DEFAULT_THEME), base, at))


def default_theme() -> Theme:
    """The shipped default theme (Rijkshuisstijl conventions with open fonts)."""
    return load_theme()
