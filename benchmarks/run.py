"""Benchmark standgen against peer routes on the same content, each step a separate process.

    python benchmarks/run.py [--runs N] [--quick] [--jobs J] [--no-large]

Routes, all building the public edition and the vertrouwelijke bijlage of the reference report:
  standgen cold   standgen build, DOCX + PDF (+ leak check), empty chart cache
  standgen warm   the same again, chart cache filled
  pandoc+LO       standgen's Markdown → pandoc → DOCX → LibreOffice → PDF, plus the charts
  typst           standgen's Markdown → pandoc -t typst → typst.compile → PDF, plus the charts
The peers' charts are drawn by one matplotlib process (benchmarks/draw_charts.py).
Time is wall-clock per process (medians over runs); memory is the peak RSS of the largest
process (os.wait4); CPU is user + system seconds of the process and its children.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from standgen.resources import user_cache_dir

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"
EDITIONS = ("openbaar", "bijlage")
BENCH = Path(__file__).resolve().parent
STAGES = ("load", "validate", "compose", "docx", "pdf", "leak-check")


@dataclass
class Sample:
    """One process run: wall seconds, CPU seconds, peak RSS (MB), stage timings."""

    wall: float
    cpu: float
    rss_mb: float
    stages: dict[str, float] = field(default_factory=dict)


def run(cmd: list[str], cwd: Path | None = None) -> Sample:
    """Run one process to completion and measure it with os.wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            out.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{text[-3000:]}"
                             f"{out.read().decode('utf-8', 'replace')[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                  _stages(text))


def _stages(stderr: str) -> dict[str, float]:
    """Stage timings printed by `standgen build --timings` ('     pdf:   1.23 s')."""
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        name, sep, rest = line.strip().partition(":")
        if sep and name in (*STAGES, "charts") and rest.strip().endswith(" s"):
            found[name] = float(rest.strip()[:-2])
    return found


def combine(samples: list[Sample]) -> Sample:
    """Steps of one route run one after another: times add, peak memory is the largest."""
    return Sample(sum(s.wall for s in samples), sum(s.cpu for s in samples),
                  max(s.rss_mb for s in samples))


