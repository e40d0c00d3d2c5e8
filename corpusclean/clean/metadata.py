"""The metadata stage: a text's metadata lines are removed, and the fields they give fill the record.

What a metadata line is, and which of them gives the page's date, authors and title, is decided by
corpusclean/fields, for text pages and HTML pages alike.
"""

from __future__ import annotations

from corpusclean.clean.boilerplate import classified
from corpusclean.document import DocView, Judged
from corpusclean.fields.page import choose, placed_verdicts, read_lines, record_values
from corpusclean.pipeline import LineStage


def is_page_chrome(line: str) -> bool:
    """A nav bar or breadcrumb is never the headline (the boilerplate stage removes it later)."""
    reason, _ = classified(line, ())
    return reason is not None


def find_metadata(lines: list[str], url: str | None = None) -> tuple[dict, list[str | None]]:
    """The record values the lines give (title, created and its precision and zone, author, editor,
    publisher), and one verdict per line: a reason for each metadata line, None for the others."""
    found, verdicts = read_lines(lines, is_chrome=is_page_chrome)
    return record_values(choose(found, url=url)), verdicts


PLACED_REASONS = ("meta.date", "meta.title")    # what placed_metadata finds
# The lines that carry a field of the record (its title, date, source, byline, editor), which it lifts out of them
CARRIER_REASONS = ("meta.title", "meta.date", "meta.source", "meta.author", "meta.editor")


def placed_metadata(lines: list[str]) -> list[str | None]:
    """The verdicts find_metadata gives lines of which none is a metadata line by its own words (a cleaned
    text): the lines that are metadata by their place, a dateline under the headline, a page title line."""
    return placed_verdicts(lines, is_chrome=is_page_chrome)


class MetadataLines(LineStage):
    """Line stage: removes metadata lines and lifts their fields where HTML extraction left them empty."""

    name = "metadata"
    reasons = (*CARRIER_REASONS, "meta.label")

    def judge(self, lines: list[str], view: DocView) -> Judged:
        fields, verdicts = find_metadata(lines, view.url)
        return Judged(verdicts, fields)  # type: ignore[arg-type]
