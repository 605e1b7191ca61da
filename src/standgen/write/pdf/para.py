"""A reportlab Paragraph that breaks its lines once per width instead of on every wrap."""

from __future__ import annotations

from reportlab.platypus import Paragraph as RLParagraph


class Para(RLParagraph):  # type: ignore[misc]
    """Tables, keep-together groups and frames wrap a paragraph several times at one width;
    the line breaking is done the first time and reused while its result is still held."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = self.__dict__.get("_wrap_memo")
        if memo is not None and memo[0] == availWidth and "blPara" in self.__dict__:
            size: tuple[float, float] = memo[1]
            return size
        size = super().wrap(availWidth, availHeight)
        self._wrap_memo = (availWidth, size)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[RLParagraph]:
        self.__dict__.pop("_wrap_memo", None)
        parts: list[RLParagraph] = super().split(availWidth, availHeight)
        return parts
