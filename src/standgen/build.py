"""The whole pipeline: load, validate, select each edition, compose, write, check for leaks.

Artifacts are written into a staging folder inside the output folder and moved into place
only when complete and (for public editions) proven free of confidential content, so a
failed or interrupted build never leaves a partial file or touches an older output.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import gc
import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from standgen.edition.levels import EDITIONS, Edition
from standgen.errors import BuildError, Problem, Problems, SourceError
from standgen.files import write_bytes_atomically
from standgen.leaks.guard import LeakGuard
from standgen.outputs import check_output_folder, files_read, refuse_overwriting, writing
from standgen.workers import Pools, TaskRunner, WriteTask, running, start_pools
from standgen.write import check_format, writer_for

if TYPE_CHECKING:
    from standgen.compose import tree as t
    from standgen.compose.document import ComposeOptions
    from standgen.compose.templating import TextTemplates
    from standgen.load.cache import Entry
    from standgen.model.report import Report
    from standgen.model.settings import PagePolicy

MAX_TITLE_SLUG = 120
EDITION_SUFFIX = {"openbaar": "openbare-versie", "vertrouwelijk": "vertrouwelijk",
                  "bijlage": "vertrouwelijke-bijlage"}


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
    theme: str | None = None
    """A theme name or file (--theme); overrides report.yaml's `theme:`."""
    new_page: tuple[str, ...] | None = None


@dataclass
class BuildResult:
    """What a build wrote, what it found, and how long each stage took (seconds)."""

    artifacts: list[Path] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    timings: dict[str, float] = field(default_factory=dict)
    notices: list[Problem] = field(default_factory=list)

    def note(self, document: t.Document) -> None:
        """Keep what composing a document found (each finding once over the editions)."""
        for notice in document.notices:
            if notice not in self.notices:
                self.notices.append(notice)


def slug(text: str) -> str:
    """A file-name-safe, lower-case form of a title."""
    text = text.lower().translate(str.maketrans("ëïéèêáàöüç", "eieeeaaouc"))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def artifact_name(report: Report, edition: Edition, fmt: str, copy: int | None = None,
                  templates: Path | None = None) -> str:
    """The file name of one artifact, from the templates' `titles.file_name` and `files`;
    it states the edition (and copy number)."""
    from standgen.compose.titles import report_title

    texts = _texts(templates)
    name = slug(report_title(texts, report, "file_name"))[:MAX_TITLE_SLUG + 41].strip("-")
    suffix = slug(texts.render("files", edition)) or EDITION_SUFFIX[edition]
    base = f"{name or 'rapport'}-{suffix}"
    if copy is not None:
        base += f"-{copy_part(texts, copy)}"
    return f"{base}.{fmt}"


def copy_part(texts: TextTemplates, copy: int) -> str:
    """The copy's part of a file name (`files.exemplaar`: exemplaar-01); the text must
    hold the number, or the copies would overwrite each other."""
    before, after = texts.split("files", "exemplaar", ("n",))
    return slug(f"{before}{copy:02d}{after}")


@functools.lru_cache(maxsize=8)
def _texts(templates: Path | None) -> TextTemplates:
    from standgen.compose.templating import TextTemplates

    return TextTemplates(templates)


def report_templates(report: Report, given: Path | None) -> Path | None:
    """The templates folder: the command line's, else the report's own."""
    from standgen.compose.templating import templates_folder

    return templates_folder(report, given)


