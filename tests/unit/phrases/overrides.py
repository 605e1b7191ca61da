"""An override of every key of the standard templates (templates/text/nl.yaml) with a
recognisable marker, generated from the file itself so that a new key is covered at once;
and the distinctive phrases of the defaults that must then be gone from every artifact."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from standgen.resources import template_path

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def standard_texts() -> dict[str, dict[str, str]]:
    """The groups and keys of the standard templates."""
    data = YAML(typ="safe").load(template_path("text/nl.yaml").read_text(encoding="utf-8"))
    return {group: {str(k): str(v) for k, v in entries.items()}
            for group, entries in data.items()}


def markers() -> dict[tuple[str, str], str]:
    """A short marker per key (Qzaa, Qzab, …): letters no Dutch word holds, short enough
    not to change the layout much, and no digits (a mark may not look like a figure)."""
    keys = [(group, key) for group, entries in standard_texts().items() for key in entries]
    return {place: f"Qz{chr(97 + i // 26)}{chr(97 + i % 26)}"
            for i, place in enumerate(keys)}


def marked(mark: str, default: str) -> str:
    """The default's variables, in their order (so split templates still split), each
    after the key's marker; a text without variables keeps its number of words."""
    names = EXPRESSION.findall(default)
    if not names:  # as many words as the default (the twelve month names stay twelve)
        return " ".join([mark] * len(default.split()))
    return " ".join([*(f"{mark} {name}" for name in names), mark])


def write_override(folder: Path) -> Path:
    """A templates folder overriding every standard key; its path."""
    text = folder / "text"
    text.mkdir(parents=True)
    lines: list[str] = []
    marks = markers()
    for group, entries in standard_texts().items():
        lines.append(f"{group}:")
        for key, default in entries.items():
            value = marked(marks[group, key], default).replace('"', '\\"')
            lines.append(f'  {key}: "{value}"')
    (text / "nl.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def fixed_words(default: str) -> list[str]:
    """The literal stretches of a template, without its Jinja parts."""
    return [part.strip(" :;,.–—") for part in JINJA.split(default) if part.strip(" :;,.–—")]
