"""Which blocks of a section must start on the same page as the block after them; one
rule for every paginating writer (each keeps them its own way)."""

from __future__ import annotations

from collections.abc import Sequence

from standgen.compose import tree as t


def ends_with_colon(block: t.Block) -> bool:
    """A paragraph whose last words end in ":": it introduces what follows."""
    if not isinstance(block, t.Paragraph) or block.style not in ("body", "lead", "label"):
        return False
    texts = [i.text for i in block.inlines if isinstance(i, t.Text)]
    return bool(texts) and texts[-1].rstrip().endswith(":")


def is_signature(block: t.Block) -> bool:
    """A line of a signature (role or name)."""
    return isinstance(block, t.Paragraph) and block.style == "signature"


def introduces(blocks: Sequence[t.Block], index: int) -> bool:
    """Whether block `index` must stay with the block after it: a heading with what it
    heads, a sentence ending in ":" with its table, list or figure, a closing paragraph
    with the signatures and each signature line with the next."""
    if index + 1 >= len(blocks):
        return False
    block, after = blocks[index], blocks[index + 1]
    if isinstance(after, t.PageBreak):
        return False
    if isinstance(block, t.Heading):
        return True
    if ends_with_colon(block):
        return isinstance(after, t.Table | t.ListBlock | t.Figure)
    return is_signature(after) and isinstance(block, t.Paragraph)
