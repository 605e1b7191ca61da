"""Forked worker processes of a parallel build.

The pools are started before the report is loaded, so the writers' imports and set-up in
the workers overlap with loading, validating and composing in the parent. Each artifact is
sent to a worker as soon as its edition is composed; a public artifact is leak-checked in
tasks of its own, so that the parent gathers the confidential candidates while workers
write.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.synchronize import Event
from pathlib import Path

from standgen.compose import tree as t
from standgen.edition.levels import Edition
from standgen.errors import BuildError, StandgenError
from standgen.leaks.extract import Part
from standgen.leaks.guard import LeakGuard
from standgen.write import writer_for

Timings = dict[str, float]
PARENT_POLL_SECONDS = 0.1
PREPARE_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class WriteTask:
    """One artifact to write: its document, edition, format, staging and final path.

    The document travels pickled, once for all artifacts of an edition and in the thread
    that composed it: the executor's feeder thread would pickle it again for each
    artifact, sharing the interpreter with the parent's validation meanwhile."""

    pickled: bytes
    edition: Edition
    fmt: str
    temp: Path
    final: Path
    templates: Path | None = None
    theme: Path | None = None

    @property
    def document(self) -> t.Document:
        """The composed document (unpickled: call once per task)."""
        document: t.Document = pickle.loads(self.pickled)
        return document

    @property
    def public(self) -> bool:
        """Public artifacts are leak-checked before they are moved into place."""
        return self.edition == "openbaar"


def can_fork() -> bool:
    """Whether this platform forks processes (workers inherit the loaded modules)."""
    return "fork" in multiprocessing.get_all_start_methods()


@dataclass
class Pools:
    """The worker processes of a build. PDFs, the slowest artifacts, get workers of their
    own; the other formats and the leak checks share one more; and on a cold chart cache
    one process draws the charts. Each worker imports only what its tasks need, while the
    parent loads the report."""

    by_format: dict[str, ProcessPoolExecutor]
    checks: ProcessPoolExecutor
    charts: ProcessPoolExecutor | None = None

    @property
    def chart_executor(self) -> ProcessPoolExecutor:
        """Where charts are drawn."""
        return self.charts or self.checks

    def shutdown(self, *, now: bool = False) -> None:
        """Stop every worker: running tasks finish and queued ones are dropped, or (`now`,
        after a failed build) workers still getting ready are ended at once, so that a
        source error is reported without waiting for imports it no longer needs."""
        pools = [pool for pool in {*self.by_format.values(), self.checks, self.charts}
                 if pool is not None]
        for pool in pools:
            if now:
                _terminate(pool)
            pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def running(pools: Pools | None) -> Iterator[Pools | None]:
    """Stop `pools` however the block ends: once their tasks are done, or at once when it
    fails (a source error, Ctrl-C)."""
    try:
        yield pools
    except BaseException:
        if pools is not None:
            pools.shutdown(now=True)
        raise
    if pools is not None:
        pools.shutdown()


def _terminate(pool: ProcessPoolExecutor) -> None:
    """End a pool's worker processes (Python 3.14 has this as terminate_workers)."""
    stop = getattr(pool, "terminate_workers", None)
    if callable(stop):
        stop()
        return
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def start_pools(jobs: int, formats: Sequence[str], charts: bool = False) -> Pools | None:
    """`jobs` forked writer processes, already importing the writers they will run, and a
    chart process already importing matplotlib when `charts` will likely be drawn; None
    when the build runs in one process."""
    if jobs <= 1 or not can_fork():
        return None
    parent = os.getpid()
    context = multiprocessing.get_context("fork")
    charts_ready = context.Event() if charts else None
    chart_pool = (_started(1, _prepare_charts, (parent, charts_ready)) if charts_ready
                  else None)  # a cold build waits for its charts: they get ready first
    others = tuple(f for f in formats if f != "pdf")
    if "pdf" in formats and others:
        pdf_ready = context.Event()
        pdf = _started(jobs - 1, _prepare_writer,
                       (("pdf",), False, parent, charts_ready, pdf_ready))
        rest = _started(1, _prepare_writer, (others, True, parent, pdf_ready, None))
        by_format = {"pdf": pdf, **{fmt: rest for fmt in others}}
    else:
        rest = _started(jobs, _prepare_writer,
                        (tuple(formats), True, parent, charts_ready, None))
        by_format = {fmt: rest for fmt in formats}
    return Pools(by_format, rest, chart_pool)


def _started(workers: int, prepare: Callable[..., None],
             args: tuple[object, ...]) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(max_workers=workers, initializer=prepare, initargs=args,
                               mp_context=multiprocessing.get_context("fork"))
    pool.submit(os.getpid)  # the first task forks every worker now, before the parent loads
    return pool


