"""Site boilerplate: navigation, breadcrumbs, copyright and licence lines, promotions, share bars, links."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from corpusclean.clean.line_shapes import MIN_TABLE_CELLS
from corpusclean.document import DocView, Judged
from corpusclean.fields.labels import READING_TIME, read_line, signs
from corpusclean.fields.titles import dek_like, headline_line
from corpusclean.memo import per_line
from corpusclean.pipeline import LineStage
from corpusclean.rules import rule_sections
from corpusclean.text import (
    HAN_CLASS, HAN_RE, NUMBERED_HEADING_RE, SENTENCE_END, SUBTITLE, compiled_when_used, han_run, has_han,
    holds_copyright_sign, to_simplified,
)


# phrases that mark a line of up to 200 characters even when it is a sentence: a site's note on what the article is
# not ("does not constitute investment advice"), a cookie banner ("We use cookies to improve your experience."), a
# notice to turn on JavaScript ("Please enable JavaScript to view the comments.")
SENTENCE_SECTIONS = ("disclaimer", "cookies", "noscript")
# The sections each rule file must hold, each read its own way; the Chinese one has no author's jobs
# (author_bio reads English lines) nor a header's words (_home_menu). Every
# other section of the files is a family of phrases read alike: a short line that is no sentence and
# holds one of them is boilerplate.<family> anywhere on the page (copyright, icp, licence, hotline, ...; an
# earlier family wins). A new family is a new [section] in a rule file.
SECTIONS = ("promo", "promo_weak", "promo_prompt", "footer_weak", "share", "share_target", "pager", "pager_steps",
            "pager_words", "see_also", "related", "comments", "label", "answers", "tags", "tools", "poster", "shop",
            *SENTENCE_SECTIONS)
ZH_SECTIONS = SECTIONS
EN_SECTIONS = (*SECTIONS, "author_jobs", "menu_words", "jump_menu")
SHORT_LINE_SECTIONS = ("share", "promo")   # phrases that mark only a very short line
MAX_PROMPT_WORDS = 25     # a line this short holding a phrase of [promo_prompt] is a promotion, even a sentence
# phrases that mark a short line only in a run at the head or the tail of the page: section -> (reason, most Han
# characters, most words). An app's name is a promotion there and a word in a text elsewhere; "主办单位：X"
# is a site's footer there and an event notice's organiser elsewhere.
WEAK_SECTIONS = {"promo_weak": ("promo", 15, 6), "footer_weak": ("footer", 40, 12)}
# "Jane Doe", "Sam (@sam)" "is a" ...: the words after "is a" (author_bio)
AUTHOR_NAME = r"\s*(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*(?:\s\([^()]{1,60}\))?,?"
_author_bio = compiled_when_used(AUTHOR_NAME + r"\sis\s(?:a|an|the)\s(.+)")
_author_beat = compiled_when_used(AUTHOR_NAME + r"\scovers\s\S")     # "Jane Doe covers transportation for the Courier."
AUTHOR_JOB_REACH = 8      # words after "is a" within which an author's job stands
MAX_BIO_WORDS = 80
WORD = re.compile(r"\w+")
MIN_PAGER_WORDS = 2
REASON_PREFIX = "boilerplate."
BLOCK = "boilerplate.block"
# the metadata stage's reasons of a dateline or a byline under a headline
DATELINE_REASONS = ("meta.date", "meta.source", "meta.author")
RELATED = "boilerplate.related"     # the heading of a box of other articles: the article ends above it
COMMENTS = "boilerplate.comments"   # the heading of the comments below an article: the article ends above it
ANSWERS = "boilerplate.answers"     # the heading of the answers under a question: the page's text goes on under it
PROMO = "boilerplate.promo"         # an app, an account, a QR code, a sign-up prompt
VIA = "通过"    # "需通过官方微信公众号提前预约": an account the text names as the way to do something, no promotion
NAV = "boilerplate.nav"             # a menu in one line: "首页 要闻 国内 国际", "Home Archive About"
CRUMBS = "boilerplate.crumbs"       # a breadcrumb: "首页 > 要闻 > 正文", "Home / News"
TOOLS = "boilerplate.tools"         # a row of a page's tools: "【打印】【关闭】", "字号：大 中 小"
WIDGET = "boilerplate.widget"       # a header's weather box or market ticker: "鹿原 晴 17~28℃", "上证指数 3412.56 +0.82% …"
DOWNLOAD = "boilerplate.download"   # a file to download: "2.起草说明.pdf （118KB）", "报名表.docx"
LINKS = "boilerplate.links"         # links split by bars or spaced dots: "About us | Contact | Sitemap"
PAGER = "boilerplate.pager"         # a link to the previous or next article: the article ends above it
COPYRIGHT = "boilerplate.copyright"  # a copyright or rights notice: under a footer's links, the page's end
SEE_ALSO = "boilerplate.see_also"   # a link to another article, beside the text or in it
POSTER = "boilerplate.poster"       # a poster's panel between the posts of a thread: no edge of the page
SHOP = "boilerplate.shop"           # a row of a product's card set in the text: "¥89 ¥128 券后价", "Add to cart"
SHARE = "boilerplate.share"
SHARE_SPLIT = re.compile(r"[\s|｜丨/·•、,，]+")
MAX_SHARE_BUTTONS = 12
MIN_SEPARATORS = 3        # a poster's word the page repeats this often separates its posts
MAX_SEPARATOR_CHARS = 40    # longer lines are not asked whether they are lone separators (lone_separators):
                            # a poster's words without a count are a few ("Reply", "积分", "Quote · Report")
MAX_GLUED_CHARS = 16      # Han words run together into one token, as w3m renders a row of links: at most this long
MAX_WORD_CHARS = 6        # ...each of them at most this long
MAX_GAP = 6               # unmatched short lines tolerated between two boilerplate lines of a head/tail run

BULLETS = "•·▪●◆■□>-*◎ "
LINK_ARROWS = "←«‹ "       # before a link to the previous article: "« 上一篇：…", "← Previous Post: …"
LINK_SEPARATOR = re.compile(r"\s*[|｜丨]\s*|\s+[·•]\s+")
CRUMB = re.compile(r"\s*(?:->|>>|[>＞»›])\s*")     # each holds one of > ＞ » ›
# marks that split a breadcrumb only where it says it is one (a label of the place, a first item "首页"):
# "首页 / 政务公开 / 正文", "当前位置：首页 → 本地新闻", "Forum home ‹ Equipment ‹ Gear Talk"
ANCHORED_CRUMB = re.compile(r"\s*[/／→‹]\s*")
CRUMB_PART = re.compile(r"^[\w\s&'’.-]+$")    # words only: code such as "a->b" or "<p>" is no breadcrumb
MAX_CRUMB_TITLE = 80    # characters of the page's title as a breadcrumb's last item
CRUMB_LABEL = re.compile(r"^[^:：]{1,12}[:：]\s*")   # "您当前的位置：" or "You are here: " before the first item
TOOL_SEPARATORS = "【】[]|｜丨/（）()·•:："     # and white space
TOOL_SPLIT = re.compile(r"[\s【】\[\]|｜丨/（）()·•:：]+")
_first_token = compiled_when_used(r"[\s【】\[\]|｜丨/（）()·•:：]*([^\s【】\[\]|｜丨/（）()·•:：]+)")  # TOOL_SPLIT's first piece
# a count or a date beside a tool or a poster's label: "1832", "2,841", "2026-1-8", "20:14", "5#", "#3", "1.2k"
# a count before or after a heading (one, not both): "12 Comments", "Comments (3)", "评论 139", "评论（1）",
# "热门评论 10条", "12条评论", "共 18 条评论"
_count_beside = compiled_when_used(r"^共?\s*[(（\[]?\d[\d,.]*\s*[条个則则]?[)）\]]?\s*|\s*[(（\[]?\d[\d,.]*\s*[条个則则]?[)）\]]?$")
COUNT = re.compile(r"#?\d[\d,.\-]*[kKwW万#]?")
DIGIT = re.compile(r"\d")
WORD_COUNT_SPLIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")     # between a letter and a digit
# what follows a poster's label: a count, a date or a time ago ("386", "Mar 2019", "2026-1-8 20:14", "3 天前")
POSTER_VALUE = re.compile(r"[\dA-Za-z\s,.:：/#+\-年月日时分秒天周前小个]{1,24}")
LATIN_WORD = re.compile(r"[A-Za-z]+")
# a post's edit stamp, forum software's and a Q&A site's, inside the post: its label, the editor's name, then only a
# date, a time or a time ago ("Edited July 5, 2023 by jane", "Last edited by jane; 07-05-2023 at 10:12 AM", "Last
# edited on May 10, 2024, 10:23 am by jane", "Last edit: 4 weeks 11 hours ago by jane", "edited Feb 29",
# "Edited at 2024-05-13 08:44 am (UTC)")
_WHEN_WORD = (r"[(\[]?(?:[^\s(\[]*\d\S*|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march"
              r"|april|june|july|august|september|october|november|december|at|on|am|pm|a\.m\.|p\.m\.|ago|utc|gmt"
              r"|(?:second|minute|hour|day|week|month|year)s?))[)\],.]*")
_edit_stamp = compiled_when_used(
    r"(?i:(?:last\s+)?edit(?:ed)?)(?:\s+(?i:by)\s+[^\s;,]{1,30}(?:\s[^\s;,]{1,30})?\s*;)?\s*[:：]?"
    rf"(?:\s+{_WHEN_WORD}){{1,8}}(?:,?\s+(?i:by)\s+[^\s;,]{{1,30}}(?:\s[^\s;,]{{1,30}})?)?\.?")
EDIT_STAMP_INITIALS = "EeLl"
# a post's or a comment's like count under it, in words: "87 people like this.", "1 person likes this"
_like_count = compiled_when_used(r"\d[\d,.]*[kK]?\s+(?i:people|persons?|members?|users?|readers?)\s+(?i:likes?|liked)\s+"
                                 r"(?i:this)(?:\s+(?i:post|comment|reply|answer))?\.?")
# bbPress's (WordPress's forum) counts over a thread or a board, a sentence or not: "This topic has 3 replies, 3 voices,
# and was last updated 4 years ago by jane.", "This forum contains 12 topics and 40 replies, and was last updated by
# jane 2 days ago.", "Viewing 4 posts - 1 through 4 (of 4 total)", "Viewing 1 post (of 1 total)", "Viewing 4 reply
# threads"; phpBB's over and under the posts: "2 posts • Page 1 of 1", "45 topics • Page 1 of 3"
_NUMBER = r"\d[\d,]*"
_thread_counts = compiled_when_used(
    rf"(?i:this (?:topic|forum) (?:has|contains) {_NUMBER} (?:repl(?:y|ies)|topics?),?(?: and| has)? {_NUMBER} "
    r"(?:voices?|repl(?:y|ies)|topics?),? and was last updated) .{1,100}"
    rf"|(?i:viewing {_NUMBER} (?:posts?|topics?|repl(?:y|ies)|reply threads?)(?: - {_NUMBER} through {_NUMBER})?"
    rf"(?: \(of {_NUMBER} total\))?)"
    rf"|{_NUMBER} (?i:posts?|topics?) • (?i:page) {_NUMBER} (?i:of) {_NUMBER}")
THREAD_COUNTS_INITIALS = "TtVv0123456789"
# XenForo's thread header and poster panel: the thread's starter ("Thread starter jane · Start date Oct 14, 2026"),
# the members who reacted under a post ("Reactions: PelliX and London John"), the panel in one line as inscriptis
# prints it ("Joined Nov 3, 2021 Messages 425 Reaction score 525 Location St Louis Mo"): names and places after labels,
# a name of one word, up to four names of one or two
_xenforo_panel = compiled_when_used(
    r"Thread starter \S{1,40}(?: · Start date .{3,30})?"
    r"|Reactions: [^\s.!?]+(?: [^\s.!?]+)?(?:(?:,| and) [^\s.!?]+(?: [^\s.!?]+)?){0,3}(?: and \d+ others?)?"
    r"|Joined .{3,20}? Messages [\d,.]+[kK]? Reaction score [\d,.]+[kK]?(?: Points [\d,.]+)?(?: Location .{1,60})?")
XENFORO_INITIALS = "TRJ"
# Stack Exchange's buttons under a post's comments, the bar between them printed with each ("Add a comment |",
# "| Show 2 more comments")
_comment_buttons = compiled_when_used(r"(?i:add a comment)\s*\||\|\s*(?i:show) \d{1,3} (?i:more comments?)")
# Discuz!'s poster panel as a renderer prints it: the poster's name glued to the avatar's status ("大虾米点当前离线"), and
# the rank's tooltip ("新手上路， 积分 5, 距离下一级还需 45 积分")
# ... and its stamp on a thread: who approved, moved or closed it ("本主题由 琦琦[客服] 于 2024-5-18 20:57 审核通过"), a
# name, a date and the action
_discuz_stamp = compiled_when_used(r"本主题由\s*\S{1,30}?\s*于\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                                   rf"\s*[{HAN_CLASS}]{{2,6}}")
_discuz_panel = compiled_when_used(r".{1,24}当前(?:离线|在线)|\S{2,8}[，,]\s*积分\s*-?\d+[，,]\s*距离下一级还需\s*\d+\s*积分")
# a list's sort menu, its default option marked and the others after it, a label before it or not: a Q&A site's
# over its answers ("Highest score (default) Date modified (newest first) Date created (oldest first)", "Sorted by:
# Highest score (default)", w3m's select "[Highest score (default) ]"): a few words each, a note in brackets after
_SORT_OPTION = r"[A-Z][a-z]+(?: [a-z]+){0,3}"
_sort_menu = compiled_when_used(
    rf"(?:(?i:sort(?:ed)? by)\s*:?\s*)?\[?{_SORT_OPTION} \((?i:default)\)\s*\]?"
    rf"(?:\s*{_SORT_OPTION}(?: \([a-z ]{{2,40}}\))?)*")
# a sign-up or login box's buttons that go on with another account, whole lines: "使用 Apple 注册", "通过 Google 继续操作",
# "用电子邮件继续", "Continue with Google", "Sign up with email"
_ACCOUNTS = r"(?:Apple|Google|GitHub|Facebook|Microsoft|Twitter|X|LinkedIn|微信|QQ|微博|电子邮件|邮箱|手机号?|email|e-mail)"
_account_button = compiled_when_used(
    rf"(?:使用|通过|用)\s*{_ACCOUNTS}\s*(?:账号|帐号)?\s*(?:注册|登录|继续)(?:操作)?"
    rf"|(?i:sign (?:up|in)|log ?in|continue) (?i:with) (?i:{_ACCOUNTS})")
ACCOUNT_BUTTON_INITIALS = "使通用SsLlCc"
MAX_ACCOUNT_BUTTON = 40     # characters
# a prompt to sign up for a site's newsletter or its video channel, named as the site names them, a sentence or not: "Sign
# up for CNN Opinion's newsletter.", "Get our weekly California Inc. newsletter", "Want more deals? Join the X Deals
# Newsletter." (after a question), "Subscribe to 9to5Mac on YouTube for more Apple news:"
_subscribe_prompt = compiled_when_used(
    r"(?:[^.!?]{1,40}\?\s+)?(?:(?i:click here to)\s+)?(?i:sign up for|subscribe to|join|get)\s"
    r"(?:.{1,60}?\s(?i:newsletters?)|.{1,40}?\s(?i:on youtube|youtube channel)(?:\s.{1,40})?)[.!:]?")
MAX_SUBSCRIBE_WORDS = 16
# an empty <s>, <ins> or <del> (an icon) as w3m prints it: "[S::S] 微博 [S::S] 微信" is a row of share buttons
EMPTY_MARK = re.compile(r"\[(S|INS|DEL)::\1\]")
# ad slots (<ins> elements) as w3m prints them: "[INS::INS]", its halves on two lines, nested, side by side
AD_SLOT = re.compile(r"(?i)(?:\s*(?:\[ins:|:ins\]))+")
# what an ad slot inside the story says: "Story continues below advertisement", "AdvertisementStory continues below"
STORY_CONTINUES = re.compile(r"(?i)(?:advertisement\s*)?(?:story|article) continues(?: below)?(?: (?:the )?advertisement)?\.?")
# a blog's heading of its comments, with the count and the post's title: "12 thoughts on “Title”"
_comments_on_title = compiled_when_used(
    r"(?i:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?i:thoughts?|responses?|comments?|replies|reply)\s+(?i:on|to)\s+[“\"'‘«]"
)
# the mark a post ends with, alone on its line: "END", "- END -", "—END—", "THE END", "全文完"
END_MARK = re.compile(r"[-—–_=~·•*\s]*(?:END|THE END|全文完)[-—–_=~·•*\s]*")
# a reading time alone on its line: "5 min read", "• 2 minute read" (the labels' READING_TIME, which reads it after
# a date), "阅读时间 3 分钟", "预计阅读 5 分钟"
READING_TIME_LINE = re.compile(
    r"(?i)[•·|\s]*(?:" + READING_TIME.pattern + r"|(?:预计)?阅读(?:时间|时长)?\s*[:：]?\s*\d{1,3}\s*分钟)")
# a thread's button that opens the replies or comments folded under a post ("5 more replies", "View all 4 replies",
# "5 more comments"): a poster's word, which makes no wall inside a thread (layout); but one that loads more of
# the comments ("Load more comments", "View more comments (296)") is their heading, at their end (closing_headings)
_more_replies = compiled_when_used(
    r"(?:(?i:view|show|load|see|read)\s+(?i:all\s+)?)?\d[\d,.]*[kK]?\s+(?i:more)\s+(?i:repl(?:y|ies)|comments?)"
    r"|(?i:view|show|load|see|read)\s+(?i:all)\s+\d[\d,.]*\s+(?i:replies|comments)"
    r"|(?i:view|show|load|see|read)\s+(?i:more|all|previous|older)\s+(?i:replies|comments)(?:\s*\(\d[\d,.]*\))?"
    r"|(?i:lihat)\s+(?:(?i:semua)\s+)?\d[\d,.]*\s+(?i:balasan)")     # Indonesian: "Lihat 5 Balasan" ("view 5 replies")
# a box's heading, then "on" or "at" and a site's name: "Popular on IndieWire", "Most Read at the Courier"
SITE_BOX = re.compile(r"([A-Za-z][A-Za-z' ]{2,24}?) (?:on|at) (?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}")
# a gallery's counter: "3 / 11", "Image 1 of 23", "图 2/5", "Image 1 of / 23" (w3m keeps a hidden separator)
# a feedback box's question with its buttons and their counts: "这条解答对您有帮助吗？有用（86） 没用（3）",
# "Was this answer helpful? Yes (12) No (1)" (the question alone is a [label] phrase)
FEEDBACK_PROMPT = re.compile(r"(?:\S{0,10}对(?:您|你)有(?:所)?帮助吗|(?i:was this (?:\w+ )?(?:helpful|useful)))[？?]"
                             r"(?:\s*(?:有用|没用|有帮助|没帮助|(?i:yes|no))\s*(?:[（(]\d[\d,]*[)）])?)+")
GALLERY_COUNTER = re.compile(r"(?i:image|photo|picture|slide|图)?\s*\d{1,3}\s*(?:of(?:\s*[/／])?|/|／)\s*\d{1,3}$")
# an article split into pages, its page counter in Indonesian, over each page after the first: "2 dari 4 halaman" ("page 2
# of 4"), "Halaman 2 dari 4"
PAGE_COUNTER_ID = re.compile(r"\d{1,3}\s+(?i:dari)\s+\d{1,3}\s+(?i:halaman)|(?i:halaman)\s+\d{1,3}\s+(?i:dari)\s+\d{1,3}")
# a page of a newspaper's digital edition, its name after it or not: "第01版：要闻", "第A03版 评论", "A1版：要闻"
EDITION_PAGE = re.compile(r"(?:第\s*[A-Za-z]?\d{1,3}|[A-Za-z]\d{1,3})\s*版(?:(?:\s*[:：]\s*|\s+)[\w·]{1,10})?")
# What IGNORECASE takes for an ASCII letter besides the letters: İ ı ſ K
CASELESS_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
LETTER_LIKE = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")      # an ASCII letter or one of those
# bytes -> the same with each ASCII letter in lower case and every other byte a space
LETTERS_ONLY = bytes(c | 0x20 if chr(c).isascii() and chr(c).isalpha() else 0x20 for c in range(256))
CRUMB_STARTS = ("首页", "当前位置", "您的位置", "您现在的位置", "您当前的位置", "当前的位置", "位置", "Home",
                "Current location", "You are here")
PLACE_LABEL = re.compile(r"^(?:\S{0,6}位置|you are here|current location|location)\s*[:：]\s*", re.I)
# a site's header menu from its home page, its items run together or not: "首页政务公开服务互动", "网站首页 新闻 专题"
HOME_MENU_ZH = re.compile(r"(?:网站)?首页[\w\s|｜·/×]{6,72}")
_menu_row_en = compiled_when_used(r"[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){3,15}")     # four words to sixteen, no marks between
MIN_MENU_WORDS = 3
# a file's name as a link to download it, its size or downloads after it or not; a notice's own list of
# attachments ("附件：计划表.xlsx") names them so too, without either
_FILE = r".{1,120}\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|wps|ofd)"
# its size or its downloads: "（418.0 KB，下载次数：187）", "(2.1 MB)", "10.12MB", "（下载次数：86）", "（326KB） 下载次数：57"
_SIZE = (r"(?:\s*(?:[（(][^（）()]{0,20}?(?:[\d.]+\s*[KMG]B?\b|下载|(?i:downloads?))[^（）()]{0,20}[）)]"
         r"|[\d.]+\s*[KMG]B?|(?:下载次数|(?i:downloads?))\s*[:：]?\s*\d+)){1,2}")
_file_link = compiled_when_used(rf"(?!附件){_FILE}(?:{_SIZE})?|{_FILE}{_SIZE}", re.I)
# a page header's widgets, only in a run of boilerplate at the page's edge (a weather story's own forecasts are its
# text): a weather box, a range of temperatures and the sky ("鹿原 晴 17~28℃", "臺北 晴 19°C-24°C 多雲"); a market
# ticker, MIN_TICKER_CHANGES signed changes ("上证指数 3412.56 +0.82% 深证成指 10876.31 +1.15% …")
_temperatures = compiled_when_used(r"-?\d+\s*(?:℃|°C?)?\s*[~～\-–至]\s*-?\d+\s*(?:℃|°C?)")
WEATHER_WORDS = re.compile(r"晴|多云|阴|雨|雪|雾|霾|(?i:sunny|cloudy|clear|overcast|showers|rain|snow|fog)")
MAX_WIDGET_CHARS = 160
PERCENT_CHANGE = re.compile(r"[+-]\d+(?:\.\d+)?%")
MIN_TICKER_CHANGES = 3
ATTACHMENTS_LABEL = re.compile(r"附件\s*\d{0,2}\s*[:：]")     # "附件：", "附件1：", not "附件下载"
CODE_MARK = re.compile(r"[/\\=<>$`]")     # a path, a command or code names files too: "unzip data/a.zip"
CODE_CHARS = re.compile(r"[=;{}]")      # in code, never in a row of links
HASHTAGS = re.compile(r"(?:#[^\s#]{1,24}#?\s*){2,}")       # "#长者 #小巴", "#营养午餐#偏乡教育#"
# a breadcrumb's first item: the site's home, or a forum's list of boards (Kunena's, FlaskBB's "Forum", phpBB's
# "Board index")
FIRST_CRUMBS = re.compile(r"^(?:网站首页|首页|主页|home|forum home|main page|forums?|forum index|board index)$", re.I)
LISTED_CRUMB = re.compile(r"\s*(\d{1,2})[.．、]\s*(\S.{0,79})")      # "1. Home", "2. News": a breadcrumb's item

Words = list[bytes]         # a line's runs of ASCII letters, lower case (_latin_words)


@dataclass(frozen=True)
class Phrases:
    """Any of a set of phrases, ignoring case; Latin phrases match whole words only, so "App" does not
    fire inside "Approval". Han and Latin phrases are two regexes: apart, the Han one keeps re's fast scan
    for its first characters, which the Latin word-boundary tests would disable (3x faster together)."""

    # The patterns' texts, each compiled when a line first needs it (_phrase_pattern): most lines of a
    # Chinese corpus hold no first word of any Latin phrase (re's compiler took 10 ms for the English phrase
    # lists), and most vocabularies' Han patterns are never searched on a corpus's pages (3 ms).
    han: str | None
    latin: str | None
    latin_keys: frozenset[bytes] | None   # each Latin phrase's first Words; None: a phrase is not ASCII or has none

    def search(self, text: str, words: Words | None = None) -> bool:
        """words: the line's _latin_words when the caller has them (they spare most lines the Latin regex)."""
        if self.han is not None and _phrase_pattern(self.han).search(text):
            return True
        if self.latin is None:
            return False
        if words is not None and self.latin_keys is not None and self.latin_keys.isdisjoint(words):
            return False
        return _phrase_pattern(self.latin).search(text) is not None


