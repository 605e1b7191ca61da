"""Draft a chapter programmatically from a CSV: the "reports from data" use case.

Reads the instroom figures of beroepsmilitairen that the report team keeps in a CSV, builds
the model in code (no YAML), composes the public edition and writes a DOCX and PDF. The
toelichting is a template over the table, so its numbers always agree with the table.

    python examples/draft_chapter_from_csv.py [OUT_DIR]
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

from standgen.compose import compose_document
from standgen.model import (
    Chapter,
    Column,
    Derivation,
    IndicatorTable,
    Report,
    Row,
    Section,
    TableBlock,
    TextBlock,
    Topic,
    Unit,
)
from standgen.validate import validate_report
from standgen.write.docx import write_docx
from standgen.write.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT / "fixtures/stand-van-defensie-voorjaar-2026/data/h2-instroom-beroepsmilitairen.csv"
LABELS = {"realisatie": "Realisatie instroom", "plan": "Plancijfer instroom"}


def read_series(path: Path) -> tuple[list[int], dict[str, list[Decimal]]]:
    """Years and one series per row id from the team's CSV."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    years = [int(y) for y in rows[0][1:]]
    return years, {r[0]: [Decimal(v) for v in r[1:]] for r in rows[1:] if r[0] in LABELS}


def instroom_table(years: list[int], series: dict[str, list[Decimal]]) -> IndicatorTable:
    """The KPI table; the % realisatie row is derived, so standgen computes it."""
    rows = [Row(id=key, label=LABELS[key], role=key, values=values)  # type: ignore[arg-type]
            for key, values in series.items()]
    rows.append(Row(id="pct", label="% realisatie", role="percentage",
                    unit=Unit(kind="percent", decimals=1),
                    derived=Derivation(percent_of=("realisatie", "plan"))))
    return IndicatorTable(id="instroom-bm", title="Instroom beroepsmilitairen (VTE'n)",
                          columns=[Column(year=y) for y in years], rows=rows)


def draft_report(years: list[int], series: dict[str, list[Decimal]]) -> Report:
    """A one-chapter report drafted from the data."""
    last, previous = years[-1], years[-2]
    toelichting = (
        f"De instroom van beroepsmilitairen steeg van "
        f"{{{{ waarde('instroom-bm', 'realisatie', {previous}) }}}} VTE'n in {previous} naar "
        f"{{{{ waarde('instroom-bm', 'realisatie', {last}) }}}} VTE'n in {last}; dat is "
        f"{{{{ waarde('instroom-bm', 'pct', {last}) }}}} van het plancijfer.")
    topic = Topic(id="instroom", title="Beroepsmilitairen", blocks=[
        TextBlock(kind="doelstelling", text="Defensie laat jaarlijks meer beroepsmilitairen "
                  "instromen om de groei van de organisatie mogelijk te maken."),
        TableBlock(table=instroom_table(years, series)),
        TextBlock(kind="toelichting", text=toelichting),
    ])
    chapter = Chapter(number=1, title="Vervullen personele behoefte", sections=[
        Section(number="1.1", title="Instroom en uitstroom van personeel", topics=[topic])])
    return Report(title="Stand van Defensie", subtitle="Concepthoofdstuk uit gegevens",
                  period="voorjaar 2026", report_year=last, ministry="Ministerie van Defensie",
                  date=dt.date(2026, 5, 20), rubricering="openbaar", chapters=[chapter])


def main(out_dir: Path) -> None:
    years, series = read_series(CSV)
    report = draft_report(years, series)
    problems = validate_report(report)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems.errors:
        raise SystemExit(1)
    document = compose_document(report, "openbaar")
    out_dir.mkdir(parents=True, exist_ok=True)
    write_docx(document, out_dir / "concept-hoofdstuk.docx")
    write_pdf(document, out_dir / "concept-hoofdstuk.pdf")
    print(out_dir / "concept-hoofdstuk.docx")
    print(out_dir / "concept-hoofdstuk.pdf")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "draft")
