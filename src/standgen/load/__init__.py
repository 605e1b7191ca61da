"""Load stage: report files (YAML, CSV, XLSX) into the typed model, with precise errors."""

from standgen.load.report import load_report

__all__ = ["load_report"]