@functools.cache
def _phrase_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def _latin_words(text: str) -> Words | None:
    """The runs of ASCII letters of a line, in lower case; None when it holds one of İ ı ſ K (no shortcut).

    A Latin phrase of ASCII characters matches only where its first run of letters is one of these words:
    each run of the phrase ends at a non-letter of the phrase, which matches only itself, or at the
    pattern's letter boundary, and without those four characters a letter matches only its own case pair.
    """
    if not text.isascii():
        if not LETTER_LIKE.search(text):
            return []
        if CASELESS_ASCII.search(text):
            return None
    return text.encode("ascii", "replace").translate(LETTERS_ONLY).split()


def _latin_keys(phrases: list[str]) -> frozenset[bytes] | None:
    keys = [re.findall(b"[A-Za-z]+", p.encode())[:1] for p in phrases if p.isascii()]
    if len(keys) < len(phrases) or not all(keys):
        return None
    return frozenset(key[0].lower() for key in keys)


def _han_branch(phrase: str) -> str:
    """The phrase as a regex branch that starts at its first Han character, the part before it checked
    by a lookbehind: "ICP备" becomes "备(?<=ICP备)". It matches where the phrase does, and a pattern whose
    branches all start with a Han character (no case) gets re's fast scan for them."""
    first = HAN_RE.search(phrase).start()  # type: ignore[union-attr]
    if first == 0:
        return re.escape(phrase)
    return re.escape(phrase[first]) + f"(?<={re.escape(phrase[:first + 1])})" + re.escape(phrase[first + 1:])


