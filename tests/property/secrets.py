"""Generated reports with public and secret content, and the ledger of what is secret.

Public figures are whole numbers below 1000; secret figures have seven digits, so that no
public figure, public sum or public template result can equal a secret figure or any figure
computed from one. The ledger holds, computed here and not by standgen, every secret text,
every secret figure and every aggregate that takes a secret input: sums (derived and
literal total rows), percentages (percent_of), deltas, differences and template arithmetic.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import strategies as st

from tests.property.strategies import words

SECRET = "dep-vertrouwelijk"
YEARS = (2024, 2025)
Data = dict[str, Any]


@dataclass
class Ledger:
    """What the public edition must not hold."""

    texts: list[str] = field(default_factory=list)
    figures: list[Decimal] = field(default_factory=list)
    aggregates: list[tuple[str, Decimal]] = field(default_factory=list)


@dataclass
class Generated:
    """A report source (report.yaml data and data files) and its ledger."""

    data: Data
    files: dict[str, bytes]
    ledger: Ledger


def printed_forms(value: Decimal, decimals: int) -> set[Decimal]:
    """The value as it may be rounded for print."""
    step = Decimal(1).scaleb(-decimals)
    return {abs(value).quantize(step, rounding=r)
            for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN)}


class _Drawer:
    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.ledger = Ledger()
        self.files: dict[str, bytes] = {}
        self.public_cells: list[tuple[str, str, int]] = []
        self.secret_cells: list[tuple[str, str, int, Decimal]] = []
        self.count = 0

    def text(self, least: int = 3) -> str:
        """Random words and a serial word: no two drawn texts are the same, so a secret
        never equals public text by chance (collisions are the unit tests' subject)."""
        self.count += 1
        return f"{self.draw(words(min_size=least, max_size=8, long_word=False))} Z{self.count:03d}"

    def secret_text(self, least: int = 3) -> str:
        text = self.text(least)
        self.ledger.texts.append(text)
        return text

    def secret_value(self) -> Decimal:
        value = Decimal(self.draw(st.integers(1_000_001, 9_999_999)))
        self.ledger.figures.append(value)
        return value

    def table(self, ident: str, secret_table: bool) -> Data:
        """A count table over two years: rows (some secret, some with one secret cell),
        derived and literal totals, a percent_of row, a delta or difference, from YAML,
        CSV or XLSX."""
        draw = self.draw
        rows: list[Data] = []
        grid: dict[str, list[Decimal]] = {}
        secret_inputs: dict[str, list[bool]] = {}
        for index in range(draw(st.integers(2, 3))):
            rid = f"r{index}"
            row_secret = secret_table or draw(st.integers(0, 2)) == 0
            values: list[Any] = []
            flags: list[bool] = []
            for _ in YEARS:
                cell_secret = row_secret or draw(st.integers(0, 5)) == 0
                number = (self.secret_value() if cell_secret
                          else Decimal(draw(st.integers(100, 999))))
                values.append({"value": number, "rubricering": SECRET}
                              if cell_secret and not row_secret else number)
                flags.append(cell_secret)
            label = self.secret_text(2) if row_secret else self.text(2)
            row: Data = {"id": rid, "label": label, "values": values}
            if row_secret and not secret_table:
                row["rubricering"] = SECRET
            rows.append(row)
            grid[rid] = [Decimal(v["value"]) if isinstance(v, dict) else v for v in values]
            secret_inputs[rid] = flags
            for year, flag, number in zip(YEARS, flags, grid[rid], strict=True):
                if flag:
                    self.secret_cells.append((ident, rid, year, number))
                elif not row_secret:
                    self.public_cells.append((ident, rid, year))
        data_ids = list(grid)
        totals = [sum((grid[r][i] for r in data_ids), Decimal(0)) for i in range(len(YEARS))]
        any_secret = [any(secret_inputs[r][i] for r in data_ids) for i in range(len(YEARS))]
        for i, total in enumerate(totals):
            if any_secret[i]:
                self.ledger.aggregates.append(("sum", total))
        kind = draw(st.sampled_from(["derived", "literal", "literal", "none"]))
        if kind == "derived":
            rows.append({"id": "totaal", "label": "Totaal", "role": "total",
                         "derived": {"sum": "above"}})
        elif kind == "literal":
            rows.append({"id": "totaal", "label": "Totaal", "role": "total",
                         "values": totals})
        a, b = data_ids[0], data_ids[1]
        if draw(st.booleans()):
            rows.append({"id": "pct", "label": "Aandeel", "role": "percentage",
                         "unit": {"kind": "percent", "decimals": 1},
                         "derived": {"percent_of": [a, b]}})
            for i in range(len(YEARS)):
                if secret_inputs[a][i] or secret_inputs[b][i]:
                    self._aggregate("percent_of", grid[a][i] / grid[b][i] * 100, 1)
        if draw(st.booleans()):
            rows.append({"id": "verschil", "label": "Verschil", "role": "delta",
                         "derived": {"difference": [a, b]}})
            for i in range(len(YEARS)):
                if secret_inputs[a][i] or secret_inputs[b][i]:
                    self.ledger.aggregates.append(("difference", grid[a][i] - grid[b][i]))
        columns: list[Any] = list(YEARS)
        if draw(st.booleans()):
            delta: Data = {"delta": [str(YEARS[0]), str(YEARS[1])]}
            if any(r.get("id") == "pct" for r in rows):
                delta["crossing"] = "column"  # a delta of percentages, said explicitly
            columns.append({"id": "delta", "label": "Verschil", "role": "delta",
                            "derived": delta})
            for rid in data_ids:
                if any(secret_inputs[rid]):
                    self.ledger.aggregates.append(("delta", grid[rid][1] - grid[rid][0]))
        table: Data = {"id": ident, "title": self.secret_text(2) if secret_table
                       else self.text(2), "unit": "count", "columns": columns, "rows": rows}
        self._source(table, grid, secret_inputs)
        return table

    def _aggregate(self, kind: str, value: Decimal, decimals: int) -> None:
        for form in printed_forms(value, decimals):
            self.ledger.aggregates.append((kind, form))

    def _source(self, table: Data, grid: dict[str, list[Decimal]],
                secret_inputs: dict[str, list[bool]]) -> None:
        """Move the values of rows without cell-level rubricering into a CSV or XLSX file
        (a data file holds values only; rubricering stays in the YAML)."""
        where = self.draw(st.sampled_from(["yaml", "csv", "xlsx"]))
        movable = [r for r in table["rows"] if r["id"] in grid
                   and not any(isinstance(v, dict) for v in r["values"])]
        derived_columns = any(isinstance(c, dict) for c in table["columns"])
        if where == "yaml" or not movable or derived_columns:
            return
        name = f"data/{table['id']}.{where}"
        header = ["rij", *map(str, YEARS)]
        lines = [[r["id"], *[str(v) for v in grid[r["id"]]]] for r in movable]
        for row in movable:
            del row["values"]
        table["data"] = name
        self.files[name] = (_csv(header, lines) if where == "csv"
                            else _xlsx(header, lines))

    def template(self, secret: bool) -> str:
        """A sentence computing with a table value: a secret one (in secret text) or a
        public one (in public text)."""
        draw = self.draw
        if secret and self.secret_cells:
            ident, rid, year, number = draw(st.sampled_from(self.secret_cells))
            factor = draw(st.integers(2, 9))
            self.ledger.aggregates.append(("template", number * factor))
            return (f"{self.secret_text(2)} {{{{ waarde('{ident}', '{rid}', {year}) }}}} en "
                    f"{{{{ (waarde('{ident}', '{rid}', {year}).getal * {factor}) | getal }}}}.")
        if not secret and self.public_cells:
            ident, rid, year = draw(st.sampled_from(self.public_cells))
            return (f"{self.text(2)} {{{{ waarde('{ident}', '{rid}', {year}) }}}} en "
                    f"{{{{ (waarde('{ident}', '{rid}', {year}).getal + 1) | getal }}}}.")
        return (self.secret_text() if secret else self.text()) + "."


def _csv(header: list[str], lines: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(lines)
    return buffer.getvalue().encode("utf-8")


def _xlsx(header: list[str], lines: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for line in lines:
        sheet.append([line[0], *[int(v) for v in line[1:]]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@st.composite
def secret_reports(draw: st.DrawFn) -> Generated:
    """A report of one chapter: public and secret topics, text, tables, templates,
    footnotes and links; with its ledger."""
    drawer = _Drawer(draw)
    topics: list[Data] = []
    notes = [{"id": "open", "text": drawer.text()},
             {"id": "geheim", "text": drawer.secret_text(), "rubricering": SECRET}]
    for number in range(draw(st.integers(1, 2))):
        secret_topic = draw(st.integers(0, 2)) == 0
        ident = f"o{number}"
        blocks: list[Data] = [{"table": drawer.table(f"t{number}", secret_topic)}]
        for _ in range(draw(st.integers(1, 3))):
            secret = secret_topic or draw(st.booleans())
            text = drawer.template(secret)
            if draw(st.booleans()):
                drawer.count += 1
                text = f"{text} [{drawer.text(2)}](https://example.org/{drawer.count})"
            if secret and not secret_topic and draw(st.booleans()):
                text += "[^geheim]"
            elif draw(st.booleans()):
                text += "[^open]"
            block: Data = {"text": text}
            if secret and not secret_topic:
                block["rubricering"] = SECRET
            blocks.append({"toelichting": block})
        topic: Data = {"id": ident, "title": drawer.secret_text(2) if secret_topic
                       else drawer.text(2), "blocks": blocks}
        if secret_topic:
            topic["rubricering"] = SECRET
        topics.append(topic)
    if not any("[^geheim]" in str(t) for t in topics):
        notes.pop()  # an unused note is refused; its text stays in the ledger all the same
    data: Data = {
        "title": drawer.text(2), "period": "voorjaar 2026", "report_year": 2025,
        "ministry": drawer.text(2), "date": "2026-05-20", "rubricering": "openbaar",
        "chapters": [{"number": 1, "title": drawer.text(2), "footnotes": notes,
                      "sections": [{"number": "1.1", "title": drawer.text(2),
                                    "topics": topics}],
                      "blocks": [{"text": "Openbare inleiding.[^open]"}]}],
    }
    return Generated(data, drawer.files, drawer.ledger)
