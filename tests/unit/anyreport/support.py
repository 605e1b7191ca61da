"""Small reports written in a temporary folder, for the any-report tests."""

from __future__ import annotations

from pathlib import Path

import yaml

from standgen.load import load_report
from standgen.model.report import Report

BASE = {
    "title": "Monitor Proefregeling",
    "period": "2025",
    "report_year": 2025,
    "ministry": "Ministerie van Proefzaken",
    "date": "2026-02-01",
    "rubricering": "openbaar",
    "chapters": [{
        "number": 1, "title": "Voortgang",
        "blocks": [{"text": "De MPR loopt. Het CBS telt mee."}],
        "sections": [
            {"number": "1.1", "title": "Eerste", "blocks": [{"text": "Tekst een."}]},
            {"number": "1.2", "title": "Tweede", "blocks": [{"text": "Tekst twee."}]},
        ],
    }],
}


def write_report(folder: Path, **changes: object) -> Path:
    """A report.yaml in `folder`: the base report with top-level keys replaced."""
    data = {**BASE, **changes}
    path = folder / "report.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def report(folder: Path, **changes: object) -> Report:
    """The loaded base report with top-level keys replaced."""
    return load_report(write_report(folder, **changes))
