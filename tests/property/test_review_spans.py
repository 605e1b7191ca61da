"""Any tracked edit of wrapped block-scalar prose lands exactly: after applying it, the
field reads as the reviewer's paragraph; or it is refused and the file is untouched."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from standgen.review.apply import Placed, place, write_edits
from standgen.review.changes import Change
from standgen.review.docxread import Para, Segment
from standgen.review.locate import Where
from standgen.review.textspan import field_span, flatten

WORDS = st.lists(st.text("aeiklmnorst", min_size=1, max_size=9), min_size=3, max_size=40)
REFUSALS = ("more than once", "not in the source as built", "too little text")


def _paragraph_of(yaml_text: str) -> str:
    start, end, style = field_span(yaml_text, 2, "text")
    return flatten(yaml_text, start, end, style).text.strip().strip('"')


def _yaml(words: list[str], style: str) -> str:
    body = textwrap.fill(" ".join(words), 30)
    if style == "block":
        return "blocks:\n  - text: |\n" + textwrap.indent(body, "      ") + "\n  - x: 1\n"
    quote = '"' if style == "double" else ""
    lines = body.split("\n")
    value = "\n".join([lines[0], *("      " + line for line in lines[1:])])
    return f"blocks:\n  - text: {quote}{value}{quote}\n  - x: 1\n"


def _read(yaml_text: str) -> str:
    import yaml

    return " ".join(str(yaml.safe_load(yaml_text)["blocks"][0]["text"]).split())


@settings(max_examples=80, deadline=None, database=None, derandomize=True)
@given(words=WORDS, style=st.sampled_from(["block", "double", "plain"]), data=st.data())
def test_an_edit_lands_exactly_or_is_refused(words: list[str], style: str,
                                             data: st.DataObject) -> None:
    yaml_text = _yaml(words, style)
    paragraph = _paragraph_of(yaml_text)
    first = data.draw(st.integers(0, len(paragraph)))
    last = data.draw(st.integers(first, min(len(paragraph), first + 15)))
    inserted = data.draw(st.text("uvwz ", max_size=8))
    deleted = paragraph[first:last]
    if not deleted and not inserted:
        return
    before, after = paragraph[:first], paragraph[last:]
    para = Para(0, "1", [Segment("plain", paragraph)])
    kind = "replace" if deleted and inserted else "del" if deleted else "ins"
    change = Change(para, kind, deleted, inserted, before, after, "R", "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        placed = place(change, Where("h.yaml", 2, "prose", "prose",
                                     {"field": "blocks[0].text"}), Path(folder))
        if isinstance(placed, str):
            assert any(reason in placed for reason in REFUSALS), placed
            assert path.read_text(encoding="utf-8") == yaml_text
            return
        assert isinstance(placed, Placed)
        assert write_edits([placed]) == {}
        new = path.read_text(encoding="utf-8")
    assert new.endswith("\n  - x: 1\n")
    assert _read(new) == " ".join((before + inserted + after).split())
