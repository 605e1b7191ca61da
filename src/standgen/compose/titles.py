"""How a report names itself: title and period put together by the templates, for the
cover, running header, footer, document properties and file names; and the words that
writers print around the content (Tabel, Figuur, pagina x van y)."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.compose.templating import TextTemplates
from standgen.model.report import Report


def report_title(texts: TextTemplates, report: Report, key: str) -> str:
    """The report's name for one use (`full`, `footer`, `metadata`, `file_name` …)."""
    return texts.render("titles", key, title=report.title, period=report.period,
                        subtitle=report.subtitle or "", ministry=report.ministry,
                        year=report.report_year).strip()


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
