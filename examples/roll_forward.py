"""Start the next edition from the last one: roll the reference report forward.

Writes the sources of the najaar 2026 edition (YAML and data files, every new-year value
marked `te leveren`, every narrative block marked TE HERZIEN) into out/najaar-2026/, lists
what is still to be filled in, and prints the structural changes against the previous
edition as sentences for the "Rapportage in ontwikkeling" paragraph.

    python examples/roll_forward.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from standgen.draft import DraftError, changes_between, roll_forward
from standgen.load import load_report
from standgen.validate import validate_report

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "fixtures" / "stand-van-defensie-voorjaar-2026" / "report.yaml"


def main(out_dir: Path) -> int:
    """Roll forward, validate the draft, and print the change list."""
    try:
        result = roll_forward(REFERENCE, out_dir, "najaar 2026")
    except DraftError as exc:
        print(f"roll_forward: {exc}", file=sys.stderr)
        return 2
    print(f"{result.previous_period} -> {result.period} (report year {result.report_year}): "
          f"{len(result.files)} files in {out_dir}")
    print(f"  {len(result.extended_tables)} tables extended, {result.missing_cells} values "
          f"te leveren, {result.marked_blocks} text blocks marked TE HERZIEN")
    if result.kept_tables:
        print(f"  copied as they are (no year series): {', '.join(result.kept_tables)}")
    for note in result.notes:
        print(f"  note: {note}")
    draft = load_report(result.report)
    problems = validate_report(draft)
    print(f"  validation: {dict(Counter(p.code for p in problems))}")
    changes = changes_between(load_report(REFERENCE), draft)
    print(f"Changes against {result.previous_period}: {len(changes) or 'none'}")
    for change in changes:
        print(f"  - {change.text}")
    return 1 if problems.errors else 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / "najaar-2026"
    sys.exit(main(target))
