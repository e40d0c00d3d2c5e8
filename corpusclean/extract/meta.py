"""An HTML page's fields: what its tags state and what its lines print, weighed by corpusclean/fields."""

from __future__ import annotations

from corpusclean.fields.html import Tags
from corpusclean.fields.page import Layout, choose, html_title, read_lines, record_values
from corpusclean.fields.titles import headline_of_title


def title_guess(tags: Tags) -> str | None:
    """The og:title, else the <title>, without site names: the headline content selection looks for."""
    return headline_of_title(tags.og_title) or headline_of_title(tags.title)


def page_metadata(tags: Tags, lines: list[str], layout: Layout, url: str | None = None) -> dict:
    """The record values (title, url, created and its precision and zone, author, editor, publisher) of a
    page, from its tags and its lines (every block of the page, with where the headline and body are)."""
    found, _ = read_lines(lines, layout)
    fields = choose(found, tags, tags.url or url)
    fields.title = html_title(found.title, tags, lines)
    return {**record_values(fields), "url": tags.url or url}

