"""HTML -> lines, one per block (paragraph, heading, list item, table row, <br>-separated run, line of a <pre>).

The tree is walked with lxml directly rather than through BeautifulSoup: on this machine
BeautifulSoup(..., "lxml") parses 2.7 MB/s and lxml 54 MB/s (PERF-NOTES), and the extraction has to beat
trafilatura's pages/s by 1.5x. ``etree.iterwalk`` is iterative, so deep nesting cannot overflow the
Python stack; libxml2's own depth limit is detected from its error log (see ``parse_html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from lxml import etree

from corpusclean.extract.units import units_and_punctuation_of
from corpusclean.rules import rule_sections
from corpusclean.text import compiled_when_used

# Elements whose whole subtree is never text of the page. Not <form>: ASP.NET pages and many forum
# engines wrap the whole page, article and posts included, in one.
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "noframes", "noembed", "template", "iframe", "select", "option", "button",
    "textarea", "input", "svg", "canvas", "object", "embed", "video", "audio", "map", "head",
})
# Elements that end the current line when they open and when they close.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "legend", "br",
})
CELL_TAGS = frozenset({"td", "th"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CAPTION_TAGS = frozenset({"figcaption", "caption"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
DIGITS = re.compile(r"\d+")
HINT_SECTIONS = ("positive", "negative", "chrome")  # rules/html_hints.txt
_image_file_name = compiled_when_used(r"\.(?:jpe?g|png|gif|webp|bmp)$|^(?:img|dsc|image)[_\-\d]", re.IGNORECASE)


class HtmlLimitError(Exception):
    """The parser stopped early (nesting too deep, text node too large): its tree is a truncated page."""


@dataclass(slots=True)  # not frozen: a frozen dataclass is 5x slower to make, and pages have thousands of lines
class Block:
    """One line of the page with what main-content selection needs to judge it."""

    text: str
    tag: str            # the block element that holds the line (p, li, h1, tr, div, img, ...)
    link_chars: int     # characters of the line inside <a href>
    hint: int           # sum of class/id hint weights of its ancestors (positive: content-like)
    caption: bool       # image alt or figcaption text
    ancestors: tuple[int, ...]  # ids (document order) of the open elements, outermost first
    nearest_hint: int   # hint weight of the innermost ancestor that has one (a share bar in an article)
    # Measured once from the text: selection looks at every line several times.
    visible_chars: int  # characters other than spaces
    units: int          # size (see units_and_punctuation)
    punctuation: int    # sentence punctuation marks


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key of _element_hint
class Hints:
    positive: re.Pattern | None
    negative: re.Pattern | None


def _hint_pattern(words: list[str]) -> re.Pattern | None:
    """``word`` matches a whole word of a class/id; ``word*`` a word start, ``*word`` a word end."""
    if not words:
        return None
    parts = []
    for word in words:
        core = word.strip("*")
        if core and not word.startswith("*"):
            # "no letter before the word", checked after its first character: every alternative then starts
            # with a literal, which the regex engine tests before trying it (10x faster on long class lists)
            first = re.escape(core[0])
            part = f"{first}(?<![a-z]{first}){re.escape(core[1:])}"
        else:
            part = re.escape(core)
        parts.append(part + ("" if word.endswith("*") else "(?![a-z])"))
    return re.compile("|".join(parts))


@cache
def load_hints() -> Hints:
    """The class/id vocabularies of rules/html_hints.txt (sections ``[positive]`` and ``[negative]``)."""
    sections = rule_sections("html_hints.txt", HINT_SECTIONS)

    def words(section: str) -> list[str]:
        return [word.lower() for word in sections[section]]

    return Hints(_hint_pattern(words("positive")), _hint_pattern(words("negative")))


CHROME_TAGS = frozenset({"header", "footer", "nav", "aside"})


@cache
def _chrome_pattern() -> re.Pattern | None:
    return _hint_pattern([word.lower() for word in rule_sections("html_hints.txt", HINT_SECTIONS)["chrome"]])


def is_chrome_kind(kind: str) -> bool:
    """Whether an element kind ("tag.class", see element_kind) is page furniture: header, footer, menu."""
    tag, _, classes = kind.partition(".")
    pattern = _chrome_pattern()
    return tag in CHROME_TAGS or (pattern is not None and pattern.search(classes.lower()) is not None)


def hint_weight(attributes: str, hints: Hints) -> int:
    """+1 for a content-like class/id, -1 for a navigation-like one, 0 for none or both."""
    if not attributes:
        return 0
    attributes = attributes.lower()
    positive = hints.positive is not None and hints.positive.search(attributes) is not None
    negative = hints.negative is not None and hints.negative.search(attributes) is not None
    return int(positive) - int(negative)


@lru_cache(maxsize=4096)  # class and id values repeat within a page and across the pages of a site
def _element_hint(classes: str | None, element_id: str | None, hints: Hints) -> int:
    """hint_weight of an element's class and id."""
    return hint_weight(f"{classes or ''} {element_id or ''}", hints)


