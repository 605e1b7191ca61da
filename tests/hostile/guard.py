"""Run `standgen.cli.main` in a forked child under a time and memory guard.

The child inherits the already imported pipeline (no interpreter start-up per case), gets
an address-space limit and an alarm, and writes its stdout and stderr to files that the
parent reads back. The guard only stops runaway cases; no test asserts on timings.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import standgen.build
import standgen.cli
import standgen.write.docx
import standgen.write.pdf

PRELOADED = (standgen.build, standgen.cli, standgen.write.docx, standgen.write.pdf)
GUARD_SECONDS = 60
MEMORY_HEADROOM = 2 * 1024**3  # bytes of address space a case may add to the parent's
SECONDS_BOUND = 45.0  # generous bounds every hostile run must stay under (wall clock,
MEMORY_BOUND = 1536 * 1024**2  # and resident memory a run adds, its workers included)


@dataclass(frozen=True)
class Run:
    """What one guarded CLI run did: exit status (or the signal that ended it) and output."""

    code: int | None
    signal: int | None
    stdout: str
    stderr: str
    seconds: float = 0.0
    peak_bytes: int = 0  # the child's peak resident memory beyond its own at the start

    def assert_bounded(self) -> None:
        """The run ended by itself, within the time and memory bounds."""
        assert self.signal is None, f"killed by signal {self.signal} (time or memory guard)"
        assert self.seconds < SECONDS_BOUND, f"took {self.seconds:.1f} s"
        assert self.peak_bytes < MEMORY_BOUND, f"peaked {self.peak_bytes / 1024**2:.0f} MB"

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _address_space() -> int:
    """The current virtual memory size of this process, in bytes."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 2 * 1024**3


def _status(field: str) -> int:
    """A memory figure of this process from /proc (VmRSS, VmHWM), in bytes."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    return 0


def run_cli(argv: list[str], seconds: int = GUARD_SECONDS,
            prepare: Callable[[], None] | None = None) -> Run:
    """Run `standgen <argv>` in a forked child; the child dies on the alarm or memory cap.
    `prepare` runs in the child first (to set a file-size limit, say)."""
    with tempfile.TemporaryDirectory(prefix="standgen-guard-") as folder:
        out_path, err_path = Path(folder) / "out", Path(folder) / "err"
        peak_path = Path(folder) / "peak"
        limit = _address_space() + MEMORY_HEADROOM
        sys.stdout.flush()
        sys.stderr.flush()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            _child(argv, seconds, limit, out_path, err_path, prepare, peak_path)
        _, status = os.waitpid(pid, 0)
        elapsed = time.monotonic() - started
        code = os.waitstatus_to_exitcode(status)
        peak = peak_path.read_text() if peak_path.exists() else ""
        return Run(code if code >= 0 else None, -code if code < 0 else None,
                   out_path.read_text(errors="replace"), err_path.read_text(errors="replace"),
                   elapsed, int(peak) if peak.isdigit() else MEMORY_BOUND)


def _child(argv: list[str], seconds: int, limit: int, out_path: Path, err_path: Path,
           prepare: Callable[[], None] | None, peak_path: Path) -> None:
    code = 70
    resident = _status("VmRSS")
    try:
        out = os.open(out_path, os.O_WRONLY | os.O_CREAT, 0o600)
        err = os.open(err_path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.dup2(out, 1)
        os.dup2(err, 2)
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - lives until _exit
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(seconds)
        if prepare is not None:
            prepare()
        from standgen.cli import main

        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 70
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 70
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
            workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
            peak_path.write_text(str(max(0, _status("VmHWM") - resident,
                                         workers - resident)))
        os._exit(code)
