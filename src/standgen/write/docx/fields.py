"""Word fields (TOC, PAGEREF, PAGE, NUMPAGES, SEQ) as complex fields with cached results."""

from __future__ import annotations

import copy

from standgen.write.docx.oxml import Element, el, text_run


def _char(kind: str, rpr: Element | None) -> Element:
    run = el("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    run.append(el("w:fldChar", {"w:fldCharType": kind}))
    return run


def field_start(instruction: str, rpr: Element | None = None) -> list[Element]:
    """The runs that open a field and end its instruction (begin, instrText, separate)."""
    instr_run = el("w:r")
    if rpr is not None:
        instr_run.append(copy.deepcopy(rpr))
    instr = el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_run.append(instr)
    return [_char("begin", rpr), instr_run, _char("separate", rpr)]


def field_end(rpr: Element | None = None) -> Element:
    """The run that closes a field."""
    return _char("end", rpr)


def field_runs(instruction: str, cached: str, rpr: Element | None = None) -> list[Element]:
    """A complete field whose cached result is `cached`."""
    result = text_run(cached, copy.deepcopy(rpr) if rpr is not None else None)
    return [*field_start(instruction, rpr), result, field_end(rpr)]


def seq_field(label: str, number: int) -> list[Element]:
    """A SEQ field numbering captions of `label` (e.g. "Tabel"), cached as `number`."""
    return field_runs(f"SEQ {label} \\* ARABIC", str(number))


def page_field(cached: int) -> list[Element]:
    """A PAGE field with an estimated cached page number."""
    return field_runs("PAGE", str(cached))


def numpages_field(cached: int) -> list[Element]:
    """A NUMPAGES field with an estimated cached page count."""
    return field_runs("NUMPAGES", str(cached))


def pageref_field(bookmark: str, cached: int) -> list[Element]:
    """A PAGEREF field to `bookmark` with an estimated cached page number."""
    return field_runs(f"PAGEREF {bookmark} \\h", str(cached))