@contextmanager
def _timed(result: BuildResult, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        result.timings[stage] = result.timings.get(stage, 0.0) + time.perf_counter() - start


def load(source: Path, result: BuildResult, cache: Path | None = None
         ) -> tuple[Report, Entry | None]:
    """Load the report (from `cache` when the sources are unchanged); also the cache entry
    to store once the build has succeeded (None when the report came from the cache)."""
    with _timed(result, "load"):
        if cache is not None:
            from standgen.load.cache import load_cached  # imported only now, after a
                                                          # parallel build's workers started
            return load_cached(source, cache)
        from standgen.load import load_report

        return load_report(source), None


def accept(report: Report, request: BuildRequest, result: BuildResult) -> None:
    """Validate the report for this build: raise SourceError when errors (or warnings
    under strict) remain, and BuildError when a final build still lacks values."""
    from standgen.validate import validate_report

    with _timed(result, "validate"):
        problems = validate_report(report)
        if not problems.errors:
            problems.extend(_abbreviation_problems(report, request.editions))
    result.problems = problems
    blocking = problems.errors + (problems.warnings if request.strict else [])
    if blocking:
        raise SourceError(blocking)
    if not (request.concept or report.concept):
        _refuse_missing_values(problems)


def _abbreviation_problems(report: Report, editions: tuple[Edition, ...]) -> list[Problem]:
    """The abbreviation list checked against the text of the editions being built."""
    from standgen.edition.abbreviations import edition_abbreviation_problems

    return edition_abbreviation_problems(report, editions)


def build(request: BuildRequest, pools: Pools | None = None) -> BuildResult:
    """Run the pipeline for every requested edition and format; in `pools` when given (a
    watching process keeps its workers between builds), else in workers of its own.

    A parallel build composes the public edition and hands it to the writers before it
    validates the report, so that validating overlaps writing; nothing is moved into the
    output folder unless the report passes."""
    for edition in request.editions:
        if edition not in EDITIONS:
            raise BuildError(f"unknown edition {edition!r}; use one of {', '.join(EDITIONS)}")
    for fmt in request.formats:
        check_format(fmt)
    check_output_folder(request.out_dir)
    result = BuildResult()
    cache = cache_folder(request)
    with _pool(request, cache, pools) as pools, _fewer_collections(pools is not None):
        report, entry = load(request.source, result, cache / "model")
        request = replace(request, templates=report_templates(report, request.templates))
        request = replace(request, theme=str(report_theme(request, report)))
        checked = functools.partial(accept, report, request, result)
        if pools is None:
            checked()
        if request.concept or report.concept:
            request = replace(request, extra_marking=(*request.extra_marking,
                                                      concept_marking(
                                                          report, request.templates)))
        refuse_overwriting(_targets(report, request),
                           files_read(report, request.source, request.templates))
        with writing(request.out_dir), _output_folder(request.out_dir), \
                _staging(request.out_dir) as staging:
            staged: list[tuple[Path, Path]] = []
            if pools is not None:
                staged = _build_parallel(report, request, cache, staging, result, pools,
                                         checked)
            else:
                for edition in request.editions:
                    staged += _build_edition(report, edition, request, cache, staging, result)
            for temp, final in staged:
                _publish(temp, final)
                result.artifacts.append(final)
        if entry is not None:  # kept only once the build has succeeded
            from standgen.load.cache import store

            store(cache / "model", entry)
    if request.copies:
        with writing(request.out_dir):
            result.artifacts.append(_write_register(request, report, result.artifacts))
    result.problems.extend(result.notices)
    return result


def report_theme(request: BuildRequest, report: Report) -> Path:
    """The build's theme file: --theme, else report.yaml's `theme:`, else the default."""
    from standgen.theme.select import choose_theme

    source = request.source
    return choose_theme(request.theme, report.theme, report.loc("theme", "theme"),
                        source if source.is_dir() else source.parent)


def _theme_path(request: BuildRequest) -> Path | None:
    return Path(request.theme) if request.theme else None


def _targets(report: Report, request: BuildRequest) -> list[Path]:
    """Every path a build of `request` writes."""
    names = [artifact_name(report, edition, fmt, copy, request.templates)
             for edition in request.editions
             for copy in _copies(request, edition) for fmt in request.formats]
    if request.copies:
        names.append(_register_name(report, request.templates))
    return [request.out_dir / name for name in names]


def _register_name(report: Report, templates: Path | None) -> str:
    from standgen.compose.titles import report_title

    name = slug(report_title(_texts(templates), report, "file_name"))
    register = slug(_texts(templates).render("files", "register")) or "register"
    return f"{name or 'rapport'}-{register}.csv"


def cache_folder(request: BuildRequest) -> Path:
    """Where a build caches charts and loaded reports: the request's `cache_dir`, else the
    user's own cache folder. Never beside the artifacts: confidential charts and the
    confidential parts of a report are cached too, and an output folder is what is handed
    on."""
    from standgen.resources import user_cache_dir

    if request.cache_dir is not None:
        return request.cache_dir
    folder = user_cache_dir() / "build"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK | os.X_OK):
            return folder
    except OSError:
        pass
    return _private_cache()


