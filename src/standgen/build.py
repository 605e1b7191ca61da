"""The whole pipeline: load, validate, select each edition, compose, write, check for leaks.

Artifacts are written into a staging folder inside the output folder and moved into place
only when complete and (for public editions) proven free of confidential content, so a
failed or interrupted build never leaves a partial file or touches an older output.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from standgen.compose import tree as t
from standgen.compose.document import ComposeOptions, compose_document
from standgen.edition.levels import load_levels
from standgen.edition.select import EDITIONS, Edition
from standgen.errors import BuildError, Problems, SourceError, StandgenError
from standgen.format import dutch
from standgen.leaks import check_artifact, confidential_candidates
from standgen.leaks.images import confidential_chart_hashes
from standgen.load import load_report
from standgen.model.report import Report
from standgen.validate import validate_report

FORMATS = ("docx", "pdf", "md")
MAX_TITLE_SLUG = 120
EDITION_SUFFIX = {"openbaar": "openbare-versie", "vertrouwelijk": "vertrouwelijk",
                  "bijlage": "vertrouwelijke-bijlage"}
Writer = Callable[[t.Document, Path], None]


def _writer(fmt: str, templates: Path | None = None) -> Writer:
    """The writer of one format; a project's own reference DOCX (templates/docx/
    reference.docx in its templates folder) gives the DOCX its house style."""
    if fmt == "docx":
        from standgen.write.docx import write_docx

        reference = templates / "docx" / "reference.docx" if templates else None
        if reference is not None and reference.is_file():
            return functools.partial(write_docx, reference_docx=reference)
        return write_docx
    if fmt == "pdf":
        from standgen.write.pdf import write_pdf

        return write_pdf
    if fmt == "md":
        from standgen.write.markdown import write_markdown

        return write_markdown
    raise BuildError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


@dataclass(frozen=True)
class BuildRequest:
    """What to build: the source, where to, which editions and formats, and how."""

    source: Path
    out_dir: Path
    editions: tuple[Edition, ...] = ("openbaar",)
    formats: tuple[str, ...] = ("docx", "pdf")
    strict: bool = False
    templates: Path | None = None
    jobs: int = 1
    copies: tuple[int, ...] = ()
    extra_marking: tuple[str, ...] = ()
    cache_dir: Path | None = None
    concept: bool = False


@dataclass
class BuildResult:
    """What a build wrote, what it found, and how long each stage took (seconds)."""

    artifacts: list[Path] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    timings: dict[str, float] = field(default_factory=dict)


def slug(text: str) -> str:
    """A file-name-safe, lower-case form of a title."""
    text = text.lower().translate(str.maketrans("ëïéèêáàöüç", "eieeeaaouc"))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def artifact_name(report: Report, edition: Edition, fmt: str, copy: int | None = None) -> str:
    """The file name of one artifact; it states the edition (and copy number)."""
    base = (f"{slug(report.title)[:MAX_TITLE_SLUG]}-{slug(report.period)[:40]}-"
            f"{EDITION_SUFFIX[edition]}")
    if copy is not None:
        base += f"-exemplaar-{copy:02d}"
    return f"{base}.{fmt}"


@contextmanager
def _timed(result: BuildResult, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        result.timings[stage] = result.timings.get(stage, 0.0) + time.perf_counter() - start


def load_and_validate(source: Path, strict: bool, result: BuildResult) -> Report:
    """Load and validate; raise SourceError when errors (or warnings under strict) remain."""
    with _timed(result, "load"):
        report = load_report(source)
    with _timed(result, "validate"):
        problems = validate_report(report)
    result.problems = problems
    blocking = problems.errors + (problems.warnings if strict else [])
    if blocking:
        raise SourceError(blocking)
    return report


def build(request: BuildRequest) -> BuildResult:
    """Run the pipeline for every requested edition and format."""
    for edition in request.editions:
        if edition not in EDITIONS:
            raise BuildError(f"unknown edition {edition!r}; use one of {', '.join(EDITIONS)}")
    for fmt in request.formats:
        _writer(fmt)
    result = BuildResult()
    report = load_and_validate(request.source, request.strict, result)
    concept = request.concept or report.concept
    if not concept:
        _refuse_missing_values(result.problems)
    else:
        request = replace(request, extra_marking=(*request.extra_marking,
                                                  concept_marking(report)))
    request.out_dir.mkdir(parents=True, exist_ok=True)
    cache = request.cache_dir or request.out_dir / ".standgen-cache"
    with _staging(request.out_dir) as staging:
        staged: list[tuple[Path, Path]] = []
        if request.jobs > 1 and _can_fork():
            staged = _build_parallel(report, request, cache, staging, result)
        else:
            for edition in request.editions:
                staged += _build_edition(report, edition, request, cache, staging, result)
        for temp, final in staged:
            os.replace(temp, final)
            result.artifacts.append(final)
    if request.copies:
        result.artifacts.append(_write_register(request, report, result.artifacts))
    return result


def concept_marking(report: Report) -> str:
    """The concept line: CONCEPT, the build date and the version of the source's content.

    The date is today's, or SOURCE_DATE_EPOCH's when set (for reproducible concept builds).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = (dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch and epoch.isdigit()
           else dt.date.today())
    digest = hashlib.sha256(report.model_dump_json().encode("utf-8")).hexdigest()[:12]
    return f"CONCEPT – {dutch.long_date(day)} – bronversie {digest}"


