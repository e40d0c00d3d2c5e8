"""An HTML page's fields: what its tags state and what its lines print, weighed by corpusclean/fields."""

from __future__ import annotations

from corpusclean.fields.dates import Stamp, make_stamp, parse_date
from corpusclean.fields.html import Tags
from corpusclean.fields.page import Layout, choose, html_title, read_lines, record_values
from corpusclean.fields.titles import headline_of_title


def title_guess(tags: Tags) -> str | None:
    """The og:title, else the <title>, without site names: the headline content selection looks for."""
    return headline_of_title(tags.og_title) or headline_of_title(tags.title)


def page_metadata(html: str, tags: Tags, lines: list[str], layout: Layout, url: str | None = None) -> dict:
    """The record values (title, url, created and its precision and zone, author, editor, publisher) of a
    page, from its tags and its lines (every block of the page, with where the headline and body are)."""
    found, _ = read_lines(lines, layout)
    fields = choose(found, tags, tags.url or url)
    if fields.created is None:
        fields.created = htmldate_stamp(html, tags.url or url)
    fields.title = html_title(found.title, tags, lines)
    return {**record_values(fields), "url": tags.url or url}


def htmldate_stamp(html: str, url: str | None) -> Stamp | None:
    """The publication day htmldate finds in tags and scripts this module does not read (a site's own
    <meta> names, a JSON state): asked only where nothing the page prints or its tags state gave a date.
    Its quick search (extensive_search=False) costs about 6 ms a page; the extensive one 50 ms, for two
    more pages of the 139 labelled ones. Only the day is taken: the time it writes may be another zone's."""
    from htmldate import find_date

    stamp = parse_date(find_date(html, extensive_search=False, original_date=True, url=url))
    return None if stamp is None else make_stamp(*stamp.day_of)
