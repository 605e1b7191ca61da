"""Changes in the running text, word by word, so re-wrapped lines are no change at all."""

from __future__ import annotations

from difflib import SequenceMatcher

from standgen.snapshot.parse import Word

CONTEXT_WORDS = 5
MAX_WORDS = 30


def _words(words: list[Word]) -> str:
    shown = " ".join(w.text for w in words[:MAX_WORDS])
    return shown + (" …" if len(words) > MAX_WORDS else "")


def _place(anchor: Word | None) -> str:
    if anchor is None:
        return ""
    where = anchor.context
    if anchor.page is not None:
        where = f"{where}, p. {anchor.page}" if where else f"p. {anchor.page}"
    return f"{where}, " if where else ""


def text_changes(old: list[Word], new: list[Word], limit: int = 100) -> list[str]:
    """Each changed stretch of running text, with a few words around it."""
    matcher = SequenceMatcher(None, [w.text for w in old], [w.text for w in new],
                              autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if len(out) == limit:
            out.append("… more text changes left out")
            break
        before = _words(new[max(0, j1 - CONTEXT_WORDS):j1])
        after = _words(new[j2:j2 + CONTEXT_WORDS])
        if tag == "replace":
            change = f"[{_words(old[i1:i2])} → {_words(new[j1:j2])}]"
        elif tag == "delete":
            change = f"[− {_words(old[i1:i2])}]"
        else:
            change = f"[+ {_words(new[j1:j2])}]"
        anchor = new[j1] if j1 < len(new) else (new[-1] if new else None)
        out.append(f"{_place(anchor)}text: “… {before} {change} {after} …”")
    return out
