"""Keep rules of the PDF: what must start on the same page as what follows it.

A heading keeps with at least two lines of what follows it (a table's caption, header and
first rows); a sentence ending in ":" keeps with the table, list or figure it introduces;
the closing lines of the voorwoord keep with its signatures; a table's caption keeps with
its header and first rows. Each rule is a `NeedSpace` placed before the group: when the
group's lead does not fit in what is left of the page, the page is ended there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reportlab.platypus import Flowable, KeepTogether, ListFlowable
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from standgen.compose import tree as t
from standgen.write.keeping import introduces, is_signature

Mode = Literal["all", "lines", "rows"]
BIG = 1e6
LEAD_ROWS = 2
LEAD_LINES = 2
LIST_LEAD = 40.0
SHORT_CLOSING_LINES = 6


@dataclass(frozen=True)
class Lead:
    """A flowable of a keep group and how much of it must fit: all of it, its first lines,
    or (a table) its header and first rows."""

    flowable: Flowable
    mode: Mode


def _paragraph_height(para: RLParagraph, width: float, mode: Mode) -> float:
    height: float = para.wrap(width, BIG)[1]
    space = float(para.getSpaceBefore())
    lines = len(getattr(para.blPara, "lines", ()) or ())
    if mode == "all" or lines <= LEAD_LINES + 1:
        return space + height + float(para.getSpaceAfter())
    leading = float(para.style.leading)
    return space + LEAD_LINES * leading


def _table_height(table: RLTable, width: float, canv: Any) -> float:
    table.wrapOn(canv, width, BIG)
    rows = int(getattr(table, "repeatRows", 0) or 0) + LEAD_ROWS
    return float(sum(table._rowHeights[:rows]))


def lead_height(lead: Lead, width: float, canv: Any) -> float:
    """The height of the part of `lead` that must fit."""
    flowable = lead.flowable
    if isinstance(flowable, RLParagraph):
        return _paragraph_height(flowable, width, lead.mode)
    if isinstance(flowable, RLTable) and lead.mode != "all":
        return _table_height(flowable, width, canv)
    if isinstance(flowable, KeepTogether):
        return sum(lead_height(Lead(f, "all"), width, canv) for f in flowable._content)
    height = float(flowable.wrapOn(canv, width, BIG)[1])
    if isinstance(flowable, ListFlowable) and lead.mode != "all":
        return min(height, LIST_LEAD)
    return height


class NeedSpace(Flowable):  # type: ignore[misc]
    """Ends the page when the leads of a keep group do not fit in the space left (never on
    a fresh page, and never for a group taller than a whole page)."""

    _ZEROSIZE = True

    def __init__(self, leads: Sequence[Lead]) -> None:
        super().__init__()
        self._leads = tuple(leads)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        frame = self._doctemplateAttr("frame")
        if frame is None or getattr(frame, "_atTop", True):
            return 0, 0
        need = sum(lead_height(lead, aW, self.canv) for lead in self._leads)
        # With no room at all (aH < 0, the notes took it) the frame ends the page itself:
        # a break queued now would be carried to the next page and leave it empty.
        if 0 <= aH < need <= float(frame._height) - 1:
            from reportlab.platypus.doctemplate import FrameBreak

            if FrameBreak not in frame.__dict__.get("_generated_content", ()):
                frame.add_generated_content(FrameBreak)
        return 0, 0

    def draw(self) -> None:
        return None


def _long(flowables: list[Flowable], width: float) -> bool:
    """A paragraph too long to move whole to keep the signatures company."""
    para = flowables[0] if flowables else None
    if not isinstance(para, RLParagraph):
        return False
    para.wrap(width, BIG)
    return len(getattr(para.blPara, "lines", ()) or ()) > SHORT_CLOSING_LINES


def _keeps(blocks: Sequence[t.Block], built: list[list[Flowable]], width: float) -> list[bool]:
    """For each block, whether it stays on the page of the block after it."""
    keeps = []
    for index, block in enumerate(blocks):
        keep = introduces(blocks, index)
        if keep and not is_signature(block) and index + 1 < len(blocks) \
                and is_signature(blocks[index + 1]):
            keep = not _long(built[index], width)
        keeps.append(keep)
    return keeps


def _own_leads(block: t.Block, flowables: list[Flowable], whole: bool) -> list[Lead]:
    """The leads of one block: everything when it introduces the next, else its start."""
    leads: list[Lead] = []
    partial: Mode = "lines" if isinstance(block, t.Paragraph | t.ListBlock) else "all"
    for flowable in flowables:
        if isinstance(flowable, NeedSpace) or getattr(flowable, "_ZEROSIZE", False):
            continue
        if isinstance(flowable, RLTable) and not whole:
            leads.append(Lead(flowable, "rows"))
            break
        leads.append(Lead(flowable, "all" if whole else partial))
        if not isinstance(block, t.Table) and not whole:
            break
    return leads


def _group_leads(blocks: Sequence[t.Block], built: list[list[Flowable]], keeps: list[bool],
                 index: int) -> list[Lead]:
    """The leads of the keep group starting at `index`: each block that keeps with the
    next in full, then the start of the first block that keeps with nothing."""
    leads: list[Lead] = []
    while True:
        whole = keeps[index] or is_signature(blocks[index])
        leads += _own_leads(blocks[index], built[index], whole)
        if not keeps[index]:
            return leads
        index += 1


Place = Callable[[t.Block, list[Flowable], list[Flowable]], list[Flowable]]


def _as_built(block: t.Block, story: list[Flowable], flowables: list[Flowable]
              ) -> list[Flowable]:
    return flowables


def kept_flowables(story: list[Flowable], blocks: Sequence[t.Block],
                   build: Callable[[t.Block], list[Flowable]], width: float,
                   place: Place = _as_built) -> None:
    """Append the flowables of a section's blocks to `story`, with a NeedSpace before
    every keep group; `place` may rearrange a block's flowables against the story so far
    (a landscape table takes the headings before it onto its own page)."""
    built = [build(block) for block in blocks]
    keeps = _keeps(blocks, built, width)
    for index, block in enumerate(blocks):
        starts = keeps[index] or is_signature(block)
        if starts and not (index and keeps[index - 1]):
            story.append(NeedSpace(_group_leads(blocks, built, keeps, index)))
        story += place(block, story, built[index])