# An XML declaration opening an XHTML page (`<?xml version="1.0" encoding="gb2312"?>`): lxml refuses a str that
# starts with one, and the page is already decoded, so its encoding no longer applies.
XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*>")


# Inline elements that libxml2, given one left open in a paragraph ('<p><span>text', a template's missing
# '</span>'), keeps open over every paragraph after it, each nested inside the one before, where a browser closes
# it at the next paragraph: 1,024 such paragraphs reach libxml2's depth limit (2048, huge_tree or not). None holds
# text of its own; dates (<time>) are kept, and links (<a>) unless the page is still too deep without the others.
_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|i|u|s|em|strong|small|big|strike|tt|sub|sup|mark|q|cite|ins|del|nobr|blink|bdo|bdi|dfn|kbd"
    r"|samp|var|abbr|acronym|code|label)(?=[\s/>])[^>]*>", re.IGNORECASE)


def parse_html(html: str):
    """Parse into an lxml tree; raise HtmlLimitError when libxml2 cut the page short. A page libxml2 nests
    deeper than it parses is parsed again without its inline formatting tags (_INLINE_TAG), which left open
    nested every paragraph after them, and then without its links' tags (_LINK_TAG); a page whose text libxml2 put
    after its root element, as it does with what follows '</html>' (_DOCUMENT_END), is parsed again without its
    closing tags.

    libxml2 is given the page in UTF-8, which it parses as it is: given a str, lxml hands over the str's own
    UTF-16 or UTF-32 form, which libxml2 converts to UTF-8 first (a sixth of the time of parsing a real page;
    the same trees and error logs on every dev and synthetic page). A text with no UTF-8 form (a lone
    surrogate) is given as it is."""
    html = XML_DECLARATION.sub("", html, count=1)
    # A NUL is no character of the page: libxml2 reads one as U+FFFD, which marks damage the page does not hold
    # (check counts it as such), where a browser's parser drops it from the text and a text page loses it.
    html = html.replace("\x00", "")
    if not html.strip():
        return None
    root = _parsed_within_depth(html)
    if root is not None and root.getnext() is not None and _dropped_chars(root):
        try:
            return _parsed_within_depth(_DOCUMENT_END.sub("", html))
        except HtmlLimitError:
            return root
    return root


# Links, which libxml2 keeps open over the paragraphs after one left open ('<p>text<a href=/more>more') as it does an
# inline element: taken out of a page that is too deep without its inline tags too.
_LINK_TAG = re.compile(r"</?a(?=[\s/>])[^>]*>", re.IGNORECASE)


def _parsed_within_depth(html: str):
    """The page parsed; else, too deep, without its inline formatting tags; else without its links' tags too."""
    for strip in (None, _INLINE_TAG, _LINK_TAG):
        if strip is not None:
            html = strip.sub("", html)
        try:
            return _parsed(html)
        except HtmlLimitError as error:
            if "Excessive depth" not in str(error) or strip is _LINK_TAG:
                raise


# libxml2 (2.14) puts what follows a page's '</html>' in a second root element, after the page's, without an error,
# where a browser shows it in the page's body: a template that closes the document at the end of an included
# header, the article after it, or the half of it after a '</html>' its editor pasted. A page with text there is
# parsed again without its '</body>' and '</html>'; a script or a comment after '</html>', as on many pages, is no
# text, and the page is parsed once.
_DOCUMENT_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style)]")


def _shown_chars(element) -> int:
    """The characters of an element's text, blank space, scripts and styles left out."""
    return sum(len("".join(text.split())) for text in _SHOWN_TEXT(element))


