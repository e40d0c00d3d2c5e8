"""An HTML page's fields: what its tags state and what its lines print, weighed by corpusclean/fields."""

from __future__ import annotations

from dataclasses import replace

from corpusclean.fields.dates import Stamp, make_stamp, parse_date, states_day
from corpusclean.fields.html import Tags
from corpusclean.fields.page import BEFORE_BODY, Layout, choose, html_title, read_lines, record_values
from corpusclean.fields.titles import headline_of_title

AFTER_BODY = 20     # lines below an article's body where its source, author and editor lines stand


def title_guess(tags: Tags) -> str | None:
    """The og:title, else the <title>, without site names: the headline content selection looks for."""
    return headline_of_title(tags.og_title) or headline_of_title(tags.title)


def page_metadata(html: str, tags: Tags, lines: list[str], layout: Layout, url: str | None = None) -> dict:
    """The record values (title, url, created and its precision and zone, author, editor, publisher) of a
    page, from its tags and its lines (every block of the page, with where the headline and body are)."""
    found, _ = read_lines(*around_the_article(lines, layout))
    fields = choose(found, tags, tags.url or url)
    if fields.created is None:
        fields.created = htmldate_stamp(html, tags.url or url)
    fields.title = html_title(found.title, tags, lines)
    return {**record_values(fields), "url": tags.url or url}


def around_the_article(lines: list[str], layout: Layout) -> tuple[list[str], Layout]:
    """The lines from a little above the headline (or the body) to a little below the body, and the layout
    in them: the menus and footers of a page hold no field of its article, and reading them cost 4% of
    the per-page time."""
    first = min((i for i in (layout.headline, layout.body_start) if i is not None), default=0)
    start = max(0, first - BEFORE_BODY)
    end = min(len(lines), (layout.body_end if layout.body_end is not None else len(lines)) + AFTER_BODY)

    def shifted(index: int | None) -> int | None:
        return None if index is None else index - start
    return lines[start:end], replace(layout, headline=shifted(layout.headline), body_start=shifted(layout.body_start),
                                     body_end=shifted(layout.body_end))


def htmldate_stamp(html: str, url: str | None) -> Stamp | None:
    """The publication day htmldate finds in tags and scripts this module does not read (a site's own
    <meta> names, a JSON state): asked only where nothing the page prints or its tags state gave a date.
    Its quick search (extensive_search=False) costs about 6 ms a page; the extensive one 50 ms, for two
    more pages of the 139 labelled ones. Only the day is taken: the time it writes may be another zone's. And only
    a day the page states: htmldate fills in what a value leaves out, so an impossible "2023-02-30" becomes the 1st,
    a month alone ("2023-02") the day of the month it runs on, and a copyright year the 1st of January."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True, url=url)
    except ValueError:  # a date it cannot read ("+90:00" as a zone), a form feed beside a <script> it drops: no day
        return None
    stamp = parse_date(found)
    if stamp is None or not states_day(f"{url or ''}\n{html}", stamp.day_of):
        return None
    return make_stamp(*stamp.day_of)
