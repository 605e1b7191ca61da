"""Reading a file of template texts (templates/text/nl.yaml or a project's override):
groups of named texts, each with the line it stands on, and an override checked against
the standard keys so that a typo or a key at the wrong level is an error, not ignored."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from standgen.errors import source_error
from standgen.load.yaml_nodes import (
    Node,
    YamlSyntaxError,
    compose,
    plain_data,
    read_plain_text,
)

_TITLE = ("title", "period")
NAMES: dict[str, tuple[str, ...]] = {
    "titles.*": ("title", "period", "subtitle", "ministry", "year"),
    "columns.*": ("year",),
    "labels.voorwoord": _TITLE, "labels.samenvatting": _TITLE, "labels.inleiding": _TITLE,
    "parts.leeswijzer": _TITLE, "parts.afkortingen": _TITLE, "parts.begrippenlijst": _TITLE,
    "parts.colofon": _TITLE, "parts.bijlage_nummer": ("number",),
    "labels.bron": ("text",),
    "phrases.bijlage_verwijzing_operationeel": ("onderwerp", "title", "lidwoord"),
    "phrases.bijlage_verwijzing_kort": ("onderwerp", "title", "lidwoord"),
    "phrases.changes_intro": ("title", "lidwoord"),
    "phrases.bijlage_title": (*_TITLE, "lidwoord"),
    "phrases.bijlage_intro": (*_TITLE, "lidwoord"), "phrases.bijlage_bij": ("number", "title"),
    "phrases.rubricering_period": ("period",),
    "words.pagina_x_van_y": ("x", "y"), "words.exemplaar": ("n",),
    "words.exemplaar_kop": ("n",), "words.alt_tabel": ("title", "columns", "rows"),
    "words.alt_gegevens": ("number", "title"),
    "words.concept": ("datum", "versie"), "words.link_naar": ("doel",),
    "words.logo": ("ministry",), "files.exemplaar": ("n",),
    "getallen.plaats": ("rang",), "getallen.rangtelwoord": ("n",), "getallen.top": ("n",),
    "getallen.van": ("deel", "geheel"),
    "getallen.datum": ("dag", "maand", "jaar"),
    "charts.alt": ("soort", "onderwerp"), "charts.van_naar": ("begin", "eind"),
}
"""The names each template text is given (`group.*`: every text of the group); a text
without an entry is given none. The author guide lists them."""


def names_of(group: str, key: str) -> tuple[str, ...]:
    """The names the template text `group.key` may use."""
    return NAMES.get(f"{group}.{key}", NAMES.get(f"{group}.*", ()))


@dataclass
class TextFile:
    """The texts of one file by group and key, and the line of each."""

    path: Path
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    lines: dict[tuple[str, str], int] = field(default_factory=dict)


def read_texts(path: Path) -> TextFile:
    """Every group and text of a file; refused with file and line where it is no mapping
    of groups of texts (a list, a text at group level, a group inside a group)."""
    try:
        root = compose(read_plain_text(path))
        plain_data(root)  # refuses tags and alias bombs with their line
    except YamlSyntaxError as exc:
        raise source_error(path, exc.line, "", exc.message, code="yaml") from None
    found = TextFile(path)
    if root is None:
        return found
    if root.kind != "map":
        raise source_error(path, root.line, "", "template texts are a mapping of groups "
                           "(labels, phrases, ...) each mapping names to texts", code="yaml")
    for key_node, group_node in root.value:
        group = key_node.text()
        if group_node.kind != "map":
            raise source_error(path, key_node.line, group,
                               f"{group!r} stands where a group belongs (labels:, words:, "
                               "...); put each text under its group, indented: "
                               "'words:' then '  tabel: Tab.'", code="template-key")
        entries = found.texts.setdefault(group, {})
        found.lines[group, ""] = key_node.line
        for name_node, value in group_node.value:
            key = name_node.text()
            entries[key] = _text(path, f"{group}.{key}", value, name_node.line)
            found.lines[group, key] = name_node.line
    return found


def _text(path: Path, where: str, node: Node, line: int) -> str:
    if node.kind != "scalar" or (node.plain and node.text() in ("", "~", "null", "Null",
                                                                 "NULL")):
        what = "nothing" if node.kind == "scalar" else f"a {node.kind}"
        raise source_error(path, line, where, f"a template text is text, not {what}; "
                           "write the words (quote them if they start with { or %)",
                           code="template-key")
    return node.text()


def check_override(standard: TextFile, override: TextFile) -> None:
    """Refuse a group or key the standard texts do not have, naming the nearest one."""
    for group, entries in override.texts.items():
        known = standard.texts.get(group)
        if known is None:
            raise source_error(override.path, override.lines[group, ""], group,
                               "unknown group of template texts"
                               f"{_nearest(group, standard.texts)}; the groups are "
                               f"{', '.join(standard.texts)}", code="template-key")
        for key in entries:
            if key not in known:
                raise source_error(override.path, override.lines[group, key],
                                   f"{group}.{key}", "unknown template text"
                                   f"{_nearest(key, known, group)}; the texts of {group} "
                                   f"are {', '.join(known)}", code="template-key")


_EDITION_FILES = ("openbaar", "vertrouwelijk", "bijlage")


def check_marks(standard: TextFile, override: TextFile) -> None:
    """Refuse an override that would let a withheld or recomputed figure read as a real
    one: a blank text, a digit in a value mark or in the recomputed mark, and edition file
    names that coincide or make the public file read as confidential."""
    for group, entries in override.texts.items():
        for key, text in entries.items():
            where, line = f"{group}.{key}", override.lines[group, key]
            if all(unicodedata.category(c)[0] in "ZC" for c in text):
                raise source_error(override.path, line, where, "this text is blank; a "
                                   "blank mark would make a withheld or recomputed figure "
                                   "read as an empty cell; write words, or leave the key "
                                   "out to keep the standard text", code="template-key")
            if (group == "waarden" or where == "labels.herberekend") and any(
                    c.isnumeric() for c in text):
                raise source_error(override.path, line, where, f"{text!r} holds a digit; "
                                   "a mark must never look like a figure; use words or "
                                   "signs (such as — or n.v.t.)", code="template-key")
    _check_edition_files(standard, override)


def _check_edition_files(standard: TextFile, override: TextFile) -> None:
    given = override.texts.get("files", {})
    names = {key: given.get(key, standard.texts.get("files", {}).get(key, ""))
             for key in _EDITION_FILES}
    for key in (k for k in _EDITION_FILES if k in given):
        line, mine = override.lines["files", key], names[key].strip().casefold()
        if key == "openbaar" and "vertrouwelijk" in mine:
            raise source_error(override.path, line, "files.openbaar", "the public "
                               "edition's file name must not read as confidential; leave "
                               "'vertrouwelijk' out of it", code="template-key")
        for other in _EDITION_FILES:
            if other != key and names[other].strip().casefold() == mine:
                raise source_error(override.path, line, f"files.{key}", f"{names[key]!r} "
                                   f"is also the file name of files.{other}; each edition "
                                   "needs its own file name", code="template-key")


def _nearest(name: str, names: Mapping[str, object], group: str = "") -> str:
    close = difflib.get_close_matches(name, list(names), n=1)
    prefix = f"{group}." if group else ""
    return f" (did you mean {prefix}{close[0]}?)" if close else ""
