"""Hypothesis strategies for hostile report sources: template expressions built from every
operator, filter and attribute (allowed or not), Markdown links of every scheme, odd
characters in ids and titles, and YAML aliases, merge keys and tags. Used by the fuzz test
and by `scripts/fuzz_hostile.py`."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.reports import HEADER

ATOMS = ["1", "9 ** 99", "10 ** 300", "2.5", "'x'", "'x' * 99999", "[1, 2]", "[[1]] * 9",
         "['x' * 9999] * 9", "waarde", "rapport", "rapport.titel", "onbekend", "none", "true",
         "{'a': 1}", "waarde('t', 'a', 2025)", "waarde('t', 'a', 1999)", "''"]
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "~", "==", "in", "and", "or"]
FILTERS = ["string", "sum", "list", "join", "replace('x', 'xx')", "center(99)", "upper",
           "length", "first", "int", "float", "round", "getal", "procent", "euro", "delta",
           "datum", "rangtelwoord", "attr('__class__')", "map('upper')", "default(1)"]
ATTRIBUTES = ["__class__", "__mro__", "__globals__", "tables", "getal", "unit", "titel",
              "upper", "source", "cell_text", "__init__", "real"]
SCHEMES = ["https://x.nl/a", "http://x", "mailto:a@b.nl", "#kop", "smb://srv/share",
           "file:///etc/passwd", "ms-word:ofe|u|https://x", "javascript:alert(1)",
           "../../geheim.docx", "geheim.pdf", "//host/x", "data:text/html,x", ""]
ODD = ["\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u0301", "é", "Ω", "ж", "\u05d0",
       "<b>", "&amp;", "\\", "'", '"', "\n", "{{", "{%", "]:", "#", "*", "`", "|", "~", "^",
       "\u2028", "\u0085", "\x07", "\ud800", "\ufffe", "x" * 3000]


def _expressions() -> st.SearchStrategy[str]:
    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(inner, st.sampled_from(OPERATORS), inner).map(lambda t: f"({' '.join(t)})"),
            st.tuples(inner, st.sampled_from(FILTERS)).map(lambda t: f"({t[0]} | {t[1]})"),
            st.tuples(inner, st.sampled_from(ATTRIBUTES)).map(lambda t: f"{t[0]}.{t[1]}"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
        )
    return st.recursive(st.sampled_from(ATOMS), grow, max_leaves=6)


def _template() -> st.SearchStrategy[str]:
    printed = _expressions().map(lambda e: "{{ " + e + " }}")
    branched = st.tuples(_expressions(), st.sampled_from(["ja", "", "Ω", "\u200b"])).map(
        lambda t: "{% if " + t[0] + " %}" + t[1] + "{% endif %}")
    forbidden = st.sampled_from(["{% for i in 'ab' %}x{% endfor %}", "{% set x = 1 %}",
                                 "{% include 'a' %}", "{% macro m() %}{% endmacro %}",
                                 "{{ ''[0:1] }}", "{{ 'a' ~ 'b' }}", "{% raw %}"])
    return st.one_of(printed, branched, forbidden)


def _markdown() -> st.SearchStrategy[str]:
    word = st.one_of(st.sampled_from(["woord", "Defensie", "79.949", "**vet**", "_schuin_",
                                      "[^n]", "2^e^", "H~2~O"]), st.sampled_from(ODD),
                     st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1,
                             max_size=8))
    link = st.tuples(st.sampled_from(SCHEMES), st.sampled_from(["[zie](", "<", "![b]("])).map(
        lambda t: f"{t[1]}{t[0]})" if t[1] != "<" else f"<{t[0]}>")
    return st.lists(st.one_of(word, link, _template()), min_size=1, max_size=12).map(" ".join)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar with every character outside printable ASCII escaped
    (\\uXXXX, or \\UXXXXXXXX past the BMP: YAML has no surrogate pairs)."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 32 <= code < 127:
            out.append(char)
        else:
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def _table(cell: str) -> str:
    return ("- table:\n    id: t\n    title: Tabel\n    unit: text\n    columns: [2024, 2025]\n"
            f"    rows:\n      - {{id: a, label: A, values: [kort, {_quoted(cell)}]}}\n")


@st.composite
def hostile_sources(draw: st.DrawFn) -> dict[str, str]:
    """A report folder as {file name: text}: report.yaml and perhaps an included chapter."""
    blocks = [f"- toelichting: {_quoted(draw(_markdown()))}\n" for _ in range(
        draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        blocks.append(_table(draw(_markdown())))
    topic_id = draw(st.sampled_from(["onderwerp", "onder\u200bwerp", "o\u202eo", "a b", "ü"]))
    yaml_trick = draw(st.sampled_from([
        "", "", "", "", "", "          x: &a {k: v}\n", "          <<: {title: Samengevoegd}\n",
        "          !!python/object:os.system {}\n", "          title: !!binary aGFsbG8=\n",
        "          extra: *nergens\n", "          extra: [[[[[[[[]]]]]]]]\n"]))
    body = "".join("              " + line + "\n" for block in blocks
                   for line in block.rstrip("\n").split("\n"))
    title = draw(st.one_of(st.just("Stand van Test"), _markdown().map(lambda t: t[:140])))
    header = HEADER.replace("title: Stand van Test", f"title: {_quoted(title)}")
    chapter = (f"number: 1\ntitle: Hoofdstuk\nsections:\n  - number: '1.1'\n"
               f"    title: Sectie\n    topics:\n        - id: {_quoted(topic_id)}\n"
               f"          title: Onderwerp\n{yaml_trick}          blocks:\n{body}")
    include = draw(st.sampled_from(["h1.yaml"] * 12 + [
        "../h1.yaml", "/etc/hostname", "h1.yaml/", "x" * 300, "report.yaml"]))
    return {"report.yaml": header + f"chapters:\n  - include: {include}\n", "h1.yaml": chapter}