def _prepare_writer(formats: tuple[str, ...], checks: bool, parent: int,
                    after: Event | None, then: Event | None) -> None:
    """In a new worker: import its writers (and the leak check) before any task arrives.
    Workers get ready one kind `after` the other (the chart process, the PDF workers, the
    rest), so that at most one competes with the parent for a core while the parent loads
    the report (on two cores that took 0.3 s off a warm build)."""
    _exit_with(parent)
    if after is not None:
        after.wait(timeout=PREPARE_WAIT_SECONDS)
    for fmt in formats:
        writer_for(fmt)
    if "pdf" in formats:
        from standgen.write.pdf.fonts import default_fonts, font_cmap, register_fonts

        fonts = default_fonts()
        register_fonts(fonts)
        for path in fonts.paths().values():
            font_cmap(path)
    if checks:
        import pypdf  # noqa: F401

        import standgen.leaks.check  # noqa: F401
    if then is not None:
        then.set()


def _prepare_charts(parent: int, then: Event | None) -> None:
    """In the chart process: import matplotlib and register the fonts."""
    _exit_with(parent)
    from standgen.charts.render import prepare

    prepare()
    if then is not None:
        then.set()


def _exit_with(parent: int) -> None:
    """End this worker once the build that started it is gone (killed, say), instead of
    waiting for tasks forever. Ctrl-C is the parent's to handle (it ends the workers), and
    SIGTERM ends a worker quietly whatever handler the parent had set."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="standgen-parent-watch", daemon=True).start()


def write_artifact(task: WriteTask) -> Timings:
    """Write one artifact into staging; the seconds it took under its format's name."""
    started = time.perf_counter()
    writer_for(task.fmt, task.templates, task.theme)(task.document, task.temp)
    return {task.fmt: time.perf_counter() - started}


def check_artifact_clean(guard: LeakGuard, path: Path, part: Part) -> Timings:
    """Leak-check one public artifact, or a share of a PDF's pages (removing the artifact
    and raising when it leaks)."""
    started = time.perf_counter()
    guard.assert_clean(path, part)
    return {"leak-check": time.perf_counter() - started}


def _guarded(function: Callable[..., Timings], *args: object) -> tuple[Timings, str | None]:
    """Run a task; a StandgenError comes back as text (not every error type pickles)."""
    try:
        return function(*args), None
    except StandgenError as exc:
        return {}, str(exc)
    except OSError as exc:  # a full disk, a folder made read-only meanwhile
        from standgen.outputs import output_error

        return {}, str(output_error(exc, getattr(args[0], "final", None)))


class TaskRunner:
    """Submits write tasks as editions are composed, then leak checks as writes finish."""

    def __init__(self, pools: Pools, on_done: Callable[[WriteTask], None],
                 timings: Timings) -> None:
        self.pools = pools
        self.on_done = on_done
        self.pending: dict[Future[tuple[Timings, str | None]], tuple[str, WriteTask]] = {}
        self.shares: dict[Path, int] = {}
        self.timings = timings  # the workers' seconds per stage are added here

    def write(self, task: WriteTask) -> None:
        """Start writing an artifact in a worker."""
        future = self.pools.by_format[task.fmt].submit(_guarded, write_artifact, task)
        self.pending[future] = ("write", task)

    def abandon(self) -> None:
        """Drop the tasks not yet started and wait for the running ones to end."""
        for future in self.pending:
            future.cancel()
        wait(self.pending)
        self.pending.clear()

    def finish(self, guard: LeakGuard | None) -> None:
        """Wait for every task; leak-check each public artifact once it is written."""
        while self.pending:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: str(self.pending[f][1].temp)):
                stage, task = self.pending.pop(future)
                timings, error = future.result()
                if error is not None:
                    raise BuildError(error)
                for name, seconds in timings.items():
                    self.timings[name] = self.timings.get(name, 0.0) + seconds
                if stage == "write" and task.public and guard is not None:
                    self._check(task, guard)
                elif stage == "write" or self._last_share(task):
                    self.on_done(task)

    def _check(self, task: WriteTask, guard: LeakGuard) -> None:
        """A PDF is checked in two shares of its pages, in the check worker and in the PDF
        worker that wrote it (idle by then), so that its longest check takes half as long."""
        pools = [self.pools.checks]
        if task.fmt == "pdf" and self.pools.by_format[task.fmt] is not self.pools.checks:
            pools.append(self.pools.by_format[task.fmt])
        self.shares[task.temp] = len(pools)
        for index, pool in enumerate(pools):
            check = pool.submit(_guarded, check_artifact_clean, guard, task.temp,
                                (index, len(pools)))
            self.pending[check] = ("check", task)

    def _last_share(self, task: WriteTask) -> bool:
        self.shares[task.temp] -= 1
        return self.shares[task.temp] == 0
