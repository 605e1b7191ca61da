"""Load stage: report files (YAML, CSV, XLSX) into the typed model, with precise errors.

`load_report` is imported on first use, so that reading configuration YAML through
`standgen.load.yaml_nodes` does not load the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from standgen.load.report import load_report

__all__ = ["load_report"]


def __getattr__(name: str) -> Any:
    if name != "load_report":
        raise AttributeError(f"module 'standgen.load' has no attribute {name!r}")
    from standgen.load.report import load_report

    return load_report