def _dropped_chars(root) -> int:
    """The characters of text (_shown_chars) in the elements libxml2 put after the root element."""
    return sum(_shown_chars(element) for element in root.itersiblings())


def _parsed(html: str):
    data: str | bytes
    try:
        data = html.encode("utf-8")
        parser = etree.HTMLParser(recover=True, huge_tree=True, remove_blank_text=False, encoding="utf-8")
    except UnicodeEncodeError:
        data = html
        parser = etree.HTMLParser(recover=True, huge_tree=True, remove_blank_text=False)
    root = etree.fromstring(data, parser)
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            raise HtmlLimitError(f"line {entry.line}: {entry.message.strip()}")
    return root


# Overlays (a login form, a report dialog, a cookie notice) are shown over the page by a script; they are
# never its article, even when they sit inside a content-like container.
OVERLAY_ROLES = frozenset({"dialog", "alertdialog"})
OVERLAY_CLASSES = frozenset({"modal", "dialog"})
# The attributes besides class that can hide an element: most elements that have attributes have none of them.
HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "aria-modal", "style", "role"})


@lru_cache(maxsize=4096)  # class values repeat within a page and across the pages of a site
def _overlay_class(classes: str) -> bool:
    return not OVERLAY_CLASSES.isdisjoint(classes.lower().split())


def is_invisible(tag: str, element, names: list[str], classes: str | None) -> bool:
    """Hidden by an attribute or a style, or an overlay (OVERLAY_ROLES, OVERLAY_CLASSES, aria-modal);
    ``names``: the element's attribute names, ``classes`` its class attribute."""
    if tag == "dialog":
        return True
    if not names:       # most elements: no attribute to look at
        return False
    if not HIDING_ATTRIBUTES.isdisjoint(names):
        get = element.get
        if "hidden" in names:
            return True
        if "aria-hidden" in names and get("aria-hidden").lower() == "true":
            return True
        if "aria-modal" in names and get("aria-modal").lower() == "true":
            return True
        if "style" in names and HIDDEN_STYLE.search(get("style")) is not None:
            return True
        if "role" in names and get("role").lower() in OVERLAY_ROLES:
            return True
    return bool(classes) and _overlay_class(classes)


# A line's Block fields up to those measured from its text: text, tag, link_chars, hint, caption, ancestors,
# nearest_hint.
_Line = tuple[str, str, int, int, bool, tuple[int, ...], int]