@functools.lru_cache(maxsize=1)
def _private_cache() -> Path:
    """A cache for this process only, removed at exit, when the user's cache folder cannot
    be written (a read-only home, say): builds work, they only do not reuse charts."""
    folder = Path(tempfile.mkdtemp(prefix="standgen-cache-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


@contextmanager
def _pool(request: BuildRequest, cache: Path, given: Pools | None) -> Iterator[Pools | None]:
    """The build's worker processes, started before loading; stopped however it ends.
    With no chart cache yet, they load matplotlib too: charts will be drawn first."""
    if given is not None:
        yield given
        return
    charts = cache / "charts"
    cold = not charts.is_dir() or next(charts.iterdir(), None) is None
    with running(start_pools(request.jobs, request.formats, charts=cold)) as pools:
        yield pools


def concept_marking(report: Report, templates: Path | None = None) -> str:
    """The concept line: CONCEPT, the build date and the version of the source's content.

    The date is today's, or SOURCE_DATE_EPOCH's when set (for reproducible concept builds).
    """

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = (dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch and epoch.isdigit()
           else dt.date.today())
    digest = hashlib.sha256(report.model_dump_json().encode("utf-8")).hexdigest()[:12]
    texts = _texts(templates)
    return texts.render("words", "concept", datum=texts.numbers().long_date(day),
                        versie=digest)


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
    staged: list[tuple[Path, Path]] = []
    guard: LeakGuard | None = None
    for copy in _copies(request, edition):
        with _timed(result, "compose"):
            document = _compose(report, edition, _options(request, cache, copy, report))
        result.note(document)
        for fmt in request.formats:
            name = artifact_name(report, edition, fmt, copy, request.templates)
            temp = staging / name
            with _timed(result, fmt):
                writer_for(fmt, request.templates, _theme_path(request))(document, temp)
            if edition == "openbaar":
                with _timed(result, "leak-check"):
                    guard = guard or LeakGuard.for_report(report, cache / "charts",
                                                          {edition: document},
                                                          request.templates)
                    guard.assert_clean(temp)
            staged.append((temp, request.out_dir / name))
    return staged


def _publish(temp: Path, final: Path) -> None:
    """Move a staged artifact into the output folder; a Markdown artifact's figure folder
    goes with it and replaces the one of an earlier build (no stale image stays linked)."""
    os.replace(temp, final)
    if final.suffix != ".md":
        return
    from standgen.write.markdown import figure_folder

    staged, target = figure_folder(temp), figure_folder(final)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    if staged.is_dir():
        os.replace(staged, target)


def _copies(request: BuildRequest, edition: Edition) -> Sequence[int | None]:
    """The numbered copies of an edition (None: one unnumbered; public is never numbered)."""
    return request.copies if request.copies and edition != "openbaar" else [None]


def _build_parallel(report: Report, request: BuildRequest, cache: Path, staging: Path,
                    result: BuildResult, pools: Pools, checked: Callable[[], None]
                    ) -> list[tuple[Path, Path]]:
    """Compose each edition here, the public one first, and hand every artifact to a worker
    as soon as its edition is composed; charts are drawn by the same workers. The report
    is `checked` once the first edition is with the writers (or as soon as composing it
    fails: a report that does not validate is reported as such)."""
    tasks: list[tuple[tuple[int, int, int], WriteTask]] = []  # (sequential order, task)
    composed: dict[Edition, t.Document] = {}  # one of each edition, for the leak check
    progress = _Progress(sum(len(_copies(request, e)) for e in request.editions)
                         * len(request.formats))
    runner = TaskRunner(pools, progress.done, result.timings)
    editions = sorted(request.editions, key=lambda e: e != "openbaar")
    unchecked = True
    try:
        for edition in editions:
            for copy_index, copy in enumerate(_copies(request, edition)):
                with _timed(result, "compose"):
                    options = replace(_options(request, cache, copy, report),
                                      executor=pools.chart_executor)
                    document = _compose_checked(report, edition, options,
                                                checked if unchecked else None)
                    composed.setdefault(edition, document)
                    result.note(document)
                    pickled = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
                for fmt in sorted(request.formats, key=lambda f: f != "pdf"):
                    name = artifact_name(report, edition, fmt, copy, request.templates)
                    task = WriteTask(pickled, edition, fmt, staging / name,
                                     request.out_dir / name, request.templates,
                                     _theme_path(request))
                    runner.write(task)
                    order = (request.editions.index(edition), copy_index,
                             request.formats.index(fmt))
                    tasks.append((order, task))
                if unchecked:
                    checked()
                    unchecked = False
        guard = None
        if "openbaar" in request.editions:
            with _timed(result, "leak-check"):
                guard = LeakGuard.for_report(report, cache / "charts", composed,
                                             request.templates)
        runner.finish(guard)
    except BaseException:
        runner.abandon()  # before the staging folder is removed under a running writer
        raise
    finally:
        progress.close()
    tasks.sort(key=lambda item: item[0])
    return [(task.temp, task.final) for _, task in tasks]


def _compose_checked(report: Report, edition: Edition, options: ComposeOptions,
                     checked: Callable[[], None] | None) -> t.Document:
    """Compose an edition of a report that may not be validated yet: when composing fails,
    the report's own problems (if any) are what the author gets to see."""
    try:
        return _compose(report, edition, options)
    except Exception:
        if checked is not None:
            checked()
        raise


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

    def done(self, task: WriteTask) -> None:
        """One more artifact is written (and checked)."""
        self.count += 1
        self._show(f", last {task.edition} {task.fmt}")

    def close(self) -> None:
        """End the progress line."""
        if self.shown:
            sys.stderr.write("\n")


def _compose(report: Report, edition: Edition, options: ComposeOptions) -> t.Document:
    from standgen.compose.document import compose_document

    return compose_document(report, edition, options=options)


def _options(request: BuildRequest, cache: Path, copy: int | None,
             report: Report | None = None) -> ComposeOptions:
    from standgen.compose.document import ComposeOptions

    policy = None if report is None else page_policy(report, _theme_path(request),
                                                     request.new_page)
    return ComposeOptions(chart_dir=cache / "charts", templates=request.templates,
                          jobs=request.jobs, copy_number=str(copy) if copy else None,
                          extra_marking=request.extra_marking, page_policy=policy,
                          theme=_theme_path(request))


def page_policy(report: Report, theme: Path | None, new_page: tuple[str, ...] | None
                ) -> PagePolicy:
    """Which parts start on a new page, each key from the highest layer that gives it: the
    command line (`new_page`: chapter and section), the report's settings, the theme file,
    the built-in default. A part's own `new_page` is above them all (compose applies it)."""
    from standgen.model.settings import PagePolicy
    from standgen.theme.load import load_theme_file

    themed = load_theme_file(theme).page_policy.written() if theme is not None else {}
    given = ({} if new_page is None else
             {"chapter": "chapter" in new_page, "section": "section" in new_page})
    return PagePolicy.layered(themed, report.settings.page_policy.written(), given)


GC_THRESHOLDS = (50_000, 20, 20)


@contextmanager
def _fewer_collections(parallel: bool) -> Iterator[None]:
    """In the parent of a `parallel` build, let the collector run less often while it
    builds, and restore its settings after. Loading and composing allocate hundreds of
    thousands of long-lived, acyclic objects: with the default thresholds the parent of a
    warm build ran the collector about 90 times (0.04-0.07 s), rescanning the model and
    every imported module; it now runs it 6 times (0.02 s). The workers, forked before,
    keep the defaults: the PDF writer's cyclic garbage is freed early (with theirs raised
    too, the ×10 report peaked at 205 MB instead of 155 MB)."""
    if not parallel:
        yield
        return
    saved = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


@contextmanager
def _output_folder(out_dir: Path) -> Iterator[None]:
    """The output folder, made when missing, and removed again when the build fails before
    anything was put in it."""
    made = not out_dir.exists()
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        yield
    except BaseException:
        if made:
            with suppress(OSError):
                out_dir.rmdir()
        raise


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
    texts = _texts(request.templates)
    parts = {f"-{copy_part(texts, copy)}.": copy for copy in request.copies}
    for path in artifacts:
        copy = next((n for part, n in parts.items() if part in path.name), None)
        if copy is not None:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"{copy};{path.name};{digest};")
    register = request.out_dir / _register_name(report, request.templates)
    write_bytes_atomically(register, ("\n".join(lines) + "\n").encode("utf-8"))
    return register
