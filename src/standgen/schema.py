"""The JSON Schema of the input format, for editor completion and CI checks."""

from __future__ import annotations

from typing import Any

from standgen.model.report import Report


def input_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) describing a report's main YAML file."""
    schema = Report.model_json_schema(mode="validation", by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "standgen report"
    return schema