@dataclass(frozen=True)
class Vocabulary:
    families: tuple[str, ...]                 # the phrase families, in the order they are tried
    phrases: dict[str, Phrases]               # family or section -> any of its phrases, ignoring case
    weak: dict[str, Phrases]                  # weak section -> any of its phrases (WEAK_SECTIONS)
    pager: tuple[str, ...]                    # the links to the previous or next article: "Next article"
    see_also: tuple[str, ...]                 # the links to another article: "Read more:", "延伸阅读："
    links: tuple[str, ...]                    # both
    pager_steps: frozenset[str]               # the links of a pager's row: "Older", "Next", "下一页"
    pager_row: re.Pattern[str]                # a line of these, [pager_words] and numbers between marks
    pager_initials: frozenset[str]            # the first character of each of those words, and the digits
    related: frozenset[str]
    comments: frozenset[str]
    comment_headings: tuple[str, ...]         # the same, for str.startswith and str.endswith
    answers: frozenset[str]
    answer_headings: tuple[str, ...]          # the same, for str.startswith and str.endswith
    labels: frozenset[str]
    tags: frozenset[str]                      # the headings of an article's tags: "Tags", "Filed under"
    tools: frozenset[str]
    tool_initials: frozenset[str]             # the first character of each tool
    poster: frozenset[str]                    # the words of a poster's panel and a post's action row
    poster_labels: tuple[str, ...]            # the same, longest first
    glued_label: re.Pattern[str]              # a label of them glued to the word before it: "memberPosts: 3"
    shop_row: re.Pattern[str]                 # a line of a product card's words, prices and counts
    shop_tail: re.Pattern[str]                # a price and one of those words ending a line: "$89.95 Add to cart"
    shop_words: Phrases                       # any of those words
    row_tokens: frozenset[str]                # the poster's words, the tools and a share bar's buttons: a row's
    poster_initials: frozenset[str]           # the first character of the poster's words and the tools
    share_targets: frozenset[str]             # where a share bar sends the page: "微信", "QQ空间", "Facebook"
    author_jobs: frozenset[str]               # what the author of an article is: "reporter", "editor"
    menu_words: frozenset[str]                # the links of a site's header: "About", "Archive", "Subscribe"
    jump_menu: re.Pattern[str]                # a forum's jump box's label, a colon after it, opening a line
    tag_row: re.Pattern[str]                  # a heading of the tags before them: "Topics: Transit, Labor"
    tag_initials: frozenset[str]              # the first character of those headings, casefolded
    share_row_words: frozenset[str]           # the words a share bar in one line may start with
    prompt_anchors: re.Pattern[str]           # the longest word of any [promo_prompt] phrase, casefolded
    extra: Phrases | None
    any_phrase: Phrases                       # any phrase of the above: a line without one skips them all


