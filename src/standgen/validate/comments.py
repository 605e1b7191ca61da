"""HTML comments in plain-text fields: Markdown leaves comments out, but titles, captions
and alt texts are printed as written, so a comment there would print."""

from __future__ import annotations

from standgen.errors import Problem
from standgen.model.report import HeadingBlock, Report, TextBlock
from standgen.validate.problems import error
from standgen.validate.templated import check_templates
from standgen.validate.walk import walk

PLAIN = frozenset({"title", "subtitle", "tagline", "running_header", "ministry", "period",
                   "author", "alt", "bijlage_title"})
MESSAGE = ("an HTML comment (<!-- … -->) in {key!r} would print: this field is plain text, "
           "not Markdown; remove the comment")


def check_comments(report: Report) -> list[Problem]:
    """An error for each plain-text field that holds the start of an HTML comment, or
    template syntax (templated.py)."""
    problems: list[Problem] = check_templates(report)
    for path, node in walk(report):
        keys = set(PLAIN)
        if isinstance(node, HeadingBlock):
            keys.add("text")
        if isinstance(node, TextBlock):
            keys.add("label")
        for key in sorted(keys & set(type(node).model_fields)):
            value = getattr(node, key)
            if isinstance(value, str) and "<!--" in value:
                problems.append(error(node, key, path, MESSAGE.format(key=key),
                                      "comment-in-plain-text"))
    return problems
