"""Vertical space that shrinks at the foot of a page instead of pushing to a new page."""

from __future__ import annotations

from reportlab.platypus import Flowable


class Gap(Flowable):  # type: ignore[misc]
    """Up to `height` points of empty space; never the cause of a page break."""

    _ZEROSIZE = True

    def __init__(self, height: float) -> None:
        super().__init__()
        self._height = height

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return aW, max(0.0, min(self._height, aH))

    def draw(self) -> None:
        return None
