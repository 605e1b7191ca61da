"""The reference report against its golden snapshots, and byte-identical rebuilds.

The goldens in tests/acceptance/snapshots/ are the reviewed layout of the reference report.
After an intended layout change, rewrite them with
`pytest tests/acceptance/test_reference_snapshots.py --standgen-update` (or STANDGEN_UPDATE=1)
and review the change in the goldens' diff before committing.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from standgen.build import BuildRequest, build
from standgen.snapshot import snapshot_artifact

PLUGIN = "standgen.snapshot.pytest_plugin"
if not any(ep.value == PLUGIN for ep in entry_points(group="pytest11")):
    # Not installed as a pytest11 entry point (yet): load it here. Once it is, loading it
    # again under another name would make pytest refuse to register the same module twice.
    pytest_plugins = [PLUGIN]

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
GOLDENS = Path(__file__).with_name("snapshots")
ARTIFACTS = {
    "openbaar.pdf": "stand-van-defensie-voorjaar-2026-openbare-versie.pdf",
    "openbaar.docx": "stand-van-defensie-voorjaar-2026-openbare-versie.docx",
    "bijlage.pdf": "stand-van-defensie-voorjaar-2026-vertrouwelijke-bijlage.pdf",
}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference report built once: public DOCX and PDF, and the bijlage PDF."""
    out = tmp_path_factory.mktemp("reference")
    build(BuildRequest(source=SOURCE, out_dir=out, editions=("openbaar",)))
    build(BuildRequest(source=SOURCE, out_dir=out, editions=("bijlage",), formats=("pdf",)))
    return out


@pytest.mark.parametrize("name", sorted(ARTIFACTS))
def test_layout_matches_golden(reference: Path, name: str,
                               standgen_snapshot: Callable[..., None]) -> None:
    standgen_snapshot(reference / ARTIFACTS[name], GOLDENS / f"{name}.txt")


def test_golden_pdf_records_outline_pages_and_tables() -> None:
    golden = (GOLDENS / "openbaar.pdf.txt").read_text(encoding="utf-8")
    assert "  3.1 Staat van het materieel → p. " in golden
    assert "table: Tabel 13 Instroom beroepsmilitairen (VTE'n)" in golden
    assert "  row: Realisatie instroom | 3.941 | 3.404 | 3.800 | 4.326 | 5.138" in golden


def test_snapshot_is_stable_across_runs(reference: Path) -> None:
    path = reference / ARTIFACTS["openbaar.pdf"]
    assert snapshot_artifact(path) == snapshot_artifact(path)


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for name in ARTIFACTS.values()}


def test_rebuild_in_a_fresh_process_is_byte_identical(reference: Path, tmp_path: Path) -> None:
    for edition, formats in (("openbaar", ("docx", "pdf")), ("bijlage", ("pdf",))):
        command = [sys.executable, "-m", "standgen", "build", str(SOURCE), "--out",
                   str(tmp_path), "--edition", edition]
        for fmt in formats:
            command += ["--format", fmt]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
    assert _digests(tmp_path) == _digests(reference)
