"""The pytest plugin: a golden mismatch fails with the diff; --standgen-update accepts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.snapshot.builds import Builds

pytest_plugins = ["pytester"]

PLUGIN = ("-p", "no:standgen", "-p", "standgen.snapshot.pytest_plugin")
TEST_FILE = '''
from pathlib import Path


def test_example_pdf(standgen_snapshot):
    standgen_snapshot(Path(__file__).with_name("artifact.txt").read_text().strip())
'''


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider", *args)


def test_fixture_fails_on_change_and_passes_after_update(pytester: pytest.Pytester,
                                                         example_builds: Builds) -> None:
    pytester.makepyfile(test_layout=TEST_FILE)
    artifact = pytester.path / "artifact.txt"
    golden = pytester.path / "snapshots" / "test_example_pdf.txt"

    artifact.write_text(str(example_builds.original["pdf"]))
    created = _run(pytester, "--standgen-update")
    created.assert_outcomes(passed=1)
    created.stdout.fnmatch_lines(["*standgen: 1 golden snapshot(s) written*"])
    assert golden.read_text(encoding="utf-8").startswith("standgen snapshot 1: pdf\n")
    _run(pytester).assert_outcomes(passed=1)

    artifact.write_text(str(example_builds.changed["pdf"]))
    failed = _run(pytester)
    failed.assert_outcomes(failed=1)
    failed.stdout.fnmatch_lines(["*no longer matches its golden snapshot*",
                                 "*Plancijfer instroom 2022: 4.100 → 4.150*",
                                 "*--standgen-update*"])
    _run(pytester, "--standgen-update").assert_outcomes(passed=1)
    _run(pytester).assert_outcomes(passed=1)
    assert "| 4.150 |" in golden.read_text(encoding="utf-8")


def test_explicit_golden_path_and_missing_golden_message(pytester: pytest.Pytester,
                                                         example_builds: Builds) -> None:
    artifact = str(example_builds.original["docx"])
    pytester.makepyfile(test_named=f"""
def test_named(standgen_snapshot):
    standgen_snapshot({artifact!r}, "goldens/voorbeeld.txt")
""")
    missing = _run(pytester)
    missing.assert_outcomes(failed=1)
    missing.stdout.fnmatch_lines(["*no golden snapshot at*goldens/voorbeeld.txt*"])
    _run(pytester, "--standgen-update").assert_outcomes(passed=1)
    assert Path(pytester.path / "goldens" / "voorbeeld.txt").read_text(
        encoding="utf-8").startswith("standgen snapshot 1: docx\n")
