"""What changed in a report's structure between two editions, in the report's own words.

Chapters and sections are matched by id, then by title, then by number (so a section with
the same number and another title is renamed); topics and indicator tables by id. Entries
inside an added or dropped container are not listed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from standgen.draft.outline import (
    Outline,
    Place,
    SectionEntry,
    TableEntry,
    TopicEntry,
    outline_of,
    pair,
)
from standgen.draft.phrasing import ChangePhrases
from standgen.format.roman import from_roman
from standgen.model.report import Report

ChangeKind = Literal[
    "chapter-added", "chapter-dropped", "chapter-renamed",
    "section-added", "section-dropped", "section-renamed", "section-moved",
    "topic-added", "topic-dropped", "topic-moved",
    "indicator-added", "indicator-dropped", "indicator-moved",
]


@dataclass(frozen=True)
class Change:
    """One structural change: its kind and the Dutch sentence for the change list."""

    kind: ChangeKind
    text: str
    order: tuple[int, ...] = ()


def changes_between(previous: Report, current: Report, *,
                    templates: Path | None = None) -> list[Change]:
    """The structural changes from `previous` to `current`, in the current report's order."""
    return _Comparison(outline_of(previous), outline_of(current),
                       ChangePhrases(templates)).run()


def _order(number: int | str | None, chapter: int) -> tuple[int, ...]:
    """Where a numbered part sorts: "2.3" and "II.3" both as (2, 3)."""
    if isinstance(number, str):
        parts = (int(p) if p.isdigit() else from_roman(p) for p in number.split("."))
        return tuple(p for p in parts if p is not None)
    return (number if number is not None else chapter,)


class _Comparison:
    """Two outlines compared: which containers map onto which, and the changes found."""

    def __init__(self, old: Outline, new: Outline, phrases: ChangePhrases) -> None:
        self.old, self.new, self.phrases = old, new, phrases
        self.changes: list[Change] = []
        chapters = pair(old.chapters, new.chapters,
                        [lambda c: c.id, lambda c: c.title, lambda c: c.number])
        self.chapters = chapters
        self.chapter_map = {a.number: b.number for a, b in chapters.pairs}
        self.sections = pair(old.sections, new.sections,
                             [lambda s: s.id, lambda s: s.title, lambda s: s.number])
        self.section_map = {a.number: b.number for a, b in self.sections.pairs}
        self.topics = pair(old.topics, new.topics, [lambda t: t.id])
        self.topic_ids = {a.id for a, _ in self.topics.pairs}

    def run(self) -> list[Change]:
        self._chapters()
        self._sections()
        self._topics()
        self._tables()
        return sorted(self.changes, key=lambda c: c.order)

    def add(self, kind: ChangeKind, order: tuple[int, ...], **context: Any) -> None:
        self.changes.append(Change(kind, self.phrases.render("changes", kind, **context),
                                   order))

    def _chapters(self) -> None:
        for c in self.chapters.added:
            self.add("chapter-added", (c.number,), number=c.number, title=c.title)
        for c in self.chapters.dropped:
            self.add("chapter-dropped", (c.number,), number=c.number, title=c.title)
        for a, b in self.chapters.pairs:
            if a.title != b.title:
                self.add("chapter-renamed", (b.number,), number=b.number, title=b.title,
                         old_title=a.title)

    def _sections(self) -> None:
        for s in self.sections.added:
            if s.place.chapter in self.chapter_map.values():
                self.add("section-added", _order(s.number, 0), number=s.number, title=s.title)
        for s in self.sections.dropped:
            if s.place.chapter in self.chapter_map:
                self.add("section-dropped", _order(s.number, 0), number=s.number,
                         title=s.title)
        for a, b in self.sections.pairs:
            if a.title != b.title:
                self.add("section-renamed", _order(b.number, 0), number=b.number,
                         title=b.title, old_title=a.title)
            if self._moved(a, b):
                self.add("section-moved", _order(b.number, 0), number=b.number,
                         old_number=a.number, title=b.title, chapter=b.place.chapter,
                         chapter_title=b.place.chapter_title, old_chapter=a.place.chapter,
                         old_chapter_title=a.place.chapter_title)

    def _moved(self, a: SectionEntry, b: SectionEntry) -> bool:
        """Moved to another chapter, or to another place among the sections that stayed."""
        if self.chapter_map.get(a.place.chapter) != b.place.chapter:
            return True
        stayed = [(x, y) for x, y in self.sections.pairs
                  if x.place.chapter == a.place.chapter and y.place.chapter == b.place.chapter]
        before = sorted(stayed, key=lambda p: p[0].rank)
        after = sorted(stayed, key=lambda p: p[1].rank)
        return before.index((a, b)) != after.index((a, b))

    def _same_place(self, old: Place, new: Place) -> bool:
        if old.section is not None:
            return self.section_map.get(old.section) == new.section
        return new.section is None and self.chapter_map.get(old.chapter) == new.chapter

    def _place_kept(self, place: Place, side: Literal["old", "new"]) -> bool:
        """The container at `place` exists in both editions (it was not added or dropped)."""
        if place.section is None:
            kept = self.chapter_map if side == "old" else self.chapter_map.values()
            return place.chapter in kept
        sections = self.section_map if side == "old" else self.section_map.values()
        return place.section in sections

    def where(self, place: Place) -> str:
        return self.phrases.place(place.section, place.chapter)

    def _topics(self) -> None:
        for t in self.topics.added:
            if self._place_kept(t.place, "new"):
                self._topic("topic-added", t)
        for t in self.topics.dropped:
            if self._place_kept(t.place, "old"):
                self._topic("topic-dropped", t)
        for a, b in self.topics.pairs:
            if not self._same_place(a.place, b.place):
                self.add("topic-moved", _order(b.place.section, b.place.chapter),
                         title=b.title, where=self.where(b.place),
                         old_where=self.where(a.place))

    def _topic(self, kind: ChangeKind, topic: TopicEntry) -> None:
        self.add(kind, _order(topic.place.section, topic.place.chapter), title=topic.title,
                 where=self.where(topic.place))

    def _tables(self) -> None:
        tables = pair(self.old.tables, self.new.tables, [lambda t: t.id])
        for t in tables.added:
            if self._holder_kept(t, "new"):
                self._table("indicator-added", t)
        for t in tables.dropped:
            if self._holder_kept(t, "old"):
                self._table("indicator-dropped", t)
        for a, b in tables.pairs:
            moved_with_topic = a.topic is not None and a.topic == b.topic
            if not moved_with_topic and not self._same_place(a.place, b.place):
                self.add("indicator-moved", _order(b.place.section, b.place.chapter),
                         title=b.title, noun=self.phrases.noun(b.kind),
                         where=self.where(b.place), old_where=self.where(a.place))

    def _holder_kept(self, table: TableEntry, side: Literal["old", "new"]) -> bool:
        if table.topic is not None:
            return table.topic in self.topic_ids
        return self._place_kept(table.place, side)

    def _table(self, kind: ChangeKind, table: TableEntry) -> None:
        self.add(kind, _order(table.place.section, table.place.chapter), title=table.title,
                 noun=self.phrases.noun(table.kind), where=self.where(table.place))


__all__ = ["Change", "ChangeKind", "changes_between"]
