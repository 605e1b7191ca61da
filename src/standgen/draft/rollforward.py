"""Roll a report's sources forward to the next edition, into a new folder.

The whole source folder is copied to a staging folder beside the output, edited there
(period, report year and date; year columns and their cells; review marks above narrative
text) and renamed into place only when every edit has succeeded. The input is never written.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from standgen.draft.cycle import periods_of
from standgen.draft.datafiles import edit_data_file, file_row_ids
from standgen.draft.periods import DraftError, Period, placeholder_date
from standgen.draft.plan import TablePlan, plan_table
from standgen.draft.yamledit import (
    edit_table,
    mark_period_titles,
    mark_text_blocks,
    table_nodes,
)
from standgen.draft.yamlio import YamlFile, comment_before_key, read_yaml
from standgen.load import load_report
from standgen.load.yaml_source import load_yaml_tree
from standgen.model.report import Report
from standgen.model.tables import IndicatorTable
from standgen.validate.walk import walk

REVIEW_NOTE = "TE HERZIEN (overgenomen uit {period})"
DATE_NOTE = "TE HERZIEN: aangenomen datum van aanbieding ({day})"


@dataclass(frozen=True)
class RollForwardResult:
    """What a roll-forward wrote and what the report team still has to do."""

    report: Path
    previous_period: str
    period: str
    report_year: int
    files: tuple[Path, ...]
    extended_tables: tuple[str, ...]
    kept_tables: tuple[str, ...]
    missing_cells: int
    marked_blocks: int
    notes: tuple[str, ...]
    marked_titles: int = 0


@dataclass
class _Job:
    """One roll-forward in progress, working in the staging folder."""

    report: Report
    root: Path
    stage: Path
    previous: Period
    period: Period
    notes: list[str]

    def staged(self, path: Path) -> Path:
        """Where the copy of source file `path` stands in the staging folder; a path
        that resolves outside the report folder is refused (nothing outside the new
        edition's folder is ever written)."""
        resolved = path.resolve()
        if not resolved.is_relative_to(self.root):
            raise DraftError(f"{path} lies outside the report folder {self.root}; keep "
                             "every file the report names inside its folder")
        return self.stage / resolved.relative_to(self.root)


def roll_forward(source: Path, out_dir: Path, period: str | None = None
                 ) -> RollForwardResult:
    """Write the next edition's sources for `period` (None: the next of the report's
    cycle) into `out_dir` (absent or empty)."""
    main = _main_file(Path(source))
    report = load_report(main)
    previous, new = periods_of(report, period)
    root, out = main.parent, Path(out_dir).resolve()
    _check_output(out, root)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        shutil.copytree(root, stage, dirs_exist_ok=True, ignore=_not_copied(root))
        result = _run(_Job(report, root, stage, previous, new, []), main, out)
        if out.exists():
            out.rmdir()
        stage.rename(out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return result


def _not_copied(root: Path) -> Callable[[str, list[str]], set[str]]:
    """What the copy of the report folder leaves out: hidden files, caches, and anything
    that is not a regular file or folder inside the report folder once links are followed
    (reading a pipe never ends, a link to a device or out of the folder copies what is not
    the report's)."""
    hidden = shutil.ignore_patterns(".*", "__pycache__")

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = set(hidden(folder, names))
        for name in names:
            path = Path(folder) / name
            try:
                real = path.resolve()
                mode = os.stat(real).st_mode
                keep = real.is_relative_to(root) and (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
            except (OSError, RuntimeError):
                keep = False
            if not keep:
                skipped.add(name)
        return skipped

    return ignore


def _main_file(source: Path) -> Path:
    main = source / "report.yaml" if source.is_dir() else source
    if not main.is_file():
        raise DraftError(f"{source} is not a report file or a folder with report.yaml")
    return main.resolve()


def _check_output(out: Path, root: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise DraftError(f"output folder {out} exists and is not empty; choose a new folder")
    if out.is_relative_to(root) or root.is_relative_to(out):
        raise DraftError(f"output folder {out} overlaps the report folder {root}; write the "
                         "new edition next to it")


def _run(job: _Job, main: Path, out: Path) -> RollForwardResult:
    tables = {n.id: n for _, n in walk(job.report) if isinstance(n, IndicatorTable)}
    step = job.period.report_year - job.previous.report_year
    if step > 1:
        job.notes.append(f"the report year moves on by {step} years; each year series gains "
                         f"only {job.period.report_year}: add the years between by hand")
    plans = {i: p for i, t in tables.items()
             if (p := plan_table(t, job.previous.report_year, step)) is not None}
    written = set()
    file_rows: dict[str, set[str]] = {}
    for table_id, plan in plans.items():
        table = tables[table_id]
        if table.data is not None and table.source is not None and table.source.file:
            path = job.staged(table.source.file.parent / table.data)
            file_rows[table_id] = _edit_data(path, table, plan, job.notes)
            written.add(path)
    _, files = load_yaml_tree(main)
    marked = titles = 0
    named = (job.report.period, job.previous.name)
    note = REVIEW_NOTE.format(period=job.previous.name)
    for file in files:
        yaml = read_yaml(job.staged(file))
        marked += mark_text_blocks(yaml.data, note, yaml.dash_gap)
        titles += mark_period_titles(yaml.data, named, note)
        for table_id, node in table_nodes(yaml.data).items():
            if table_id in plans:
                edit_table(node, tables[table_id], plans[table_id], file_rows.get(table_id, set()))
        if file == main:
            _set_period(yaml, job)
        yaml.write()
        written.add(yaml.path)
    return RollForwardResult(
        report=out / main.relative_to(job.root), previous_period=job.previous.name,
        period=job.period.name, report_year=job.period.report_year,
        files=tuple(sorted(out / p.relative_to(job.stage) for p in written)),
        extended_tables=tuple(plans), kept_tables=tuple(t for t in tables if t not in plans),
        missing_cells=sum(p.missing for p in plans.values()), marked_blocks=marked,
        notes=tuple(job.notes), marked_titles=titles)


def _edit_data(path: Path, table: IndicatorTable, plan: TablePlan, notes: list[str]) -> set[str]:
    if not plan.new_columns and not plan.cells:
        return file_row_ids(path, table.sheet)
    return edit_data_file(path, table.sheet, table, plan, notes)


def _set_period(yaml: YamlFile, job: _Job) -> None:
    data = yaml.data
    missing = [k for k in ("period", "report_year", "date") if k not in data]
    if missing:
        job.notes.append(f"{yaml.path.name}: {', '.join(missing)} not found at the top of the "
                         "main file; set them by hand")
    data["period"] = job.period.name
    data["report_year"] = job.period.report_year
    day, why = placeholder_date(job.period, job.previous, job.report.date)
    data["date"] = day
    comment_before_key(data, "date", DATE_NOTE.format(day=why))
