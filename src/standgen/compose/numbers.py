"""The words around numbers and dates (`getallen` in the templates) as the format stage
takes them: scale words, rank and fraction texts cut around their numbers, month names."""

from __future__ import annotations

from standgen.compose.templating import TextTemplates
from standgen.errors import source_error
from standgen.format.dutch import NBSP
from standgen.format.units import NumberWords

SCALES = ("duizend", "miljoen", "miljard")


def number_words(texts: TextTemplates) -> NumberWords:
    """The `getallen` texts, each space a no-break space (a number keeps its word)."""
    def tied(*pieces: str) -> tuple[str, ...]:
        return tuple(piece.replace(" ", NBSP) for piece in pieces)

    ordinal = tied(*texts.split("getallen", "rangtelwoord", ("n",)))
    place = tied(*texts.split("getallen", "plaats", ("rang",)))
    top = tied(*texts.split("getallen", "top", ("n",)))
    of = tied(*texts.split("getallen", "van", ("deel", "geheel")))
    date, order = texts.cut("getallen", "datum", ("dag", "maand", "jaar"))
    return NumberWords(
        scales=tuple((scale, texts.render("getallen", scale).replace(" ", NBSP))
                     for scale in SCALES),
        ordinal_words=(ordinal[0], ordinal[1]), place=(place[0], place[1]),
        top=(top[0], top[1]), of=(of[0], of[1], of[2]),
        vte=texts.render("getallen", "vte").replace(" ", NBSP),
        points=texts.render("getallen", "procentpunt").replace(" ", NBSP), months=_months(texts),
        date=(date[0], date[1], date[2], date[3]), date_order=order)


def _months(texts: TextTemplates) -> tuple[str, ...]:
    months = tuple(texts.render("getallen", "maanden").split())
    if len(months) != 12:
        at = texts.where["getallen", "maanden"]
        raise source_error(at.file, at.line, at.field, f"give the twelve month names, "
                           f"separated by spaces (found {len(months)})")
    return months