def _longest_first(words: Iterable[str]) -> str:
    """An alternation of the words as they are written, the longest first: re takes the first that matches."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def _row_of(words: Iterable[str]) -> re.Pattern[str]:
    """A line whose every run of word characters is one of the words or a number."""
    return re.compile(rf"\W*(?:(?:{_longest_first(words)}|\d+)(?!\w)\W*)+")


def _glued_label(labels: Iterable[str]) -> re.Pattern[str]:
    """A capitalised label with its count or date, glued to a lower-case word or a number before it."""
    return re.compile(rf"(?<=[a-z\d])(?:{_longest_first(labels)}):\s?\d")


def _spaced(phrases: Iterable[str]) -> list[str]:
    """The phrases, and each Chinese one ending with a colon with a space for it: "延伸阅读 <title>" is as much a
    link as "延伸阅读：<title>"."""
    return [*phrases, *(p[:-1] + " " for p in phrases if p.endswith("："))]


def _shop_row(words: Iterable[str]) -> re.Pattern[str]:
    """A line whose every token is one of the words (a letter may not follow one), or a number with its
    currency, "+" or "%" ("已售3000+ · 好评率98%", "¥89 ¥128 券后价"). Possessive and atomic: no backtracking
    over a long line of numbers."""
    return re.compile(rf"\W*+(?:(?>(?i:{_longest_first(words)})(?![^\W\d_])|\d[\d,.]*+[+%万]?)\W*+)+")


def _tag_row(headings: Iterable[str]) -> re.Pattern[str]:
    """A line that starts with a heading of the tags (one or two: "标签 Tags:") and a colon or a hash sign."""
    heading = _longest_first(headings)
    return re.compile(rf"(?i:{heading})(?:\s+(?i:{heading}))?\s*[:：#]")


def _alternation(phrases: Iterable[str]) -> Phrases:
    """Any of the phrases; no phrase at all matches no line (an empty alternation would match every one).
    Blank phrases are a mistake of the caller: they would match every line too."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if not all(p.strip() for p in ordered):
        raise ValueError("a boilerplate phrase is empty")
    han = [_han_branch(p) for p in ordered if HAN_RE.search(p)]
    latin = [p for p in ordered if not HAN_RE.search(p)]
    return Phrases(
        han="|".join(han) if han else None,
        latin=r"(?<![A-Za-z])(?:" + _longest_first(latin) + r")(?![A-Za-z])" if latin else None,
        latin_keys=_latin_keys(latin),
    )


@functools.cache
def vocabulary(extra_phrases: tuple[str, ...] = ()) -> Vocabulary:
    zh, en = boilerplate_rules()

    def both(section: str) -> tuple[str, ...]:
        return (*zh.get(section, ()), *en.get(section, ()))

    families = phrase_families()
    phrased = (*families, *SENTENCE_SECTIONS, *SHORT_LINE_SECTIONS, "promo_prompt")
    phrase_lists = [both(section) for section in (*phrased, *WEAK_SECTIONS)] + [extra_phrases]
    return Vocabulary(
        families=families,
        phrases={section: _alternation(both(section)) for section in phrased},
        weak={section: _alternation(both(section)) for section in WEAK_SECTIONS},
        pager=tuple(p.casefold() for p in both("pager")),
        see_also=tuple(p.casefold() for p in _spaced(both("see_also"))),
        links=tuple(p.casefold() for p in (*both("pager"), *_spaced(both("see_also")))),
        pager_steps=frozenset(p.casefold() for p in both("pager_steps")),
        pager_row=_row_of(p.casefold() for p in (*both("pager_steps"), *both("pager_words"))),
        pager_initials=frozenset([*(p.casefold()[0] for p in (*both("pager_steps"), *both("pager_words"))),
                                  *"0123456789"]),
        related=frozenset(_box_heading(p.casefold()) for p in both("related")),
        comments=frozenset(p.casefold() for p in both("comments")),
        comment_headings=tuple(sorted({p.casefold() for p in both("comments")})),
        answers=frozenset(p.casefold() for p in both("answers")),
        answer_headings=tuple(sorted({p.casefold() for p in both("answers")})),
        labels=frozenset(p.casefold() for p in both("label")),
        tags=frozenset(p.casefold() for p in both("tags")),
        tools=frozenset(p.casefold() for p in both("tools")),
        tool_initials=frozenset(p.casefold()[0] for p in both("tools")),
        poster=frozenset(p.casefold() for p in both("poster")),
        poster_labels=tuple(sorted({p.casefold() for p in both("poster")}, key=len, reverse=True)),
        glued_label=_glued_label(p for p in both("poster") if p[0].isupper()),
        shop_row=_shop_row(both("shop")),
        shop_tail=re.compile(rf"[$¥￥€£]\s?\d[\d,.]*+\s*(?i:{_longest_first(both('shop'))})\W*$"),
        shop_words=_alternation(both("shop")),
        row_tokens=frozenset(p.casefold() for p in (*both("poster"), *both("tools"), *both("share_target"))),
        poster_initials=frozenset(p.casefold()[0] for p in (*both("poster"), *both("tools"))),
        share_targets=frozenset(p.casefold() for p in both("share_target")),
        author_jobs=frozenset(p.casefold() for p in both("author_jobs")),
        menu_words=frozenset(p.casefold() for p in both("menu_words")),
        jump_menu=re.compile(rf"(?i:{_longest_first(both('jump_menu'))})\s*(?:[:：]|$)"),
        tag_row=_tag_row(both("tags")),
        tag_initials=frozenset(p.casefold()[0] for p in both("tags")),
        share_row_words=frozenset(p.casefold() for p in (*both("share_target"), *both("tools"))),
        prompt_anchors=re.compile(_longest_first(max(p.casefold().split(), key=len) for p in both("promo_prompt"))),
        extra=_alternation(extra_phrases) if extra_phrases else None,
        any_phrase=_alternation(p for phrases in phrase_lists for p in phrases),
    )


def boilerplate_rules() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The sections of the Chinese and the English rule file, families included."""
    return (rule_sections("boilerplate_zh.txt", ZH_SECTIONS, families=True),
            rule_sections("boilerplate_en.txt", EN_SECTIONS, families=True))


def phrase_families() -> tuple[str, ...]:
    """Every phrase family of the rule files, Chinese file's order first."""
    zh, en = boilerplate_rules()
    return tuple(dict.fromkeys(s for s in (*zh, *en) if s not in ZH_SECTIONS + EN_SECTIONS))


def is_sentence(line: str) -> bool:
    return _is_sentence(line, has_han(line))


def _is_sentence(line: str, han: bool) -> bool:
    if han:     # (a line that does not end with 。 holds one before its end when it holds one)
        return line.endswith(SENTENCE_END) or "。" in line
    return line.endswith((".", "!", "?")) and len(line.split(None, 10)) > 10


def is_short_label(line: str, han_max: int = 20, words_max: int = 10) -> bool:
    """A short line that is not a sentence: a heading, a channel name, an account name."""
    han = has_han(line)
    if _is_sentence(line, han):
        return False
    return len(line) <= han_max if han else len(line.split(None, words_max)) <= words_max


def _nav_row(words: list[str]) -> bool:
    """Many short channel names separated by spaces: "首页 要闻 国内 国际 财经 体育"."""
    return len(words) >= 5 and all(len(t) <= 6 and HAN_RE.search(t) for t in words)


def _home_menu(line: str, han: bool, vocab: Vocabulary) -> bool:
    """A site's header menu in one line, no marks between its items: from "首页" ("首页政务公开服务互动鹿原概况"), from
    "Home" with one of [menu_words] among its words ("Home Archive About Support us"; "Home Sales Rise Again" is a
    headline), or capitalized words two thirds of which or more are [menu_words], MIN_MENU_WORDS at least ("News
    Politics Business Sports Opinion Obituaries"; "Local News Anchor Wins Weather Award" is a headline)."""
    if han:
        return line.startswith(("首页", "网站首页")) and HOME_MENU_ZH.fullmatch(line) is not None
    if not line[0].isupper() or _menu_row_en().fullmatch(line) is None:
        return False
    words = line.casefold().split()
    menu = sum(word in vocab.menu_words for word in words)
    return menu >= 1 and words[0] == "home" or menu >= MIN_MENU_WORDS and 3 * menu >= 2 * len(words)


def _share_row(folded: str, vocab: Vocabulary) -> bool:
    """A share bar in one line: three share targets or more, and tools ("Facebook X WhatsApp Email Copy Link",
    "Share: Facebook X Email Print")."""
    first = folded.split(None, 1)
    if not first or first[0].strip(":：") not in vocab.share_row_words:
        return False    # nearly every line: its first word is no share target and no "Share:"
    parts = [part.strip(":：") for part in SHARE_SPLIT.split(folded) if part]
    targets = sum(part in vocab.share_targets for part in parts)
    return 3 <= targets <= MAX_SHARE_BUTTONS and all(part in vocab.share_targets or part in vocab.tools
                                                      for part in parts)


def _link_row(line: str) -> bool:
    """Short items separated by | or by a spaced dot: "市政府| 市人大| 市政协", "About us | Contact | Sitemap",
    "Contact · Careers · Terms of Use" (never a sentence). Dotted items hold no figures: "By Jane Doe ·
    Aug 16, 2026" is a byline, "FINAL HAR 5 PRA 4 · ..." a ticker; a name's own dot is not spaced ("马丁·路德·金")."""
    if "|" not in line and "｜" not in line and "丨" not in line:
        if (" · " not in line and " • " not in line) or any(char.isdigit() for char in line):
            return False
    elif CODE_CHARS.search(line):
        return False    # code: "results.iter().filter(|ok| !**ok).count();", "a = b | c"
    items = [item for item in LINK_SEPARATOR.split(line) if item]
    if len(items) < 3:
        return False
    return all(len(i) <= 20 if HAN_RE.search(i) else len(i.split()) <= 5 for i in items)


