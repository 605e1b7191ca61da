"""How a report names itself: title and period put together by the templates, for the
cover, running header, footer, document properties and file names; and the words that
writers print around the content (Tabel, Figuur, pagina x van y)."""

from __future__ import annotations

import re

from standgen.compose import tree as t
from standgen.compose.templating import TextTemplates
from standgen.errors import source_error
from standgen.model.report import Report

_TITLE = re.compile(r"{{-?\s*title\b")
_PERIOD = re.compile(r"{{-?\s*period\b")


def report_title(texts: TextTemplates, report: Report, key: str) -> str:
    """The report's name for one use (`full`, `footer`, `metadata`, `file_name` …)."""
    return texts.render("titles", key, title=report.title, period=report.period,
                        subtitle=report.subtitle or "", ministry=report.ministry,
                        year=report.report_year).strip()


def check_title_period(texts: TextTemplates, report: Report) -> None:
    """Refuses a title that already holds the period when a template in use prints both,
    so that no footer, file name or cover reads "Jaarverslag 2025 2025"."""
    period = " ".join(report.period.split()).casefold()
    title = " ".join(report.title.split()).casefold()
    # a year inside a range or compound ("Deltaplan 2025-2030") is part of a name
    if not period or not re.search(rf"(?<![\w\-–/]){re.escape(period)}(?![\w\-–/])", title):
        return
    both = [f"{group}.{key}" for group, keys in texts.data.items() if isinstance(keys, dict)
            for key, source in keys.items() if _prints_both(str(source))]
    if not both:
        return
    at = report.loc("title", "title")
    raise source_error(at.file, at.line, "title, period",
                       f"the title {report.title!r} already contains the period "
                       f"{report.period!r}, and {', '.join(both)} print both (\"{report.title} "
                       f"{report.period}\"); remove the period from the "
                       "title, or change those templates in your templates folder's "
                       "text/nl.yaml", "title-period")


def _prints_both(source: str) -> bool:
    return bool(_TITLE.search(source)) and bool(_PERIOD.search(source))


def writer_words(texts: TextTemplates) -> t.Words:
    """The fixed words of the writers, split around the numbers they surround."""
    before, between, after = texts.split("words", "pagina_x_van_y", ("x", "y"))
    return t.Words(table=texts.render("words", "tabel"), figure=texts.render("words", "figuur"),
                   page_x_of_y=(before, between, after), copy=_copy(texts, "exemplaar"),
                   copy_header=_copy(texts, "exemplaar_kop"),
                   link_to=_copy(texts, "link_naar", "doel"),
                   link_inside=texts.render("words", "link_intern"),
                   logo=_copy(texts, "logo", "ministry"),
                   logo_title=texts.render("words", "logo_titel"),
                   cover_table=texts.render("words", "omslag"))


def _copy(texts: TextTemplates, key: str, name: str = "n") -> tuple[str, str]:
    before, after = texts.split("words", key, (name,))
    return before, after
