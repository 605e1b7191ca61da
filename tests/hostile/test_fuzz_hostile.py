"""Generated hostile sources through `standgen build`: whatever the input, the run ends by
itself within the time and memory bounds, with exit 0, 1 or 2, never an internal error or
a traceback, and never changes a source."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

from tests.hostile.guard import run_cli
from tests.hostile.hostile_sources import hostile_sources

EXAMPLES = 40  # about 15 s in CI; `python scripts/fuzz_hostile.py N` runs more


def check_one(files: dict[str, str]) -> None:
    """Build one generated source folder and assert a clean outcome."""
    with tempfile.TemporaryDirectory(prefix="standgen-fuzz-") as folder:
        project = Path(folder) / "project"
        project.mkdir()
        for name, text in files.items():
            (project / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        before = {p.name: p.read_bytes() for p in project.iterdir()}
        run = run_cli(["build", str(project / "report.yaml"), "--out",
                       str(Path(folder) / "out"), "--jobs", "1", "--format", "pdf",
                       "--format", "docx", "--format", "md"], seconds=30)
        run.assert_bounded()
        assert run.code in (0, 1, 2), run.output
        assert "Traceback" not in run.output and "internal error" not in run.output, run.output
        assert {p.name: p.read_bytes() for p in project.iterdir()} == before
        if run.code != 0:
            assert not (Path(folder) / "out").exists() or not any(
                (Path(folder) / "out").iterdir()), "partial output"


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
          phases=[Phase.generate], suppress_health_check=list(HealthCheck))
@given(hostile_sources())
def test_generated_hostile_sources_end_cleanly(files: dict[str, str]) -> None:
    check_one(files)
