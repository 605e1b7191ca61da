"""Build N generated reports (fresh random examples) and print what went wrong, by kind.

Usage: python scripts/fuzz_reports.py N [--keep DIR]

Each report is built in every edition as DOCX and PDF and checked as in the property tests
(qpdf --check, DOCX read-back against the composed tree, leak check of public editions).
Counts: built (no problem at all), failures (a refusal or a failed check), tracebacks
(an exception that is not a standgen error: a crash), partial files (anything besides the
artifacts left in the output folder) and leaks. Failing examples are saved under --keep.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from tests.property.checks import build_and_check  # noqa: E402
from tests.property.strategies import reports  # noqa: E402

from standgen.errors import StandgenError  # noqa: E402


def run(count: int, keep: Path | None) -> Counter[str]:
    """Build `count` generated reports; the tally of outcomes."""
    tally: Counter[str] = Counter()

    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(reports())
    def one(data: dict[str, Any]) -> None:
        folder = Path(tempfile.mkdtemp(prefix="standgen-fuzz-"))
        kind, detail = "built", ""
        try:
            outcome = build_and_check(data, folder)
            tally["leaks"] += outcome.leaks
            if outcome.failures:
                kind, detail = "failures", outcome.failures[0]
                if any("left in the output folder" in f for f in outcome.failures):
                    tally["partial files"] += 1
        except StandgenError as exc:
            kind, detail = "failures", str(exc).splitlines()[0]
        except Exception:
            kind, detail = "tracebacks", traceback.format_exc()
        tally[kind] += 1
        tally["examples"] += 1
        if kind != "built":
            print(f"[{kind}] {detail[:2000]}", file=sys.stderr)
            if keep is not None:
                shutil.copytree(folder, keep / f"{kind}-{tally['examples']:05d}",
                                ignore=shutil.ignore_patterns("out"))
        shutil.rmtree(folder, ignore_errors=True)

    one()
    return tally


def main() -> int:
    """Parse the arguments, run the fuzzer, print the counts; exit 1 on any problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--keep", type=Path, help="save failing examples' sources here")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    tally = run(args.count, args.keep)
    for key in ("examples", "built", "failures", "tracebacks", "partial files", "leaks"):
        print(f"{key:>14}: {tally[key]}")
    bad = tally["failures"] + tally["tracebacks"] + tally["partial files"] + tally["leaks"]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
