"""The JSON Schema of the input format as authors write it, for editor completion and CI.

Pydantic describes the model after normalisation; authors write shorthands. This module
post-processes pydantic's schema so that it accepts what the loader accepts: one-key
blocks (`{toelichting: "…"}`, `{table: {...}}`), scalar shorthands for cells, columns,
units and table notes, and an `{include: file}` mapping wherever a mapping may stand.
"""

from __future__ import annotations

from typing import Any

from standgen.model.base import SOURCE_KEY
from standgen.model.report import Report
from standgen.model.values import Status

SchemaDict = dict[str, Any]

DEFS = "#/$defs/"
INCLUDE: SchemaDict = {
    "description": "Replaced by the content of the named file (relative to this file).",
    "type": "object",
    "properties": {"include": {"type": "string"}},
    "required": ["include"],
    "additionalProperties": False,
}
# Block kind -> (definition describing its body as a mapping, scalar shorthand schema).
BLOCK_BODIES: dict[str, tuple[str, SchemaDict | None]] = {
    "doelstelling": ("TextBlock", {"type": "string"}),
    "toelichting": ("TextBlock", {"type": "string"}),
    "groeiparagraaf": ("TextBlock", {"type": "string"}),
    "text": ("TextBlock", {"type": "string"}),
    "heading": ("HeadingBlock", {"type": "string"}),
    "list": ("ListBlock", {"type": "array", "items": {"type": "string"}}),
    "table": ("IndicatorTable", None),
    "figure": ("FigureBlock", None),
    "bijlage_verwijzing": ("BijlageVerwijzing", {"type": "string"}),
}
UNIT_KINDS = ["count", "vte", "percent", "euro", "rank", "fraction", "text", "number"]
SHORTHANDS: dict[str, list[SchemaDict]] = {
    "Cell": [{"type": "number"}, {"type": "boolean"}, {"type": "null"},
             {"type": "string", "description": "text, or a status word such as n.t.b."}],
    "Column": [{"type": "integer", "description": "a year column"},
               {"type": "string", "description": "a column with this label"}],
    "Unit": [{"type": "string", "enum": UNIT_KINDS}],
    "TableNote": [{"type": "string"}],
    "Term": [{"type": "object", "minProperties": 1, "maxProperties": 1,
              "additionalProperties": {"type": "string"},
              "description": "one abbreviation and its meaning: {WBI: Woningbouwimpuls}"},
             {"type": "object", "required": ["afkorting", "betekenis"],
              "properties": {"afkorting": {"type": "string"}, "begrip": {"type": "string"},
                             "betekenis": {"type": "string"},
                             "rubricering": {"type": "string"}}}],
    "TermList": [{"type": "array", "items": {"$ref": "#/$defs/Term"}}],
}


def input_schema() -> SchemaDict:
    """JSON Schema (draft 2020-12) describing a report's main YAML file as authors write it."""
    schema = Report.model_json_schema(mode="validation", by_alias=True)
    schema = _clean(schema)
    defs: dict[str, SchemaDict] = schema["$defs"]
    _block_bodies(defs)
    defs["Block"] = _block_schema()
    _use_block(schema)
    for name in list(defs):
        defs[name] = _with_alternatives(name, defs[name])
    defs["Include"] = INCLUDE
    defs["Status"]["description"] = "Status words: " + ", ".join(s.value for s in Status)
    out: SchemaDict = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                       "title": "standgen report"}
    out.update({k: v for k, v in schema.items() if k != "title"})
    return out


def _clean(node: Any) -> Any:
    """Drop pydantic's generated titles, the hidden source key, and decimal string forms."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "properties" in node:
        node["properties"].pop(SOURCE_KEY, None)
    out = {k: _clean(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    if "anyOf" in out:
        out["anyOf"] = [s for s in out["anyOf"] if not _is_decimal_string(s)]
        if len(out["anyOf"]) == 1:
            out.update(out.pop("anyOf")[0])
        elif all(set(option) == {"type"} for option in out["anyOf"]):
            out["type"] = [option["type"] for option in out.pop("anyOf")]
    return out


def _is_decimal_string(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "string" and "pattern" in schema


def _block_bodies(defs: dict[str, SchemaDict]) -> None:
    """Block definitions describe the body under the kind key: no `kind` property."""
    for name in ("TextBlock", "HeadingBlock", "ListBlock", "FigureBlock", "BijlageVerwijzing"):
        body = defs[name]
        body["properties"].pop("kind", None)
        if "kind" in body.get("required", []):
            body["required"].remove("kind")
    defs.pop("TableBlock", None)


def _block_schema() -> SchemaDict:
    """A block: a mapping with exactly one key naming its kind."""
    options: list[SchemaDict] = []
    for kind, (body, shorthand) in BLOCK_BODIES.items():
        value: SchemaDict = {"$ref": DEFS + body}
        if shorthand is not None:
            value = {"anyOf": [shorthand, value]}
        options.append({"type": "object", "properties": {kind: value}, "required": [kind],
                        "additionalProperties": False})
    return {"description": "A block, written as a one-key mapping; the key names its kind "
                           "(`- toelichting: …`, `- table: {…}`).",
            "oneOf": options}


def _use_block(node: Any) -> None:
    """Point every list of discriminated blocks at the one-key Block definition."""
    if isinstance(node, list):
        for item in node:
            _use_block(item)
        return
    if not isinstance(node, dict):
        return
    items = node.get("items")
    if isinstance(items, dict) and items.get("discriminator", {}).get("propertyName") == "kind":
        node["items"] = {"$ref": DEFS + "Block"}
    for value in node.values():
        _use_block(value)


def _with_alternatives(name: str, definition: SchemaDict) -> SchemaDict:
    """A mapping definition also accepts its scalar shorthands and an include mapping."""
    is_mapping = definition.get("type") == "object" or "oneOf" in definition
    if not is_mapping:
        return definition
    description = definition.pop("description", None)
    options = [*SHORTHANDS.get(name, []), definition, {"$ref": DEFS + "Include"}]
    out: SchemaDict = {"anyOf": options}
    if description:
        out = {"description": description, **out}
    return out
