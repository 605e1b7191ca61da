"""Shared base for every model node: strict keys, immutability, and a source reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import InitErrorDetails, PydanticCustomError

from standgen.errors import Location


@dataclass(frozen=True)
class SourceRef:
    """Where a mapping was read: its file, its first line, and the line of each key."""

    file: Path | None
    line: int | None
    key_lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    key_files: dict[str, Path] = field(default_factory=dict, hash=False, compare=False)
    """A key read from another file than the mapping (a data file's row marking)."""

    def at(self, key: str, path: str) -> Location:
        """The location of one field of this mapping, falling back to the mapping's line."""
        return Location(self.key_files.get(key, self.file), self.key_lines.get(key, self.line),
                        path)


SOURCE_KEY = "__source__"


def _not_blank(text: str) -> str:
    """Blank alt text reads as "decorative, skip it" to a screen reader, while a chart or
    table always carries content: refused rather than guessed."""
    if not text.strip():
        raise ValueError("alt is blank; describe the content for readers who cannot see it, "
                         "or remove the key to use the generated description")
    return text


AltText = Annotated[str, AfterValidator(_not_blank)]
"""Alternative text of a figure or table: absent (generated) or a real description."""


class Node(BaseModel):
    """A model node: unknown keys are errors, values are frozen once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True,
                              arbitrary_types_allowed=True, defer_build=True)

    source: Annotated[SkipJsonSchema[SourceRef | None],
                      Field(default=None, alias=SOURCE_KEY, exclude=True, repr=False)] = None

    def loc(self, key: str, path: str) -> Location:
        """Location of field `key` of this node, reported under the dotted `path`."""
        if self.source is None:
            return Location(None, None, path)
        return self.source.at(key, path)


class Classified(Node):
    """A node that may carry a rubricering; None means it inherits from its parent."""

    rubricering: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _no_blank_rubricering(cls, data: Any) -> Any:
        """`rubricering:` written without a value could mean "inherit" or "not filled in
        yet"; an unfilled level would make the content public, so it is refused."""
        if isinstance(data, dict) and "rubricering" in data and data["rubricering"] is None:
            raise ValidationError.from_exception_data(cls.__name__, [InitErrorDetails(
                type=PydanticCustomError(
                    "blank_rubricering", "rubricering has no value; write a level (see "
                    "rubricering.yaml), or remove the key to inherit the level above"),
                loc=("rubricering",), input=None)])
        return data
