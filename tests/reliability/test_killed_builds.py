"""Builds killed with SIGKILL at random moments leave only complete artifacts behind.

Two reference builds are made first: the example report as it is ("old") and with a
changed tagline ("new"). Then builds of the new input are started as real processes into
output folders that hold nothing, the old artifacts, or the old artifacts and their chart
cache, and killed after delays spread over a normal build's duration. Every artifact in
the folder must then be absent or byte-identical to the old or the new reference. Finally
one ordinary build into a folder holding every staging folder the kills left behind must
remove them and produce exactly the new reference.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "fixtures" / "example"
KILLS = 10
SEED = int(os.environ.get("STANDGEN_KILL_SEED", "20260520"))
GUARD_SECONDS = 120
STAGING = ".standgen-staging-"
CACHE = ".standgen-cache"


def _start(project: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "standgen", "build",
                             str(project / "report.yaml"), "--out", str(out)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _build(project: Path, out: Path) -> float:
    """An ordinary build; returns its duration in seconds."""
    started = time.monotonic()
    process = _start(project, out)
    _, err = process.communicate(timeout=GUARD_SECONDS)
    assert process.returncode == 0, err.decode(errors="replace")
    return time.monotonic() - started


def _artifacts(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


@dataclass(frozen=True)
class References:
    """The old and new input, their artifacts, and how long a fresh build takes."""

    new_project: Path
    old: dict[str, bytes]
    new: dict[str, bytes]
    old_out: Path
    seconds: float


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> References:
    base = tmp_path_factory.mktemp("killed")
    old_project, new_project = base / "old", base / "new"
    shutil.copytree(EXAMPLE, old_project)
    shutil.copytree(EXAMPLE, new_project)
    main = new_project / "report.yaml"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("tagline: Een voorbeeld", "tagline: Een gewijzigd voorbeeld"),
                    encoding="utf-8")
    _build(old_project, base / "old-out")
    seconds = _build(new_project, base / "new-out")
    old, new = _artifacts(base / "old-out"), _artifacts(base / "new-out")
    assert sorted(old) == sorted(new) and len(new) == 2
    assert all(old[name] != new[name] for name in new), "the inputs must differ in output"
    return References(new_project, old, new, base / "old-out", seconds)


def _prepare(out: Path, old_out: Path, kind: int) -> None:
    """An output folder: empty (0), the old artifacts (1), or those and their cache (2)."""
    out.mkdir()
    if kind == 0:
        return
    for path in old_out.iterdir():
        if path.name == CACHE:
            if kind == 2:
                shutil.copytree(path, out / CACHE)
        elif not path.name.startswith("."):
            shutil.copy2(path, out / path.name)


def _check_complete(out: Path, refs: References) -> list[Path]:
    """Assert every artifact is absent, old or new; return the staging folders left."""
    staging = []
    for path in out.iterdir():
        if path.name.startswith(STAGING):
            assert path.is_dir()
            staging.append(path)
        elif path.name != CACHE:
            assert path.name in refs.new, f"unexpected file {path.name}"
            assert path.read_bytes() in (refs.old[path.name], refs.new[path.name]), \
                f"{path.name} is neither the old nor the new artifact (partial?)"
    return staging


def _survivors(out: Path) -> list[int]:
    """Processes (a killed build's workers) still running on `out`, after a short grace."""
    deadline = time.monotonic() + 2.0
    while True:
        found = []
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                if str(out).encode() + b"\0" in cmdline.read_bytes():
                    found.append(int(cmdline.parent.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _kill_after(refs: References, out: Path, delay: float) -> bool:
    """Start a build, SIGKILL it after `delay` seconds; True if it was still running."""
    process = _start(refs.new_project, out)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=GUARD_SECONDS)
        return True
    finally:
        if process.stderr is not None:
            process.stderr.close()


def test_killed_builds_leave_only_complete_artifacts(references: References,
                                                     tmp_path: Path) -> None:
    rng = random.Random(SEED)
    span = max(references.seconds, 1.0) - 0.1
    delays = [0.1 + span * (k + rng.random()) / KILLS for k in range(KILLS)]
    interrupted, leftovers = 0, []
    for k, delay in enumerate(delays):
        out = tmp_path / f"out-{k}"
        kind = k % 3
        _prepare(out, references.old_out, kind)
        interrupted += _kill_after(references, out, delay)
        assert not _survivors(out), "a killed build left worker processes running"
        leftovers += _check_complete(out, references)
        if kind > 0:  # the old artifacts were there: each one is still there, old or new
            assert sorted(_artifacts(out)) == sorted(references.new)
    assert interrupted >= 3, f"only {interrupted} of {KILLS} builds were killed mid-way"

    final = tmp_path / "final"
    _prepare(final, references.old_out, 1)
    for number, folder in enumerate(leftovers):
        shutil.move(folder, final / f"{STAGING}{folder.name[len(STAGING):]}-{number}")
    _build(references.new_project, final)
    assert not [p for p in final.iterdir() if p.name.startswith(STAGING)]
    assert _artifacts(final) == references.new


def _staged_files(out: Path) -> int:
    return sum(1 for folder in out.glob(f"{STAGING}*") for _ in folder.glob("*.*"))


def _replaced(out: Path, inodes: dict[str, int]) -> int:
    return sum(1 for name, inode in inodes.items()
               if (out / name).exists() and (out / name).stat().st_ino != inode)


def _kill_when(refs: References, out: Path, moment: str) -> bool:
    """Start a build and SIGKILL it the moment the output folder reaches a given state."""
    inodes = {name: (out / name).stat().st_ino for name in refs.new if (out / name).exists()}
    reached = {"first file staged": lambda: _staged_files(out) >= 1,
               "second file staged": lambda: _staged_files(out) >= 2,
               "first artifact replaced": lambda: _replaced(out, inodes) >= 1}[moment]
    process = _start(refs.new_project, out)
    deadline = time.monotonic() + GUARD_SECONDS
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if reached():
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=GUARD_SECONDS)
                return True
            time.sleep(0.001)
        return False
    finally:
        if process.stderr is not None:
            process.stderr.close()


@pytest.mark.parametrize("moment", ["first file staged", "second file staged",
                                    "first artifact replaced"])
def test_build_killed_at_a_chosen_moment(references: References, tmp_path: Path,
                                         moment: str) -> None:
    out = tmp_path / "out"
    _prepare(out, references.old_out, 2)
    assert _kill_when(references, out, moment), f"the build finished before {moment!r}"
    assert not _survivors(out), "a killed build left worker processes running"
    _check_complete(out, references)
    assert sorted(_artifacts(out)) == sorted(references.new)


def test_stale_staging_folders_are_removed_but_not_a_running_builds(references: References,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "out"
    _prepare(out, references.old_out, 2)
    dead = out / f"{STAGING}999999999-gone"
    running = out / f"{STAGING}{os.getpid()}-busy"
    legacy = out / f"{STAGING}abc_123"
    for folder in (dead, running, legacy):
        folder.mkdir()
        (folder / "half.pdf").write_bytes(b"%PDF-1.7 partial")
    _build(references.new_project, out)
    assert not dead.exists() and not legacy.exists()
    assert running.exists(), "a staging folder of a live process must be left alone"
    assert _artifacts(out) == references.new
