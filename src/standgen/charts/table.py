"""The numbers behind a chart as a small table, for readers who cannot see the image."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from standgen.charts.data import ChartData, ranked_order
from standgen.charts.labels import data_amount, share_label, shares

Rows = tuple[tuple[str, ...], ...]


def data_rows(data: ChartData) -> tuple[tuple[str, ...], Rows]:
    """Header and body rows, every value formatted the Dutch way and gaps shown as the
    templates say (`waarden.geen_gegevens`: "-")."""
    if data.type in ("pie", "donut"):
        return _share_rows(data)
    if data.type == "hbar":
        return _ranked_rows(data)
    return _series_rows(data)


def _cell(data: ChartData, value: Decimal | None) -> str:
    return data.words.gap if value is None else data_amount(data, value)


def _value(values: Sequence[Decimal | None], index: int) -> Decimal | None:
    return values[index] if index < len(values) else None


def _series_rows(data: ChartData) -> tuple[tuple[str, ...], Rows]:
    header = ("", *data.categories)
    n = len(data.categories)
    body = [(s.label, *(_cell(data, _value(s.values, i)) for i in range(n)))
            for s in data.series]
    if data.type == "stacked" and len(data.data_series) > 1:
        totals = []
        for i in range(n):
            known = [v for s in data.data_series if (v := _value(s.values, i)) is not None]
            totals.append(_cell(data, sum(known, Decimal(0)) if known else None))
        body.append((data.words.total, *totals))
    if data.norm is not None:
        norm = _cell(data, data.norm)
        body.append((data.norm_label or data.words.norm, *(norm for _ in range(n))))
    return header, tuple(body)


def _ranked_rows(data: ChartData) -> tuple[tuple[str, ...], Rows]:
    header = ("", *(s.label for s in data.series))
    body = tuple((data.categories[i], *(_cell(data, _value(s.values, i)) for s in data.series))
                 for i in ranked_order(data))
    return header, body


def _share_rows(data: ChartData) -> tuple[tuple[str, ...], Rows]:
    series = data.data_series[0] if data.data_series else None
    if series is None:
        return ("",), ()
    parts = shares(series.values)
    body = []
    for i, cat in enumerate(data.categories):
        value, share = _value(series.values, i), _value(parts, i)
        gap = data.words.gap
        body.append((cat, _cell(data, value), gap if share is None else share_label(share)))
    return ("", series.label, data.words.share), tuple(body)
