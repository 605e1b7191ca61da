"""Hypothesis strategies for whole reports, as the plain data a YAML source holds.

Text is drawn from every character the shipped PDF font can draw (Latin with accents,
Greek, Cyrillic, Hebrew, symbols, combining marks, odd spaces and format characters),
minus the few ASCII characters that Markdown or Jinja would read as markup. Reports have
long words, long tables, empty sections, many footnotes, every table shape and every
rubricering; each report is valid by construction, so any refusal is a finding.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import lru_cache
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from standgen.edition.levels import load_levels
from standgen.validate.hidden_sums import labelled_total
from standgen.write.pdf.fonts import default_fonts, font_cmap

MARKUP = set("\\`*_[]^~<>&!{}#|%$")
Data = dict[str, Any]


@lru_cache(maxsize=1)
def alphabets() -> dict[str, str]:
    """Characters every face of the PDF font covers, grouped by how they may be used."""
    faces = [set(font_cmap(path)) for path in default_fonts().paths().values()]
    covered = {chr(c) for c in set.intersection(*faces)}
    chars = [ch for ch in sorted(covered) if 0x20 <= ord(ch) < 0xD800 or 0xE000 <= ord(ch) < 0xFFFE
             if set(ch.upper() + ch.lower() + ch.title()) <= covered]  # covers printed case
    groups: dict[str, list[str]] = {"first": [], "body": [], "mark": [], "space": [],
                                     "format": []}
    for ch in chars:
        kind = unicodedata.category(ch)
        if ch in MARKUP or (kind.startswith("C") and kind != "Cf") or kind == "Co":
            continue
        if kind.startswith("L"):
            groups["first"].append(ch)
            groups["body"].append(ch)
        elif kind in ("Mn", "Me"):
            groups["mark"].append(ch)
        elif kind == "Zs":
            groups["space"].append(ch)
        elif kind == "Cf":
            groups["format"].append(ch)
        elif kind[0] in "NPS":
            groups["body"].append(ch)
    return {name: "".join(found) for name, found in groups.items()}


def labels(max_size: int) -> st.SearchStrategy[str]:
    """A row or column label that does not say "total" (a label that does is refused in a
    table that withholds figures, see validate/hidden_sums.py)."""
    return words(max_size=max_size).filter(lambda label: not labelled_total(label))


@st.composite
def words(draw: st.DrawFn, min_size: int = 1, max_size: int = 8,
          long_word: bool = True, longest: int = 400) -> str:
    """A line of words: starts with a letter, may hold odd spaces and one very long word."""
    abc = alphabets()
    count = draw(st.integers(min_size, max_size))
    out: list[str] = []
    for _ in range(count):
        first = draw(st.sampled_from(abc["first"]))
        body = draw(st.text(st.sampled_from(abc["body"]), max_size=10))
        mark = draw(st.sampled_from(["", "", "", *abc["mark"][:40]]))
        out.append(first + mark + body)
    if long_word and draw(st.integers(0, 9)) == 0:
        out.append(draw(st.sampled_from(abc["first"])) * draw(st.integers(40, longest)))
    seps = [draw(st.sampled_from([" "] * 12 + list(abc["space"]) + ["\u00ad "]))
            for _ in out[1:]]
    text = out[0] + "".join(sep + word for sep, word in zip(seps, out[1:], strict=True))
    if draw(st.integers(0, 14)) == 0:
        text += draw(st.sampled_from(abc["format"]))
    return text


def levels() -> list[str]:
    """Every configured rubricering, public first."""
    return load_levels().ids


def maybe_level(draw: st.DrawFn, chance: int = 6) -> dict[str, str]:
    """Usually nothing (inherit); now and then a rubricering of any level."""
    if draw(st.integers(0, chance)) != 0:
        return {}
    return {"rubricering": draw(st.sampled_from(levels()))}


@st.composite
def number(draw: st.DrawFn) -> int | Decimal:
    """A figure as a report prints it: whole or with up to three decimals, any size."""
    whole = draw(st.integers(-10_000, 10_000_000))
    decimals = draw(st.integers(0, 3))
    return Decimal(whole).scaleb(-decimals) if decimals else whole


@st.composite
def cell(draw: st.DrawFn, text_unit: bool, fraction: bool = True) -> Any:
    """A cell: a number (maybe a fraction where the unit allows one, top, marker), a status
    word, text or empty."""
    if text_unit:
        return draw(st.one_of(st.none(), words(max_size=3, long_word=False)))
    kind = draw(st.integers(0, 9))
    if kind <= 4:
        return draw(number())
    if kind == 5:
        return draw(st.sampled_from(["n.t.b.", "n.v.t.", "-", "nog niet bekend"]))
    if kind == 6:
        return None
    value = draw(st.integers(0, 50))
    extra = draw(st.sampled_from([{"of": value + 5}, {"top": True}, {"marker": "*"}]))
    if "of" in extra and not fraction:  # a fraction only where the unit allows one
        extra = {"marker": "*"}
    return {"value": max(value, 1) if "top" in extra else value, **extra}  # no "Top 0"


@st.composite
def table(draw: st.DrawFn, ident: str) -> Data:
    """An indicator table of any shape: years, roles, labels, groups, derived rows and
    columns, status words, notes, hidden headers, and up to a few dozen rows."""
    unit = draw(st.sampled_from(["count", "vte", "percent", "text", "number",
                                 {"kind": "euro", "scale": "miljoen", "decimals": 1}]))
    text_unit = unit == "text"
    shape = draw(st.sampled_from(["years", "roles", "labels", "groups"]))
    width = draw(st.integers(1, 6))
    first_year = draw(st.integers(2015, 2024))
    columns: list[Any]
    if shape == "years":
        columns = [first_year + i for i in range(width)]
    elif shape == "roles":
        columns = [{"year": first_year + i // 2, "role": ("realisatie", "plan")[i % 2]}
                   for i in range(width)]
    elif shape == "labels":
        columns = [{"id": f"k{i}", "label": draw(labels(3))} for i in range(width)]
    else:
        groups = [draw(words(max_size=2, long_word=False)) for _ in range(2)]
        columns = [{"id": f"k{i}", "label": draw(labels(2)), "group": groups[i % 2]}
                   for i in range(width)]
    keys = [_column_key(c) for c in columns]
    rows: list[Data] = []
    for index in range(draw(st.integers(0, 40 if draw(st.booleans()) else 6))):
        if draw(st.integers(0, 12)) == 0:
            rows.append({"id": f"g{index}", "label": draw(labels(3)), "role": "group"})
            continue
        values = [draw(cell(text_unit, unit in ("count", "number"))) for _ in keys]
        rows.append({"id": f"r{index}", "label": draw(labels(4)), "values": values,
                     **maybe_level(draw, 10)})
    data_rows = [r for r in rows if r.get("role") != "group"]
    bounds = any(isinstance(v, dict) and ("of" in v or "top" in v)
                 for r in data_rows for v in r["values"])  # never computed with
    if not text_unit and len(data_rows) >= 2 and draw(st.booleans()) and not bounds:
        rows.append({"id": "totaal", "label": "Totaal", "role": "total",
                     "derived": {"sum": "above"}})
        rows.append({"id": "pct", "label": "%", "role": "percentage", "unit": "percent",
                     "derived": {"percent_of": [data_rows[0]["id"], data_rows[1]["id"]]}})
    if (not text_unit and shape == "years" and width >= 2 and draw(st.booleans())
            and not bounds):
        delta: Data = {"delta": [keys[0], keys[-1]]}
        if any(r.get("id") == "pct" for r in rows):  # a percentage under a delta: say which
            delta["crossing"] = draw(st.sampled_from(["row", "column", "empty"]))
        columns.append({"id": "delta", "label": "Verschil", "role": "delta", "derived": delta})
    notes: list[Any] = [{"text": draw(words()), "marker": "*"}]
    notes += [draw(words()) for _ in range(draw(st.integers(0, 2)))]
    return {"id": ident, "title": draw(words(max_size=6)), "kind":
            draw(st.sampled_from(["kpi", "kengetal", "tabel"])), "unit": unit,
            "stub": draw(st.sampled_from(["", "Onderdeel"])), "columns": columns,
            "rows": rows, "notes": notes,  # a table of nothing at all is refused
            "show_header": draw(st.integers(0, 9)) > 0 or not rows,
            **maybe_level(draw, 8)}


def _column_key(column: Any) -> str:
    if isinstance(column, int):
        return str(column)
    if "id" in column:
        return str(column["id"])
    return f"{column['role']}-{column['year']}"


@st.composite
def text_block(draw: st.DrawFn, notes: list[str]) -> Data:
    """A labelled or plain text block, with emphasis and footnote references."""
    kind = draw(st.sampled_from(["toelichting", "doelstelling", "groeiparagraaf", "text"]))
    parts = [draw(words(max_size=30)) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.integers(0, 3)) == 0:
        parts[0] += f" *{draw(words(max_size=2, long_word=False))}*"
    if notes and draw(st.booleans()):
        parts[-1] += f"[^{draw(st.sampled_from(notes))}]"
    text = "\n\n".join(parts)
    level = maybe_level(draw)
    return {kind: {"text": text, **level} if level else text}


@st.composite
def block(draw: st.DrawFn, ident: str, notes: list[str]) -> Data:
    """Any block kind: text, heading, list, table, figure placeholder or chart, pointer."""
    kind = draw(st.integers(0, 11))
    if kind <= 4:
        return draw(text_block(notes))
    if kind == 5:
        return {"heading": draw(words(max_size=5))}
    if kind == 6:
        items = [draw(words(max_size=12)) for _ in range(draw(st.integers(1, 5)))]
        return {"list": {"items": items, "ordered": draw(st.booleans())}}
    if kind in (7, 8):
        return {"table": draw(table(f"t-{ident}"))}
    if kind == 9:
        return {"figure": {"id": f"f-{ident}", "title": draw(words(max_size=5)),
                           "placeholder": draw(words(max_size=10)), **maybe_level(draw)}}
    if kind == 10 and draw(st.integers(0, 3)) == 0:
        categories = [str(2020 + i) for i in range(draw(st.integers(2, 5)))]
        series = [{"label": draw(words(max_size=2, long_word=False)),
                   "values": [int(draw(st.integers(0, 900))) for _ in categories]}]
        return {"figure": {"id": f"f-{ident}", "title": draw(words(max_size=5)),
                           "chart": {"type": draw(st.sampled_from(["bar", "line", "hbar"])),
                                     "categories": categories, "series": series}}}
    return {"bijlage_verwijzing": draw(words(max_size=4, long_word=False))}


@st.composite
def blocks(draw: st.DrawFn, prefix: str, notes: list[str], most: int) -> list[Data]:
    return [draw(block(f"{prefix}-{i}", notes)) for i in range(draw(st.integers(0, most)))]


@st.composite
def chapter(draw: st.DrawFn, number: int) -> Data:
    """A chapter with footnotes, introduction blocks and sections (some empty)."""
    notes = [f"n{number}-{i}" for i in range(draw(st.integers(0, 12)))]
    sections = []
    for s in range(draw(st.integers(0, 3))):
        topics = []
        for k in range(draw(st.integers(0, 3))):
            topic: Data = {"id": f"o{number}-{s}-{k}",
                           "blocks": draw(blocks(f"{number}-{s}-{k}", notes, 4)),
                           **maybe_level(draw, 8)}
            if draw(st.integers(0, 4)):
                topic["title"] = draw(words(max_size=6))
            topics.append(topic)
        sections.append({"number": f"{number}.{s + 1}", "title": draw(words(max_size=6)),
                         "blocks": draw(blocks(f"{number}-{s}", notes, 1)),
                         "topics": topics, **maybe_level(draw, 10)})
    body = draw(blocks(f"{number}", notes, 2))
    if notes:  # every footnote is referred to at least once
        body.append({"text": " ".join(f"{draw(words(max_size=3))}[^{n}]" for n in notes)})
    return {"number": number, "title": draw(words(max_size=6)), "blocks": body,
            "sections": sections, "footnotes": [{"id": n, "text": draw(words(max_size=15))}
                                                for n in notes],
            **maybe_level(draw, 12)}


@st.composite
def reports(draw: st.DrawFn) -> Data:
    """A whole report as plain data, ready to be written as report.yaml."""
    data: Data = {
        "title": "Stand " + draw(words(max_size=5, longest=80)),  # a-z names the files
        "period": draw(words(max_size=3, long_word=False)),
        "report_year": draw(st.integers(1990, 2100)), "ministry": draw(words(max_size=4)),
        "date": draw(st.dates()).isoformat(), "rubricering": levels()[0],
        "chapters": [draw(chapter(n + 1)) for n in range(draw(st.integers(1, 3)))],
    }
    # a title that already holds the period is refused (it would print "X 2025 2025")
    assume(" ".join(data["period"].split()).casefold()
           not in " ".join(data["title"].split()).casefold())
    if draw(st.booleans()):
        data["subtitle"] = draw(words(max_size=6))
    if draw(st.booleans()):
        data["front_matter"] = {"voorwoord": {"blocks": draw(blocks("v", [], 2))}}
    return data
