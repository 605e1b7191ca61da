"""A hurried author's abbreviation lists against the openbare versie: each case would have
printed, in the public list, an abbreviation or meaning only confidential text holds. The
build refuses with an error at the entry, writes nothing, and exits 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.hostile.guard import run_cli
from tests.unit.anyreport.support import BASE

SECRET = "dep-vertrouwelijk"

# (name, public text, confidential text, the public entry)
CASES: list[tuple[str, str, str, dict[str, str]]] = [
    # the abbreviation stood in the public text only inside a Jinja comment, never printed
    ("only-in-a-template-comment", "Zie de tabel.{# XPROJ nog uitwerken #}",
     "Het XPROJ loopt vertraging op.", {"XPROJ": "Project Nachtegaal"}),
    # the entry was typed in another case than the confidential text writes it
    ("other-case", "Openbare tekst.", "Het XPROJ loopt vertraging op.",
     {"Xproj": "Project Nachtegaal"}),
    # the abbreviation is used nowhere, but its meaning stands in confidential text
    ("meaning-only", "Openbare tekst.", "Het Project\nNachtegaal loopt vertraging op.",
     {"PN": "Project Nachtegaal"}),
    # the only public mention is a footnote reference, which prints a number
    ("only-a-footnote-reference", "Openbare tekst.[^XPROJ]",
     "Het XPROJ loopt vertraging op.", {"XPROJ": "Project Nachtegaal"}),
]


def _source(public: str, secret: str, entry: dict[str, str]) -> dict[str, Any]:
    chapter: dict[str, Any] = {
        "number": 1, "title": "Voortgang", "blocks": [{"text": public}],
        "sections": [{"number": "1.1", "title": "Eerste", "topics": [
            {"id": "geheim", "title": "Geheim", "rubricering": SECRET,
             "blocks": [{"text": secret}]}]}]}
    if "[^XPROJ]" in public:
        chapter["footnotes"] = [{"id": "XPROJ", "text": "Een openbare noot."}]
    return {**BASE, "chapters": [chapter], "back_matter": {"afkortingen": {"entries": [entry]}}}


@pytest.mark.parametrize(("name", "public", "secret", "entry"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_public_entry_naming_confidential_text_is_refused(
        tmp_path: Path, name: str, public: str, secret: str, entry: dict[str, str]) -> None:
    main = tmp_path / "report.yaml"
    main.write_text(yaml.safe_dump(_source(public, secret, entry), allow_unicode=True,
                                   sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli(["build", str(main), "--out", str(out), "--format", "md", "--jobs", "1"])
    assert run.code == 2, run.output
    assert "Traceback" not in run.output
    assert f"{main}:" in run.output and "back_matter.afkortingen.entries[0].term" in run.output
    assert "give the entry the rubricering" in run.output
    assert not out.exists() or not any(out.iterdir())
