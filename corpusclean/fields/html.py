"""What an HTML page's tags state about it: <meta>, JSON-LD, <time>, <title>, <link rel=canonical>.

The tag names are in rules/html_fields.txt. A tag states; the page's printed lines may say otherwise
(fields/page.py decides between them).
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from corpusclean.fields.dates import Stamp, parse_date
from corpusclean.rules import rule_sections

JSON_LD_TYPE = "application/ld+json"
MAX_JSON_LD_CHARS = 100_000     # a data blob, not a description of the page
# A tag in a JSON-LD string (a script's text is not parsed as HTML: its markup and entities stay as written)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


@dataclass
class Tags:
    """The fields the tags of one page state."""

    published: Stamp | None = None
    modified: Stamp | None = None
    authors: list[str] = field(default_factory=list)    # raw values, in order of trust (one per tag or object)
    site_names: list[str] = field(default_factory=list)  # og:site_name, publisher, application-name, ...
    title: str | None = None                            # <title>
    og_title: str | None = None
    url: str | None = None


@functools.cache
def _keys() -> dict[str, tuple[str, ...]]:
    sections = rule_sections("html_fields.txt", ("published", "modified", "author", "publisher"))
    return {section: tuple(key.lower() for key in keys) for section, keys in sections.items()}


def meta_values(root) -> dict[str, str]:
    """name/property/itemprop/http-equiv of every <meta> (lowercased) -> its content; the first one wins.
    A <time itemprop=datePublished> or <time pubdate> counts as datepublished."""
    values: dict[str, str] = {}
    for element in root.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                values.setdefault(key.strip().lower(), content.strip())
    for element in root.iter("time"):
        published = (element.get("itemprop") or "").lower() == "datepublished" or element.get("pubdate") is not None
        if published and element.get("datetime"):
            values.setdefault("datepublished", element.get("datetime"))
    return values


def _json_ld_objects(root) -> list[dict]:
    """Every JSON object of the page's JSON-LD scripts, @graph members included."""
    import orjson

    objects: list[dict] = []
    for element in root.iter("script"):
        if (element.get("type") or "").strip().lower() != JSON_LD_TYPE:
            continue
        text = (element.text or "").strip()
        if not text or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return objects


def _names_in(value) -> list[str]:
    """Names of a JSON-LD author or publisher: a string, {"name": ...}, or a list of them; as plain text."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and (name := _plain(name)):
            names.append(name)
    return names


def _plain(value: str) -> str:
    """A JSON-LD string as text: a script's content is not parsed as HTML, so a CMS's markup ('<b>John
    Smith</b>') and entities ('John &amp; Jane', escaped markup '&lt;b&gt;') were written into the author field
    as they stand, split at their punctuation ('<b>John Smith<, b>', 'John, amp, Jane')."""
    return " ".join(_TAG.sub(" ", html.unescape(_TAG.sub(" ", value))).split())


def _first_date(values: list[str | None]) -> Stamp | None:
    for value in values:
        stamp = parse_date(value) if isinstance(value, str) else None
        if stamp is not None:
            return stamp
    return None


def read_tags(root) -> Tags:
    """The fields the page's tags state."""
    keys = _keys()
    meta = meta_values(root)
    objects = _json_ld_objects(root)
    tags = Tags()
    tags.published = _first_date([meta.get(key) for key in keys["published"]]
                                 + [item.get(key) for item in objects for key in ("datePublished", "dateCreated")])
    tags.modified = _first_date([meta.get(key) for key in keys["modified"]]
                                + [item.get("dateModified") for item in objects])
    tags.authors = [meta[key] for key in keys["author"] if meta.get(key)]
    tags.authors += [", ".join(names) for item in objects if (names := _names_in(item.get("author")))]
    tags.site_names = [meta[key] for key in keys["publisher"] if meta.get(key)]
    tags.site_names += [name for item in objects for name in _names_in(item.get("publisher"))]
    tags.title = page_title(root)
    tags.og_title = meta.get("og:title")
    tags.url = canonical_url(root, meta)
    return tags


def canonical_url(root, meta: dict[str, str]) -> str | None:
    for element in root.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and (element.get("href") or "").startswith("http"):
            return element.get("href").strip()
    url = meta.get("og:url")
    return url if url and url.startswith("http") else None


def page_title(root) -> str | None:
    for element in root.iter("title"):
        text = " ".join((element.text or "").split())
        if text:
            return text
    return None
