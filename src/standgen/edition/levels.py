"""Classification levels (rubricering) as configuration, read from templates/rubricering.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from standgen.resources import template_path

Edition = Literal["openbaar", "vertrouwelijk", "bijlage"]
EDITIONS: tuple[Edition, ...] = ("openbaar", "vertrouwelijk", "bijlage")


@dataclass(frozen=True)
class Level:
    """One classification level: its id, label, page marking and rank (0 is public)."""

    id: str
    label: str
    marking: str
    rank: int
    numbered_copies: bool = False

    @property
    def is_public(self) -> bool:
        return self.rank == 0


@dataclass(frozen=True)
class Levels:
    """The configured levels, looked up by id."""

    by_id: dict[str, Level]

    def get(self, level_id: str) -> Level | None:
        return self.by_id.get(level_id)

    @property
    def ids(self) -> list[str]:
        return list(self.by_id)

    @property
    def public(self) -> Level:
        return min(self.by_id.values(), key=lambda level: level.rank)

    def highest(self, ids: list[str]) -> Level:
        """The highest of the given levels (the public level when there are none)."""
        known = [self.by_id[i] for i in ids if i in self.by_id]
        return max(known, key=lambda level: level.rank, default=self.public)


@lru_cache(maxsize=8)
def load_levels(path: Path | None = None) -> Levels:
    """Read the level configuration (the shipped one unless a path is given)."""
    from standgen.load.yaml_nodes import load_plain

    source = path or template_path("rubricering.yaml")
    data = load_plain(source.read_text(encoding="utf-8"))
    levels = [Level(str(d["id"]), str(d["label"]), str(d["marking"]), int(d["rank"]),
                    bool(d.get("numbered_copies", False))) for d in data["levels"]]
    return Levels({level.id: level for level in levels})