class Bench:
    """The commands of every route, with their working folders."""

    def __init__(self, work: Path, report: Path, jobs: int) -> None:
        self.work, self.report, self.jobs = work, report, jobs
        self.python = sys.executable
        self.typst_pandoc = _typst_pandoc()
        self.profile = f"file://{work / 'lo-profile'}"

    def standgen(self, out: Path, cold: bool = False, report: Path | None = None) -> Sample:
        """One standgen build of both editions, DOCX and PDF; `cold` starts without the
        output folder and without standgen's chart and report cache (`standgen/build` in the
        user's cache folder). The
        chart-font copies in the user's cache are kept, as matplotlib's own font cache is:
        they are made once per machine (`first_font_copies` measures that)."""
        if cold:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(user_cache_dir() / "build", ignore_errors=True)
        cmd = [self.python, "-m", "standgen.cli", "build", str(report or self.report), "--out",
               str(out), "--timings", "--jobs", str(self.jobs)]
        for edition in EDITIONS:
            cmd += ["--edition", edition]
        return run(cmd)

    def standgen_edited(self, number: int) -> Sample:
        """A build right after one chapter of a copy of the reference was changed (a YAML
        comment added): the report is read again, as in a drafting loop without `standgen
        watch`; the charts, whose data did not change, come from the cache."""
        source = self.work / "edited-src"
        if not source.is_dir():
            shutil.copytree(self.report.parent, source)
        with (source / "hoofdstuk-2.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"# benchmark change {number}\n")
        return self.standgen(self.work / "edited-out", report=source / self.report.name)

    def prepare(self) -> None:
        """Untimed: standgen's bytecode, Markdown of both editions, the peers' chart list, a
        LibreOffice profile."""
        compile_standgen()
        md = self.work / "md"
        cmd = [self.python, "-m", "standgen.cli", "build", str(self.report), "--out", str(md),
               "--format", "md"]
        for edition in EDITIONS:
            cmd += ["--edition", edition]
        run(cmd)
        self.markdown = sorted(md.glob("*.md"))
        run([self.python, str(BENCH / "draw_charts.py"), "prepare", str(self.report),
             str(self.work / "charts.pickle")])
        warm = self.work / "lo-warm"
        self.charts(warm)
        self.pandoc_lo(warm)  # the first LibreOffice start creates its profile

    def charts(self, into: Path) -> Sample:
        """The peers' chart step: a fresh matplotlib process drawing every chart."""
        shutil.rmtree(into, ignore_errors=True)
        into.mkdir(parents=True)
        for md in self.markdown:
            shutil.copy2(md, into / md.name)
        return run([self.python, str(BENCH / "draw_charts.py"), "draw",
                    str(self.work / "charts.pickle"), str(into)])

    def pandoc_lo(self, folder: Path) -> Sample:
        """Markdown → DOCX (pandoc) → PDF (LibreOffice headless), for each edition."""
        steps = []
        for md in self.markdown:
            docx = folder / f"{md.stem}.docx"
            steps.append(run(["pandoc", md.name, "-o", docx.name], cwd=folder))
            steps.append(run(["soffice", f"-env:UserInstallation={self.profile}", "--headless",
                              "--convert-to", "pdf", "--outdir", str(folder / "lo"),
                              str(docx)], cwd=folder))
        return combine(steps)

    def typst(self, folder: Path) -> Sample:
        """Markdown → Typst (pandoc) → PDF (the typst package's compiler), for each edition."""
        steps = []
        code = "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2])"
        for md in self.markdown:
            typ = folder / f"{md.stem}.typ"
            steps.append(run([self.typst_pandoc, md.name, "-t", "typst", "-s", "-o", typ.name],
                             cwd=folder))
            steps.append(run([self.python, "-c", code, typ.name, f"{md.stem}.typst.pdf"],
                             cwd=folder))
        return combine(steps)


def compile_standgen() -> None:
    """Byte-compile standgen's modules, as `pip install` does for an installed package (the
    peers' Python packages are compiled too). An editable checkout run with
    PYTHONDONTWRITEBYTECODE set, as on the machine of RESULTS.md, would otherwise compile
    every standgen module again in every process of every build."""
    import compileall

    import standgen

    compileall.compile_dir(Path(standgen.__file__).parent, quiet=1)


def first_font_copies() -> float:
    """Seconds a process takes to make the chart-font copies on a machine without them
    (import of fontTools included), in a throw-away cache folder."""
    code = ("import time; t = time.perf_counter(); "
            "from standgen.charts.fonts import FONT_FILES, chart_copy, font_cache; "
            "from standgen.resources import template_path; "
            "[chart_copy(template_path('fonts/' + n), font_cache()) for n in FONT_FILES]; "
            "print(time.perf_counter() - t)")
    with tempfile.TemporaryDirectory() as cache:
        found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               env={**os.environ, "XDG_CACHE_HOME": cache}, check=True)
    return float(found.stdout)


def watch_rebuilds(work: Path, jobs: int, count: int) -> list[tuple[float, float]]:
    """`standgen watch` on a copy of the reference: after the first build, change one
    chapter `count` times; per rebuild, the seconds from saving the file to the rebuild's
    report line (polling included) and the rebuild's own seconds as standgen reports it."""
    source = work / "watch-src"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(REFERENCE.parent, source)
    cmd = [sys.executable, "-m", "standgen.cli", "watch", str(source / "report.yaml"),
           "--out", str(work / "watch-out"), "--jobs", str(jobs)]
    for edition in EDITIONS:
        cmd += ["--edition", edition]
    process = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               text=True, start_new_session=True)
    assert process.stderr is not None
    try:
        _built_line(process.stderr)
        found = []
        chapter = source / "hoofdstuk-2.yaml"
        for number in range(count):
            time.sleep(0.5)
            with chapter.open("a", encoding="utf-8") as handle:
                handle.write(f"# benchmark change {number}\n")
            saved = time.perf_counter()
            inside = _built_line(process.stderr)
            found.append((time.perf_counter() - saved, inside))
        return found
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=30)  # reads what it still writes, so it never blocks
        except subprocess.TimeoutExpired:
            print("standgen watch did not stop within 30 s of SIGTERM; killed",
                  file=sys.stderr)
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _built_line(stream: IO[str]) -> float:
    """Read standgen watch's output up to its next 'built … in X s' line; X."""
    for line in stream:
        match = re.search(r"built \d+ artifact\(s\) in ([\d.]+) s", line)
        if match:
            return float(match.group(1))
        if "nothing written" in line:
            raise SystemExit(f"standgen watch failed: {line}")
    raise SystemExit("standgen watch ended early")


