"""The YAML examples of the author guide and the README, as typed in by a reader: every
block parses, and the blocks marked `# file: NAME` (or ```csv file=NAME) make a report
that validates without an error in every edition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from standgen.api import load, validate

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "docs" / "author-guide.md", ROOT / "README.md"]
_FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
_MARK = re.compile(r"#\s*file:\s*(\S+)")
_INFO = re.compile(r"\bfile=(\S+)")


def _blocks(doc: Path) -> list[tuple[str, str, str]]:
    """(language, info string, body) of every fenced block of `doc`."""
    return [(m.group(1), m.group(2), m.group(3))
            for m in _FENCE.finditer(doc.read_text(encoding="utf-8"))]


def _files(doc: Path) -> dict[str, str]:
    """The blocks that are whole files, by the name they are marked with."""
    files: dict[str, str] = {}
    for language, info, body in _blocks(doc):
        first = body.split("\n", 1)[0]
        mark = _MARK.match(first) if language == "yaml" else _INFO.search(info)
        if mark is not None:
            assert mark.group(1) not in files, f"{doc.name}: {mark.group(1)} marked twice"
            files[mark.group(1)] = body
    return files


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_yaml_example_parses(doc: Path) -> None:
    yaml_blocks = [body for language, _, body in _blocks(doc) if language == "yaml"]
    assert yaml_blocks
    for body in yaml_blocks:
        try:
            yaml.safe_load(body)
        except yaml.YAMLError as exc:
            pytest.fail(f"{doc.name}: a YAML example does not parse: {exc}\n{body}")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_marked_files_make_a_valid_report(doc: Path, tmp_path: Path) -> None:
    files = _files(doc)
    assert "report.yaml" in files
    for name, body in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    problems = validate(load(tmp_path / "report.yaml"))
    assert [str(p) for p in problems.errors] == []


def test_a_comma_in_an_unquoted_flow_value_is_what_the_guide_warns_about() -> None:
    """The trap the guide's quoted footnote avoids: YAML splits at the comma."""
    assert yaml.safe_load("{id: steun, text: Kamerstuk 36 592, nr. 52}") == {
        "id": "steun", "text": "Kamerstuk 36 592", "nr. 52": None}
