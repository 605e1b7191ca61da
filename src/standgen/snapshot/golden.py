"""Golden snapshot files: compare an artifact's snapshot with a stored one, or rewrite it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from standgen.files import write_bytes_atomically
from standgen.snapshot.artifact import snapshot_artifact
from standgen.snapshot.compare import compare_snapshots

UPDATE_HINT = "run pytest with --standgen-update (or STANDGEN_UPDATE=1) to accept the new layout"


@dataclass(frozen=True)
class GoldenResult:
    """The outcome of one comparison: whether it matched, was written, and the message."""

    ok: bool
    written: bool
    message: str


def write_golden(path: Path, text: str) -> None:
    """Write a golden snapshot whole or not at all (its folder made when missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomically(path, text.encode("utf-8"))


def check_golden(artifact: Path, golden: Path, update: bool) -> GoldenResult:
    """Compare the snapshot of `artifact` with `golden`; with `update`, rewrite it instead."""
    current = snapshot_artifact(artifact)
    stored = golden.read_text(encoding="utf-8") if golden.is_file() else None
    if stored == current:
        return GoldenResult(True, False, f"{golden}: unchanged")
    if update:
        write_golden(golden, current)
        return GoldenResult(True, True, f"{golden}: written")
    if stored is None:
        return GoldenResult(False, False, f"no golden snapshot at {golden}; {UPDATE_HINT}")
    diff = compare_snapshots(stored, current, (f"golden {golden}", f"built {artifact}"))
    return GoldenResult(False, False, f"{artifact} no longer matches its golden snapshot "
                                      f"{golden}:\n{diff.render()}{UPDATE_HINT}")
