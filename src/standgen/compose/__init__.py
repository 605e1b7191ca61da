"""Compose stage: the validated model and an edition to a layout-neutral document tree.

The names below are imported on first use, so that a writer process that only needs the
tree (`standgen.compose.tree`) does not load the model, the templates and the charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from standgen.compose.document import ComposeOptions, compose_document
    from standgen.compose.dump import dump_document

__all__ = ["ComposeOptions", "compose_document", "dump_document"]
_HOMES = {"ComposeOptions": "document", "compose_document": "document",
          "dump_document": "dump"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'standgen.compose' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"standgen.compose.{home}"), name)