def _refuse_missing_values(problems: Problems) -> None:
    """A final build needs every value; list the ones still to be delivered."""
    missing = [p for p in problems.items if p.code == "value-missing"]
    if missing:
        listed = "\n".join(f"  - {p}" for p in missing[:200])
        more = f"\n  … and {len(missing) - 200} more" if len(missing) > 200 else ""
        raise BuildError(f"{len(missing)} value(s) are still missing; fill them in, or build "
                         f"a concept with --concept:\n{listed}{more}")


def _build_edition(report: Report, edition: Edition, request: BuildRequest, cache: Path,
                   staging: Path, result: BuildResult) -> list[tuple[Path, Path]]:
    copies: Sequence[int | None] = (request.copies if request.copies and edition != "openbaar"
                                    else [None])
    staged: list[tuple[Path, Path]] = []
    guard: _LeakGuard | None = None
    for copy in copies:
        with _timed(result, "compose"):
            document = compose_document(report, edition, options=_options(request, cache, copy))
        for fmt in request.formats:
            name = artifact_name(report, edition, fmt, copy)
            temp = staging / name
            with _timed(result, fmt):
                _writer(fmt, request.templates)(document, temp)
            _set_default_mode(temp)
            if edition == "openbaar":
                with _timed(result, "leak-check"):
                    guard = guard or _LeakGuard(report, cache / "charts")
                    guard.assert_clean(temp)
            staged.append((temp, request.out_dir / name))
    return staged


@dataclass(frozen=True)
class _Task:
    """One artifact to write in a worker: its document, format, staging and final path."""

    document: t.Document
    edition: Edition
    fmt: str
    temp: Path
    final: Path
    templates: Path | None = None


