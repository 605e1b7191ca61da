"""Tracked changes of a paragraph as edits: what was there, what replaces it, and around."""

from __future__ import annotations

from dataclasses import dataclass

from standgen.review.docxread import Para

KIND_NAMES = {"ins": "insertion", "del": "deletion", "replace": "replacement",
              "moveFrom": "moved away", "moveTo": "moved here"}


@dataclass(frozen=True)
class Change:
    """One tracked change: `before` and `after` are the paragraph's original text around
    it; a replacement is a deletion next to an insertion."""

    para: Para
    kind: str
    deleted: str
    inserted: str
    before: str
    after: str
    author: str
    date: str

    @property
    def name(self) -> str:
        return KIND_NAMES[self.kind]


def changes_of(para: Para) -> list[Change]:
    """Every tracked change of `para`, in reading order."""
    out: list[Change] = []
    segments = para.segments
    index = 0
    offset = 0
    original = para.original
    while index < len(segments):
        segment = segments[index]
        if segment.kind == "plain":
            offset += len(segment.text)
            index += 1
            continue
        if segment.kind in ("moveFrom", "moveTo"):
            deleted = segment.text if segment.kind == "moveFrom" else ""
            inserted = segment.text if segment.kind == "moveTo" else ""
            out.append(Change(para, segment.kind, deleted, inserted, original[:offset],
                              original[offset + len(deleted):], segment.author, segment.date))
            offset += len(deleted)
            index += 1
            continue
        deleted, inserted, first = "", "", segment
        while index < len(segments) and segments[index].kind in ("ins", "del"):
            if segments[index].kind == "del":
                deleted += segments[index].text
            else:
                inserted += segments[index].text
            index += 1
        kind = "replace" if deleted and inserted else ("del" if deleted else "ins")
        out.append(Change(para, kind, deleted, inserted, original[:offset],
                          original[offset + len(deleted):], first.author, first.date))
        offset += len(deleted)
    return out