def _breadcrumb(line: str) -> bool:
    """"首页 > 要闻 > 正文"; its last item may be the page's own title, a question or an exclamation too ("论坛 ›
    家长里短 › 停车位该怎么分？"), after two items or more."""
    if ">" not in line and "＞" not in line and "»" not in line and "›" not in line:
        return _anchored_breadcrumb(line)
    parts = [part for part in CRUMB.split(CRUMB_LABEL.sub("", line, count=1)) if part]
    if len(parts) < 2 or not all(map(_crumb_item, parts[:-1])):
        return False
    if not _crumb_item(parts[-1]):
        return len(parts) >= 3 and len(parts[-1]) <= MAX_CRUMB_TITLE and "。" not in parts[-1]
    return len(parts) >= 3 or line.startswith(CRUMB_STARTS) or parts[-1] == "正文" or PLACE_LABEL.match(line) is not None


def _anchored_breadcrumb(line: str) -> bool:
    """A breadcrumb split by marks that split other things too ("/", "→", "‹"), where it says it is one: after
    a label of the place ("您所在的位置：首页 → 政策解读") or from the home page ("首页 / 政务公开 / 正文",
    "Home / News / Reserves"), its items a few words each; the last may be the page's own title."""
    if "/" not in line and "／" not in line and "→" not in line and "‹" not in line:
        return False
    unlabelled = PLACE_LABEL.sub("", line, count=1)
    parts = [part for part in ANCHORED_CRUMB.split(unlabelled) if part]
    if len(parts) < 2 or not (unlabelled != line or FIRST_CRUMBS.match(parts[0])):
        return False
    return all(map(_crumb_item, parts[:-1])) and (_crumb_item(parts[-1]) or len(parts[-1]) <= MAX_CRUMB_TITLE
                                                   and "。" not in parts[-1])


def _crumb_item(part: str) -> bool:
    """An item of a breadcrumb: a few words, no punctuation."""
    return CRUMB_PART.match(part) is not None and (len(part) <= 12 if HAN_RE.search(part) else len(part.split()) <= 4)


def _toolbar(line: str, tools: frozenset[str], initials: frozenset[str]) -> bool:
    """A line of tools, some with a count ("【打印本页】 【关闭窗口】 浏览次数：1832")."""
    # most lines fail on their first character: their first token can be no tool
    if not (line[0].isspace() or line[0] in TOOL_SEPARATORS or line[0].casefold()[0] in initials):
        return False
    return _tokens_of(line, tools)


def _tokens_of(line: str, words: frozenset[str], anchors: frozenset[str] = frozenset(),
               needed: frozenset[str] | None = None) -> bool:
    """Whether the line is made of these words and counts, with a word of two characters or more among them
    (a lone "A" or "中" is no tool bar); with a count, two words or one of the anchors ("print(12345)" is
    code, "233 posts" a poster's count). Words not of `needed`, when given, only beside two of those or one
    and a count: a post's action row has a share button beside them ("412 Reply Share Report"), a share
    bar's buttons alone or beside one link ("Share permalink") make none."""
    first = _first_token().match(line)     # most lines fail on their first token: spare them the split
    if first is None:
        return False
    token = first[1].casefold()
    if token not in words and not COUNT.fullmatch(token) and not _glued(token, words) and not (
            DIGIT.search(token) and _counts_glued(token, words)):
        return False
    tokens = [w for t in TOOL_SPLIT.split(line) if t for w in _pieces(t.casefold(), words)]
    known = [t for t in tokens if t in words]
    if needed is not None:
        own = sum(t in needed for t in known)
        if own < len(known) and own < 2 and not (own and len(known) < len(tokens)):
            return False
    if not any(len(t) > 1 for t in known) or not all(t in words or COUNT.fullmatch(t) for t in tokens):
        return False
    return len(known) == len(tokens) or len(known) > 1 or not anchors.isdisjoint(known)


def _pieces(token: str, words: frozenset[str]) -> list[str]:
    """A token as its words and counts: itself, or the Han words run together in it (_glued), or the words and
    counts run together in it (_counts_glued)."""
    if token in words:
        return [token]
    return _glued(token, words) or (not COUNT.fullmatch(token) and _counts_glued(token, words)) or [token]


def _counts_glued(token: str, words: frozenset[str]) -> list[str] | None:
    """Words and counts run together, as a poster's panel is rendered ("帖子46积分132注册时间2024-12-1",
    "UID88213"), split into them, or None when it is not made of them."""
    if DIGIT.search(token) is None:
        return None
    found = [word for piece in WORD_COUNT_SPLIT.split(token) if piece
             for word in (_glued(piece, words) or [piece])]
    return found if len(found) > 1 and all(word in words or COUNT.fullmatch(word) for word in found) else None


def _glued(token: str, words: frozenset[str]) -> list[str] | None:
    """A run of Han words with nothing between them, as w3m renders a row of links ("回复引用举报"), split into
    the words (longest first from the left), or None when it is not made of them."""
    if len(token) > MAX_GLUED_CHARS or not token.isalpha() or not has_han(token):
        return None
    found: list[str] = []
    while token:
        word = next((token[:end] for end in range(min(len(token), MAX_WORD_CHARS), 0, -1) if token[:end] in words),
                    None)
        if word is None:
            return None
        found.append(word)
        token = token[len(word):]
    return found if len(found) > 1 else None


def _poster_panel(folded: str, vocab: Vocabulary) -> bool:
    """A forum poster's panel or a post's action row: the poster words and tools with counts and dates
    ("楼主 发表于 2026-1-8 20:14 | 只看该作者", "Report · Like · Reply"), or a poster word alone or followed
    by a count or a date ("New member", "积分 386", "Joined Mar 2019"). ``folded``: the line casefolded."""
    # a row of tokens starts with a word or a count, or with a separator before one
    first = folded[0]
    if (first.isspace() or first in TOOL_SEPARATORS or first in vocab.poster_initials or first.isdecimal()
            or first == "#") and _tokens_of(folded, vocab.row_tokens, vocab.poster, vocab.poster):
        return True
    if not folded.startswith(vocab.poster_labels):     # (one pass in C spares most lines the search below)
        return False
    label = next(label for label in vocab.poster_labels if folded.startswith(label))
    value = folded[len(label):]
    if not value.strip(" :：.…"):
        return True
    return (value[0] in " :：" and any(char.isdigit() for char in value)
            and POSTER_VALUE.fullmatch(value) is not None and len(LATIN_WORD.findall(value)) <= 2)


def _forum_software_stamp(text: str, folded: str, han: bool) -> bool:
    """Whether a line is one of the stamps forum and Q&A software prints around a post: an edit stamp, a sort
    menu with its default option, a like count in words, Discuz!'s panel and thread stamp, XenForo's panel, Stack
    Exchange's comment buttons. Each pattern is asked only of lines holding its first characters or its words."""
    return bool(
        text[0] in EDIT_STAMP_INITIALS and DIGIT.search(text) and _edit_stamp().fullmatch(text)
        or "(default)" in folded and _sort_menu().fullmatch(text)
        or text[0].isdecimal() and _like_count().fullmatch(text)
        or han and ("当前" in text or "距离下一级" in text) and _discuz_panel().fullmatch(text)
        or text[0] == "本" and _discuz_stamp().fullmatch(text)
        or text[0] in XENFORO_INITIALS and _xenforo_panel().fullmatch(text)
        or "|" in text and _comment_buttons().fullmatch(text))


def _glued_panel(text: str, vocab: Vocabulary) -> bool:
    """A poster's panel whose fields a renderer printed without spaces ("Hestia LoafSenior memberPosts: 2291
    Joined: Mon Oct 02, 2013"): a label of the panel glued to the word before it, in a line ending no sentence."""
    return not text.endswith((*SENTENCE_END, ".")) and vocab.glued_label.search(text) is not None


def _counted_heading(heading: str, words: frozenset[str], ends: tuple[str, ...]) -> bool:
    """One of the heading words (of the comments, of the answers), alone or with a count before or after it
    ("评论 139", "12 Comments", "3 Answers"). Without its count it is the line, or what is left of it after a
    prefix or a suffix: a line that neither starts nor ends with such a word (`ends`: the words, nearly every
    line) is spared the regex, which scans the whole line."""
    if not (heading.startswith(ends) or heading.endswith(ends)):
        return False
    return _count_beside().sub("", heading, count=1) in words


def _bare_word(heading: str) -> bool:
    """One word and no count: "Answer", "回答" alone are a button that opens the answer form."""
    return heading.isalpha() and (len(heading) <= 2 if has_han(heading) else " " not in heading)


MORE_LINK = "更多"
MIN_BOX_NAME, MAX_BOX_NAME = 2, 10    # Han characters of a box's name before its "more" link
MAX_TAB_WORDS = 8       # words of a line of two box headings
MAX_PAGER_SIZE = 40     # Han characters or words of a pager link and the title it names
NO_APOSTROPHES = str.maketrans("", "", "'’")
ALL_LINKS = (" view all", " see all", " show all", "[edit]", "[编辑]")    # and a wiki's link to edit it
MORE_NOUNS = ("stories", "news", "articles", "posts", "coverage", "reads", "videos", "episodes", "podcasts", "photos",
              "galleries", "reviews", "columns", "headlines")
# a box of other items of the page's kind: "Related Opinions", "Latest Questions", "Similar threads" (folded)
BOX_OF_KIND = re.compile(r"(?:related|similar|recent|latest|trending) [a-z]{2,}s")
MORE_OPENINGS = ("more from ", "more by ", "more in ", "more on this", "more like this", "more stories ",
                 "more news from ")