def _typst_pandoc() -> str:
    """A pandoc that writes Typst (3.1.2 or later): the system one, or pypandoc-binary's."""
    system = shutil.which("pandoc")
    if system and "typst" in subprocess.run([system, "--list-output-formats"],
                                            capture_output=True, text=True).stdout.split():
        return system
    try:
        import pypandoc  # type: ignore[import-untyped]

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as exc:
        raise SystemExit("no pandoc with a Typst writer; run benchmarks/setup.sh") from exc


def one_round(bench: Bench, results: dict[str, list[Sample]]) -> None:
    """Every route once, interleaved so that machine noise falls on all of them alike."""
    out = bench.work / "standgen-out"
    results.setdefault("standgen cold", []).append(bench.standgen(out, cold=True))
    results.setdefault("standgen warm", []).append(bench.standgen(out))
    edited = results.setdefault("standgen warm, one chapter edited", [])
    edited.append(bench.standgen_edited(len(edited)))
    folder = bench.work / "peer"
    results.setdefault("charts (matplotlib)", []).append(bench.charts(folder))
    results.setdefault("pandoc+LO (no charts)", []).append(bench.pandoc_lo(folder))
    results.setdefault("typst (no charts)", []).append(bench.typst(folder))


def median(samples: list[Sample]) -> Sample:
    """The median of each measure over runs (stage times too)."""
    stages = {k: statistics.median(s.stages.get(k, 0.0) for s in samples)
              for k in samples[0].stages}
    return Sample(statistics.median(s.wall for s in samples),
                  statistics.median(s.cpu for s in samples),
                  max(s.rss_mb for s in samples), stages)


