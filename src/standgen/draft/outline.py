"""A report's structure as flat lists: chapters, sections, topics and indicator tables.

Each entry knows where it stands (chapter and section number), so that two editions can be
compared entry by entry; `pair` matches the entries of two editions on a series of keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from standgen.model.report import Block, Chapter, Report, Section, TableBlock
from standgen.model.tables import IndicatorTable

T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """Where an entry stands: its chapter and, below it, its section (None: the chapter)."""

    chapter: int
    chapter_title: str
    section: str | None = None
    section_title: str | None = None


@dataclass(frozen=True)
class ChapterEntry:
    """A chapter: number, id and title."""

    number: int
    id: str | None
    title: str


@dataclass(frozen=True)
class SectionEntry:
    """A section with its chapter; `rank` is its position within the chapter."""

    number: str
    id: str | None
    title: str
    place: Place
    rank: int


@dataclass(frozen=True)
class TopicEntry:
    """A topic by id; untitled topics go by their section's title."""

    id: str
    title: str
    place: Place


@dataclass(frozen=True)
class TableEntry:
    """An indicator table by id, with the topic that holds it (None: section or chapter)."""

    id: str
    title: str
    kind: str
    place: Place
    topic: str | None


@dataclass
class Outline:
    """Every chapter, section, topic and table of a report, in reading order."""

    chapters: list[ChapterEntry] = field(default_factory=list)
    sections: list[SectionEntry] = field(default_factory=list)
    topics: list[TopicEntry] = field(default_factory=list)
    tables: list[TableEntry] = field(default_factory=list)


def outline_of(report: Report) -> Outline:
    """The structure of `report`'s chapters (front matter is not part of it)."""
    out = Outline()
    for chapter in report.chapters:
        out.chapters.append(ChapterEntry(chapter.number, chapter.id, chapter.title))
        here = Place(chapter.number, chapter.title)
        out.tables += _tables(chapter.blocks, here, None)
        for rank, section in enumerate(chapter.sections):
            _add_section(out, chapter, section, rank)
    return out


def _add_section(out: Outline, chapter: Chapter, section: Section, rank: int) -> None:
    place = Place(chapter.number, chapter.title, section.number, section.title)
    out.sections.append(SectionEntry(section.number, section.id, section.title, place, rank))
    out.tables += _tables(section.blocks, place, None)
    for topic in section.topics:
        out.topics.append(TopicEntry(topic.id, topic.title or section.title, place))
        out.tables += _tables(topic.blocks, place, topic.id)


def _tables(blocks: Sequence[Block], place: Place, topic: str | None) -> list[TableEntry]:
    found: list[IndicatorTable] = [b.table for b in blocks if isinstance(b, TableBlock)]
    return [TableEntry(t.id, t.title, t.kind, place, topic) for t in found]


@dataclass
class Pairing(Generic[T]):
    """Entries of two editions matched up, and those left over on either side."""

    pairs: list[tuple[T, T]]
    dropped: list[T]
    added: list[T]


def pair(previous: Sequence[T], current: Sequence[T],
         keys: Sequence[Callable[[T], object]]) -> Pairing[T]:
    """Match entries on each key in turn (None never matches), first come first served."""
    left, right = list(previous), list(current)
    pairs: list[tuple[T, T]] = []
    for key in keys:
        waiting: dict[object, list[T]] = {}
        for item in right:
            value = key(item)
            if value is not None:
                waiting.setdefault(value, []).append(item)
        for item in list(left):
            candidates = waiting.get(key(item)) if key(item) is not None else None
            if candidates:
                match = candidates.pop(0)
                pairs.append((item, match))
                left.remove(item)
                right.remove(match)
    return Pairing(pairs, left, right)
