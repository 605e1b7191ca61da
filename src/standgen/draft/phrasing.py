"""The sentences of the change list, rendered from `templates/text/changes.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from standgen.compose.templating import make_environment, render_text
from standgen.errors import Location, source_error
from standgen.resources import template_path

TEMPLATE = "text/changes.yaml"


def lower_first(text: str) -> str:
    """`text` with its first letter small, unless it starts an abbreviation (NAVO, R&T)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    """`text` with its first letter capital, to start a sentence."""
    return text[:1].upper() + text[1:]


class ChangePhrases:
    """Renders change sentences; a project's own `text/changes.yaml` overrides the shipped one."""

    def __init__(self, override_dir: Path | None = None) -> None:
        self.path = template_path(TEMPLATE, override_dir)
        data = YAML(typ="safe").load(self.path.read_text(encoding="utf-8"))
        self.data: dict[str, dict[str, str]] = {
            str(group): {str(k): str(v) for k, v in entries.items()}
            for group, entries in data.items()}
        self.env = make_environment()
        self.env.filters["onderwerp"] = lower_first
        self.env.filters["hoofdletter"] = upper_first

    def render(self, group: str, key: str, **context: Any) -> str:
        """One sentence or phrase; a missing template is an error naming the file and key."""
        source = self.data.get(group, {}).get(key)
        if source is None:
            raise source_error(self.path, None, f"{group}.{key}",
                               "this change sentence is missing; add it to the templates")
        text = render_text(self.env, source, context, Location(self.path, None,
                                                              f"{group}.{key}"))
        return " ".join(text.split())

    def noun(self, kind: str) -> str:
        """The kind of indicator with its article ("de kritieke prestatie indicator")."""
        return self.data.get("indicators", {}).get(kind, "de tabel")

    def place(self, section: str | None, chapter: int) -> str:
        """A place in running text: "paragraaf 2.5", or "hoofdstuk 3" outside sections."""
        if section is not None:
            return self.render("places", "section", number=section)
        return self.render("places", "chapter", number=chapter)
