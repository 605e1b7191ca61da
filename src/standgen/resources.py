"""Locate files shipped with the package (templates, fonts), or a project's own overrides."""

from __future__ import annotations

from pathlib import Path

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"


def template_path(name: str, override_dir: Path | None = None) -> Path:
    """The path of a template file: from `override_dir` when it has one, else the shipped one."""
    if override_dir is not None:
        candidate = override_dir / name
        if candidate.exists():
            return candidate
    return PACKAGE_TEMPLATES / name
