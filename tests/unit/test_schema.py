"""The JSON Schema printed by `standgen schema` accepts what authors write, and only that."""

from __future__ import annotations

import datetime as dt
import json
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from standgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    """The schema exactly as `standgen schema` prints it."""
    out = StringIO()
    with redirect_stdout(out):
        assert main(["schema"]) == 0
    loaded: dict[str, Any] = json.loads(out.getvalue())
    return loaded


def plain(path: Path) -> Any:
    """A YAML file as JSON data (dates as ISO strings), the way an editor checks it."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=_json_default))


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(value)


def validator(schema: dict[str, Any], definition: str | None = None) -> Draft202012Validator:
    if definition is None:
        return Draft202012Validator(schema)
    return Draft202012Validator({"$ref": f"#/$defs/{definition}", "$defs": schema["$defs"]})


def errors(schema: dict[str, Any], data: Any, definition: str | None = None) -> list[str]:
    return [e.message for e in validator(schema, definition).iter_errors(data)]


def test_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_schema_has_no_source_key(schema: dict[str, Any]) -> None:
    assert "__source__" not in json.dumps(schema)


def test_example_report_file_matches(schema: dict[str, Any]) -> None:
    assert errors(schema, plain(EXAMPLE / "report.yaml")) == []


@pytest.mark.parametrize("name", ["hoofdstuk-1.yaml", "hoofdstuk-2.yaml"])
def test_example_chapters_match(schema: dict[str, Any], name: str) -> None:
    assert errors(schema, plain(EXAMPLE / name), "Chapter") == []


CHAPTER = {"number": 1, "title": "Hoofdstuk"}


@pytest.mark.parametrize("blocks", [
    [{"toelichting": "Tekst."}],
    [{"doelstelling": {"text": "Tekst.", "rubricering": "dep-vertrouwelijk"}}],
    [{"heading": "Woensdrecht"}, {"list": ["a", "b"]}, {"list": {"items": ["a"],
                                                                  "ordered": True}}],
    [{"bijlage_verwijzing": "de gereedheid"}],
    [{"include": "blokken.yaml"}],
    [{"figure": {"id": "f", "title": "F", "placeholder": "Niet openbaar."}}],
    [{"table": {"id": "t", "title": "T", "unit": "percent", "columns": [2024, "Doel", {
        "year": 2025, "role": "doel"}], "notes": ["Bron: x", {"text": "y", "marker": "*"}],
        "rows": [{"id": "a", "values": [1.5, "n.t.b.", None]},
                 {"id": "b", "values": {"2024": {"value": 5, "of": 8}}},
                 {"include": "rij.yaml"}]}}],
    [{"table": {"include": "tabel.yaml"}}],
])
def test_author_forms_are_accepted(schema: dict[str, Any], blocks: list[Any]) -> None:
    assert errors(schema, {**CHAPTER, "blocks": blocks}, "Chapter") == []


@pytest.mark.parametrize("chapter", [
    {**CHAPTER, "titel": "x"},
    {**CHAPTER, "blocks": [{"toelichtng": "x"}]},
    {**CHAPTER, "blocks": [{"toelichting": "x", "heading": "y"}]},
    {**CHAPTER, "blocks": [{"kind": "text", "text": "x"}]},
    {**CHAPTER, "blocks": [{"table": {"id": "t", "title": "T", "columns": [], "rows": [],
                                      "unit": "procent"}}]},
    {**CHAPTER, "blocks": [{"table": {"id": "t", "title": "T", "columns": [[2024]],
                                      "rows": []}}]},
    {**CHAPTER, "blocks": [{"table": {"id": "t", "title": "T", "columns": [],
                                      "rows": [{"values": [[1]]}]}}]},
    {"number": "een", "title": "x"},
    {"title": "x"},
    {**CHAPTER, "include": "a.yaml"},
])
def test_wrong_input_is_refused(schema: dict[str, Any], chapter: dict[str, Any]) -> None:
    assert errors(schema, chapter, "Chapter") != []


def test_chapter_list_item_may_be_an_include(schema: dict[str, Any]) -> None:
    report = plain(EXAMPLE / "report.yaml")
    assert report["chapters"][0] == {"include": "hoofdstuk-1.yaml"}
    report["chapters"].append({"include": "hoofdstuk-3.yaml", "extra": 1})
    assert errors(schema, report) != []