MAX_MORE_WORDS = 8        # "More from Jane Doe and the Daily Courier"
# a Chinese box of other articles: "相关通知", "更多快讯", "热点问答", "往期节目" (one of these, then one of those)
BOX_OPENINGS_ZH = ("相关", "更多", "最新", "热门", "热点", "往期", "精彩")
BOX_NOUNS_ZH = frozenset({"新闻", "资讯", "快讯", "文章", "阅读", "报道", "内容", "文件", "通知", "公告", "解读", "视频",
                          "图片", "图集", "评测", "专题", "动态", "消息", "链接", "话题", "推荐", "节目", "科普",
                          "问答"})
BOX_ENDS_ZH = tuple(sorted(BOX_NOUNS_ZH))
MAX_OTHERS_BOX = 16     # Han characters of "作者其他文章", "新陈代谢科其他卫教文章"
# whose (none before 其他, one or more before 更多: "更多全部文章" is a button), 其他 or 更多, a kind, the noun
_others_box = compiled_when_used(rf"(?:[{HAN_CLASS}]{{0,8}}(?:其他|其它)|[{HAN_CLASS}]{{1,8}}更多)[{HAN_CLASS}]{{0,4}}"
                                 rf"(?:{'|'.join(BOX_ENDS_ZH)})")


def _more_heading(heading: str) -> bool:
    """The heading of a box of other articles made of "more" and a few words: "More from the Daily X",
    "More in Politics", "More great X stories", "More stories like this one", "More on this story"."""
    words = heading.split()
    return (2 <= len(words) <= MAX_MORE_WORDS and words[0] == "more"
            and (heading.startswith(MORE_OPENINGS) or words[-1] in MORE_NOUNS and len(words) <= 6))


def _han_box_heading(heading: str) -> bool:
    """"相关通知", "更多快讯": a word that opens a box of other articles and what they are; "作者其他文章",
    "本栏目其他卫教文章", "本小区更多公告": whose other articles, and what they are."""
    if len(heading) == 4 and heading.startswith(BOX_OPENINGS_ZH) and heading[2:] in BOX_NOUNS_ZH:
        return True
    return (len(heading) <= MAX_OTHERS_BOX and heading.endswith(BOX_ENDS_ZH)
            and _others_box().fullmatch(heading) is not None)


def _box_heading(heading: str) -> str:
    """A folded heading as the related vocabulary is matched: without apostrophes ("Editors' Picks" is
    "Editor's picks") and without a link to the whole box beside it ("Most Popular View all") or to edit it
    ("See also[edit]")."""
    heading = heading.translate(NO_APOSTROPHES)
    if not heading.endswith(ALL_LINKS):     # nearly every line: one call
        return heading
    return heading.removesuffix(next(link for link in ALL_LINKS if heading.endswith(link)))


def _box_tabs(heading: str, related: frozenset[str]) -> bool:
    """Two headings of boxes of other articles on one line, the tabs of one box: "Most Read Most Shared"."""
    words = heading.split()
    return 2 <= len(words) <= MAX_TAB_WORDS and any(
        " ".join(words[:cut]) in related and " ".join(words[cut:]) in related for cut in range(1, len(words)))


def _named_box_with_more(heading: str, labels: frozenset[str]) -> bool:
    """A box's name and its "more" link on one line: "热门问答更多", "精编文章 更多" (not a button of its own,
    such as "查看更多")."""
    name = heading.removesuffix(MORE_LINK).rstrip()
    return (heading.endswith(MORE_LINK) and heading not in labels
            and MIN_BOX_NAME <= len(name) <= MAX_BOX_NAME and han_run().fullmatch(name) is not None)


def _more_of_a_name(line: str) -> bool:
    """The heading of a box of other articles made of "More" and a name of one to three capitalized words:
    a site's or a section's ("More Daily Courier", "More World")."""
    words = line.split()
    return (2 <= len(words) <= 4 and words[0] in ("More", "MORE")
            and all(word[:1].isupper() and word.isalpha() for word in words[1:]))


def _box_of_a_site(line: str, related: frozenset[str]) -> bool:
    """The heading of a box of other articles with the site's name after it: "Popular on IndieWire", "Trending
    on Variety", "Most Read at the Courier" (a heading of [related], or "Popular", then one to three capitalized
    words)."""
    found = SITE_BOX.fullmatch(line)
    if found is None:
        return False
    heading = _box_heading(found.group(1).casefold())
    return heading in related or heading == "popular"


def _titled_link(text: str, han: bool, vocab: Vocabulary) -> str | None:
    """PAGER or SEE_ALSO for a link of their phrases with the title it names after a colon
    ("上一篇：下月核酸还免费吗？", "Previous article: Is the ferry late again?"), at most MAX_PAGER_SIZE Han
    characters or words: a title may end as a sentence does."""
    folded = text.casefold().lstrip(LINK_ARROWS)
    if not folded.startswith(vocab.links):  # nearly every line: one call, where finding which phrase takes one each
        return None
    phrase = next(phrase for phrase in vocab.links if folded.startswith(phrase))
    rest = folded[len(phrase):].lstrip()
    size = len(text) if han else len(text.split())
    if (phrase.endswith((":", "：")) or rest.startswith((":", "："))) and size <= _link_size(folded, vocab):
        return _link_reason(folded, vocab)
    return None


def _link_size(folded: str, vocab: Vocabulary) -> int:
    """The most Han characters or words of a line of links to other articles and the titles they name: twice
    MAX_PAGER_SIZE for the links to the previous and the next one in one line ("上一篇：… 下一篇：…")."""
    links = sum(folded.count(phrase) for phrase in vocab.pager) if folded.startswith(vocab.pager) else 0
    return MAX_PAGER_SIZE * (2 if links >= 2 else 1)


def _link_reason(folded: str, vocab: Vocabulary) -> str:
    """PAGER for a link to the previous or next article, SEE_ALSO for one to another (`folded` opens with a
    phrase of vocab.links, casefolded)."""
    return PAGER if folded.startswith(vocab.pager) else SEE_ALSO


def classify_line(line: str, vocab: Vocabulary) -> tuple[str | None, bool]:
    """(reason or None, strong): strong verdicts hold anywhere, weak ones only in a head/tail run."""
    text = line.strip(BULLETS)
    if "::" in text:    # (a line of ad slots alone stays what it is: AD_SLOT)
        text = " ".join(EMPTY_MARK.sub(" ", text).split()) or text
    if not text:
        return None, False
    half = _doubled_half(text)
    if half is not None:
        halved = classify_line(half, vocab)
        if halved[0] is not None:
            return halved
    han = has_han(text)
    sentence = _is_sentence(text, han)
    if len(text) <= 300 and holds_copyright_sign(text):
        return COPYRIGHT, True
    if _is_prompt(text, han, vocab) or not han and _subscribe_line(text):
        return PROMO, True
    if vocab.jump_menu.match(text):     # every board of a forum in one line, at any length
        return NAV, True
    if text[0] in THREAD_COUNTS_INITIALS and _thread_counts().fullmatch(text):     # a sentence or not
        return POSTER, True
    if sentence:        # of the tests below only prompts, disclaimers, pager links and the nav row apply to sentences
        link = _titled_link(text, han, vocab)   # "上一篇：…吗？": the title it names may be a question
        if link is not None:
            return link, True
        found = _phrase_reason(SENTENCE_SECTIONS, text, _latin_words(text), vocab) if len(text) <= 200 else None
        if found is not None:
            return found, True
        if _breadcrumb(text):
            return CRUMBS, True
        return (NAV, True) if han and _nav_row(text.split()) else (None, False)
    # in Han characters or in words, as is_short_label counts; more than 41 words are never compared
    size = len(text) if han else len(text.split(None, 41))
    latin_words, any_phrase = None, False
    if len(text) <= 200 or size <= 10:      # phrases count only in such lines (for Han, short implies 200)
        latin_words = _latin_words(text)
        any_phrase = vocab.any_phrase.search(text, latin_words)
    found = _phrase_reason((*vocab.families, *SENTENCE_SECTIONS), text, latin_words, vocab) if (
        any_phrase and len(text) <= 200) else None
    if found is not None:
        return found, True
    folded = text.casefold()
    if _link_row(text) and not (size <= 40 and _poster_panel(folded, vocab)):    # "Quote · Report · Like"
        return LINKS, True
    if "." in text and _file_link().fullmatch(text) and not CODE_MARK.search(text):
        return DOWNLOAD, True
    if _share_row(folded, vocab):
        return SHARE, True
    if _breadcrumb(text):
        return CRUMBS, True
    if han and (_nav_row(text.split()) or EDITION_PAGE.fullmatch(text)):
        return NAV, True
    heading = folded.rstrip(":：>» ")
    if (_box_heading(heading if han else heading.rstrip(".…")) in vocab.related or _han_box_heading(heading)
            or _box_tabs(heading, vocab.related) or _more_heading(heading) or _more_of_a_name(text)
            or BOX_OF_KIND.fullmatch(heading) and heading not in vocab.tags
            or _named_box_with_more(heading, vocab.labels) or _box_of_a_site(text, vocab.related)):
        return RELATED, True
    linked = folded.lstrip(LINK_ARROWS)
    if linked.startswith(vocab.links) and size <= _link_size(linked, vocab):
        return _link_reason(linked, vocab), True
    if size <= MAX_PAGER_SIZE and (folded[0] in vocab.pager_initials or not folded[0].isalnum()) and _pager_row(
            folded, vocab):
        return PAGER, True
    if _home_menu(text, han, vocab):    # a pager's row may start from "首页" too
        return NAV, True
    bracketed = heading.removeprefix("[").removesuffix("]").strip()     # "[ 12 comments ]"
    if (_counted_heading(bracketed, vocab.comments, vocab.comment_headings)
            or size <= 40 and _comments_on_title().match(text)):
        return COMMENTS, True
    if _counted_heading(bracketed, vocab.answers, vocab.answer_headings) and not _bare_word(bracketed):
        return ANSWERS, True
    if (heading in vocab.tags or folded[0] in vocab.tag_initials and vocab.tag_row.match(text)
            or text[0] == "#" and HASHTAGS.fullmatch(text)):
        return REASON_PREFIX + "tags", True
    if (heading in vocab.labels or GALLERY_COUNTER.match(text) or PAGE_COUNTER_ID.fullmatch(text)
            or AD_SLOT.fullmatch(text) or END_MARK.fullmatch(text) or READING_TIME_LINE.fullmatch(text)
            or STORY_CONTINUES.fullmatch(text) or FEEDBACK_PROMPT.fullmatch(text)
            or len(text) <= MAX_ACCOUNT_BUTTON and text[0] in ACCOUNT_BUTTON_INITIALS
            and _account_button().fullmatch(text)):
        return REASON_PREFIX + "label", True
    if _toolbar(text, vocab.tools, vocab.tool_initials):    # a row of them ends an article; one alone is a label
        row = len(TOOL_SPLIT.split(text.strip(TOOL_SEPARATORS + " "))) >= 2
        return (TOOLS if row else REASON_PREFIX + "label"), True
    if size <= 40 and _more_replies().fullmatch(text):
        return (COMMENTS if "comment" in folded and not folded[0].isdigit() else POSTER), True
    if size <= 40 and (_poster_panel(folded, vocab) or _glued_panel(text, vocab)
                       or _forum_software_stamp(text, folded, han)):
        return POSTER, True
    if size <= 40 and (vocab.shop_row.fullmatch(text) and vocab.shop_words.search(text, latin_words)
                       or vocab.shop_tail.search(text)):    # a card in one line: "Air Pad ★★★★☆ $89.95 Add to cart"
        return SHOP, True
    if any_phrase and size <= (30 if han else 10):
        found = _phrase_reason(SHORT_LINE_SECTIONS, text, latin_words, vocab)
        if found is not None and not (found == PROMO and VIA in text):
            return found, True
        if vocab.extra is not None and vocab.extra.search(text, latin_words):
            return REASON_PREFIX + "phrase", True
    if any_phrase and not NUMBERED_HEADING_RE.match(text):     # "一、主办单位": a section of the text
        for section, (reason, han_max, words_max) in WEAK_SECTIONS.items():
            if size <= (han_max if han else words_max) and vocab.weak[section].search(text, latin_words):
                return REASON_PREFIX + reason, False
    if len(text) <= MAX_WIDGET_CHARS and _widget(text):
        return WIDGET, False
    return None, False


