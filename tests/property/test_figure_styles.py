"""Generated figures in every number style, through CSV, XLSX and YAML, read back equal;
spellings that could mean two things are refused; no input puts text in a row of numbers."""

from __future__ import annotations

import csv
import io
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from standgen.errors import Location, SourceError
from standgen.load import load_report
from standgen.load.numbers import STYLES, FigureError, NumberStyle, Style, read_figure, spell
from standgen.load.tabular import cell_input, read_data_file
from standgen.model.tables import IndicatorTable
from tests.unit.load.support import REPORT, chapter, write

SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
AT = Location(None, None, "cel")


@st.composite
def figures(draw: st.DrawFn, max_digits: int = 15) -> Decimal:
    """A figure with at most `max_digits` significant digits and at most 6 decimals."""
    decimals = draw(st.integers(0, 6))
    digits = draw(st.integers(1, max_digits))
    whole = draw(st.integers(0, 10 ** digits - 1))
    value = Decimal(whole).scaleb(-min(decimals, digits))
    return -value if draw(st.booleans()) else value


styles = st.sampled_from(STYLES)


def _declared(style: NumberStyle) -> Style:
    return Style(style, declared=True)


@SETTINGS
@given(value=figures(), style=styles, grouped=st.booleans())
def test_a_spelled_figure_reads_back_under_its_style(value: Decimal, style: NumberStyle,
                                                     grouped: bool) -> None:
    assert read_figure(spell(value, style, grouped=grouped), _declared(style)) == value


def _csv(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL,
               lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@SETTINGS
@given(values=st.lists(figures(), min_size=1, max_size=6), style=styles,
       grouped=st.booleans(), delimiter=st.sampled_from([";", ",", "\t"]),
       bom=st.booleans())
def test_figures_through_csv_read_back_equal(values: list[Decimal], style: NumberStyle,
                                            grouped: bool, delimiter: str,
                                            bom: bool) -> None:
    keys = [str(2000 + i) for i in range(len(values))]
    text = _csv([["id", *keys], ["rij", *(spell(v, style, grouped=grouped) for v in values)]],
                delimiter)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.csv"
        path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
        data = read_data_file(path, None, AT)
    read = [cell_input(data.rows["rij"][k], True, _declared(style), data.where("rij", k))
            for k in keys]
    assert read == values


@SETTINGS
@given(values=st.lists(figures(), min_size=1, max_size=6), style=styles,
       as_text=st.lists(st.booleans(), min_size=6, max_size=6))
def test_figures_through_xlsx_read_back_equal(values: list[Decimal], style: NumberStyle,
                                             as_text: list[bool]) -> None:
    keys = [str(2000 + i) for i in range(len(values))]
    cells: list[object] = [spell(v, style, grouped=True) if text else float(v)
                           for v, text in zip(values, as_text, strict=False)]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", *(int(k) for k in keys)])
    sheet.append(["rij", *cells])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.xlsx"
        book.save(path)
        data = read_data_file(path, None, AT)
    read = [cell_input(data.rows["rij"][k], True, _declared(style), data.where("rij", k))
            for k in keys]
    assert read == values


@SETTINGS
@given(values=st.lists(figures(), min_size=1, max_size=6), declare=st.booleans())
def test_figures_through_yaml_read_back_equal(values: list[Decimal], declare: bool) -> None:
    report = REPORT.replace("rubricering: openbaar\n",
                            "rubricering: openbaar\nnumber_style: plain\n") if declare else REPORT
    block = f"""\
- table:
    id: t
    title: T
    unit: number
    columns: [{", ".join(str(2000 + i) for i in range(len(values)))}]
    rows:
      - {{id: a, values: [{", ".join(format(v, "f") for v in values)}]}}
"""
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), {"report.yaml": report, "h1.yaml": chapter(block)})
        table = load_report(path).chapters[0].sections[0].topics[0].blocks[0]
    assert isinstance(getattr(table, "table", None), IndicatorTable)
    assert [c.value for c in table.table.rows[0].values] == values  # type: ignore[union-attr]


@st.composite
def ambiguous(draw: st.DrawFn) -> str:
    """A spelling nl reads with thousands points and plain with a decimal point: 4.650."""
    sign = draw(st.sampled_from(["", "-", "\u2212"]))
    return f"{sign}{draw(st.integers(1, 999))}.{draw(st.integers(0, 999)):03d}"


