"""Hyperlinks in report text: only web and mail addresses and links inside the report.

A link is written into the DOCX and PDF as it stands, and a reader's click on it opens
whatever its scheme names (a network share with smb:, an Office document with ms-word:, a
local file with file: or a relative path). Report text is untrusted, so every other target
is refused with its location. Rich text asks `link_problem` for every link it converts, so
a link is judged as it will print, template output included.
"""

from __future__ import annotations

import re

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def link_problem(target: str) -> str | None:
    """Why a link target may not be printed, or None when it may."""
    target = target.strip()
    if not target:
        return "a link without a target; give an https:// address or remove the brackets"
    if target.startswith("#") and len(target) > 1:
        return None
    scheme = _SCHEME.match(target)
    if scheme is not None and scheme.group(1).lower() in ALLOWED_SCHEMES:
        rest = target[scheme.end():]
        if scheme.group(1).lower() == "mailto" or (rest.startswith("//") and len(rest) > 2):
            return None
        return f"the address {target!r} names no host; write it as https://host/…"
    what = (f"the scheme {scheme.group(1)}:" if scheme is not None
            else "a relative path (it would open a file next to the reader's copy)")
    return (f"link target {target!r} uses {what}; links may only point to http(s) or "
            "mailto addresses or to #anchors in the report; remove the link or give a web "
            "address")
