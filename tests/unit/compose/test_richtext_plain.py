"""Plain text skips the Markdown parser, and gets exactly what the parser would give it."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given
from hypothesis import strategies as st

from standgen.compose import richtext
from standgen.compose import tree as t
from standgen.errors import SourceError

ALPHABET = st.sampled_from([*"abcXYZ019 .,;:'\"()%€+-=#/@$|{}?*_[]^~\\`<>&!\n", "ë", "é", "ᵉ",
                            "₂", "\u00a0", "\u2009", "–", "—", "…"])
MARKUP = ["*schuin*", "_schuin_", "**vet**", "a\\*b", "`code`", "<b>x</b>", "A &amp; B",
          "7^e^", "CO~2~", "[site](https://x.nl)", "![beeld](b.png)", "regel  \nregel",
          "noot[^n1]", " spatie ", "\tinspring"]
texts = st.text(ALPHABET, min_size=0, max_size=40)


def _no_notes(ref: str) -> t.FootnoteRef | None:
    return None


def _outcome(parse: Callable[[str, richtext.NoteResolver], object], text: str) -> object:
    """What parsing gives: its result, or the refusal's message."""
    try:
        return parse(text, _no_notes)
    except SourceError as exc:
        return ("refused", str(exc))


@given(texts)
@example("79.949")
@example("1. Personeel")
@example("- 5 procent")
@example("# kop")
@example("€ 26,3 miljard op 3 juli 2025")
@example("www.defensie.nl")
@example(MARKUP[0])
def test_plain_inlines_match_the_parser(text: str) -> None:
    assert _outcome(richtext.inlines, text) == _outcome(richtext._parsed_inlines, text)


@given(texts)
@example("1. Personeel")
@example("2025) jaar")
@example("= gelijk")
@example("| kolom")
@example("+ plus")
def test_plain_blocks_match_the_parser(text: str) -> None:
    assert _outcome(richtext.blocks, text) == _outcome(richtext._parsed_blocks, text)


def test_every_kind_of_markup_goes_through_the_parser() -> None:
    for text in MARKUP:
        assert _outcome(richtext.inlines, text) == _outcome(richtext._parsed_inlines, text)
        assert _outcome(richtext.blocks, text) == _outcome(richtext._parsed_blocks, text)
        assert not richtext._is_plain(text), text


def test_markup_still_goes_through_the_parser() -> None:
    bold = richtext.inlines("**vet** en CO~2~", _no_notes)
    assert bold[0] == t.Text("vet", bold=True)
    assert t.Text("2", script="sub") in bold