_TASKS: list[_Task] = []  # handed to forked workers by inheritance, not by pickling
_GUARD: list[_LeakGuard] = []


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _build_parallel(report: Report, request: BuildRequest, cache: Path, staging: Path,
                    result: BuildResult) -> list[tuple[Path, Path]]:
    """Compose every edition here, then write each artifact in its own forked process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    tasks: list[_Task] = []
    for edition in request.editions:
        copies: Sequence[int | None] = (request.copies if request.copies
                                        and edition != "openbaar" else [None])
        for copy in copies:
            with _timed(result, "compose"):
                document = compose_document(report, edition, options=_options(request, cache,
                                                                              copy))
            for fmt in request.formats:
                name = artifact_name(report, edition, fmt, copy)
                tasks.append(_Task(document, edition, fmt, staging / name,
                                   request.out_dir / name, request.templates))
    if "openbaar" in request.editions:
        with _timed(result, "leak-check"):
            _GUARD[:] = [_LeakGuard(report, cache / "charts")]
    # the slowest first: PDFs, and the public edition (the largest, and leak-checked)
    order = sorted(range(len(tasks)), key=lambda i: (tasks[i].fmt != "pdf",
                                                     tasks[i].edition != "openbaar"))
    _TASKS[:] = tasks
    progress = _Progress(len(tasks))
    try:
        with ProcessPoolExecutor(max_workers=min(request.jobs, len(tasks)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_write_task, i): i for i in order}
            for future in as_completed(futures):
                timings, error = future.result()
                if error is not None:
                    raise BuildError(error)
                for stage, seconds in timings.items():
                    result.timings[stage] = result.timings.get(stage, 0.0) + seconds
                progress.done(tasks[futures[future]])
    finally:
        _TASKS.clear()
        _GUARD.clear()
        progress.close()
    return [(task.temp, task.final) for task in tasks]


def _write_task(index: int) -> tuple[dict[str, float], str | None]:
    """In a worker: write one artifact, leak-check it if public; timings or the error."""
    task = _TASKS[index]
    partial = BuildResult()
    try:
        with _timed(partial, task.fmt):
            _writer(task.fmt, task.templates)(task.document, task.temp)
        _set_default_mode(task.temp)
        if task.edition == "openbaar":
            with _timed(partial, "leak-check"):
                _GUARD[0].assert_clean(task.temp)
    except StandgenError as exc:  # not every error type survives pickling: send its text
        return partial.timings, str(exc)
    return partial.timings, None


class _Progress:
    """Artifacts finished so far, on one line of stderr when it is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.count = total, 0
        self.shown = sys.stderr.isatty()
        self.started = time.perf_counter()
        self._show("")

    def _show(self, what: str) -> None:
        if self.shown:
            elapsed = time.perf_counter() - self.started
            sys.stderr.write(f"\r\033[Kstandgen: {self.count}/{self.total} artifacts "
                             f"({elapsed:.1f} s){what}")
            sys.stderr.flush()

    def done(self, task: _Task) -> None:
        """One more artifact is written (and checked)."""
        self.count += 1
        self._show(f", last {task.edition} {task.fmt}")

    def close(self) -> None:
        """End the progress line."""
        if self.shown:
            sys.stderr.write("\n")


def _options(request: BuildRequest, cache: Path, copy: int | None) -> ComposeOptions:
    return ComposeOptions(chart_dir=cache / "charts", templates=request.templates,
                          jobs=request.jobs, copy_number=str(copy) if copy else None,
                          extra_marking=request.extra_marking)


def _set_default_mode(path: Path) -> None:
    """Give a staged artifact the permissions of a normally created file (umask applied)."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)


class _LeakGuard:
    """The confidential candidates of a source, gathered once, checked against artifacts."""

    def __init__(self, report: Report, chart_dir: Path) -> None:
        self.report = report
        self.levels = load_levels()
        self.candidates = confidential_candidates(report, self.levels)
        self.charts = confidential_chart_hashes(report, self.levels, chart_dir)

    def assert_clean(self, path: Path) -> None:
        """Remove the artifact and fail the build if it holds anything confidential."""
        leaks = check_artifact(path, self.report, self.levels, self.candidates, self.charts)
        if leaks:
            path.unlink(missing_ok=True)
            listed = "\n".join(f"  - {leak}" for leak in leaks[:20])
            raise BuildError(f"the public artifact {path.name} contains confidential content "
                             f"and was removed:\n{listed}")


@contextmanager
def _staging(out_dir: Path) -> Iterator[Path]:
    """A private folder in the output folder (same file system: os.replace is atomic).

    Staging folders left behind by killed builds (older than this one, and their process
    gone) are removed first."""
    path = Path(tempfile.mkdtemp(prefix=f".standgen-staging-{os.getpid()}-", dir=out_dir))
    for stale in out_dir.glob(".standgen-staging-*"):
        owner = stale.name.split("-")[2]
        try:
            older = stale != path and stale.stat().st_mtime <= path.stat().st_mtime
            if older and not (owner.isdigit() and _alive(int(owner))):
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            continue
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id exists (then its staging folder may be in use)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _write_register(request: BuildRequest, report: Report, artifacts: list[Path]) -> Path:
    """The register of numbered copies (exemplaren): number, file, sha256, recipient."""
    lines = ["exemplaar;bestand;sha256;ontvanger"]
    for path in artifacts:
        match = re.search(r"-exemplaar-(\d+)\.", path.name)
        if match:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{int(match.group(1))};{path.name};{digest};")
    register = request.out_dir / f"{slug(report.title)}-{slug(report.period)}-register.csv"
    temp = register.with_name(register.name + ".tmp")
    temp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temp, register)
    return register
