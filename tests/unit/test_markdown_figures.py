"""A Markdown artifact's charts are written beside it and linked from there: the same bytes
in every build, and a figure the report drops is no longer in the folder."""

from __future__ import annotations

import re
from pathlib import Path

from standgen.build import BuildRequest, build
from tests.reports import one_topic, write_report

FIGURE = """\
- figure:
    id: fig{n}
    title: Figuur {n}
    chart:
      type: bar
      categories: [Noord, Zuid]
      series:
        - {{label: Reeks, values: [{n}, 2]}}
"""


def _build(folder: Path, out: Path, figures: int) -> dict[str, bytes]:
    folder.mkdir(exist_ok=True)
    blocks = "".join(FIGURE.format(n=n) for n in range(1, figures + 1))
    source = write_report(folder, one_topic(blocks))
    result = build(BuildRequest(source, out, formats=("md",), cache_dir=folder.parent / "cache"))
    (markdown,) = result.artifacts
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown.read_text(encoding="utf-8"))
    assert len(links) == figures
    assert all((out / link).is_file() for link in links)
    return {p.name: p.read_bytes() for p in sorted(out.rglob("*.png"))}


def test_markdown_images_are_written_identically_and_kept_current(tmp_path: Path) -> None:
    first = _build(tmp_path / "a", tmp_path / "out-a", 2)
    again = _build(tmp_path / "b", tmp_path / "out-b", 2)
    assert first == again and len(first) == 2
    fewer = _build(tmp_path / "a", tmp_path / "out-a", 1)
    assert list(fewer) == ["figuur-1.png"]
