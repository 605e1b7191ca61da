"""CSV data files: the delimiter is recognised from the first rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from standgen.errors import Location
from standgen.load.tabular import read_grid


@pytest.mark.parametrize(("text", "expected"), [
    ("rij;2024;2025\nplan;1,5;2\n", {"plan": {"2024": "1,5", "2025": "2"}}),
    ("rij,2024,2025\nplan,1.5,2\n", {"plan": {"2024": "1.5", "2025": "2"}}),
    ("rij\t2024\nplan\t7\n", {"plan": {"2024": "7"}}),
    ('rij,toelichting\nplan,"een; twee"\n', {"plan": {"toelichting": "een; twee"}}),
    ("rij;2024;2025\nplan;1;\nwerkelijk;2;3\n", {"plan": {"2024": "1"},
                                                  "werkelijk": {"2024": "2", "2025": "3"}}),
])
def test_the_delimiter_is_read_from_the_first_rows(tmp_path: Path, text: str,
                                                   expected: dict[str, dict[str, str]]) -> None:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    grid, lines = read_grid(path, None, Location(path, None, ""))
    assert {row: {k: v for k, v in cells.items() if v not in (None, "")}
            for row, cells in grid.items()} == expected
    assert lines[next(iter(expected))] == 2
