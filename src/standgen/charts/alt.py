"""Alt text for a chart, written from its data for readers who cannot see it, in the
words the templates gave (`ChartData.words`)."""

from __future__ import annotations

from decimal import Decimal

from standgen.charts.data import ChartData, ChartSeries, ranked_order
from standgen.charts.labels import data_amount, share_label, shares

MONTHS = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
          "januari", "februari", "maart", "april", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"}


def alt_text(data: ChartData) -> str:
    """A one-sentence description: type, subject, range, and the values that matter."""
    before, between, after = data.words.head
    head = f"{before}{data.words.kind(data.type)}{between}{lower_first(data.title)}{after}"
    if data.type in ("pie", "donut"):
        body = f"{head}: {_share_parts(data)}"
    elif data.type == "hbar":
        body = f"{head}: {_category_parts(data, ranked_order(data))}"
    elif not all(is_period(c) for c in data.categories):
        body = f"{head}: {_category_parts(data, list(range(len(data.categories))))}"
    else:
        body = _trend_text(data, head)
    if data.norm is not None:
        label = lower_first(data.norm_label or data.words.norm)
        body += f"; {label} {data_amount(data, data.norm)}"
    return body.rstrip(".") + "."


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (MG, NAVO-norm, F-35)."""
    text = text.strip()
    if not text:
        return text
    first_word = text.split()[0]
    if any(ch.isupper() or ch.isdigit() for ch in first_word[1:]):
        return text
    return text[0].lower() + text[1:]


def is_period(category: str) -> bool:
    """Whether a category names a period (2025, Q1 2025, 2024-2025, mrt), so that a span
    "first–last" describes the axis; other categories are listed one by one."""
    text = category.strip().lower().rstrip(".")
    return any(ch.isdigit() for ch in text) or text in MONTHS


def _span(data: ChartData) -> str:
    cats = data.categories
    if not cats:
        return ""
    return cats[0] if len(cats) == 1 else f"{cats[0]}–{cats[-1]}"


def _trend_text(data: ChartData, head: str) -> str:
    span = _span(data)
    start = f"{head} {span}" if span else head
    if len(data.series) == 1:
        return f"{start}, {_first_last(data, data.series[0])}"
    parts = [f"{s.label} {_first_last(data, s)}" for s in data.series]
    return "; ".join([start, *parts])


def _first_last(data: ChartData, series: ChartSeries) -> str:
    known = [(i, v) for i, v in enumerate(series.values) if v is not None]
    if not known:
        return data.words.no_data
    (i_first, first), (i_last, last) = known[0], known[-1]
    if i_first == i_last:
        return _at(data, first, i_first, always=True)
    end = len(series.values) - 1
    before, between, after = data.words.from_to
    return (f"{before}{_at(data, first, i_first, 0)}{between}"
            f"{_at(data, last, i_last, end)}{after}")


def _at(data: ChartData, value: Decimal, index: int, expected: int = -1,
        always: bool = False) -> str:
    """A value, followed by its category when it is not where the reader expects it."""
    text = data_amount(data, value)
    if (always or index != expected) and index < len(data.categories):
        text += f" ({data.categories[index]})"
    return text


def _share_parts(data: ChartData) -> str:
    series = data.data_series[0] if data.data_series else None
    if series is None:
        return data.words.no_data
    parts = []
    for cat, value, share in zip(data.categories, series.values, shares(series.values),
                                 strict=False):
        if value is None or share is None:
            continue
        if data.unit.kind == "percent":
            parts.append(f"{cat} {share_label(share)}")
        else:
            parts.append(f"{cat} {data_amount(data, value)} ({share_label(share)})")
    return ", ".join(parts) if parts else data.words.no_data


def _category_parts(data: ChartData, order: list[int]) -> str:
    """Each category with its values, in `order`: "Werkdruk 18,5%" or "CLAS (a 1, b 2)"."""
    parts = []
    for i in order:
        values = [s.values[i] if i < len(s.values) else None for s in data.series]
        texts = [data.words.no_data if v is None else data_amount(data, v) for v in values]
        if len(data.series) == 1:
            parts.append(f"{data.categories[i]} {texts[0]}")
        else:
            inner = ", ".join(f"{s.label} {t}" for s, t in zip(data.series, texts,
                                                               strict=True))
            parts.append(f"{data.categories[i]} ({inner})")
    return ", ".join(parts) if parts else data.words.no_data
