"""Heading levels without skips: the one place where the tree's levels are made even.

Every writer maps a heading's level as it is (Word's Heading N and outline level, the PDF
outline, tags H1 to H4), so a level that skips (H1 then H3) must never reach them. The
composer already nests labels one below their container; this pass guarantees it.
"""

from __future__ import annotations

from dataclasses import replace

from standgen.compose import tree as t


def even_levels(sections: list[t.DocSection]) -> list[t.DocSection]:
    """`sections` with every heading at most one level below the heading before it (the
    first at level 1); headings that already follow the rule are kept as they are."""
    previous = 0
    out: list[t.DocSection] = []
    for section in sections:
        blocks: list[t.Block] = []
        for block in section.blocks:
            if isinstance(block, t.Heading):
                level = max(1, min(block.level, previous + 1))
                if level != block.level:
                    block = replace(block, level=level)
                previous = level
            blocks.append(block)
        out.append(replace(section, blocks=tuple(blocks)))
    return out


def toc_levels(entries: list[t.TocEntry], sections: list[t.DocSection]) -> list[t.TocEntry]:
    """The TOC entries with the level of the heading each points at."""
    levels = {b.anchor: b.level for s in sections for b in s.blocks if isinstance(b, t.Heading)}
    return [replace(e, level=levels.get(e.anchor, e.level)) for e in entries]