class _LineBuilder:
    """Collects the text pieces of the current line and turns them into Blocks."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []   # each line's Block fields up to those measured from its text
        self.pieces: list[str] = []
        self.link_chars = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            self.pieces.append(text)
            if in_link:
                self.link_chars += len(text) - text.count(" ")

    def add_preformatted(self, text: str, in_link: bool, hint: tuple[int, int], caption: bool,
                         open_ids: list[int]) -> None:
        """Text inside a <pre>: each of its line breaks ends a line held by the <pre>, as a <br> in its place
        would (the parser has made every CR and CRLF an LF); the other flush arguments are those of the element
        holding the text."""
        first, *rest = text.split("\n")
        self.add(first, in_link)
        for piece in rest:
            self.flush("pre", hint, caption, open_ids)
            self.add(piece, in_link)

    def flush(self, tag: str, hint: tuple[int, int], caption: bool, open_ids: list[int]) -> None:
        """``hint``: (sum over ancestors, weight of the innermost hinted ancestor); ``open_ids``: the ids of
        the elements open around the line."""
        if not self.pieces:
            return
        text = " ".join("".join(self.pieces).split())
        if text and not (caption and self.lines and self.lines[-1][0] == text):
            self.lines.append((text, tag, min(self.link_chars, len(text)), hint[0], caption, tuple(open_ids), hint[1]))
        self.pieces = []
        self.link_chars = 0

    def blocks(self) -> list[Block]:
        """The lines as Blocks, measured all at once (see units_and_punctuation_of)."""
        units, punctuation = units_and_punctuation_of([line[0] for line in self.lines])
        return [Block(*line, len(line[0]) - line[0].count(" "), size, marks)
                for line, size, marks in zip(self.lines, units, punctuation)]


def useful_alt(alt: str | None) -> bool:
    return alt is not None and len(alt.strip()) >= 4 and not _image_file_name().search(alt.strip())


@lru_cache(maxsize=4096)
def element_kind(tag: str, name: str | None) -> str:
    """Tag and ``name``, the class or else the id, with digits dropped ("div.post" for post-17 and post-18);
    "" without a name: elements of one kind that repeat across the page are the posts of a thread, the items
    of a list."""
    if not name:
        return ""
    return f"{tag}.{' '.join(DIGITS.sub('', name).split())}"


def html_blocks(root, hints: Hints | None = None, kinds: list[str] | None = None) -> list[Block]:
    """Every visible line of the page in document order. ``kinds``, when given, gets the element_kind of
    every element, indexed by the element ids that Block.ancestors hold."""
    if root is None:
        return []
    hints = hints or load_hints()
    builder = _LineBuilder()
    # Per open element, a stack rather than recursion: its tag ("" for a skipped element, whose end adds
    # only its tail), (hint sum, innermost hint), inside a link, inside a figcaption, inside a <pre>; and its id.
    context: list[tuple[str, tuple[int, int], bool, bool, bool]] = [("html", (0, 0), False, False, False)]
    id_stack: list[int] = [0]
    next_id = 1
    if kinds is not None:
        kinds[:] = ["html"]
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    # Most elements have no attribute and most lines end with nothing to flush: those cases skip the calls.
    for event, element in walker:
        if event == "start":
            parent_tag, hint, in_link, in_caption, in_pre = context[-1]
            tag = element.tag
            tag = tag.lower() if isinstance(tag, str) else ""
            names = element.keys()
            # (each attribute is read once, and only when the element has it: an lxml get costs 100-160 ns)
            classes = element.get("class") if "class" in names else None
            if tag in SKIPPED_TAGS or ((names or tag == "dialog") and is_invisible(tag, element, names, classes)):
                walker.skip_subtree()
                context.append(("", hint, in_link, in_caption, in_pre))
                id_stack.append(-1)
                continue
            if tag in CELL_TAGS:
                builder.add(" ", False)
            elif tag in BLOCK_TAGS and builder.pieces:
                builder.flush(parent_tag, hint, in_caption, id_stack)
            name, inner_hint, inner_link = None, hint, in_link
            if names:
                element_id = element.get("id") if "id" in names else None
                name = classes or element_id
                if name:
                    weight = _element_hint(classes, element_id, hints)
                    inner_hint = (hint[0] + weight, weight or hint[1])
                inner_link = in_link or (tag == "a" and "href" in names)
            inner_caption, inner_pre = in_caption or tag in CAPTION_TAGS, in_pre or tag == "pre"
            context.append((tag, inner_hint, inner_link, inner_caption, inner_pre))
            id_stack.append(next_id)
            next_id += 1
            if kinds is not None:
                kinds.append(element_kind(tag, name) if name else "")
            if tag == "img" and not in_link and useful_alt(element.get("alt")):
                builder.flush(parent_tag, hint, in_caption, id_stack[:-1])
                builder.add(element.get("alt"), False)
                builder.flush("img", hint, True, id_stack[:-1])
            text = element.text
            if text:
                if inner_pre:
                    builder.add_preformatted(text, inner_link, inner_hint, inner_caption, id_stack)
                else:
                    builder.add(text, inner_link)
        elif event == "end":
            tag, inner_hint, _, inner_caption, _ = context.pop()
            if tag in BLOCK_TAGS and tag != "br" and builder.pieces:
                builder.flush(tag, inner_hint, inner_caption, id_stack)
            id_stack.pop()
            text = element.tail
            if text:
                _add_tail(builder, text, context[-1], id_stack)
        else:  # a comment or processing instruction: only its tail is text
            _add_tail(builder, element.tail, context[-1], id_stack)
    builder.flush("html", (0, 0), False, [0])
    return builder.blocks()


def _add_tail(builder: _LineBuilder, text: str | None, parent: tuple, open_ids: list[int]) -> None:
    """The text after an element, inside ``parent`` (its context entry)."""
    if not text:
        return
    _, hint, in_link, caption, in_pre = parent
    if in_pre:
        builder.add_preformatted(text, in_link, hint, caption, open_ids)
    else:
        builder.add(text, in_link)
