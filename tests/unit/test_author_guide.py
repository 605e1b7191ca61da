"""docs/author-guide.md covers the whole input format, and its examples print what it says.

Each mapping of the JSON Schema (`standgen schema`) has a section in the guide whose heading
names it in backticks; every key of that mapping must be named, in backticks, in that
section. Every status word, unit kind, role and other fixed value must be named somewhere,
and so must every template function and filter the sandbox allows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from standgen.cli import main
from standgen.compose.sandbox import CALLABLE_NAMES
from standgen.compose.templating import make_environment
from standgen.schema import input_schema

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "author-guide.md"
ROOT_MAPPING = "Report"


def _sections(text: str) -> dict[str, str]:
    """Guide text per schema mapping: from a heading naming it in backticks to the next
    heading of the same or a higher level."""
    lines = text.splitlines()
    fenced, inside = set(), False
    for index, line in enumerate(lines):  # a "# file: …" line in a code block is no heading
        if line.startswith("```"):
            inside = not inside
        elif inside:
            fenced.add(index)
    out: dict[str, str] = {}
    for index, line in enumerate(lines):
        heading = re.match(r"(#+) ", line) if index not in fenced else None
        if not heading:
            continue
        level = len(heading.group(1))
        end = next((j for j in range(index + 1, len(lines)) if j not in fenced
                    and (m := re.match(r"(#+) ", lines[j])) and len(m.group(1)) <= level),
                   len(lines))
        for name in re.findall(r"`(\w+)`", line):
            out[name] = "\n".join(lines[index:end])
    return out


def _keys(node: Any) -> set[str]:
    """The property names of one mapping definition (through its anyOf/oneOf options)."""
    found: set[str] = set()
    if isinstance(node, dict):
        found |= set(node.get("properties", {}))
        for option in node.get("anyOf", []) + node.get("oneOf", []):
            if "$ref" not in option:
                found |= _keys(option)
    return found


def _enums(node: Any) -> set[str]:
    """Every fixed string value anywhere in the schema."""
    if isinstance(node, list):
        return set().union(*(_enums(item) for item in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found = {v for v in node.get("enum", []) if isinstance(v, str)}
    if isinstance(node.get("const"), str):
        found.add(node["const"])
    return found.union(*(_enums(value) for value in node.values()))


def _mappings() -> dict[str, set[str]]:
    schema = input_schema()
    mappings = {name: _keys(definition) for name, definition in schema["$defs"].items()}
    mappings[ROOT_MAPPING] = set(schema["properties"])
    return {name: keys for name, keys in mappings.items() if keys}


def _named(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


def test_every_mapping_of_the_schema_has_a_section() -> None:
    sections = _sections(GUIDE.read_text(encoding="utf-8"))
    assert sorted(set(_mappings()) - set(sections)) == []


@pytest.mark.parametrize("mapping", sorted(_mappings()))
def test_every_key_is_explained_in_its_section(mapping: str) -> None:
    section = _sections(GUIDE.read_text(encoding="utf-8")).get(mapping, "")
    named = _named(section) | {k.split(":")[0].strip("{ ") for k in _named(section)}
    assert sorted(_mappings()[mapping] - named) == []


def test_every_fixed_value_is_named() -> None:
    named = _named(GUIDE.read_text(encoding="utf-8"))
    assert sorted(_enums(input_schema()) - named) == []


def test_every_template_function_and_filter_is_named() -> None:
    named = _named(GUIDE.read_text(encoding="utf-8"))
    allowed = set(make_environment().filters) | set(CALLABLE_NAMES)
    words = {w for text in named for w in re.findall(r"\w+", text)}
    assert sorted(allowed - words) == []


def _filter_examples() -> list[tuple[str, str]]:
    """(template, printed) pairs from the guide's table of Dutch filters."""
    pairs = []
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 3 and cells[1].startswith("`{{"):
            templates = [t.replace("\\|", "|") for t in re.findall(r"`([^`]+)`", cells[1])]
            printed = re.split(r", (?=\S)", cells[2])
            assert len(templates) == len(printed), line
            pairs.extend(zip(templates, printed, strict=True))
    return pairs


def test_the_filter_table_has_an_example_for_every_dutch_filter() -> None:
    used = {re.search(r"\| (\w+)", t).group(1) for t, _ in _filter_examples()}  # type: ignore[union-attr]
    assert used == {"getal", "procent", "euro", "delta", "datum", "rangtelwoord"}


@pytest.mark.parametrize(("template", "printed"), _filter_examples())
def test_each_filter_example_prints_what_the_guide_says(template: str, printed: str) -> None:
    rendered = make_environment().from_string(template).render()
    assert rendered.replace("\u00a0", " ") == printed


def test_the_narrative_example_runs_on_the_skeleton(tmp_path: Path) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    (example,) = re.findall(r"```jinja\n(.*?)```", guide, flags=re.DOTALL)
    assert main(["init", str(tmp_path / "r")]) == 0
    chapter = tmp_path / "r" / "hoofdstuk-1.yaml"
    text = chapter.read_text(encoding="utf-8")
    indented = "".join(f"              {line}\n" for line in example.splitlines())
    chapter.write_text(text.replace("          - groeiparagraaf: |\n",
                                    f"          - text: |\n{indented}"
                                    "          - groeiparagraaf: |\n"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "r" / "report.yaml"), "--format", "md",
                 "--out", str(out), "--jobs", "1"]) == 0
    (public,) = out.glob("*openbare-versie.md")
    printed = " ".join(public.read_text(encoding="utf-8").split())
    assert "Gestegen van 3.900 naar 4.500 (+600)." in printed
    assert "Het plan is gehaald" not in printed


def test_the_column_key_table_matches_the_model() -> None:
    from standgen.model.tables import Column

    guide = GUIDE.read_text(encoding="utf-8")
    for column, key in [({"id": "vast-2025", "label": "Vast", "group": "1 januari 2025"},
                         "vast-2025"),
                        ({"year": 2025, "role": "realisatie"}, "realisatie-2025"),
                        ({"year": 2025, "group": "1 januari 2025"}, "2025"),
                        ({"label": "Norm"}, "Norm"), ({"role": "norm"}, "norm")]:
        assert Column.model_validate(column).key == key
        assert f"| `{key}`" in guide


def test_the_readme_links_the_guide() -> None:
    assert "(docs/author-guide.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
