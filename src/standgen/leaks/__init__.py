"""Leak check: prove that no confidential text or figure from the source is in an artifact.

The names below are imported on first use: a writer process checks artifacts against
candidates gathered elsewhere and need not load the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from standgen.leaks.candidates import confidential_candidates
    from standgen.leaks.check import Leak, check_artifact

__all__ = ["Leak", "check_artifact", "confidential_candidates"]
_HOMES = {"Leak": "check", "check_artifact": "check", "confidential_candidates": "candidates"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'standgen.leaks' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"standgen.leaks.{home}"), name)
