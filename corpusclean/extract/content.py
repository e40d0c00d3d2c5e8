"""Main-content selection: the densest contiguous run of prose lines, found near the title's headline.

Each line gets a value: positive for prose (text outside links, with sentence punctuation, inside
content-like containers), negative for link labels, short labels without punctuation and lines inside
navigation-like containers. The main content is the contiguous run of lines with the largest sum
(maximum subarray), so a short dip (a share bar, a caption) inside an article does not cut it, while a
block of links between two texts does. Chinese sites rarely mark their article with <article>; the
sentence punctuation 。，、；！？ is the strongest signal they give.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from corpusclean.extract.html import HEADING_TAGS, Block, is_chrome_kind

LINK_LINE = 0.5        # link share above which a line is a link label
MIN_PROSE_UNITS = 10   # a line shorter than this without punctuation is a label, not prose
MIN_CONTENT_UNITS = 40  # less prose than this in the best region: the page has no article
MIN_REGION_SCORE = 25
MAX_HEADLINE_GAP = 8     # blocks between headline and body still taken as part of the article


@dataclass(frozen=True)
class Selection:
    lines: list[str]
    start: int            # index of the first block of the region (before the headline was added)
    end: int              # one past the last block of the region
    headline: int | None  # index of the page's headline block, when one was found


def link_share(block: Block) -> float:
    return block.link_chars / block.visible_chars if block.visible_chars else 0.0


def unhinted_value(block: Block) -> float:
    """Positive for prose, negative for link labels and short labels; captions are neutral."""
    if block.caption:
        return 0.0
    units = block.units
    share = link_share(block)
    if share > LINK_LINE:
        return -max(units, 2) * share
    prose = units * (1.0 - share)
    punct = block.punctuation
    if punct == 0 and prose < MIN_PROSE_UNITS:
        return -2.0
    if punct == 0:
        return prose * 0.3
    return prose * (1.0 + min(punct, 4) * 0.1)


def hinted_value(value: float, hint: int) -> float:
    """A line's value weighed by the class/id hints of its containers (content-like or navigation-like)."""
    if hint > 0:
        return value * 1.5 if value > 0 else value * 0.5
    if hint < 0:
        return value * 0.3 if value > 0 else value * 1.5
    return value


