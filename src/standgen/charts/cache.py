"""A content-keyed chart cache: unchanged charts are reused, missing ones drawn, in parallel."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path

from standgen.charts.data import ChartData, RenderedChart
from standgen.charts.key import chart_key
from standgen.charts.render import chart_paths, describe, render_chart
from standgen.charts.style import ChartStyle


@dataclass(frozen=True)
class RenderStats:
    """What one `render_all` did: charts drawn, charts reused from the cache, seconds spent."""

    drawn: int
    reused: int
    seconds: float = 0.0


class ChartCache:
    """Charts stored in one directory under their content key."""

    def __init__(self, directory: Path, style: ChartStyle | None = None) -> None:
        self.directory = directory
        self.style = style or ChartStyle()

    def key(self, data: ChartData) -> str:
        """The content key of `data` in this cache's style."""
        return chart_key(data, self.style)

    def lookup(self, data: ChartData) -> RenderedChart | None:
        """The cached chart for `data`, or None when either of its files is missing."""
        key = self.key(data)
        if all(path.is_file() for path in chart_paths(self.directory, key)):
            return describe(data, self.directory, self.style, key)
        return None

    def render(self, data: ChartData) -> RenderedChart:
        """Draw `data` into the cache, whether or not it is there already."""
        return render_chart(data, self.directory, self.style)


START_METHODS = ("fork", "spawn")  # fork reuses the loaded matplotlib; spawn elsewhere


def pool_context() -> BaseContext:
    """The multiprocessing context for render workers: fork where the platform has it."""
    available = multiprocessing.get_all_start_methods()
    method = next(m for m in (*START_METHODS, available[0]) if m in available)
    return multiprocessing.get_context(method)


def _render_job(job: tuple[ChartData, Path, ChartStyle]) -> str:
    data, directory, style = job
    return render_chart(data, directory, style).key


def render_all(items: Sequence[ChartData], cache_dir: Path, *, jobs: int = 1,
               style: ChartStyle | None = None, executor: Executor | None = None
               ) -> tuple[list[RenderedChart], RenderStats]:
    """Render every chart not yet in `cache_dir` (in `executor`, or in `jobs` new processes
    when that helps) and return one record per item, in order, with counts of drawn and
    reused charts."""
    started = time.perf_counter()
    cache = ChartCache(cache_dir, style)
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing: dict[str, ChartData] = {}
    for data in items:
        if cache.lookup(data) is None:
            missing.setdefault(cache.key(data), data)
    work = [(data, cache_dir, cache.style) for data in missing.values()]
    if executor is not None and work:
        list(executor.map(_render_job, work))
    elif jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(work)),
                                 mp_context=pool_context()) as pool:
            list(pool.map(_render_job, work))
    else:
        for job in work:
            _render_job(job)
    results = [describe(data, cache_dir, cache.style, cache.key(data)) for data in items]
    stats = RenderStats(drawn=len(work), reused=len(items) - len(work),
                        seconds=time.perf_counter() - started)
    return results, stats
