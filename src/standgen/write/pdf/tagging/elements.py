"""Structure elements and their kids, before they become PDF objects."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MarkedRef:
    """A marked-content sequence (page name and MCID) owned by an element."""

    page: str
    mcid: int


@dataclass(frozen=True)
class ObjectRef:
    """An annotation owned by an element (an OBJR kid)."""

    page: str
    annotation: str



@dataclass(eq=False)
class StructElem:
    """One node of the structure tree: its standard type, attributes and kids in order."""

    kind: str
    parent: StructElem | None = None
    kids: list[StructElem | MarkedRef | ObjectRef] = field(default_factory=list)
    alt: str | None = None
    ident: str | None = None
    attributes: dict[str, object] = field(default_factory=dict)
    page: str | None = None
    name: str | None = None
    actual_text: str | None = None

    def add(self, kind: str, **kw: object) -> StructElem:
        """A new child of this element, appended after the existing kids."""
        child = StructElem(kind, parent=self)
        for key, value in kw.items():
            setattr(child, key, value)
        self.kids.append(child)
        return child

    def has_content(self) -> bool:
        """True when this element or one below it owns marked content or an annotation."""
        return any(not isinstance(k, StructElem) or k.has_content() for k in self.kids)
