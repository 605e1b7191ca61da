"""Run N generated hostile sources through `standgen build` (fresh random examples) and
print the tally of exit statuses; the first failing example's files and output are shown.

Usage: python scripts/fuzz_hostile.py N
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from tests.hostile.hostile_sources import hostile_sources  # noqa: E402
from tests.hostile.test_fuzz_hostile import check_one  # noqa: E402


def run(count: int) -> Counter[str]:
    """Check `count` generated sources; the tally of outcomes."""
    tally: Counter[str] = Counter()

    @settings(max_examples=count, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(hostile_sources())
    def one(files: dict[str, str]) -> None:
        try:
            check_one(files)
            tally["clean"] += 1
        except AssertionError as exc:
            tally["failed"] += 1
            if tally["failed"] == 1:
                print(files, "\n", str(exc)[:3000], file=sys.stderr)

    one()
    return tally


if __name__ == "__main__":
    print(dict(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100)))
