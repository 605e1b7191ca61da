"""Rebuild whenever a source changes, keeping the worker processes between builds.

While drafting, a report is rebuilt dozens of times. A watching process pays for starting
Python, importing the model and the writers, and forking its workers once; each rebuild
then only loads, validates, composes and writes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from standgen.build import BuildRequest, BuildResult, build
from standgen.errors import StandgenError
from standgen.workers import Pools, running, start_pools

POLL_SECONDS = 0.25
IGNORED_PARTS = ("__pycache__",)  # and every hidden file or folder
Stamp = dict[Path, tuple[int, int]]


@dataclass(frozen=True)
class Rebuild:
    """One build of a watch: what it wrote or why it failed, how long it took, and the
    changed files that started it (none for the first build)."""

    result: BuildResult | None
    error: StandgenError | None
    seconds: float
    changed: tuple[Path, ...]


def watched_files(request: BuildRequest) -> Stamp:
    """Modification time and size of every file in the report's folder and the templates
    folder, leaving out the output folder, caches and hidden files."""
    out = request.out_dir.resolve()
    stamp: Stamp = {}
    for folder in (request.source.parent, request.templates):
        if folder is None or not folder.is_dir():
            continue
        base = folder.resolve()
        for path in folder.rglob("*"):
            parts = path.relative_to(folder).parts
            if _ignored(parts, base.joinpath(*parts), out) or not path.is_file():
                continue
            info = path.stat()
            stamp[path] = (info.st_mtime_ns, info.st_size)
    return stamp


def _ignored(parts: tuple[str, ...], resolved: Path, out: Path) -> bool:
    """Hidden files, caches and the output folder (paths resolved once per folder)."""
    return (any(part in IGNORED_PARTS or part.startswith(".") for part in parts)
            or resolved.is_relative_to(out))


def changed_files(before: Stamp, after: Stamp) -> tuple[Path, ...]:
    """Files added, removed or modified between two stamps, sorted."""
    return tuple(sorted(p for p in before.keys() | after.keys()
                        if before.get(p) != after.get(p)))


def watch(request: BuildRequest, on_build: Callable[[Rebuild], bool],
          poll: float = POLL_SECONDS) -> None:
    """Build, then rebuild after every change until `on_build` returns False. A source or
    build error is reported through `on_build` and the watch goes on."""
    with running(start_pools(request.jobs, request.formats)) as pools:
        stamp = watched_files(request)
        changed: tuple[Path, ...] = ()
        while on_build(_build_once(request, pools, changed)):
            stamp, changed = _wait_for_change(request, stamp, poll)


def _build_once(request: BuildRequest, pools: Pools | None,
                changed: tuple[Path, ...]) -> Rebuild:
    started = time.perf_counter()
    try:
        result = build(request, pools)
    except StandgenError as exc:
        return Rebuild(None, exc, time.perf_counter() - started, changed)
    return Rebuild(result, None, time.perf_counter() - started, changed)


def _wait_for_change(request: BuildRequest, stamp: Stamp,
                     poll: float) -> tuple[Stamp, tuple[Path, ...]]:
    """Poll until the files change and then hold still for one more poll (an editor may
    write a file in several steps); the new stamp and what changed."""
    while True:
        time.sleep(poll)
        now = watched_files(request)
        if now == stamp:
            continue
        while True:
            time.sleep(poll)
            settled = watched_files(request)
            if settled == now:
                return settled, changed_files(stamp, settled)
            now = settled
