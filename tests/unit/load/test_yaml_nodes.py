"""The YAML reader: YAML 1.2 core typing, lines, aliases, merge keys and clear refusals."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from pathlib import Path

import pytest

from standgen.errors import SourceError
from standgen.load.yaml_nodes import YamlSyntaxError, compose, load_plain
from standgen.load.yaml_source import load_yaml_tree
from standgen.model.base import SOURCE_KEY


@pytest.mark.parametrize(("text", "expected"), [
    ("1.420", Decimal("1.420")),
    ("-0.5", Decimal("-0.5")),
    ("1e3", Decimal("1e3")),
    ("2025", 2025),
    ("1_000", 1000),
    ("0x1F", 31),
    ("0o17", 15),
    ("true", True),
    ("False", False),
    ("no", "no"),
    ("yes", "yes"),
    ("on", "on"),
    ("~", None),
    ("null", None),
    ("", None),
    ("2026-04-15", dt.date(2026, 4, 15)),
    ("2026-13-45", "2026-13-45"),
    ("'2025'", "2025"),
    ('"1.5"', "1.5"),
    ("!!str 12", "12"),
    ("!!float 3", Decimal("3")),
    ("n.t.b.", "n.t.b."),
    ("1.693", Decimal("1.693")),
])
def test_plain_scalars_are_typed_by_the_yaml_1_2_core_schema(text: str, expected: object) -> None:
    value = load_plain(f"x: {text}\n")["x"]
    assert value == expected
    assert type(value) is type(expected)


def test_infinity_and_nan_are_read_as_floats_for_the_loader_to_refuse() -> None:
    data = load_plain("a: .inf\nb: -.Inf\nc: .nan\n")
    assert data["a"] == math.inf and data["b"] == -math.inf and math.isnan(data["c"])


def test_nodes_carry_their_lines_and_aliases_share_one_node() -> None:
    root = compose("a: &x\n  - 1\n  - 2\nb: *x\n")
    assert root is not None and root.kind == "map"
    (key_a, value_a), (key_b, value_b) = root.value
    assert (key_a.line, key_b.line) == (1, 4)
    assert value_a is value_b
    assert [item.line for item in value_a.value] == [2, 3]


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a' (first at line 1)"),
    ("a: 1\n---\nb: 2\n", 2, "more than one YAML document"),
    ("a: *nowhere\n", 1, "*nowhere names no anchor"),
    ("a:\n\t- b\n", 2, "tab character"),
    ('a: "open\nb: 2\n', 1, "found unexpected end of stream"),
    ("a: [1, 2\nb: 3\n", None, "YAML syntax error"),
    ("a: 1\nbroken: [\n", 2, "YAML syntax error"),
    ('a: "\\uD800"\n', 1, "U+D800"),
    ("x: " + "[" * 300 + "]" * 300 + "\n", 1, "nesting is too deep"),
])
def test_unreadable_yaml_names_the_line_and_the_fix(text: str, line: int | None,
                                                     fragment: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        compose(text)
    assert fragment in caught.value.message
    if line is not None:
        assert caught.value.line == line


def test_unknown_tags_are_refused_at_their_line(tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text("title: T\nwaarde: !python/object:os.system ls\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_yaml_tree(path)
    problem = caught.value.problems[0]
    assert problem.location.line == 2
    assert problem.location.field == "waarde"
    assert "tag" in problem.message and "not supported" in problem.message


def test_merge_keys_fill_in_what_the_mapping_does_not_set(tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text("basis: &b\n  eenheid: aantal\n  jaar: 2024\n"
                    "rij:\n  <<: *b\n  jaar: 2025\n", encoding="utf-8")
    data, files = load_yaml_tree(path)
    assert files == [path.resolve()]
    row = data["rij"]
    assert (row["eenheid"], row["jaar"]) == ("aantal", 2025)
    assert row[SOURCE_KEY].key_lines == {"jaar": 6, "eenheid": 2}


def test_keys_keep_their_written_text(tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    path.write_text("waarden:\n  2024: 1\n  1.10: 2\n  'x': 3\n", encoding="utf-8")
    data, _ = load_yaml_tree(path)
    assert [key for key in data["waarden"] if key != SOURCE_KEY] == ["2024", "1.10", "x"]