def machine_facts() -> list[str]:
    """What the numbers were measured on."""
    try:
        from reportlab.lib import rl_accel

        accel = "yes" if getattr(rl_accel.fp_str, "__module__", "") == "_rl_accel" else "no"
    except ImportError:
        accel = "unknown"
    pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout
    soffice = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout
    load = os.getloadavg()
    return [f"- CPU: {_cpu_name()}, {os.cpu_count()} cores; load average at start "
            f"{load[0]:.2f}",
            f"- Python {platform.python_version()} on {platform.platform()}",
            f"- pandoc (DOCX route) {pandoc.split()[1] if pandoc else '?'}; "
            f"{soffice.strip() or 'LibreOffice ?'}; reportlab C accelerator: {accel}"]


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def report(results: dict[str, Sample], large: dict[str, Sample], args: argparse.Namespace,
           charts_count: int, rebuilds: list[tuple[float, float]]) -> str:
    """The results as Markdown."""
    lines = [f"Command: `python benchmarks/run.py {' '.join(sys.argv[1:])}`", "",
             *machine_facts(), f"- runs: {args.runs}; standgen --jobs {args.jobs}; "
             f"reference charts: {charts_count}", "",
             "| route | wall s (median) | CPU s | peak RSS MB |", "| --- | ---: | ---: | ---: |"]
    charts = results["charts (matplotlib)"]
    rows = dict(results)
    rows["pandoc+LO + charts"] = combine([results["pandoc+LO (no charts)"], charts])
    rows["typst + charts"] = combine([results["typst (no charts)"], charts])
    for name, sample in rows.items():
        lines.append(f"| {name} | {sample.wall:.2f} | {sample.cpu:.2f} | {sample.rss_mb:.0f} |")
    lines += ["", "Stages of the standgen builds (median seconds, summed over editions and "
              "processes):", "", "| build | " + " | ".join(STAGES) + " |",
              "| --- |" + " ---: |" * len(STAGES)]
    for name in ("standgen cold", "standgen warm", "standgen warm, one chapter edited",
                 *large):
        sample = results.get(name) or large[name]
        lines.append(f"| {name} | " + " | ".join(f"{sample.stages.get(s, 0.0):.2f}"
                                                for s in STAGES) + " |")
    cold, warm = results["standgen cold"].wall, results["standgen warm"].wall
    targets = [("cold / (pandoc+LO + charts)", cold / rows["pandoc+LO + charts"].wall, 0.5),
               ("cold / (typst + charts)", cold / rows["typst + charts"].wall, 1.0),
               ("warm / typst (no charts)", warm / results["typst (no charts)"].wall, 1.0)]
    lines += ["", "| ratio | value | target | met |", "| --- | ---: | ---: | --- |"]
    for name, value, target in targets:
        met = "yes" if value <= target else "no"
        lines.append(f"| {name} | {value:.2f} | ≤ {target} | {met} |")
    edited = results["standgen warm, one chapter edited"].wall / results["typst (no charts)"].wall
    lines.append(f"| warm, one chapter edited / typst (no charts) | {edited:.2f} | – | – |")
    peak = max(results["standgen cold"].rss_mb, results["standgen warm"].rss_mb)
    lines.append(f"| peak RSS, reference (MB) | {peak:.0f} | ≤ 300 | "
                 f"{'yes' if peak <= 300 else 'no'} |")
    if large:
        big = large["large ×10 cold"]
        ratio = big.wall / results["standgen cold"].wall
        lines.append(f"| ×10 report: time / reference (cold) | {ratio:.1f} | ≤ 11 | "
                     f"{'yes' if ratio <= 11 else 'no'} |")
        lines.append(f"| ×10 report: peak RSS (MB) | {big.rss_mb:.0f} | ≤ 1024 | "
                     f"{'yes' if big.rss_mb <= 1024 else 'no'} |")
        lines += ["", "| ×10 report | wall s | CPU s | peak RSS MB |",
                  "| --- | ---: | ---: | ---: |"]
        for name, sample in large.items():
            lines.append(f"| {name} | {sample.wall:.2f} | {sample.cpu:.2f} | "
                         f"{sample.rss_mb:.0f} |")
    if rebuilds:
        lines += ["", f"`standgen watch` (--jobs {args.jobs}), {len(rebuilds)} rebuilds after a "
                  "change to one chapter, median seconds:", "",
                  "| from saving to done (polling included) | rebuild itself |",
                  "| ---: | ---: |",
                  f"| {statistics.median(r[0] for r in rebuilds):.2f} | "
                  f"{statistics.median(r[1] for r in rebuilds):.2f} |"]
    return "\n".join(lines)


def run_large(work: Path, jobs: int) -> dict[str, Sample]:
    """Build the ten-times report cold and warm (one run each)."""
    sys.path.insert(0, str(BENCH))
    from make_large import make_large

    source = make_large(REFERENCE, work / "large-src", 10)
    bench = Bench(work, source, jobs)
    out = work / "large-out"
    return {"large ×10 cold": bench.standgen(out, cold=True),
            "large ×10 warm": bench.standgen(out)}


def main(argv: list[str] | None = None) -> int:
    """Run every route --runs times and print the medians, ratios and stage times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run, no ×10 report")
    parser.add_argument("--jobs", type=int, default=2, help="standgen build --jobs")
    parser.add_argument("--no-large", action="store_true", help="skip the ×10 report")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="standgen-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        bench = Bench(work, REFERENCE, args.jobs)
        bench.prepare()
        collected: dict[str, list[Sample]] = {}
        for number in range(args.runs):
            one_round(bench, collected)
            print(f"run {number + 1}/{args.runs} done", file=sys.stderr)
        results = {name: median(samples) for name, samples in collected.items()}
        large = {} if args.quick or args.no_large else run_large(work, args.jobs)
        rebuilds = watch_rebuilds(work, args.jobs, max(3, args.runs))
        fonts = first_font_copies()
        import pickle

        count = len(pickle.loads((work / "charts.pickle").read_bytes()))
        print(report(results, large, args, count, rebuilds))
        print(f"\nOnce per machine, the chart-font copies took {fonts:.2f} s (kept in "
              "$XDG_CACHE_HOME/standgen/fonts, as matplotlib keeps its font cache).")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
