"""No pydantic phrasing reaches a report author: every common error type is told as what
was expected for which key, and what was found."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from standgen.load.validation_errors import explain
from tests.unit.load.support import REPORT, chapter, run_validate, write

PYDANTIC_PHRASES = ("Input should be", "validation error", "type=", "For further information",
                    "Value error,", "unable to parse", "pydantic")


class Colour(enum.Enum):
    ROOD = "rood"
    BLAUW = "blauw"


class Sample(BaseModel):
    """One field per common constraint, to make pydantic raise each error type."""

    model_config = ConfigDict(extra="forbid")
    whole: int = 0
    real: float = 0.0
    amount: Decimal = Decimal(0)
    flag: bool = False
    day: dt.date = dt.date(2026, 1, 1)
    moment: dt.datetime = dt.datetime(2026, 1, 1)
    choice: Literal["line", "bar"] = "line"
    colour: Colour = Colour.ROOD
    name: str = "x"
    short: Annotated[str, Field(min_length=2, max_length=4)] = "abc"
    items: Annotated[list[str], Field(min_length=1, max_length=2)] = ["a"]
    mapping: dict[str, int] = {}
    positive: Annotated[int, Field(gt=0)] = 1
    at_least: Annotated[int, Field(ge=1)] = 1
    below: Annotated[int, Field(lt=10)] = 1
    at_most: Annotated[int, Field(le=10)] = 1
    code: Annotated[str, Field(pattern=r"^[a-z]+$")] = "a"
    step: Annotated[int, Field(multiple_of=5)] = 5
    exact: Annotated[Decimal, Field(max_digits=3, decimal_places=1)] = Decimal(1)


BAD: list[tuple[str, object, str]] = [
    ("whole", "twintig", "a whole number"),
    ("whole", 20.5, "a whole number without decimals"),
    ("whole", [1], "a whole number"),
    ("real", "veel", "a number"),
    ("amount", "€ 12", "a number"),
    ("amount", [], "a number"),
    ("flag", "misschien", "yes or no"),
    ("flag", 7, "yes or no"),
    ("day", "20 mei 2026", "a date written as YYYY-MM-DD"),
    ("day", "2026-13-45", "a date written as YYYY-MM-DD"),
    ("moment", "gisteren", "a date and time"),
    ("choice", "taart", "one of: 'line', 'bar'"),
    ("choice", "Lijn", "one of: 'line', 'bar' for `choice`, got 'Lijn'; did you mean 'line'?"),
    ("colour", "groen", "one of: 'rood', 'blauw'"),
    ("name", ["a", "b"], "text"),
    ("name", {"a": 1}, "text"),
    ("short", "a", "at least 2 characters"),
    ("short", "abcdef", "at most 4 characters"),
    ("items", [], "at least one item"),
    ("items", ["a", "b", "c"], "at most 2 items"),
    ("items", "abc", "a list"),
    ("mapping", [1, 2], "a mapping"),
    ("mapping", {"a": "veel"}, "a whole number"),
    ("positive", 0, "a number more than 0"),
    ("at_least", 0, "a number at least 1"),
    ("below", 10, "a number less than 10"),
    ("at_most", 11, "a number at most 10"),
    ("code", "ABC", "text of the form"),
    ("step", 7, "a multiple of 5"),
    ("exact", Decimal("123.45"), "a number with fewer digits"),
]


@pytest.mark.parametrize(("key", "value", "expected"), BAD,
                         ids=[f"{k}={v!r}" for k, v, _ in BAD])
def test_every_common_error_type_is_told_in_author_terms(key: str, value: object,
                                                         expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Sample.model_validate({key: value})
    messages = [explain(e) for e in caught.value.errors(include_url=False)]
    for message in messages:
        assert not any(phrase.lower() in message.lower() for phrase in PYDANTIC_PHRASES), (
            message)
    assert any(message.startswith(f"expected {expected}") for message in messages), messages
    assert any(f"`{key}`" in message or "`" in message for message in messages), messages


def test_missing_and_unknown_keys() -> None:
    class Needs(BaseModel):
        model_config = ConfigDict(extra="forbid")
        title: str

    with pytest.raises(ValidationError) as caught:
        Needs.model_validate({"titel": "x"})
    messages = sorted(explain(e) for e in caught.value.errors(include_url=False))
    assert messages[0] == "required key `title` is missing; add it"
    assert messages[1].startswith("unknown key 'titel'")


MALFORMED = {
    "report_year: 2025": ["report_year: twintig", "report_year: 2025.5", "report_year: [1]",
                          "report_year: ja"],
    "date: 2026-05-20": ["date: 20 mei 2026", "date: 2026-13-45", "date: morgen",
                         "date: [2026]"],
    "title: Testrapport": ["title: [a, b]", "title: {a: 1}", "titel: Testrapport"],
    "chapters:\n  - include: h1.yaml": ["chapters: {a: 1}", "chapters: 7",
                                        "chapters:\n  - 12"],
}
BLOCKS = ["- table: {id: t, title: T, columns: [2024], rows: [{id: a, label: A, values: [[2]]}]}",
          "- list: {items: [a], ordered: soms}", "- list: {items: abc}",
          "- heading: {text: {a: 1}}", "- figure: {id: f, title: F, image: [a], alt: x}",
          "- table: {id: t, title: T, columns: 2025, rows: []}",
          "- figure: {id: f, title: F, chart: {type: taart, table: t, rows: [a]}, alt: x}",
          "- text: {text: a, rubricering: 7}", "- onbekend: x", "- {}"]


def _cases() -> list[tuple[str, str]]:
    cases = [(REPORT.replace(good, bad), chapter("- text: hallo\n"))
             for good, bads in MALFORMED.items() for bad in bads]
    cases += [(REPORT, chapter(block + "\n")) for block in BLOCKS]
    cases += [(REPORT, chapter("- text: a\n").replace("number: 1", f"number: {n}"))
              for n in ("een", "1.5", "[1]")]
    return cases


def test_no_pydantic_text_reaches_an_author(capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    for index, (report, h1) in enumerate(_cases()):
        path = write(tmp_path / str(index), {"report.yaml": report, "h1.yaml": h1})
        outcome = run_validate(capsys, path)
        assert outcome.code in (1, 2) and outcome.problems, (report, h1, outcome.stderr)
        for problem in outcome.problems:
            assert problem.line is not None and problem.field, outcome.stderr
            assert not any(p.lower() in problem.message.lower() for p in PYDANTIC_PHRASES), (
                outcome.stderr)
