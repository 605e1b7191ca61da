"""Locate files shipped with the package (templates, fonts), a project's own overrides, and
the user's cache folder."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


def template_path(name: str, override_dir: Path | None = None) -> Path:
    """The path of a template file: from `override_dir` when it has one, else the shipped one."""
    if override_dir is not None:
        candidate = override_dir / name
        if candidate.exists():
            return candidate
    return PACKAGE_TEMPLATES / name


def user_cache_dir() -> Path:
    """standgen's folder in the user's cache ($XDG_CACHE_HOME/standgen, ~/.cache/standgen)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "standgen"
