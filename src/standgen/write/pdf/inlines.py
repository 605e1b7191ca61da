"""Turn tree inlines into reportlab Paragraph markup, escaping every piece of text."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from standgen.compose import tree as t

FOOTNOTE_CALLBACK = "standgen_footnote"
LINK_COLOR = "#01689B"


def text_markup(run: t.Text) -> str:
    """One text run with its emphasis and vertical position (a newline breaks the line)."""
    markup = escape(run.text).replace("\n", "<br/>")
    if run.bold:
        markup = f"<b>{markup}</b>"
    if run.italic:
        markup = f"<i>{markup}</i>"
    if run.script == "super":
        markup = f"<super>{markup}</super>"
    elif run.script == "sub":
        markup = f"<sub>{markup}</sub>"
    return markup


def link_markup(link: t.Link) -> str:
    """A hyperlink; a target starting with '#' jumps to a heading or caption anchor."""
    inner = "".join(text_markup(child) for child in link.children)
    return f"<a href={quoteattr(link.target)} color={quoteattr(LINK_COLOR)}>{inner}</a>"


def footnote_mark(ref: t.FootnoteRef) -> str:
    """The superscript number, plus a draw callback that tells the page its note is due."""
    label = quoteattr(str(ref.number))
    return (f"<super>{ref.number}</super>"
            f"<onDraw name={quoteattr(FOOTNOTE_CALLBACK)} label={label}/>")


def to_markup(inlines: tuple[t.Inline, ...], *, notes: bool = True) -> str:
    """Markup for a sequence of inlines; with notes=False footnote marks are left out."""
    parts: list[str] = []
    for inline in inlines:
        match inline:
            case t.Text():
                parts.append(text_markup(inline))
            case t.Link():
                parts.append(link_markup(inline))
            case t.FootnoteRef():
                if notes:
                    parts.append(footnote_mark(inline))
    return "".join(parts)


def collect_footnotes(inlines: tuple[t.Inline, ...]) -> list[t.FootnoteRef]:
    """The footnote references among the inlines, in order."""
    return [inline for inline in inlines if isinstance(inline, t.FootnoteRef)]