def _doubled_half(text: str) -> str | None:
    """The half of a line that is one phrase twice, run together or split by a space, as a text browser prints a
    link's text and its title ("Add a Comment Add a Comment", "发表评论发表评论"); None for other lines, and
    for a word said twice ("Home Home", "关注关注", "ついについに"), which may be the text's own."""
    half, odd = divmod(len(text), 2)
    start = half + odd
    if half < 4 or odd and text[half] != " " or text[:half] != text[start:]:
        return None
    return text[:half] if " " in text[:half].strip() or has_han(text[:half]) else None


def _phrase_reason(sections: Sequence[str], text: str, latin_words: Words | None, vocab: Vocabulary) -> str | None:
    """boilerplate.<section> of the first of `sections` with a phrase in the line, None when none has one."""
    for section in sections:    # (a loop, not a generator: asked of nearly every sentence)
        if vocab.phrases[section].search(text, latin_words):
            return REASON_PREFIX + section
    return None


def _widget(text: str) -> bool:
    """Whether a line is a page header's weather box or market ticker (see _temperatures)."""
    if "%" in text and len(PERCENT_CHANGE.findall(text)) >= MIN_TICKER_CHANGES:
        return True
    return ("℃" in text or "°" in text) and _temperatures().search(text) is not None and WEATHER_WORDS.search(
        text) is not None


def _pager_row(folded: str, vocab: Vocabulary) -> bool:
    """A row of a pager's links: MIN_PAGER_WORDS words or more, each of [pager_steps] or [pager_words] or a
    page's number, one of [pager_steps], between any marks ("« Next Oldest | Next Newest »", "Page 2 Next »",
    "首页 上一页 1 2 3 下一页 尾页"). A post's number ("Post # 9") or a count ("1 post") is none."""
    if vocab.pager_row.fullmatch(folded) is None:
        return False
    words = WORD.findall(folded)
    return len(words) >= MIN_PAGER_WORDS and not vocab.pager_steps.isdisjoint(words)


def author_bio(line: str, vocab: Vocabulary) -> bool:
    """Whether the line tells who wrote the article, as a box under it does: a name of one to four words (a
    handle or an address in brackets after it) that "is a", "is an" or "is the" one of the author's jobs
    within AUTHOR_JOB_REACH words ("Jane Doe is a senior reporter covering health. ...", "Sam (@sam) is an
    associate editor at ..."), or that "covers" a beat ("Jane Doe covers city hall for the Courier."), in a
    line of at most MAX_BIO_WORDS words. A story can say the same of someone: the layout stage takes it only
    where the article does not go on under it."""
    if len(line.split(None, MAX_BIO_WORDS)) > MAX_BIO_WORDS:
        return False
    if _author_beat().match(line):
        return True
    match = _author_bio().match(line)
    if match is None:
        return False
    words = LATIN_WORD.findall(match.group(1).casefold())[:AUTHOR_JOB_REACH]
    return any(word in vocab.author_jobs or word.removesuffix("s") in vocab.author_jobs for word in words)


def _subscribe_line(text: str) -> bool:
    """A prompt to sign up for a site's newsletter or video channel, of at most MAX_SUBSCRIBE_WORDS words
    (_subscribe_prompt); most lines hold neither word it ends with."""
    folded = text.casefold()
    return (("newsletter" in folded or "youtube" in folded)
            and len(text.split(None, MAX_SUBSCRIBE_WORDS)) <= MAX_SUBSCRIBE_WORDS
            and _subscribe_prompt().fullmatch(text) is not None)


def _is_prompt(text: str, han: bool, vocab: Vocabulary) -> bool:
    """A line of at most MAX_PROMPT_WORDS words (twice as many Han characters) holding a phrase of
    [promo_prompt]: a sign-up prompt, a sentence or not. Most lines hold none of the phrases' longest words,
    which a substring test tells before the regex."""
    if len(text) > MAX_PROMPT_WORDS * 12:
        return False
    folded = text.casefold()
    if vocab.prompt_anchors.search(folded) is None:
        return False
    size = len(text) if han else len(text.split(None, MAX_PROMPT_WORDS))
    return size <= MAX_PROMPT_WORDS * (2 if han else 1) and vocab.phrases["promo_prompt"].search(text)


@per_line   # the metadata, boilerplate and edges stages classify the same lines
def classified(line: str, extra_phrases: tuple[str, ...]) -> tuple[str | None, bool]:
    """classify_line with the vocabulary of these extra phrases."""
    return classify_line(line, vocabulary(extra_phrases))


def judge_boilerplate(lines: list[str], extra_phrases: tuple[str, ...] = (),
                      title: str | None = None) -> list[str | None]:
    """One verdict per line: strong patterns anywhere, weak ones and short lines in head/tail runs (but the
    headline over its dateline, `title`: dated_headline)."""
    extra_phrases = tuple(extra_phrases)
    found = [_classified_at(lines, index, extra_phrases) for index in range(len(lines))]
    reason_of = _but_attachments(lines, [reason for reason, _ in found].__getitem__)
    reasons = [reason_of(index) for index in range(len(lines))]
    verdicts = [reason if strong else None for reason, (_, strong) in zip(reasons, found)]
    _share_bar(lines, verdicts, vocabulary(extra_phrases).share_targets)
    _listed_crumbs(lines, verdicts)
    _keep_separators(lines, verdicts)
    _trim_edges(lines, reasons.__getitem__, verdicts, title)
    return verdicts


def _but_attachments(lines: list[str], reason_of: Callable[[int], str | None]) -> Callable[[int], str | None]:
    """reason_of, but None for the files of a notice's own list of attachments: named one per line under its
    label ("附件：" / "1.实施细则.pdf" / "2.报名表.docx") they are its text, where a box of files to download has a
    heading of its own ("相关附件", "附件下载")."""
    def reason(index: int) -> str | None:
        found = reason_of(index)
        if found != DOWNLOAD:
            return found
        above = index - 1
        while above >= 0 and reason_of(above) == DOWNLOAD:
            above -= 1
        listed = above >= 0 and reason_of(above) is None and ATTACHMENTS_LABEL.match(lines[above].strip(BULLETS))
        return None if listed else found
    return reason


def _listed_crumbs(lines: list[str], verdicts: list[str | None]) -> None:
    """Remove a breadcrumb rendered as an ordered list from the home page ("1. Home" / "2. News" / "3. Science"):
    its items numbered one by one from the home page's, none a sentence (the last may repeat the headline).
    Another numbered list is the article's, or a list of headlines that other rules judge."""
    for index, line in enumerate(lines):
        found = LISTED_CRUMB.fullmatch(line) if line[:3].lstrip()[:1] == "1" else None
        if found is None or found.group(1) != "1" or not FIRST_CRUMBS.match(found.group(2).strip()):
            continue    # nearly every line
        run = [index]
        while run[-1] + 1 < len(lines) and verdicts[run[-1] + 1] is None:
            item = LISTED_CRUMB.fullmatch(lines[run[-1] + 1])
            if item is None or int(item.group(1)) != len(run) + 1 or _is_sentence(item.group(2), has_han(item.group(2))):
                break
            run.append(run[-1] + 1)
        if len(run) >= 2:
            for crumb in run:
                verdicts[crumb] = CRUMBS