@SETTINGS
@given(text=ambiguous())
def test_a_spelling_with_two_readings_is_refused_unless_declared(text: str) -> None:
    try:
        read_figure(text, Style())
    except FigureError as exc:
        assert "could mean two things" in str(exc)
    else:
        raise AssertionError(f"{text!r} was read without a declared style")
    nl, plain = (read_figure(text, _declared(s)) for s in ("nl", "plain"))
    assert nl is not None and plain is not None and nl != plain


@st.composite
def english(draw: st.DrawFn) -> str:
    head = str(draw(st.integers(1, 999)))
    groups = [f"{draw(st.integers(0, 999)):03d}" for _ in range(draw(st.integers(1, 3)))]
    return ",".join([head, *groups]) + "." + str(draw(st.integers(0, 99)))


@SETTINGS
@given(text=english(), style=styles)
def test_english_thousands_are_refused_in_every_style(text: str, style: NumberStyle) -> None:
    for declared in (True, False):
        try:
            read_figure(text, Style(style, declared))
        except FigureError:
            continue
        raise AssertionError(f"{text!r} read under {style}")


SPELLING = st.text(alphabet="0123456789.,- \u00a0%€()eE", max_size=12)


@SETTINGS
@example(text="4.650")
@example(text="-1 234.567")
@given(text=SPELLING)
def test_the_default_never_picks_one_of_two_readings(text: str) -> None:
    try:
        value = read_figure(text, Style())
    except FigureError:
        return
    if value is None:
        return
    for style in STYLES:
        try:
            other = read_figure(text, _declared(style))
        except FigureError:
            continue
        assert other is None or other == value, (text, style, other, value)


CELL_TEXT = st.one_of(SPELLING, st.text(max_size=12),
                      st.sampled_from(["n.t.b.", "-", "–", "nvt", "NaN", "inf", "1O4",
                                       "12 {dep-vertrouwelijk}", "Q3 2025", "n.t.b"]))


@SETTINGS
@given(text=CELL_TEXT, style=styles, declared=st.booleans())
def test_a_number_row_never_holds_text(text: str, style: NumberStyle, declared: bool) -> None:
    try:
        value = cell_input(text, True, Style(style, declared), AT)
    except SourceError:
        return
    if isinstance(value, dict):
        assert "text" not in value, (text, value)
    elif isinstance(value, str):
        assert value.strip().lower() in {"n.t.b.", "ntb", "nog niet bekend", "n.v.t.", "nvt",
                                         "-", "–", "te leveren"}, (text, value)
    else:
        assert value is None or isinstance(value, Decimal)


YAML_SCALAR = st.one_of(
    st.sampled_from(['"1.150"', '"10,4%"', "1.150", "1e400", ".nan", "true", "Vertraagd",
                     "'4.650'", "~", "n.t.b.", '"-"', "12O3", "(12)", "€ 12"]),
    figures().map(lambda v: format(v, "f")),
    SPELLING.map(lambda t: '"' + t + '"'),
)


@settings(max_examples=25, deadline=None)
@given(cells=st.lists(YAML_SCALAR, min_size=2, max_size=2),
       unit=st.sampled_from(["count", "euro", "percent", "vte", "number"]),
       style=st.sampled_from(["", "number_style: nl\n", "number_style: plain\n"]))
def test_a_yaml_number_row_never_holds_text(cells: list[str], unit: str, style: str) -> None:
    block = f"""\
- table:
    id: t
    title: T
    unit: {unit}
    columns: [2024, 2025]
    rows:
      - {{id: a, values: [{", ".join(cells)}]}}
"""
    report = REPORT.replace("rubricering: openbaar\n", "rubricering: openbaar\n" + style)
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), {"report.yaml": report, "h1.yaml": chapter(block)})
        try:
            loaded = load_report(path)
        except SourceError:
            return
    table = getattr(loaded.chapters[0].sections[0].topics[0].blocks[0], "table", None)
    assert isinstance(table, IndicatorTable)
    assert all(c.text is None for c in table.rows[0].cells_by_key(table.column_keys).values())
