"""The article's edges: the rules that judge a line by its place, asked again of what the stages kept.

Some verdicts hang on where a line stands: a run of boilerplate at the top or the bottom of the page, a
poster's word kept as a separator of posts only while the page repeats it (boilerplate.py), the dateline
under the headline and a page title line above it (the metadata stage), the channel labels above the
headline (head.py), the article's extent among the page's lines (layout.py). A
stage asks them of the lines it is given, and the stages after it remove more: a page with lines removed
has new edges, perhaps another headline, another extent, and cleaning the output again would find more to
remove. This stage, the last line stage, asks those rules again of the lines kept, as each stage would ask
them of the output, and removes what they find, until none finds anything: cleaning its output changes
nothing. Only the rules of place are asked: a line that is boilerplate or metadata by its own words was
removed by its stage wherever it stood.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from corpusclean.clean.boilerplate import Boilerplate, dated_headline, edge_verdicts, lone_separators
from corpusclean.clean.head import HEAD_REASON, judge_head_labels
from corpusclean.clean.layout import REASONS as LAYOUT_REASONS, judge_layout
from corpusclean.clean.metadata import PLACED_REASONS, placed_metadata
from corpusclean.document import DocView, Judged, Verdict
from corpusclean.pipeline import LineStage
from corpusclean.text import to_simplified


def judge_edges(lines: list[str], title: str | None, text_page: bool,
                extra_phrases: tuple[str, ...] = (), dated_title: str | None = None) -> list[Verdict]:
    """One verdict per line: what the rules of place find, asked in the order of their stages, again after
    each finding until none finds anything. The article's extent is asked of a text page only (an HTML
    page's extraction chose it), once lines went since the layout stage (right before this one) judged
    them. `dated_title`: the headline over its dateline (boilerplate.dated_headline), which the edge runs spare
    as the boilerplate stage's do."""
    verdicts: list[Verdict] = [None] * len(lines)
    kept = list(range(len(lines)))
    ask_layout = False
    while True:
        found = _first_finding([lines[index] for index in kept], title, ask_layout, extra_phrases, dated_title)
        if found is None:
            return verdicts
        for index, verdict in zip(kept, found):
            verdicts[index] = verdict
        kept = [index for index, verdict in zip(kept, found) if verdict is None]
        ask_layout = text_page


def _first_finding(lines: list[str], title: str | None, ask_layout: bool, extra_phrases: tuple[str, ...],
                   dated_title: str | None = None) -> list[Verdict] | None:
    """The verdicts of the first rule of place that removes a line, None when none does."""
    rules: list[Callable[[list[str]], list]] = [
        placed_metadata, partial(edge_verdicts, extra_phrases=extra_phrases, title=dated_title),
        partial(lone_separators, extra_phrases=extra_phrases)]
    if ask_layout:
        rules.append(partial(judge_layout, title=title))
    rules.append(partial(judge_head_labels, title=title))
    for rule in rules:
        found = rule(lines)
        if found.count(None) < len(found):
            return found
    return None


class ArticleEdges(LineStage):
    """Line stage: the rules of place (labels above the headline, the dateline under it, boilerplate at the
    edges, the article's extent) asked again of the lines kept, until they hold."""

    name = "edges"
    options = ("extra_boilerplate",)
    reasons = tuple(dict.fromkeys((*PLACED_REASONS, *Boilerplate.reasons, HEAD_REASON, *LAYOUT_REASONS)))

    def __init__(self, extra_phrases: tuple[str, ...] = ()) -> None:
        self.extra_phrases = tuple(map(to_simplified, extra_phrases))  # lines are judged in Simplified

    def judge(self, lines: list[str], view: DocView) -> Judged:
        return Judged(judge_edges(lines, view.title, view.format != "html", self.extra_phrases,
                                  dated_headline(lines, view)))
