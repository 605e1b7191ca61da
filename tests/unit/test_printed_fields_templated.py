"""Every printed text field of the model goes one way: rendered as a template (with the
level check) or refused where templating is not allowed. Walks the model generically: a
text field added later is covered without a change here."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any

from standgen.compose import compose_document
from standgen.load import load_report
from standgen.model.base import Node
from standgen.model.report import Report
from standgen.validate import validate_report
from standgen.validate.templated import RENDERED
from standgen.write.markdown import render_markdown

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example" / "report.yaml"
EXPRESSION = " {{ 1 + 1 }}"
NOT_PRINTED = {"id", "rubricering", "rubricering_period", "data", "sheet", "image", "table",
               "rows", "columns", "sum", "percent_of", "delta", "difference", "theme",
               "templates", "reason", "number"}
"""References, paths and levels: read by standgen, never printed as text."""


def _free_text(annotation: Any) -> bool:
    """Whether a field's type holds free text (`str`), not only fixed words (Literal)."""
    if annotation is str:
        return True
    origin = typing.get_origin(annotation)
    if origin in (typing.Annotated,):
        return _free_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, dict):
        return any(_free_text(a) for a in typing.get_args(annotation) if a is not Ellipsis)
    return False


def _inject(node: Node, keep: frozenset[tuple[str, str]] | None, seen: set[tuple[str, str]]
            ) -> Any:
    """`node` with EXPRESSION after every printed string (only in `keep`, if given)."""
    updates: dict[str, Any] = {}
    kind = type(node).__name__
    for name in type(node).model_fields:
        if name == "source":
            continue
        value = getattr(node, name)
        wanted = (name not in NOT_PRINTED and _free_text(type(node).model_fields[name].annotation)
                  and (keep is None or (kind, name) in keep))
        new = _inject_value(value, kind, name, wanted, keep, seen)
        if new is not value:
            updates[name] = new
    return node.model_copy(update=updates) if updates else node


def _inject_value(value: Any, kind: str, name: str, wanted: bool,
                  keep: frozenset[tuple[str, str]] | None, seen: set[tuple[str, str]]) -> Any:
    if isinstance(value, str) and value and wanted:
        seen.add((kind, name))
        return value + EXPRESSION
    if isinstance(value, Node):
        return _inject(value, keep, seen)
    if isinstance(value, list):
        items = [_inject_value(v, kind, name, wanted, keep, seen) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict) and kind != "Row":  # a row's values are keyed by column
        items = {k: _inject_value(v, kind, name, wanted, keep, seen) for k, v in value.items()}
        return items if any(items[k] is not value[k] for k in value) else value
    return value


def test_every_printed_field_is_rendered_or_refused() -> None:
    report = load_report(EXAMPLE)
    seen: set[tuple[str, str]] = set()
    everywhere: Report = _inject(report, None, seen)
    refused = {tuple(re.search(r"field \((\w+)\.(\w+)\)", p.message).groups())  # type: ignore[union-attr]
               for p in validate_report(everywhere).errors if p.code == "template-not-allowed"}
    assert len(seen) > 20
    assert seen - RENDERED == refused

    rendered_only: Report = _inject(report, RENDERED, set())
    assert not validate_report(rendered_only).errors
    text = render_markdown(compose_document(rendered_only))
    assert "{{" not in text and "}}" not in text
    assert " 2" in text


EXTRA = """\
front_matter:
  voorwoord:
    title: Voorwoord
    blocks:
      - text: Inleidende woorden.
back_matter:
  begrippenlijst:
    title: Begrippen
    entries:
      VTE: Voltijdequivalent.
  bijlagen:
    - title: Bijlage over de bron
      blocks:
        - text: Tekst.
"""
BLOCKS = """\
- heading: Tussenkop
- list: [Eerste punt, Tweede punt]
- table:
    id: t
    title: Tabel
    alt: Een tabel met twee jaren.
    source_note: eigen telling
    unit: {kind: number, suffix: sorties}
    short_labels: {"2024": "'24"}
    columns: [2024, 2025]
    rows:
      - {id: r, label: Rij, values: [1, 2]}
- figure:
    id: fig
    title: Figuur
    source_note: eigen telling
    chart:
      type: bar
      categories: [Noord, Zuid]
      norm: 1
      norm_label: Norm
      y_label: Aantal
      series:
        - {label: Reeks, values: [1, 2]}
"""


def test_every_printed_field_of_the_other_blocks_is_rendered_or_refused(tmp_path: Path
                                                                       ) -> None:
    from tests.reports import load_text, one_topic

    report = load_text(tmp_path, EXTRA + one_topic(BLOCKS))
    seen: set[tuple[str, str]] = set()
    everywhere: Report = _inject(report, None, seen)
    refused = {tuple(re.search(r"field \((\w+)\.(\w+)\)", p.message).groups())  # type: ignore[union-attr]
               for p in validate_report(everywhere).errors if p.code == "template-not-allowed"}
    assert {("HeadingBlock", "text"), ("ListBlock", "items"), ("Term", "meaning"),
            ("FigureBlock", "source_note"), ("IndicatorTable", "source_note")} <= seen
    assert seen - RENDERED == refused

    rendered_only: Report = _inject(report, RENDERED, set())
    assert not validate_report(rendered_only).errors
    text = render_markdown(compose_document(rendered_only))
    assert "{{" not in text and "}}" not in text
    assert "Bron: eigen telling 2" in text.replace("\u00a0", " ")
