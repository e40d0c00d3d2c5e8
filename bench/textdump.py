"""Whole-page text dumps of HTML pages, as ../shared/devdata/textdumps/README.md describes them.

The visible text of the page, one block per line, navigation, sidebars and footers included: scripts,
styles, comments, images and the <head> removed first, table rows read one per line (as a browser's copied
text has them), then rendered by inscriptis (strict CSS profile, no link or image annotations) or by
`w3m -dump` (with lines wide enough never to be wrapped). For the bench scripts only.
"""

from __future__ import annotations

import shutil
import subprocess

DROPPED_TAGS = ("head", "script", "style", "noscript", "template", "img", "svg", "iframe")
TABLE_TAGS = {"table": "div", "thead": "div", "tbody": "div", "tfoot": "div", "tr": "div", "td": "span",
              "th": "span", "caption": "div"}
W3M_COLUMNS = "4000"


def visible_html(html: str) -> str:
    """The page without what a reader never sees, tables turned into one line per row."""
    import lxml.html
    from lxml import etree

    root = lxml.html.document_fromstring(html)
    etree.strip_elements(root, etree.Comment, *DROPPED_TAGS, with_tail=False)
    for element in root.iter(*TABLE_TAGS):
        if element.tag in ("td", "th"):
            element.tail = " " + (element.tail or "")
        element.tag = TABLE_TAGS[element.tag]
    return etree.tostring(root, encoding="unicode", method="html")


def tidy(text: str) -> str:
    """Trailing spaces off, runs of blank lines down to one."""
    lines = [line.rstrip() for line in text.splitlines()]
    kept = [line for index, line in enumerate(lines) if line or (index and lines[index - 1])]
    return "\n".join(kept).strip("\n") + "\n"


def inscriptis_dump(html: str) -> str:
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    config = ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)
    return tidy(get_text(visible_html(html), config))


def w3m_dump(html: str) -> str:
    done = subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", W3M_COLUMNS],
        input=visible_html(html).encode("utf-8"), capture_output=True, check=True,
    )
    return tidy(done.stdout.decode("utf-8", "replace"))


def renderers() -> dict:
    """The renderers this machine has: inscriptis always (a bench dependency), w3m when installed."""
    found = {"inscriptis": inscriptis_dump}
    if shutil.which("w3m"):
        found["w3m"] = w3m_dump
    return found