def _share_bar(lines: list[str], verdicts: list[str | None], targets: frozenset[str]) -> None:
    """Remove the buttons of a share bar under its label ("分享到：" then "微信", "QQ空间 豆瓣"): the lines
    made only of share targets right under it. Elsewhere such words are a menu's or a name in a text."""
    for index in range(1, len(lines)):
        if verdicts[index - 1] == SHARE and verdicts[index] is None and share_buttons(lines[index], targets):
            verdicts[index] = SHARE


def _classified_at(lines: list[str], index: int, extra_phrases: tuple[str, ...]) -> tuple[str | None, bool]:
    """classified, but for a row of short Han words taken for a menu in one line (NAV) that heads a table: the
    line under it splits into as many cells, MIN_TABLE_CELLS at least, and holds figures ("球队 第一节 第二节 第三节
    第四节 总分" over "北疆狼 27 22 21 29 99")."""
    reason, strong = classified(lines[index], extra_phrases)
    if reason == NAV and index + 1 < len(lines):
        cells, below = len(lines[index].split()), lines[index + 1]
        if cells >= MIN_TABLE_CELLS and len(below.split()) == cells and any(char.isdigit() for char in below):
            return None, False
    return reason, strong


def share_buttons(line: str, targets: frozenset[str]) -> bool:
    """Whether the line is made only of share targets (at most MAX_SHARE_BUTTONS of them)."""
    parts = [part for part in SHARE_SPLIT.split(line.strip(BULLETS).casefold()) if part]
    return 0 < len(parts) <= MAX_SHARE_BUTTONS and all(part in targets for part in parts)


def lone_separators(lines: list[str], extra_phrases: tuple[str, ...] = ()) -> list[str | None]:
    """The verdicts judge_boilerplate gives the poster's words a cleaned text kept as separators of its posts:
    those it no longer repeats MIN_SEPARATORS times (a later stage took the others) are a poster's words
    again, as a second run would find them."""
    verdicts: list[str | None] = [
        POSTER if len(line) <= MAX_SEPARATOR_CHARS and classified(line, extra_phrases)[0] == POSTER else None
        for line in lines
    ]
    _keep_separators(lines, verdicts)
    return verdicts


def poster_separators(lines: list[str]) -> list[int]:
    """The lines that are a poster's words without a count ("Reply", "Member Since:", "积分"): those
    judge_boilerplate keeps as separators of a thread's posts while the page repeats them (_keep_separators)."""
    return [index for index, line in enumerate(lines)
            if len(line) <= MAX_SEPARATOR_CHARS and not DIGIT.search(line) and classified(line, ())[0] == POSTER]


def _keep_separators(lines: list[str], verdicts: list[str | None]) -> None:
    """Keep the poster's words without a count ("Reply", "Member") that the page repeats MIN_SEPARATORS
    times or more: they separate the posts of a thread, which the layout stage reads as records."""
    bare = [index for index, verdict in enumerate(verdicts)
            if verdict == POSTER and not any(char.isdigit() for char in lines[index])]
    if not bare:    # most pages: no poster's words (a Counter costs 2 us to make, empty or not)
        return
    counts = Counter(lines[index] for index in bare)
    for index in bare:
        if counts[lines[index]] >= MIN_SEPARATORS:
            verdicts[index] = None


def _signature(lines: list[str], index: int) -> bool:
    """Whether the line is an organisation's name over a date alone on the next line: a notice's signature
    ("枫坪镇妇女联合会" / "2024年12月30日")."""
    return (index + 1 < len(lines) and signs(lines[index])
            and list(read_line(lines[index + 1].strip()) or ()) == ["dated"])


def edge_verdicts(lines: list[str], extra_phrases: tuple[str, ...] = (),
                  title: str | None = None) -> list[str | None]:
    """The verdicts judge_boilerplate gives lines none of which is boilerplate anywhere (a cleaned text):
    the runs at the page's edges. Only the lines near the edges are classified."""
    extra_phrases = tuple(extra_phrases)
    verdicts: list[str | None] = [None] * len(lines)
    reason_of = _but_attachments(lines, lambda index: _classified_at(lines, index, extra_phrases)[0])
    _trim_edges(lines, reason_of, verdicts, title)
    return verdicts


def _trim_edges(lines: list[str], reason_of, verdicts: list[str | None], title: str | None = None) -> None:
    """The runs of boilerplate at the page's head and tail, but the headline over its dateline (`title`,
    dated_headline): set between a breadcrumb and a toolbar ("首页 > 要闻 > 正文" / the headline / the dateline the
    metadata stage took / "字号：大 中 小") it is a short line between boilerplate lines, but the article's. The
    run goes on under it."""
    spared = headline_line(lines, title)
    head = range(len(lines))
    _trim_edge(lines, reason_of, verdicts, head, absorb_inner_labels=False, spared=spared)
    _trim_edge(lines, reason_of, verdicts, reversed(head), absorb_inner_labels=True, spared=spared)


def _trim_edge(lines, reason_of, verdicts, order, absorb_inner_labels: bool, spared: int | None = None) -> None:
    """Remove the run of boilerplate at one edge of the page, with the short lines inside it but the `spared` one.

    At the tail, a footer of two or more boilerplate lines also takes the few tiny labels between the
    article and the footer ("图片新闻", "Focus graph"), but a notice's signature over its date; at the head
    that could be a short headline, so no.
    A poster's panel and a product card's row are short lines like any other here: they stand between posts
    and in the text, not in a page's header or footer ("Buy Now" in a header does not reach down to the title).
    """
    run: list[int] = []
    matched = 0
    last_match = -1
    gap = 0
    order = list(order)
    stop = len(order)
    for position, index in enumerate(order):
        reason = reason_of(index)
        if reason is not None and reason not in (POSTER, SHOP):
            matched += 1
            last_match = len(run)
            gap = 0
        elif is_short_label(lines[index]) and gap < MAX_GAP:
            gap += 1
        else:
            stop = position
            break
        run.append(index)
    for index in run[: last_match + 1]:
        if verdicts[index] is None and index != spared:
            verdicts[index] = reason_of(index) or BLOCK
    if not absorb_inner_labels or matched < 2:
        return
    inner = run[last_match + 1:]
    reached_article = stop < len(order) and not is_short_label(lines[order[stop]])
    if reached_article and all(is_short_label(lines[i], 12, 6) and not _signature(lines, i) for i in inner):
        for index in inner:
            if index != spared:
                verdicts[index] = BLOCK


def _over_dateline(verdicts: Sequence[str | None], position: int) -> bool:
    """Whether the page's line under the one at `position` is a dateline or a source line the metadata stage
    removed."""
    return position + 1 < len(verdicts) and verdicts[position + 1] in DATELINE_REASONS


def _kept_positions(verdicts: Sequence[str | None]) -> list[int]:
    """Where each line still kept stands on the page: the positions of the verdicts that are None."""
    return [index for index, verdict in enumerate(verdicts) if verdict is None]


def dated_headline_at(lines: list[str], view: DocView) -> int | None:
    """Where a copy of the headline the metadata stage found (view.title) stands among `lines` (the kept ones
    of view.verdicts) over a dateline or a source line that stage removed; None when none does. The site's
    lists may hold other copies of it."""
    if not view.title or not view.verdicts:
        return None
    headline, positions = view.title.strip(), _kept_positions(view.verdicts)
    return next((at for at, line in enumerate(lines)
                 if line.strip() == headline and _dated_at(lines, view.verdicts, positions, at)), None)


def dated_headline(lines: list[str], view: DocView) -> str | None:
    """The headline the metadata stage found (view.title) when the line under its first copy on the page (or
    under its subtitle or standfirst) is a dateline or a source line that stage removed: a headline so placed is the
    article's, whatever stands around it; a line taken for the headline with no dateline under it may be a
    site's name, a menu or a sidebar's line (over an editor's line). `lines`: the lines still kept, the ones of
    view.verdicts that are None."""
    at = headline_line(lines, view.title)
    if at is None or not view.verdicts:
        return None
    return view.title if _dated_at(lines, view.verdicts, _kept_positions(view.verdicts), at) else None


def _dated_at(lines: list[str], verdicts: Sequence[str | None], positions: list[int], at: int) -> bool:
    """Whether the kept line `at` stands over a dateline or a source line the metadata stage removed, right
    over it or over its subtitle ("——记…一线观察"), its standfirst (a sentence: "All crossings are cancelled
    for the rest of the day.") or its dek (fields.titles.dek_like)."""
    if _over_dateline(verdicts, positions[at]):
        return True
    return at + 1 < len(lines) and (SUBTITLE.match(lines[at + 1]) is not None or is_sentence(lines[at + 1])
                                    or dek_like(lines[at + 1])) and _over_dateline(verdicts, positions[at + 1])


class Boilerplate(LineStage):
    """Line stage: site boilerplate."""

    name = "boilerplate"
    options = ("extra_boilerplate",)
    reasons = tuple(dict.fromkeys(f"{REASON_PREFIX}{r}" for r in (
        "nav", "crumbs", "links", "download", "widget", "tools", "copyright", *phrase_families(), *SENTENCE_SECTIONS,
        *SHORT_LINE_SECTIONS, *(reason for reason, _, _ in WEAK_SECTIONS.values()), "pager", "see_also", "related",
        "comments", "answers", "label", "tags", "poster", "shop", "block", "phrase")))

    def __init__(self, extra_phrases: tuple[str, ...] = ()) -> None:
        self.extra_phrases = tuple(map(to_simplified, extra_phrases))  # lines are judged in Simplified

    def judge(self, lines: list[str], view: DocView) -> Judged:
        verdicts = judge_boilerplate(lines, self.extra_phrases, dated_headline(lines, view))
        return Judged(verdicts)  # type: ignore[arg-type]
