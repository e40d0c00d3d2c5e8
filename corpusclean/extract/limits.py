"""The work one HTML page may cost, measured on its text before it is parsed: a page over a limit is
rejected as ``too_complex`` (with the count) instead of holding a worker for minutes.

- Attributes of one element: libxml2 compares each attribute of a start tag with all the earlier ones,
  so a tag with n distinct attributes costs n² (600,000 took over ten minutes). The most on any element
  of the dev pages is 64.
- Elements: lxml's walk over many sibling comments grows faster than linearly, and every later stage
  pays per line. The dev pages have 8,000 at most.
"""

from __future__ import annotations

import re

from corpusclean.text import compiled_when_used

TOO_COMPLEX = "too_complex"
MAX_ATTRIBUTES = 2000     # libxml2 spends 8 ms on a tag with 2,000 attributes, 1.7 s on one with 40,000

_SPACE = "\t\n\f\r "
# One attribute as the HTML tokenizer reads it: a name (which may start with "=" or hold quotes), then
# maybe "=" and a value, unquoted or quoted (">" and "<" included; an unclosed quote runs to the end). A
# quoted value may be followed by the next attribute without a space.
_ATTRIBUTE = (rf"""[^{_SPACE}/>][^{_SPACE}/>=]*+"""
              rf"""(?:[{_SPACE}]*+=[{_SPACE}]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|[^{_SPACE}>]++)?+)?+""")
_attribute = compiled_when_used(_ATTRIBUTE)
_start_tag = compiled_when_used(rf"<(?P<name>[A-Za-z][^{_SPACE}/>]*+)(?P<attributes>(?:[{_SPACE}/]*+{_ATTRIBUTE})*+)")
# A start tag with more than MAX_ATTRIBUTES: stops reading a tag at the first attribute past the limit, or at
# its end (a data: URI, a long path, a script's "a<b" are one attribute or a few).
_over_the_limit = compiled_when_used(rf"<[A-Za-z][^{_SPACE}/>]*+(?>[{_SPACE}/]*+{_ATTRIBUTE}){{{MAX_ATTRIBUTES + 1}}}")
# A tag with more than MAX_ATTRIBUTES attributes is longer than this: each takes a character and a space
# at least. Looking for such a run first keeps the whole check under 3% of extract_html on the dev pages,
# where reading every tag cost 7% (a tag whose first attributes hold a quoted ">" escapes this first look).
LONG_TAG_RE = re.compile(rf"<[A-Za-z][^>]{{{2 * MAX_ATTRIBUTES}}}")
ELEMENT_START_RE = re.compile(r"<[A-Za-z!?]")  # a start tag, a comment, a doctype, a processing instruction
# Where a "<" opens no element: a comment, and the content of an element that the parser reads as text
# ("a<b" in a script). Unclosed, they run to the end of the page, as the parser reads them.
_not_markup = compiled_when_used(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b.*?(?:</\1|\Z)", re.I | re.S
)


def attribute_count(html: str, start: int) -> tuple[str, int]:
    """The tag name and the number of attributes of the start tag at `start`."""
    tag = _start_tag().match(html, start)
    return tag.group("name"), len(_attribute().findall(html, tag.start("attributes"), tag.end()))


def element_count(html: str) -> int:
    """Start tags, comments, doctypes and processing instructions; a script counts one whatever it holds."""
    return len(ELEMENT_START_RE.findall(_not_markup().sub("<!>", html)))


def too_complex(html: str, max_elements: int) -> str | None:
    """Why parsing the page would cost too much, or None."""
    # Every element takes two characters at least, "<" and a letter: cheap counts settle almost every page.
    if len(html) > 2 * max_elements and html.count("<") > max_elements:
        elements = element_count(html)
        if elements > max_elements:
            return f"{elements} elements, over the {max_elements} limit (max_page_elements)"
    not_markup = None  # found only for a page with a tag over the limit: most long "tags" are in scripts
    for long_tag in LONG_TAG_RE.finditer(html):
        if not _over_the_limit().match(html, long_tag.start()):
            continue
        if not_markup is None:
            not_markup = [match.span() for match in _not_markup().finditer(html)]
        if not any(begin < long_tag.start() < end for begin, end in not_markup):
            name, count = attribute_count(html, long_tag.start())
            return f"{count} attributes on one <{name}> element, over the {MAX_ATTRIBUTES} limit"
    return None
