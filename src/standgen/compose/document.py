"""compose_document: a validated report and an edition in, a layout-neutral Document out.

Numbers headings, takes the standard labels from the templates, formats every value,
computes derived rows, numbers footnotes, tables and figures through the report, builds the
table of contents and the running header of every chapter.
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from standgen import __version__
from standgen.charts.data import ChartData, RenderedChart
from standgen.compose import tree as t
from standgen.compose.blocks import BlockComposer
from standgen.compose.context import ComposeContext
from standgen.compose.figures import chart_data, draw_all, figure_node
from standgen.compose.outline import even_levels, toc_levels
from standgen.compose.parts import (
    annex_number,
    chapter_number,
    part_title,
    term_kind,
    term_table,
)
from standgen.compose.provenance import Provenance
from standgen.compose.templating import TextTemplates, templates_folder
from standgen.compose.titles import check_title_period, report_title, writer_words
from standgen.edition.levels import Edition, Levels, load_levels
from standgen.edition.select import Selection, select_edition
from standgen.format.spacing import tie_spaces
from standgen.model.report import (
    BlockContainer,
    ChangeList,
    Chapter,
    FigureBlock,
    Inleiding,
    Part,
    Report,
    Section,
    TableBlock,
    TermList,
)
from standgen.model.settings import PagePolicy
from standgen.model.tables import IndicatorTable
from standgen.theme.metrics import TableMetrics, default_metrics, table_metrics


@dataclass(frozen=True)
class ComposeOptions:
    """How to compose: where charts are cached (None: charts are not drawn), templates
    override folder, parallel chart jobs (or the build's own worker pool, `executor`), and
    the extra markings of a build."""

    chart_dir: Path | None = None
    templates: Path | None = None
    jobs: int = 1
    copy_number: str | None = None
    extra_marking: tuple[str, ...] = ()
    levels: Levels | None = None
    rendered: dict[str, RenderedChart] = field(default_factory=dict)
    executor: Executor | None = field(default=None, compare=False)
    page_policy: PagePolicy | None = None
    theme: Path | None = None
    """The theme file whose table font measures tables (the default theme when None)."""


def _metrics(theme: Path | None) -> TableMetrics:
    """The table metrics of the build's theme."""
    if theme is None:
        return default_metrics()
    from standgen.theme.load import load_theme_file

    return table_metrics(load_theme_file(theme))


def compose_document(report: Report, edition: Edition = "openbaar", locale: str = "nl_NL",
                     options: ComposeOptions | None = None) -> t.Document:
    """The composed document of one edition of `report`."""
    if locale != "nl_NL":
        raise ValueError(f"locale {locale!r} is not supported; standgen writes nl_NL")
    options = options or ComposeOptions()
    levels = options.levels or load_levels()
    selection = select_edition(report, edition, levels)
    selected = selection.report
    texts = TextTemplates(templates_folder(report, options.templates))
    check_title_period(texts, report)
    tables = {b.table.id: b.table for b in all_blocks(selected) if isinstance(b, TableBlock)}
    notes = {n.id: n for n in selected.all_footnotes()}
    ctx = ComposeContext(selected, texts, tables, notes, source=report, levels=levels,
                         metrics=_metrics(options.theme))
    charts = _draw_charts(selected, tables, texts, options)
    policy = options.page_policy or report.settings.page_policy
    provenance = Provenance(report.source.file if report.source else None,
                            public=selection.level.is_public)
    builder = _Builder(ctx, charts, edition, policy, annex_places(report), provenance)
    sections = even_levels(builder.sections())
    marking = _marking(selection, texts, options)
    return t.Document(
        metadata=_metadata(report, texts, edition),
        cover=_cover(report, texts, edition, selection),
        toc=t.TableOfContents(texts.render("labels", "inhoud"),
                              tuple(toc_levels(builder.toc, sections))),
        sections=tuple(sections),
        marking=marking,
        footer_label=report_title(texts, report, "footer"),
        words=writer_words(texts),
        notices=tuple(ctx.notices),
        provenance=provenance.record(),
    )


def annex_key(part: Part) -> tuple[object, ...]:
    """What identifies a public annex across editions: where it was written."""
    source = part.source
    return (source.file, source.line, part.title) if source else (None, None, part.title)


def annex_places(report: Report) -> dict[tuple[object, ...], int]:
    """Each public annex's place in the source: its number in every edition."""
    return {annex_key(a): i for i, a in enumerate(report.back_matter.bijlagen)}


def all_blocks(report: Report) -> list[object]:
    """Every block of the report, front matter, chapters and back matter, in reading
    order."""
    out: list[object] = []
    containers: list[BlockContainer] = [p for _, p in report.front_matter.parts()]
    for part in containers:
        if isinstance(part, Inleiding):
            out.extend(part.leeswijzer)
    for chapter in report.chapters:
        containers.append(chapter)
        for section in chapter.sections:
            containers.append(section)
            containers.extend(section.topics)
    containers.extend(p for _, p in report.back_matter.parts())
    for container in containers:
        out.extend(container.blocks)
    return out


def _draw_charts(report: Report, tables: dict[str, IndicatorTable], texts: TextTemplates,
                 options: ComposeOptions) -> dict[str, tuple[ChartData, RenderedChart | None]]:
    figures = [b for b in all_blocks(report) if isinstance(b, FigureBlock) and b.chart]
    data = [chart_data(f, f.chart, tables, texts) for f in figures if f.chart]
    if options.chart_dir is None or not data:
        return {f.id: (d, None) for f, d in zip(figures, data, strict=True)}
    rendered = draw_all(data, options.chart_dir, options.jobs, options.executor)
    return {f.id: (d, r) for f, d, r in zip(figures, data, rendered, strict=True)}


class _Builder:
    """Walks the selected report in reading order, collecting sections and TOC entries."""

    def __init__(self, ctx: ComposeContext,
                 charts: dict[str, tuple[ChartData, RenderedChart | None]],
                 edition: Edition, policy: PagePolicy,
                 places: dict[tuple[object, ...], int] | None = None,
                 provenance: Provenance | None = None) -> None:
        self.places = places or {}
        self.ctx = ctx
        self.charts = charts
        self.edition = edition
        self.policy = policy
        self.numbering = ctx.report.settings.numbering
        self.toc: list[t.TocEntry] = []
        self.origins = provenance or Provenance(None)
        ctx.note_origin = lambda at: self.origins.add("prose", at)
        self.blocks = BlockComposer(ctx, self._figure, self.origins)

    def _figure(self, figure: FigureBlock, number: int, where: str) -> t.Figure:
        data, rendered = self.charts.get(figure.id, (None, None))

        def render(text: str, field: str) -> str:
            return tie_spaces(self.ctx.render(text, figure.loc(field, f"{where}.{field}")))

        return figure_node(figure, number, self.ctx.anchor(f"figuur-{figure.id}"), rendered,
                           data, render, self.ctx.texts)

    def heading(self, level: int, text: str, number: str | None = None,
                in_toc: bool = False) -> t.Heading:
        anchor = self.ctx.anchor(f"{number or ''} {text}")
        if in_toc:
            self.toc.append(t.TocEntry(level, text, anchor, number))
        kind: t.HeadingKind = ("part", "section", "topic")[min(level, 3) - 1]
        return t.Heading(level, text, anchor, number, in_toc, kind)

    def sections(self) -> list[t.DocSection]:
        report = self.ctx.report
        out: list[t.DocSection] = []
        if self.edition == "bijlage":
            out.append(self._bijlage_intro())
        for name, part in report.front_matter.parts():
            with self.ctx.scoped(part):
                if isinstance(part, Inleiding):
                    out.append(self._inleiding(part))
                else:
                    out.append(self._part(part, name, f"front_matter.{name}"))
        out.extend(self._chapter(c, i) for i, c in enumerate(report.chapters))
        annexes = 0
        for name, part in report.back_matter.parts():
            path = f"back_matter.{name}"
            if name == "bijlagen":
                place = self.places.get(annex_key(part), annexes)
                path = f"back_matter.bijlagen[{place}]"
                number = self.ctx.texts.render("parts", "bijlage_nummer", number=annex_number(
                    place, self.numbering.bijlagen))
                annexes += 1
                if self.edition == "bijlage":
                    out.append(self._annex_in_bijlage(part, path, number))
                else:
                    out.append(self._part(part, name, path, number, front=False))
            else:
                out.append(self._part(part, name, path, front=False))
        return out

    def _part(self, part: Part, key: str, path: str, number: str | None = None,
              front: bool = True) -> t.DocSection:
        with self.ctx.scoped(part):
            return self._part_at_level(part, key, path, number, front)

    def _part_at_level(self, part: Part, key: str, path: str, number: str | None,
                       front: bool) -> t.DocSection:
        report = self.ctx.report
        title = part_title(part, key, self.ctx.texts, report.title, report.period)
        heading = self.heading(1, title, number, in_toc=True)
        blocks: list[t.Block] = [heading]
        blocks += self.blocks.compose(part.blocks, path, key, 1)
        blocks += self._terms(part, key, path, heading.anchor)
        if key == "voorwoord":
            for signatory in self.ctx.report.signatories:
                blocks.append(t.Paragraph((t.Text(signatory.role),), "signature"))
                blocks.append(t.Paragraph((t.Text(signatory.name, bold=True),), "signature"))
        default = self.policy.front_matter if front else self.policy.back_matter
        new_page = default if part.new_page is None else part.new_page
        return t.DocSection(heading.display, tuple(blocks), new_page)

    def _annex_in_bijlage(self, part: Part, path: str, number: str) -> t.DocSection:
        """The confidential content of a public annex, under "Bijlage bij Bijlage A …"."""
        title = self.ctx.texts.render("phrases", "bijlage_bij", number=number,
                                      title=part.title or "")
        heading = self.heading(1, title, in_toc=True)
        blocks: list[t.Block] = [heading, *self.blocks.compose(part.blocks, path,
                                                                heading.anchor, 1)]
        blocks += self._terms(part, "bijlagen", path, heading.anchor)
        return t.DocSection(title, tuple(blocks))

    def _terms(self, part: Part, key: str, path: str, anchor: str) -> list[t.Block]:
        """The part's sorted term list (afkortingen, begrippen), if it is one and has
        entries: in the bijlage, the confidential entries of a public list."""
        kind = term_kind(key, part)
        if kind is None or not isinstance(part, TermList):
            return []
        at = part.loc("entries", f"{path}.entries")
        table = term_table(part, kind, self.ctx.texts, lambda s: self.ctx.inlines(s, at),
                           self.ctx.anchor(f"{anchor}-lijst"))
        return [] if table is None else [table]

    def _inleiding(self, part: Inleiding) -> t.DocSection:
        texts = self.ctx.texts
        section = self._part(part, "inleiding", "front_matter.inleiding")
        blocks = list(section.blocks)
        changes = part.rapportage_in_ontwikkeling
        if changes is not None:
            with self.ctx.scoped(changes):
                blocks += self._changes(changes)
        if part.leeswijzer:
            blocks.append(self.heading(2, texts.render("labels", "leeswijzer")))
            blocks += self.blocks.compose(list(part.leeswijzer), "front_matter.inleiding"
                                          ".leeswijzer", "leeswijzer", 2)
        return t.DocSection(section.running_header, tuple(blocks), section.new_page)

    def _changes(self, changes: ChangeList) -> list[t.Block]:
        texts = self.ctx.texts
        path = "front_matter.inleiding.rapportage_in_ontwikkeling"
        blocks: list[t.Block] = [
            self.heading(2, texts.render("labels", "rapportage_in_ontwikkeling"))]
        blocks += self.blocks.compose(changes.blocks, path, "rapportage", 2)
        if changes.changes:
            intro = texts.render("phrases", "changes_intro", title=self.ctx.report.title,
                                 lidwoord=self.ctx.report.lidwoord or "")
            blocks += self.origins.mark([t.Paragraph((t.Text(intro),))], "template", None,
                                        template="phrases", key="changes_intro")
            items = tuple(self.ctx.inlines(c, changes.loc("changes", f"{path}.changes[{i}]"))
                          for i, c in enumerate(changes.changes))
            blocks += self.origins.mark([t.ListBlock(items)], "prose",
                                        changes.loc("changes", f"{path}.changes"))
        return blocks

    def _chapter(self, chapter: Chapter, index: int) -> t.DocSection:
        with self.ctx.scoped(chapter):
            return self._chapter_at_level(chapter, index)

    def _chapter_at_level(self, chapter: Chapter, index: int) -> t.DocSection:
        path = f"chapters[{index}]"
        number = chapter_number(chapter.number, self.numbering.chapters)
        blocks = self.origins.mark([self.heading(1, chapter.title, number, True)],
                                   "prose", chapter.loc("title", f"{path}.title"))
        blocks += self.blocks.compose(chapter.blocks, path, f"h{chapter.number}", 1)
        for place, section in enumerate(chapter.sections):
            new_page = self.policy.section if section.new_page is None else section.new_page
            if self.edition != "bijlage" and new_page and (place or len(blocks) > 1):
                blocks.append(t.PageBreak())
            with self.ctx.scoped(section):
                blocks += self._section(section, f"{path}.sections[{place}]")
        new_page = self.policy.chapter if chapter.new_page is None else chapter.new_page
        return t.DocSection(chapter.running_header or chapter.title, tuple(blocks), new_page)

    def _section(self, section: Section, path: str) -> list[t.Block]:
        number = None if self.numbering.chapters == "none" else section.number.strip()
        if self.edition == "bijlage":
            title = " ".join(self.ctx.texts.render("phrases", "bijlage_bij",
                                                   number=number or "",
                                                   title=section.title).split())
            blocks: list[t.Block] = self.origins.mark(
                [self.heading(2, title, in_toc=True)], "template", None, template="phrases",
                key="bijlage_bij")
        else:
            blocks = self.origins.mark([self.heading(2, section.title, number, True)],
                                       "prose", section.loc("title", f"{path}.title"))
        blocks += self.blocks.compose(section.blocks, path, f"s{section.number}", 2)
        for index, topic in enumerate(section.topics):
            where = f"{path}.topics[{index}]"
            if topic.title:
                blocks += self.origins.mark([self.heading(3, topic.title)], "prose",
                                            topic.loc("title", f"{where}.title"))
            with self.ctx.scoped(topic):
                blocks += self.blocks.compose(topic.blocks, where, topic.id,
                                              3 if topic.title else 2)
        return blocks

    def _bijlage_intro(self) -> t.DocSection:
        report = self.ctx.report
        texts = self.ctx.texts
        article = report.lidwoord or ""
        title = report.bijlage_title or texts.render("phrases", "bijlage_title",
                                                     title=report.title, period=report.period,
                                                     lidwoord=article)
        intro = texts.render("phrases", "bijlage_intro", title=report.title,
                             period=report.period, lidwoord=article)
        blocks: list[t.Block] = [self.heading(1, title, in_toc=True),
                                 t.Paragraph((t.Text(intro),))]
        if report.sample_data or report.bijlage_sample_data:
            blocks.append(t.Paragraph((t.Text(texts.render("phrases", "sample_data")),),
                                      "sample"))
        return t.DocSection(title, tuple(blocks))


def _metadata(report: Report, texts: TextTemplates, edition: Edition) -> t.Metadata:
    created = dt.datetime.combine(report.date, dt.time(0, 0))
    label = texts.render("editions", edition)
    return t.Metadata(
        title=_short(report_title(texts, report, "metadata"), 255),
        subject=_short(label, 255),
        author=_short(report.author or report.ministry, 255),
        language="nl-NL",
        created=created,
        keywords=tuple(_short(k, 80) for k in (report.title, report.period, label)),
        edition=edition,
        generator=f"standgen {__version__}",
    )


def _short(text: str, limit: int) -> str:
    """Text cut to `limit` characters (document properties hold at most 255 in DOCX)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _cover(report: Report, texts: TextTemplates, edition: Edition,
           selection: Selection) -> t.Cover:
    lines: list[str] = []
    if not selection.level.is_public:
        lines.append(selection.level.marking)
        if report.rubricering_period:
            lines.append(texts.render("phrases", "rubricering_period",
                                      period=report.rubricering_period))
    return t.Cover(title=report.title, ministry=report.ministry,
                   edition_label=texts.render("editions", edition),
                   period=report_title(texts, report, "cover_period"),
                   subtitle=report.subtitle, tagline=report.tagline,
                   classification_lines=tuple(lines), date=texts.numbers().long_date(report.date))


def _marking(selection: Selection, texts: TextTemplates, options: ComposeOptions
             ) -> t.Marking | None:
    extra = list(options.extra_marking)
    report = selection.report
    sample_secrets = report.bijlage_sample_data and selection.edition != "openbaar"
    if report.sample_data or sample_secrets:
        extra.append(texts.render("phrases", "sample_data"))
    if selection.level.is_public and not extra:
        return None
    return t.Marking(text=selection.level.marking, page_x_of_y=not selection.level.is_public,
                     copy_number=options.copy_number, extra=tuple(extra))
