"""Generated Markdown, as many hands write it: it is refused with a located error, or
every word of it reaches the tree (and back through the Markdown writer unchanged), and no
word of a comment does."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from standgen.compose import richtext
from standgen.compose import tree as t
from standgen.errors import SourceError
from standgen.write.markdown import body_lines

WORDS = st.sampled_from(["alfa", "beta", "gamma", "delta", "epsilon", "zeta"])
PIECES = st.sampled_from([
    "", " ", "\n", "\n\n", "  \n", "\\\n", "- ", "* ", "+ ", "1. ", "2. ", "3) ", "> ",
    "  ", "    ", "\t", "# ", "---", "***", "===", "*", "**", "_", "`", "^e^", "~2~", "|",
    "| x | y |\n|---|---|\n", "<br>", "<b>", "</b>", "&amp;", "\\*", "[", "](https://x.nl)",
    "![", "<!-- commentaarwoord -->", "<!--", "-->", "•", "[^n]",
])


@st.composite
def markdown(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(WORDS, PIECES), min_size=1, max_size=25))
    return "".join(parts)


def _note(ref: str) -> t.FootnoteRef | None:
    return t.FootnoteRef(1, (t.Text("noot"),))


def _text(blocks: list[t.Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, t.Paragraph):
            parts.append(richtext.plain(block.inlines))
        elif isinstance(block, t.ListBlock):
            parts += [richtext.plain(e.inlines) for e in t.list_entries(block)]
        elif isinstance(block, t.Table):
            parts += [richtext.plain(c.inlines) for r in block.header_rows + block.body_rows
                      for c in r.cells]
    return " ".join(parts)


def _visible_words(source: str) -> list[str]:
    """The generated words outside comments and link targets."""
    source = re.sub(r"<!--.*?-->", " ", source, flags=re.DOTALL)
    source = re.sub(r"\]\(https://x\.nl\)", " ", source)
    return re.findall(r"alfa|beta|gamma|delta|epsilon|zeta", source)


@settings(max_examples=200, deadline=None)
@given(markdown())
@example("alfa<br>")
@example("<br><br>")
@example("<br>\talfa")
@example("**alfa<br>***")
@example("***alfa^e^***")
@example("*^e^---***")
@example("•\nalfa")
@example("- \n*")
@example("1. alfa\n2) beta")
@example("***---[^n]***")
@example("[alfa\n](https://x.nl)")
@example("<br>***<br>alfa***")
@example("`•`")
def test_rendered_or_refused_never_dropped(source: str) -> None:
    try:
        blocks = richtext.blocks(source, _note)
    except SourceError as exc:
        assert len(exc.problems) == 1 and exc.problems[0].code == "markdown"
        return
    text = _text(blocks)
    for word in _visible_words(source):
        assert word in text, (source, text)
    assert "commentaarwoord" not in text and "<!--" not in text
    lines = body_lines(blocks, {}, t.default_words())
    back = richtext.blocks("\n".join(lines), _note)
    assert _canonical(back) == _canonical(blocks), "\n".join(lines)


def _canonical(blocks: list[t.Block]) -> list[object]:
    """Blocks with the emphasis of blank runs (spaces, breaks) left out: Markdown cannot
    mark those, and no reader sees it."""
    out: list[object] = []
    for block in blocks:
        if isinstance(block, t.Paragraph):
            out.append((block.style, _runs(block.inlines)))
        elif isinstance(block, t.ListBlock):
            out.append([(e.depth, e.ordered, e.number, _runs(e.inlines))
                        for e in t.list_entries(block)])
        elif isinstance(block, t.Table):
            out.append([[_runs(c.inlines) for c in r.cells]
                        for r in block.header_rows + block.body_rows])
        else:
            out.append(block)
    return out


def _runs(inlines: tuple[t.Inline, ...]) -> list[object]:
    runs: list[object] = []
    for item in (piece for inline in inlines for piece in _edges(inline)):
        last = runs[-1] if runs else None
        if (isinstance(item, t.Text) and isinstance(last, t.Text)
                and (last.bold, last.italic, last.script) == (item.bold, item.italic,
                                                              item.script)):
            runs[-1] = t.Text(last.text + item.text, item.bold, item.italic, item.script)
        else:
            runs.append(item)
    return runs


def _edges(item: t.Inline) -> list[t.Inline]:
    """A text run with its edge blanks split off as unmarked runs."""
    if not isinstance(item, t.Text):
        return [item]
    core = item.text.strip(" \n")
    if not core:
        return [t.Text(item.text)]
    lead = item.text[:len(item.text) - len(item.text.lstrip(" \n"))]
    trail = item.text[len(item.text.rstrip(" \n")):]
    return [t.Text(lead), t.Text(core, item.bold, item.italic, item.script), t.Text(trail)]
