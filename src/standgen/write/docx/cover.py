"""The cover page: ministry, title, subtitle, tagline, edition label, period, classification."""

from __future__ import annotations

from standgen.compose import tree as t
from standgen.write.docx.context import Context
from standgen.write.docx.oxml import paragraph, text_run
from standgen.write.docx.styles import STYLE


def render_cover(ctx: Context, cover: t.Cover) -> None:
    """Append the cover's paragraphs to the body."""
    lines: list[tuple[str, str | None]] = [
        (STYLE.cover_ministry, cover.ministry),
        (STYLE.title, cover.title),
        (STYLE.subtitle, cover.subtitle),
        (STYLE.cover_tagline, cover.tagline),
        (STYLE.cover_edition, cover.edition_label),
        (STYLE.cover_edition, cover.period),
    ]
    lines += [(STYLE.cover_classification, line) for line in cover.classification_lines]
    for style, text in lines:
        if text:
            ctx.add(paragraph(style, text_run(text)))
