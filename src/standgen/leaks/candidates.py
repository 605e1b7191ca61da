"""What counts as confidential: the units the confidential editions print beyond the public.

The vertrouwelijk and bijlage editions are composed as their artifacts print them
(templates, links and footnotes resolved) and compared with the composed openbaar edition
unit by unit, counting repeats: whatever a confidential edition prints more often than the
public one is confidential. A public sentence prints as often in both and is never a
candidate; a confidential sentence that the public text happens to repeat prints once more
in the confidential edition and is one, so the collision fails the build unless the source
lists it under `declared_public`.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from standgen.leaks.figures import distinctive, figure_keys, is_year, key
from standgen.leaks.match import MIN_TEXT, MIN_WORD
from standgen.leaks.rendered import GAP, Unit, document_units
from standgen.leaks.text import Candidate, squash

if TYPE_CHECKING:
    from standgen.compose import tree as t
    from standgen.edition.levels import Edition, Levels
    from standgen.model.report import DeclaredPublic, Report

_NUMBER_ONLY = re.compile(r"[+\-−±]?\s*(?:€\s*)?[+\-−]?[\d.,\u00a0\u202f\u2009 ]*\d%?"
                          r"(?:\s*(?:duizend|miljoen|miljard))?\*?")


_FIGURE_PLACE = re.compile(r", figure (['\"]).*\1$")


@dataclass
class Gathered:
    """A source's candidates, and the notices of declared-public entries that exempted
    some (printed in every build that uses them)."""

    candidates: list[Candidate] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    public: list[Unit] = field(default_factory=list)
    """The units of the composed openbaar edition, to say where a leak stands in it."""

    def print_notices(self, stream: TextIO | None = None) -> None:
        """Write each notice on its own line (stderr unless told)."""
        for notice in self.notices:
            print(f"standgen: notice: {notice}", file=stream or sys.stderr)


def compose_editions(report: Report, levels: Levels,
                     given: Mapping[Edition, t.Document] | None = None,
                     templates: Path | None = None) -> dict[Edition, t.Document]:
    """The three editions composed without drawing charts (those `given` reused)."""
    from standgen.compose.document import ComposeOptions, compose_document

    documents: dict[Edition, t.Document] = dict(given or {})
    options = ComposeOptions(levels=levels, templates=templates)
    for edition in ("openbaar", "vertrouwelijk", "bijlage"):
        if edition not in documents:
            documents[edition] = compose_document(report, edition, options=options)
    return documents


def standard_labels(templates: Path | None = None) -> set[str]:
    """The fixed labels of the templates (Toelichting, Doelstelling, …): printed above
    content of every level, they are not content themselves."""
    from standgen.compose.templating import TextTemplates

    labels = TextTemplates(templates).data.get("labels", {})
    return {text.strip() for text in labels.values() if "{" not in text}


def chart_units(report: Report, edition: Edition, levels: Levels,
                templates: Path | None = None) -> list[Unit]:
    """The series labels and values of the charts with series of their own in an edition
    (drawn into the chart, they are in no composed unit; a chart of a table draws the
    table's cells)."""
    from standgen.compose.document import all_blocks
    from standgen.edition.select import select_edition
    from standgen.format.units import format_amount
    from standgen.model.report import FigureBlock
    from standgen.model.values import Unit as ValueUnit

    def own_series(blocks: list[object]) -> list[FigureBlock]:
        return [b for b in blocks if isinstance(b, FigureBlock) and b.chart is not None
                and b.chart.series]

    if not own_series(all_blocks(report)):
        return []
    from standgen.compose.templating import TextTemplates

    numbers = TextTemplates(templates).numbers()
    units: list[Unit] = []
    for figure in own_series(all_blocks(select_edition(report, edition, levels).report)):
        chart = figure.chart
        assert chart is not None and chart.series is not None
        where = f"figure {figure.title!r}, chart"
        for series in chart.series:
            units.append(Unit(series.label, where, cell=True))
            units.extend(Unit(format_amount(v, chart.unit or ValueUnit(), words=numbers),
                              where, cell=True)
                         for v in series.values if v is not None)
    return units


def confidential_units(documents: Mapping[Edition, t.Document],
                       labels: set[str] | frozenset[str] = frozenset(),
                       charts: Mapping[Edition, list[Unit]] | None = None) -> list[Unit]:
    """The units the confidential editions print more often than the public edition.
    The bijlage's own opening part and its headings above topic level are left out:
    they restate public chapter and section titles in a standard phrase; so are the
    standard `labels`."""
    drawn = charts or {}
    public = Counter(u.text for u in [*document_units(documents["openbaar"]),
                                      *drawn.get("openbaar", [])])
    found: dict[str, list[str]] = {label: [] for label in labels}
    spots: dict[str, tuple[str, ...]] = {}
    cells: set[str] = set()
    for units in ([*document_units(documents["vertrouwelijk"]),
                   *drawn.get("vertrouwelijk", [])],
                  document_units(documents["bijlage"], skip_sections=1, min_heading=3)):
        places: dict[str, list[str]] = {}
        bare: dict[str, list[str]] = {}
        for unit in units:
            places.setdefault(unit.text, []).append(unit.place)
            bare.setdefault(unit.text, []).append(unit.where)
            if unit.cell:
                cells.add(unit.text)
        for text, where in places.items():
            if len(where) > public[text] and text not in found:
                found[text], spots[text] = where, tuple(dict.fromkeys(bare[text]))
    return [Unit(text, _places(where), text in cells, places=spots.get(text, ()))
            for text, where in found.items() if where]


def public_figures(units: Iterable[Unit]) -> dict[str, set[str]]:
    """The figures (as printed) each place of the public edition prints."""
    shown: dict[str, set[str]] = {}
    for unit in units:
        for printed, _keys in figure_keys(unit.text.replace(GAP, " "), dutch_only=True):
            shown.setdefault(unit.where, set()).add(printed)
    return shown


def printed_there(candidate: Candidate, unit: Unit, shown: Mapping[str, set[str]]) -> bool:
    """Whether the public edition prints a figure of a confidential figure's text (its
    alt text) at that figure's own place (or inside it: its data table) wherever the
    unit stands. A chart's
    generated text differs per edition, so it is a confidential unit as a whole, but its
    figures of public rows print in the public chart too; a withheld row's figure does
    not, and it stays a candidate (the withheld cells themselves remain units too)."""
    if candidate.kind != "figure" or not unit.places or not all(
            _FIGURE_PLACE.search(place) for place in unit.places):
        return False
    return all(any(candidate.text in figures for where, figures in shown.items()
                   if where == place or where.startswith(place + ", "))
               for place in unit.places)


def _places(where: list[str]) -> str:
    """Where a unit stands; when it stands in several places, which one is the
    confidential one is not known, so up to three are named."""
    unique = list(dict.fromkeys(where))
    if len(unique) == 1:
        return unique[0]
    more = f" or {len(unique) - 3} more" if len(unique) > 3 else ""
    return "one of: " + "; ".join(unique[:3]) + more


def _figures(unit: Unit, origin: str) -> list[Candidate]:
    plain = unit.text.replace(GAP, " ")
    whole = unit.cell or _NUMBER_ONLY.fullmatch(plain) is not None
    out: list[Candidate] = []
    for printed, keys in figure_keys(plain, dutch_only=True, scaled=whole):
        if keys and distinctive(printed) and not (is_year(printed) and not unit.cell):
            out.append(Candidate(printed, origin, "figure", keys=frozenset(keys)))
    return out


def _bare(text: str) -> str:
    """A sentence without its closing punctuation, so that it is also found where a
    public sentence goes on after it ("…, aldus de minister")."""
    return text.rstrip().rstrip(".!?;:," + GAP).rstrip()


def status_texts(templates: Path | None = None) -> frozenset[str]:
    """What standgen prints for a value without a number ("Nog niet bekend", the `waarden`
    templates): the same words stand in public cells, so a confidential cell's status is
    no text of its own."""
    from standgen.compose.templating import TextTemplates

    return frozenset(squash(w) for w in TextTemplates(templates).data.get("waarden", {})
                     .values())


def unit_candidates(unit: Unit, edition_origin: str = "",
                    statuses: frozenset[str] | None = None) -> list[Candidate]:
    """The candidates of one confidential unit: its text (unless it is only a number, or
    a table cell too short to tell apart from the generic row labels every table has:
    Totaal, Overig) and each distinctive figure in it (a calendar year in prose is not
    a figure)."""
    origin = f"{edition_origin}{unit.where}"
    plain = unit.text.replace(GAP, " ").strip()
    out = _figures(unit, origin)
    parts = tuple(p for p in (s.strip() for s in _bare(unit.text).split(GAP)) if p)
    length = len(re.sub(r"\W", "", squash("".join(parts))))
    statuses = status_texts() if statuses is None else statuses
    short_cell = unit.cell and (length < MIN_TEXT or squash(plain) in statuses)
    if _NUMBER_ONLY.fullmatch(plain) is None and not short_cell and length >= MIN_WORD:
        out.insert(0, Candidate(" ".join(plain.split()), origin, "text", parts=parts))
    return out


def _declared(entries: Iterable[DeclaredPublic]) -> tuple[dict[str, DeclaredPublic],
                                                          dict[str, DeclaredPublic]]:
    texts: dict[str, DeclaredPublic] = {}
    figures: dict[str, DeclaredPublic] = {}
    for entry in entries:
        if entry.text is not None:
            texts[squash(entry.text)] = entry
        elif entry.figure is not None:
            figures[key(entry.figure)] = entry
    return texts, figures


def _where(entry: DeclaredPublic) -> str:
    source = entry.source
    if source is None or source.file is None:
        return "declared_public"
    return f"{source.file.name}:{source.line}: declared_public"


def _notice(entry: DeclaredPublic, candidate: Candidate) -> str:
    value = entry.text if entry.text is not None else str(entry.figure)
    return (f"{_where(entry)} {value!r} ({entry.reason}) lets the public edition hold "
            f"{candidate.text!r}, which confidential content also holds ({candidate.origin})")


def _base_keys(candidate: Candidate) -> set[str]:
    return {k for _, keys in figure_keys(candidate.text, dutch_only=True) for k in keys}


def gather(report: Report, levels: Levels,
           documents: Mapping[Edition, t.Document] | None = None,
           templates: Path | None = None) -> Gathered:
    """Every confidential candidate of `report`, less what `declared_public` lists
    (`documents`: editions already composed, reused)."""
    composed = compose_editions(report, levels, documents, templates)
    texts, figures = _declared(report.declared_public)
    seen: set[tuple[str, str]] = set()
    shown: tuple[Edition, ...] = ("openbaar", "vertrouwelijk")
    charts = {edition: chart_units(report, edition, levels, templates) for edition in shown}
    statuses = status_texts(templates)
    gathered = Gathered(public=[*document_units(composed["openbaar"]), *charts["openbaar"]])
    shown_at = public_figures(gathered.public)
    for unit in confidential_units(composed, standard_labels(templates), charts):
        for candidate in unit_candidates(unit, statuses=statuses):
            if printed_there(candidate, unit, shown_at):
                continue
            ident = (candidate.kind, candidate.text)
            if ident in seen:
                continue
            seen.add(ident)
            entry = (texts.get(squash("".join(candidate.parts))) if candidate.kind == "text"
                     else next((figures[k] for k in sorted(_base_keys(candidate))
                                if k in figures), None))
            if entry is not None:
                gathered.notices.append(_notice(entry, candidate))
            else:
                gathered.candidates.append(candidate)
    return gathered


def confidential_candidates(report: Report, levels: Levels) -> list[Candidate]:
    """Every confidential candidate of `report` (see `gather`)."""
    return gather(report, levels).candidates
