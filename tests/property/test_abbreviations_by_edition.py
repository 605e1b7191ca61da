"""Generated reports with abbreviations in public and confidential text and list entries
with and without a rubricering: the openbare versie never names an abbreviation, nor its
meaning, that only confidential text uses; where the list would, the build refuses with an
error at the entry. The same holds for a begrippenlijst. Public entries are never dropped
from the public edition."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standgen.compose import compose_document
from standgen.edition.abbreviations import edition_abbreviation_problems
from standgen.edition.select import select_edition
from standgen.write.markdown import render_markdown
from tests.unit.anyreport.support import report

EXAMPLES = 4 * int(os.environ.get("STANDGEN_PROPERTY_EXAMPLES", "25"))  # ~1.5 s
SECRET = "dep-vertrouwelijk"
TERMS = ("KBX", "ZQM", "PLW", "TRV", "NMQ")
USES = ("nowhere", "public", "secret", "both", "secret-meaning")
ENTRIES = ("none", "public", "secret")


def meaning(term: str) -> str:
    return f"Dienst {term.lower()}voluit"


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    chosen = draw(st.lists(st.sampled_from(TERMS), min_size=1, max_size=4, unique=True))
    return {"uses": {t: draw(st.sampled_from(USES)) for t in chosen},
            "entries": {t: draw(st.sampled_from(ENTRIES)) for t in chosen},
            "secret_topic": draw(st.booleans()), "annex": draw(st.booleans()),
            "list_secret": draw(st.booleans()),
            "glossary": draw(st.booleans())}


def _sentence(terms: list[str]) -> str:
    return " ".join(f"De {t} werkt." for t in terms) or "Geen afkortingen."


def _data(case: dict[str, Any]) -> dict[str, Any]:
    public = [t for t, u in case["uses"].items() if u in ("public", "both")]
    secret = [t for t, u in case["uses"].items() if u in ("secret", "both")]
    secret += [meaning(t) for t, u in case["uses"].items() if u == "secret-meaning"]
    hidden = {"text": {"text": _sentence(secret), "rubricering": SECRET}}
    topic = ({"id": "geheim", "title": "Geheim", "rubricering": SECRET,
              "blocks": [{"text": _sentence(secret)}]} if case["secret_topic"]
             else {"id": "open", "title": "Open", "blocks": [{"text": "Open tekst."}, hidden]})
    entries = [{"term": t, "meaning": meaning(t)} | ({"rubricering": SECRET} if e == "secret"
                                                    else {})
               for t, e in case["entries"].items() if e != "none"]
    listing: dict[str, Any] = {"entries": entries}
    if case["list_secret"]:
        listing["rubricering"] = SECRET
    kind, part = (("begrippen", "begrippenlijst") if case["glossary"]
                  else ("afkortingen", "afkortingen"))
    back = ({"bijlagen": [{"title": "Lijst", "kind": kind, **listing}]}
            if case["annex"] else {part: listing})
    return {"chapters": [{"number": 1, "title": "Voortgang",
                          "blocks": [{"text": _sentence(public)}],
                          "sections": [{"number": "1.1", "title": "Eerste",
                                        "topics": [topic]}]}],
            "back_matter": back}


def _entry_term(message: str) -> str:
    """The term of the entry an error is about (a glossary error may quote its meaning)."""
    if "entry '" in message:
        return message.split("entry '")[1].split("'")[0]
    return message.split("'")[1]


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases())
def test_the_public_edition_never_names_a_confidential_abbreviation(case: dict[str, Any]
                                                                    ) -> None:
    with tempfile.TemporaryDirectory() as folder:
        loaded = report(Path(folder), **_data(case))
    problems = edition_abbreviation_problems(loaded, ("openbaar",))
    emptied = [p for p in problems if p.code == "abbr-empty"]
    errors = [p for p in problems if p.severity == "error" and p.code != "abbr-empty"]
    written = [e for e in case["entries"].values() if e != "none"]
    assert bool(emptied) == (not case["list_secret"] and bool(written)
                             and "public" not in written and not case["glossary"])
    entry_level = {t: ("secret" if case["list_secret"] else e)
                   for t, e in case["entries"].items()}
    only_secret = {t for t, u in case["uses"].items() if u in ("secret", "secret-meaning")}
    leaking = {t for t in only_secret if entry_level[t] == "public"}
    assert {_entry_term(p.message) for p in errors} == leaking
    for problem in errors:
        assert problem.code == ("term-confidential" if case["glossary"]
                                else "abbr-confidential")
        assert problem.location.line is not None and problem.location.file is not None
        assert ".entries[" in problem.location.field
    if errors or emptied:
        return  # the build refuses: nothing public is written
    selected = select_edition(loaded, "openbaar").report
    document = compose_document(loaded, "openbaar")
    public = "\n".join((selected.model_dump_json(), repr(document), render_markdown(document)))
    for term in only_secret:
        assert term not in public and meaning(term) not in public
    for term, level in entry_level.items():
        if level == "public":
            assert meaning(term) in render_markdown(document)
