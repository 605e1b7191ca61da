"""Compare two snapshots and say what changed in the report's own terms."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from standgen.snapshot.parse import Parsed, parse_snapshot
from standgen.snapshot.tables_diff import all_table_changes
from standgen.snapshot.text_diff import text_changes

RESIDUAL_SECTIONS = ("document", "styles used", "footnotes")
"""Sections outside the body; images are compared in the body, where their place is known."""
MAX_RESIDUAL_LINES = 400


@dataclass
class SnapshotDiff:
    """Changes in report terms, plus a unified diff of whatever those do not cover."""

    changes: list[str] = field(default_factory=list)
    residual: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything differs."""
        return bool(self.changes or self.residual)

    def render(self) -> str:
        """The diff as text for a person."""
        if not self.changed:
            return "no changes\n"
        lines = [f"Changes ({len(self.changes)}):"] if self.changes else []
        lines += [f"  {change}" for change in self.changes]
        if self.residual:
            lines.append("Other differences (unified diff of the snapshots):")
            lines += self.residual
        return "\n".join(lines) + "\n"


def _keyed_outline(parsed: Parsed) -> dict[str, int]:
    seen: Counter[str] = Counter()
    keyed: dict[str, int] = {}
    for _level, title, page in parsed.outline:
        seen[title] += 1
        keyed[title if seen[title] == 1 else f"{title} ({seen[title]})"] = page
    return keyed


def page_changes(old: Parsed, new: Parsed) -> list[str]:
    """Page count and the start pages of headings."""
    out: list[str] = []
    if old.pages != new.pages:
        out.append(f"page count: {old.pages} → {new.pages}")
    before, after = _keyed_outline(old), _keyed_outline(new)
    for title, page in after.items():
        if title not in before:
            out.append(f"heading added: {title} (p. {page})")
        elif before[title] != page:
            out.append(f"{title} now starts on page {page}, was {before[title]}")
    out += [f"heading removed: {title}" for title in before if title not in after]
    return out


def changed_pages(old: Parsed, new: Parsed) -> list[str]:
    """The pages whose body lines differ (text, tables or line breaks)."""
    pages = sorted(set(old.page_lines) | set(new.page_lines))
    differ = [str(p) for p in pages if old.page_lines.get(p) != new.page_lines.get(p)]
    return [f"pages whose text lines differ: {', '.join(differ)}"] if differ else []


def furniture_changes(old: Parsed, new: Parsed) -> list[str]:
    """Running headers and footers that appear or disappear (page numbers ignored)."""
    out = [f"running {line.partition(':')[0]} added: {line.partition(': ')[2]}"
           for line in sorted(new.furniture - old.furniture)]
    out += [f"running {line.partition(':')[0]} removed: {line.partition(': ')[2]}"
            for line in sorted(old.furniture - new.furniture)]
    return out


def _images(parsed: Parsed) -> list[tuple[str, str, str]]:
    """Each image as (context, hash, alt text), in document order."""
    out: list[tuple[str, str, str]] = []
    for index, line in enumerate(parsed.sections.get("images", [])):
        digest, _, alt = line.partition(". ")[2].partition(" ")
        context = parsed.image_context[index] if index < len(parsed.image_context) else ""
        out.append((context, digest, alt))
    return out


def image_changes(old: Parsed, new: Parsed) -> list[str]:
    """Images added, removed, or redrawn (same alt text, new content), matched by content."""
    before, after = _images(old), _images(new)
    gone, came = _unmatched(before, after), _unmatched(after, before)
    out: list[str] = []
    for context, digest, alt in came:
        place = f"{context}, " if context else ""
        match = next((g for g in gone if g[2] == alt), None)
        if match is not None:
            gone.remove(match)
            out.append(f"{place}image {alt} redrawn: {match[1]} → {digest}")
        else:
            out.append(f"{place}image added: {digest} {alt}")
    out += [f"{c + ', ' if c else ''}image removed: {d} {a}" for c, d, a in gone]
    return out


def _unmatched(images: list[tuple[str, str, str]],
               others: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    pool = Counter((digest, alt) for _, digest, alt in others)
    return [image for image in images if not _take(pool, image)]


def _take(pool: Counter[tuple[str, str]], image: tuple[str, str, str]) -> bool:
    key = (image[1], image[2])
    if pool[key] > 0:
        pool[key] -= 1
        return True
    return False


def _residual(old: Parsed, new: Parsed, names: tuple[str, str]) -> list[str]:
    def lines(parsed: Parsed) -> list[str]:
        out: list[str] = []
        for section in RESIDUAL_SECTIONS:
            body = [x for x in parsed.sections.get(section, []) if not x.startswith("pages: ")]
            out += [f"== {section} ==", *body]
        return out

    diff = list(difflib.unified_diff(lines(old), lines(new), names[0], names[1], lineterm=""))
    if len(diff) > MAX_RESIDUAL_LINES:
        left = len(diff) - MAX_RESIDUAL_LINES
        diff = [*diff[:MAX_RESIDUAL_LINES], f"… {left} more diff lines left out"]
    return diff


def compare_snapshots(old_text: str, new_text: str,
                      names: tuple[str, str] = ("a", "b")) -> SnapshotDiff:
    """What changed from the old snapshot to the new one."""
    if old_text == new_text:
        return SnapshotDiff()
    old, new = parse_snapshot(old_text), parse_snapshot(new_text)
    result = SnapshotDiff()
    if old.kind != new.kind:
        result.changes.append(f"artifact kind: {old.kind} → {new.kind}")
    result.changes += page_changes(old, new)
    result.changes += all_table_changes(old.tables, new.tables)
    result.changes += text_changes(old.words, new.words)
    result.changes += furniture_changes(old, new)
    result.changes += image_changes(old, new)
    result.changes += changed_pages(old, new)
    result.residual = _residual(old, new, names)
    if not result.changed:
        result.residual = list(difflib.unified_diff(
            old_text.splitlines(), new_text.splitlines(), names[0], names[1], lineterm=""))
    return result
