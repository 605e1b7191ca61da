"""Many included files: nodes of files already read must not count as YAML alias reuse."""

from __future__ import annotations

from pathlib import Path

from standgen.load import load_report
from tests.reports import write_report

CHAPTER = """\
number: {n}
title: Hoofdstuk {n}
sections:
  - number: "{n}.1"
    title: Sectie
    topics:
      - id: onderwerp-{n}
        blocks:
          - table:
              id: tabel-{n}
              title: Tabel
              columns: [2024, 2025]
              rows:
{rows}
"""


def test_sixty_included_chapters_load(tmp_path: Path) -> None:
    rows = "\n".join(f"                - {{label: Rij {i}, values: [{i}, {i + 1}]}}"
                     for i in range(40))
    files = {f"h{n}.yaml": CHAPTER.format(n=n, rows=rows) for n in range(1, 61)}
    body = "chapters:\n" + "".join(f"  - include: h{n}.yaml\n" for n in range(1, 61))
    report = load_report(write_report(tmp_path, body, files))
    assert len(report.chapters) == 60
    assert report.chapters[-1].sections[0].topics[0].id == "onderwerp-60"