def densest_region(values: list[float]) -> tuple[int, int, float]:
    """The contiguous run [start, end) with the largest sum (Kadane), as (start, end, sum)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for index, value in enumerate(values):
        if total <= 0:
            start, total = index, 0.0
        total += value
        if total > best[2]:
            best = (start, index + 1, total)
    return best


# Share of a line's value credited to the element holding it, its parent, grandparent, ...
ANCESTOR_CREDIT = (1.0, 1.0, 0.5, 0.25)


def container_scores(blocks: list[Block], values: list[float]) -> dict[int, float]:
    """Per element, how much prose its nearby lines add up to (readability-style credit to ancestors),
    discounted by the share of its nearby text that sits in links."""
    prose: dict[int, float] = {}
    text_chars: dict[int, int] = {}
    link_chars: dict[int, int] = {}
    for block, value in zip(blocks, values):
        visible, links = len(block.text), block.link_chars
        nearest = block.ancestors[:-len(ANCESTOR_CREDIT) - 1:-1]    # the element holding the line, its parent, ...
        for element in nearest:
            text_chars[element] = text_chars.get(element, 0) + visible
            link_chars[element] = link_chars.get(element, 0) + links
        if value > 0:
            for credit, element in zip(ANCESTOR_CREDIT, nearest):
                prose[element] = prose.get(element, 0.0) + value * credit
    return {element: score * (1.0 - link_chars[element] / max(text_chars[element], 1)) for element, score in prose.items()}


SIBLING_SHARE = 0.2  # a sibling of the best container with this share of its score joins the content
SIBLING_LEVELS = 3


def content_blocks(blocks: list[Block], values: list[float], container: int) -> list[int]:
    """Indices of the blocks of the container and of its siblings that hold prose too (readability),
    looking up to SIBLING_LEVELS levels up while siblings keep qualifying (the posts of a forum thread)."""
    inside = [i for i, block in enumerate(blocks) if container in block.ancestors]
    depth = blocks[inside[0]].ancestors.index(container)
    own = sum(values[i] for i in inside)
    threshold = max(MIN_REGION_SCORE / 2, own * SIBLING_SHARE)
    chosen = set(inside)
    for _ in range(SIBLING_LEVELS):
        if depth == 0:
            break
        parent = blocks[inside[0]].ancestors[depth - 1]
        groups: dict[int, list[int]] = {}
        for index, block in enumerate(blocks):
            if index in chosen:
                continue
            if len(block.ancestors) > depth and block.ancestors[depth - 1] == parent:
                groups.setdefault(block.ancestors[depth], []).append(index)
        # A sibling inside comment, footer or related-links furniture does not join on its prose
        added = [members for members in groups.values()
                 if sum(values[i] for i in members if blocks[i].nearest_hint >= 0) >= threshold]
        if not added:
            break
        for members in added:
            chosen.update(members)
        depth -= 1
    return sorted(chosen)


REPEAT_LEVELS = 6      # ancestors of a candidate container looked at for repeated structures
MIN_REPEAT_SCORE = 8.0  # prose a repeat (another post of the thread) needs to join the content


def element_members(blocks: list[Block]) -> dict[int, list[int]]:
    """Per element, the indices of the blocks inside it."""
    members: dict[int, list[int]] = {}
    for index, block in enumerate(blocks):
        for element in block.ancestors:
            if element in members:  # (not setdefault: it would make a list for every call)
                members[element].append(index)
            else:
                members[element] = [index]
    return members


def repeated_blocks(blocks: list[Block], unhinted: list[float], members: dict[int, list[int]],
                    container: int, kinds: list[str]) -> dict[int, float]:
    """Blocks of the elements of the same kind (tag and class) as the container or one of its nearest
    ancestors, wherever they sit in the page: the other posts and answers of a thread, the other parts
    of an article split in several boxes. Each repeat must hold prose of its own, mostly outside links.
    Class hints are not held against them (replies sit under "comment" and "reply" classes): ``unhinted``
    holds the line values judged without hints."""
    path = blocks[members[container][0]].ancestors
    depth = path.index(container)
    levels = path[max(1, depth - REPEAT_LEVELS):depth + 1]
    wanted = {kinds[element] for element in levels if kinds[element]}
    chosen: dict[int, float] = {}
    for element, indices in members.items():
        if element in levels or kinds[element] not in wanted or indices[0] in chosen:
            continue
        ancestors = blocks[indices[0]].ancestors
        if any(is_chrome_kind(kinds[a]) for a in ancestors[:ancestors.index(element)] if a not in path):
            continue  # the same wrapper class inside the header or footer is page furniture, not a post
        prose = sum(unhinted[i] for i in indices if unhinted[i] > 0)
        chars = sum(len(blocks[i].text) for i in indices)
        links = sum(blocks[i].link_chars for i in indices)
        score = prose * (1.0 - links / max(chars, 1))
        if score >= MIN_REPEAT_SCORE:
            chosen.update((i, unhinted[i]) for i in indices if i not in members[container])
    return chosen


def find_headline(blocks: list[Block], title: str | None, end: int) -> int | None:
    """Index of the headline: the last h1/h2 before ``end`` that matches the title, else the last h1."""
    candidates = [
        index for index in range(end - 1, -1, -1)
        if blocks[index].tag in ("h1", "h2") and not blocks[index].caption and link_share(blocks[index]) <= LINK_LINE
    ]
    if title:
        for index in candidates:
            text = blocks[index].text
            if len(text) >= 4 and (text in title or title in text):
                return index
    for index in candidates:
        if blocks[index].tag == "h1" and blocks[index].units >= 4:
            return index
    return None


def title_headline(blocks: list[Block], title: str | None) -> int | None:
    """Index of the first h1/h2 that matches the page's title: where the page's own article starts."""
    if not title:
        return None
    for index, block in enumerate(blocks):
        if block.tag in ("h1", "h2") and not block.caption and len(block.text) >= 4 and block.text in title:
            return index
    return None


def heading_of(block: Block, kinds: list[str] | None, levels: Container[str] = ("h1", "h2")) -> tuple[str, int] | None:
    """(tag, element id) of the heading of one of ``levels`` that holds a line (kinds name the classed
    elements)."""
    if block.tag in levels:
        return block.tag, block.ancestors[-1]
    if not kinds:
        return None
    for element in reversed(block.ancestors[-3:]):
        kind = kinds[element]   # "" for most elements: no class, no id
        if kind and (tag := kind.partition(".")[0]) in levels:
            return tag, element
    return None


def next_headline(blocks: list[Block], kinds: list[str] | None, headline: int, title: str) -> int | None:
    """The next headline of the title's level after it that is not a second copy of the title: another
    article starts there (a lower level is a subtitle or a section of the article)."""
    level, element = heading_of(blocks[headline], kinds) or ("", -1)
    if kinds and not any(kind.startswith(("h1.", "h2.")) for kind in kinds):
        kinds = None    # no h1 or h2 has a class or id (most pages): a block's heading is its own tag, if any
    for index in range(headline + 1, len(blocks)):
        heading = heading_of(blocks[index], kinds)
        if heading and heading[0] == level and heading[1] != element and blocks[index].text not in title:
            return index
    return None


ANCHOR_MIN_SHARE = 0.15  # of the best element's score that the element after the headline must reach


def anchored_container(scores: dict[int, float], members: dict[int, list[int]], headline: int,
                       best: float, kinds: list[str] | None = None) -> int | None:
    """The best-scoring element that starts right after the title's headline, if one holds enough prose
    (with ``kinds``, an element that is no item of a list).

    The best element of the whole page can be a stream of teasers below a short article, or the next
    article a portal appends to the page: the title says which article the page is about."""
    starting = [element for element, score in scores.items()
                if score >= max(MIN_REGION_SCORE, ANCHOR_MIN_SHARE * best)
                and headline < members[element][0] <= headline + MAX_HEADLINE_GAP
                and not (kinds and is_list_item(element, kinds))]
    return max(starting, key=lambda element: (scores[element], -element), default=None)


MIN_LIST_ITEMS = 3  # elements of one kind that make a list (of teasers, of links)


def is_list_item(element: int, kinds: list[str]) -> bool:
    return bool(kinds[element]) and kinds.count(kinds[element]) >= MIN_LIST_ITEMS


TEASER_LEVELS = 2  # how far up from the summary its teaser (headline link + summary) may reach


def is_linked_heading(block: Block, kinds: list[str]) -> bool:
    return link_share(block) > LINK_LINE and heading_of(block, kinds, HEADING_TAGS) is not None


def is_teaser(container: int, anchored: int, blocks: list[Block], members: dict[int, list[int]],
              kinds: list[str]) -> bool:
    """Whether the best element is the summary of a teaser (a headline link and a summary, one item of a
    "you may also like" stream) below an article of its own under the title's headline. The posts of a
    thread, also items of a list, carry no headline link."""
    if members[anchored][0] >= members[container][0]:
        return False
    path = blocks[members[container][0]].ancestors
    item = path[max(0, path.index(container) - TEASER_LEVELS)]
    if not any(is_linked_heading(blocks[i], kinds) for i in members[item]):
        return False
    if container in blocks[members[anchored][0]].ancestors or anchored in blocks[members[container][0]].ancestors:
        return False
    # too short to be the page's article: a thread's opening line, a lead
    return sum(blocks[i].units for i in members[anchored]) >= MIN_CONTENT_UNITS


def keep_in_region(block: Block, repeat: bool = False) -> bool:
    """Inside the region keep everything but link lists and navigation-only labels (in a repeat, a post
    of a thread, class hints do not count). A line of a <pre> is text as its author set it out, never a menu's
    label, however short."""
    if block.caption:
        return True
    if link_share(block) > LINK_LINE:
        return False
    if block.tag == "pre":
        return True
    is_prose = block.punctuation > 0 and block.units >= MIN_PROSE_UNITS
    return repeat or block.nearest_hint >= 0 or is_prose


def select_content(blocks: list[Block], title: str | None = None, kinds: list[str] | None = None) -> Selection | None:
    """The lines of the main content (the article body), its headline and the lines between them; None
    when the page holds no article."""
    unhinted = [unhinted_value(block) for block in blocks]
    values = [hinted_value(value, block.hint) for block, value in zip(blocks, unhinted)]
    scores = container_scores(blocks, values)
    if not scores:
        return None
    container = max(scores, key=lambda element: (scores[element], -element))
    members = element_members(blocks)
    anchor = title_headline(blocks, title)
    next_article = len(blocks)  # where the next article appended to the page starts, when one was seen
    if anchor is not None and title:    # (an anchor is found only under a title)
        other = next_headline(blocks, kinds, anchor, title)
        anchored = anchored_container(scores, members, anchor, scores[container])
        if other is not None and other < members[container][0] and anchored is not None:
            container, next_article = anchored, other
        elif kinds and is_list_item(container, kinds):
            own = anchored_container(scores, members, anchor, scores[container], kinds)
            if own is not None and is_teaser(container, own, blocks, members, kinds):
                container = own
    repeats: dict[int, float] = {}
    if kinds:
        repeats = repeated_blocks(blocks, unhinted, members, container, kinds)
        for index, value in repeats.items():
            values[index] = max(values[index], value)
    chosen = sorted(i for i in set(content_blocks(blocks, values, container)) | set(repeats) if i < next_article)
    first, last, score = densest_region([values[i] for i in chosen])
    if last == first or score < MIN_REGION_SCORE:
        return None
    start, end = chosen[first], chosen[last - 1] + 1
    taken = set(chosen)
    region = [blocks[i] for i in range(start, end) if i in taken]
    prose = sum(b.units * (1.0 - link_share(b)) for b in region if not b.caption)
    if prose < MIN_CONTENT_UNITS:
        return None
    lines = [blocks[i].text for i in range(start, end) if i in taken and keep_in_region(blocks[i], i in repeats)]
    return Selection(lines, start, end, find_headline(blocks, title, end))
