"""网页残留（page_debris）：从网站复制报告时带入的页面元素，逐行按特征判断。

一行是不是网页残留，不靠记住某个网站的原话，而看这一行的特征：
- 元数据表的一行：两对以上“标签：⇥值”，每个带冒号的标签单占一格（信息索引号：⇥…⇥生成日期：⇥…），
  不论标签是什么（context_words.is_metadata_row，报告上下文同一个判断）；
- 元数据：行首是栏目标签（`labels`：索引号、发布机构、主题分类、浏览次数……），标签后跟冒号和
  一个短值，或整行就是标签（项目符号列表、表格里的元数据框）；`generic_labels`（时间、日期、
  来源……）太常用，只在同一行还有别的标签、或值是空的或是日期时间时才算；
- 阅读控件：整行由 `widgets`（打印本页、关闭窗口、分享到、微信、扫一扫、简体、繁体……）和
  括号（【】〖〗〔〕[]（））、竖线、空格组成；
- 报告之外（标题之前、落款日期之后的页头页尾）一个常用词标签带值的行（来源：某区司法局、作者：某某）；
- 导航路径：用 > › » 等分隔的几段短词（首页 > 政务公开 > …），或以“当前位置：”一类标签开头；以网站首页
  （`homes`：首页、网站首页……，或“当前位置：”）和一个分隔符（| > / ›）开头的行，不论后面的栏目叫什么；
- 导航条：用 | 分隔的三段以上短词（每段至多六个字、没有数字和标点），其中有网站栏目名或控件
  （联系我们 | 网站地图 | 隐私声明）；用竖线写的表格行（序号 | 项目 | 完成情况）不算；
- 导航词：整行都是 `navigation` 里的栏目名（首页、政务公开、互动交流……）；只有一个词时须在
  页头（正文第一句之前）或页尾（正文最后一句之后）；
- 分页链接：整行由 `pagination`（上一页、下一页、尾页……）、页码和“共N页”组成（共2页 上一页 1 2 下一页），
  在正文中间也算；只有“第1页 共9页”的页码行不算（那是 Word 页脚的正常内容）；
- 网址、纯时间戳（2023-02-28 15:36）；`tokens`、`patterns` 列出的整行写法（微信、新闻客户端的按钮，版权声明，
  主办承办，附件文件名……）；括号里带空格的字段（【 来源：某局 】 【 浏览次数：231 】）；
- 正文第一句（或标题）之前带“年-月-日 时:分”而无句子的行：公众号、新闻客户端的文章题头；同样位置上藏文、
  维吾尔文、蒙古文（双语网站的另一种文字，可带“| 汉文”）的行；
- 以首页开头、空格分隔的三段以上栏目名（首页  政务公开  互动交流）；没有首页的两段路径（某州 > 部门动态）；
- 落款日期之后，第一个残留行以下没有句子的行（公众号名称、点赞数、链接），附件、表格行、括号里的附注除外；
- 报告标题之前，以 `title_labels`（标题、名称……）开头的行是网页上报告标题的一栏，连同单独一行的这类
  标签下面的值（标题的副本）；正文表格里的“名称”一栏不算；
- 报告标题之前、下面紧接着残留行的机关名称（网站的站名横幅），不是标题块的一部分时；
- 页头页尾里一两个字的短行（字号 / 大 / 中 / 小 一行一个）：一串这样的短行上下都是残留行时，整串都是；
- 页头页尾里夹在残留行之间、或以项目符号开头紧挨残留行的短行（没有标点、不是标题、机关名
  或日期）：网站自己的栏目名、元数据框里的值；`link_lists` 标签（相关链接：、相关文章、往期推荐）之下
  连续的短行是一行一个的链接，机关名、往年报告的标题也算；整页粘贴时这样的列表夹在正文两段之间也算
  （到第一个有句子、过长或是报告标题层级的行为止）。
正文句子（含句号、问号、叹号、分号）、标题、机关名称、成文日期从不报告。每个残留行一条，
命中范围为整行；修复模板 replacement: "" 即删去该行内容。

词表（labels、generic_labels、title_labels、locators、widgets、navigation、pagination、tokens、patterns、
not_debris）默认取 rules/data/web_page.yaml，报告上下文（checker/document/context_words.py）也用它认网页
残留行；配置可以改。以首页开头的导航路径按 web_page.yaml 的 homes 和 locators 认，与报告上下文同一个判断
（context_words.from_home_page）。按默认词表认出的正文残留行（`page_lines`）别的规则不再查：FZ607 不报
网页按钮之间的空格，该删的是整行。

选项 `parts` 为 [header, footer, footnote] 中的若干项时，改查 Word 文档的页眉、页脚、脚注（在
`fazhi-lint text` 所示视图中排在正文之后）：那里只报上面的强特征行（元数据、阅读控件、导航路径、
网址、时间戳、列出的写法），页码、报告标题、机关名称等页眉页脚的正常内容不报。

通过：
    推进无障碍环境建设，完成无障碍设施改造12处。
    天津市静海区人民政府
不通过：
    首页 > 政务公开 > 法治政府建设年度报告
    • 主题分类
    来源：区司法局 发布时间：2023-03-01 10:00 浏览次数：
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, partial

import regex

from checker.document.characters import BLANKS
from checker.document.context import signature_block
from checker.document.context_words import (
    BREADCRUMB_SEPARATOR,
    BUTTON_GAP,
    WEB_ADDRESS,
    closed_label,
    from_home_page,
    is_metadata_row,
    web_page_words,
)
from checker.document.frame import SENTENCE_MARK, running_text
from checker.document.model import FURNITURE_LABELS, Document, Paragraph, Part
from checker.document.per_document import per_document
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import Matcher, Prefilter, any_of

TYPE = "page_debris"
NEEDS: tuple[str, ...] = ()
_PAGE = web_page_words()  # rules/data/web_page.yaml, the context's vocabulary too
OPTIONS = {
    "labels": Option(list, _PAGE["labels"], "网页元数据栏目标签（索引号、发布机构……）"),
    "generic_labels": Option(list, _PAGE["generic_labels"], "常用词做的标签（时间、来源……）：须有别的标签或日期值佐证"),
    "title_labels": Option(list, _PAGE["title_labels"], "网页上报告标题的标签（标题、名称……）：只在报告标题之前算残留"),
    "locators": Option(list, _PAGE["locators"], "导航路径前的标签（当前位置……）"),
    "widgets": Option(list, _PAGE["widgets"], "阅读控件上的字（打印本页、分享到……）"),
    "navigation": Option(list, _PAGE["navigation"], "网站栏目名（首页、政务公开……）"),
    "pagination": Option(list, _PAGE["pagination"], "分页链接（上一页、下一页……）：由它们、页码和“共N页”组成的行"),
    "link_lists": Option(list, _PAGE["link_lists"], "一行一个链接的列表的标签（相关链接……）：其下的短行都是列表项"),
    "tokens": Option(list, _PAGE["tokens"], "整行是残留的字面写法"),
    "patterns": Option(list, _PAGE["patterns"], "整行是残留的正则表达式（regex 语法）"),
    "not_debris": Option(list, _PAGE["not_debris"], "含有这些词的短行是标题、机关名称，不当残留（正则）"),
    "value_length": Option(int, 40, "元数据值的最大长度"),
    "short_line": Option(int, 16, "页头页尾短行的最大长度"),
    "parts": Option(list, ["body"], "查哪里：body（正文），或 header、footer、footnote（Word 的页眉、页脚、脚注）"),
}
_BULLETS = "•·●○■□▪▫◆◇►▸▶◎※-*"
_ANY_PUNCTUATION = regex.compile(r"[，。！？；：、,.!?;:（）()《》“”]")
_COLON = regex.compile(r"[ \t\u3000]*[:：]")
_DATE_TIME = regex.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?")
_DATE_LINE = regex.compile(r"[〇零一二三四五六七八九十\d]{4}\s*年\s*[〇零一二三四五六七八九十\d]{1,2}\s*月(?:\s*[〇零一二三四五六七八九十\d]{1,3}\s*日)?")
_PAGE_COUNT = regex.compile(r"[共第]\s*\d+\s*页")  # 共2页, 第 1 页: a page link line's counts
_CODE_LINE = regex.compile(r"[\x21-\x7e]+")  # an identifier of the page: lsx31/2025-00001
# blanks between two Han characters: a box's labels spaced out to line up (索 引 号, 文    号)
_HAN_GAP = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")
# a whole line in brackets: 【来源：某局】, （来源：某局）
_ENCLOSED = regex.compile(r"^[【\[（(](.*)[】\]）)]$")
# a time of day after a date: the heading of a WeChat or a news app's article (原创 某号 2024-03-15 17:42 某省,
# 某号 2024年03月15日 17:42 某省)
_HEADER_TIME = regex.compile(r"\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)[ \t\u3000]+\d{1,2}[:：]\d{2}")
# a line in the script of a bilingual site's other language (Tibetan, Uyghur, Mongolian), alone or with 汉文:
# looked for over the title only (no string to find it by, so not one of web_page.yaml's whole lines)
_OTHER_SCRIPT = regex.compile(r"[\p{Tibetan}\p{Arabic}\p{Mongolian}][^\p{Han}]{0,100}(?:[|｜]\s*(?:汉文|中文))?")
_ATTACHMENT = ("附件", "附表", "附：")
# a box's fields laid out on one line, label：value apart by wide blanks, the labels the site's own
# (公开责任部门：某局　　生成日期：2024-02-26): the line is a box when one of its labels is a known one
_FIELD_GAP = regex.compile(r"[ \t\u3000]{2,}|\t")
_FIELD = regex.compile(r"\p{Han}{2,8}[ \t\u3000]*[:：][ \t\u3000]*[^:：]+")
# a label in brackets: 【发布日期】2024-01-15
# the brackets of a line of boxed fields with the blanks inside them: 【 来源：某局 】 【 浏览次数：231 】
_BOX_EDGES = regex.compile(r"[ \t\u3000]*[【\[][ \t\u3000]*|[ \t\u3000]*[】\]][ \t\u3000]*")
_BRACKETED_LABEL = regex.compile(r"[【\[]\s*(\p{Han}{2,8})\s*[】\]]")
# a bar of links to other sites: every part a site or a government (国务院门户网 | 某省人民政府)
_LINK_BAR_PART = regex.compile(r"\p{Han}{2,16}(?:网|网站|门户|政府|平台)")
_BAR = regex.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*")
_BAR_PARTS = 3
_HOMES = tuple(_PAGE["homes"])  # the link to a site's home page that starts its bar (web_page.yaml, as from_home_page)
_BAR_PART = regex.compile(r"[\p{Han}A-Za-z]{1,8}")  # a link of a site's own bar: 网站地图, 法定主动公开内容, English
# a short part of a navigation path without its home page (某州 > 地方动态, 某号·政务 > 某某司法)
_PATH_PART = regex.compile(r"[\p{Han}·]{2,8}")
_PATH_ARROW = regex.compile(r"[ \t\u3000]*(?:>>|[>＞›»])[ \t\u3000]*")
_LONGEST_LINE = 120  # characters: no debris line is longer (a paragraph of the report usually is)
_TINY_LINE = 2  # characters of a button's word on a line of its own (大, 中, 小, 打印)
_LONGEST_CODE = 40  # characters of a page's identifier (索引号 value)
# what a breadcrumb, a web address, a timestamp or a bar of links holds, besides the vocabulary
_FEATURE_STRINGS = [">", "＞", "›", "»", "→", "http", "www.", ".cn", ".com", "-", "/", ":", "：", "|", "｜"]


# a table's borders typed around a row of it: | 索引号 | 0145/2025-00117 | 发布机构 | 某厅 |
_TABLE_EDGES = "|｜│┃"


def _core(text: str) -> str:
    """The line without surrounding blanks, a typed table row's outer borders and leading list bullets."""
    return text.strip(BLANKS + _TABLE_EDGES).lstrip(_BULLETS + BLANKS)


class _Vocabulary:
    def __init__(self, options: dict) -> None:
        self.specific = {str(w) for w in options["labels"]}
        self.generic = {str(w) for w in options["generic_labels"]}
        self.title_labels = {str(w) for w in options["title_labels"]}
        self.labels = Matcher([*self.specific, *self.generic])
        locators = [str(w) for w in options["locators"]]
        self.locators = Matcher(locators)
        self.widgets = {str(w) for w in options["widgets"]}
        self.navigation = {str(w) for w in options["navigation"]}
        self.pagination = {str(w) for w in options["pagination"]}
        self.link_lists = {str(w) for w in options["link_lists"]}
        # written with or without the blanks between their words (点击蓝字 关注我们, 点击蓝字　关注我们)
        self.tokens = {_HAN_GAP.sub("", str(w)) for w in options["tokens"]}
        patterns = [str(p) for p in options["patterns"]]
        self.patterns = any_of(patterns, "patterns 的项")
        kept = [str(p) for p in options["not_debris"]]
        self.not_debris = any_of(kept, "not_debris 的项")
        # the lines where a strong feature may be, found in one pass (one character is too common a word: 中)
        vocabulary = [*self.specific, *self.generic, *locators, *self.widgets, *self.navigation, *self.pagination,
                      *self.link_lists, *(word for token in options["tokens"] for word in str(token).split())]
        self.candidates = Prefilter([w for w in vocabulary if len(w) > 1] + _FEATURE_STRINGS, patterns)
        self.value_length = options["value_length"]
        self.short_line = options["short_line"]

    def metadata(self, core: str, outside: bool = False) -> bool:
        """Label: value pairs from the first character on, every value short and not a sentence
        (labels spaced out to line up in a box read as written close, labels in brackets as
        labels with a colon: 【发布日期】2024-01-15; a line in brackets or after a date as without them).
        `outside`: the line stands outside the report, before its title or after its signature's date."""
        if self._metadata(core, outside=outside):
            return True
        # the same line without what may wrap or open it: 【来源：某局】, （来源：某局）, "2024-03-01 来源：某局"
        boxed = core.startswith(("【", "[")) and core.endswith(("】", "]"))
        bare = _BOX_EDGES.sub(" ", core).strip(BLANKS) if boxed else _ENCLOSED.sub(r"\1", core)
        dated = _DATE_TIME.match(bare) is not None
        bare = _DATE_TIME.sub("", bare, count=1).lstrip(BLANKS) if dated else bare
        closed = _HAN_GAP.sub("", bare)
        labelled = _BRACKETED_LABEL.sub(r"\1：", closed)
        return any(self._metadata(form, dated, boxed, outside) for form in dict.fromkeys((bare, closed, labelled)) if form != core)

    def _metadata(self, core: str, dated: bool = False, boxed: bool = False, outside: bool = False) -> bool:
        """`dated`: the line holds a date besides; `boxed`: it was wrapped in 【】 (a page's credit line);
        `outside`: it stands outside the report."""
        found = [(o.start, o.end) for o in self.labels.leftmost_longest(core)
                 if o.end == len(core) or not core[o.end].isalnum() or _COLON.match(core, o.end)]
        if not found or SENTENCE_MARK.search(core):
            return False
        if found[0][0] != 0:
            return self._fields(core)
        values = [core[end:(found[n + 1][0] if n + 1 < len(found) else len(core))] for n, (_, end) in enumerate(found)]
        values = [v.strip(BLANKS).lstrip(":：").strip(BLANKS) for v in values]
        if any(len(v) > self.value_length for v in values):
            return False
        if any(core[s:e] in self.specific for s, e in found) or len(found) > 1:
            return True
        # an everyday label (来源, 时间) is metadata beside a date (as its value or elsewhere on the
        # line), in a page's box 【来源：某局】, or outside the report (来源：某区司法局 under the 落款's date)
        return not values[0] or boxed or dated or outside or _DATE_TIME.search(core) is not None

    def _fields(self, core: str) -> bool:
        """Two or more label：value fields apart by wide blanks, one of the labels a known one (the others
        are the site's own words for its fields)."""
        fields = _FIELD_GAP.split(core)
        if len(fields) < 2 or not all(_FIELD.fullmatch(f) for f in fields):
            return False
        labels = [_COLON.split(f, 1)[0] for f in fields]
        values = [_COLON.split(f, 1)[1].strip(BLANKS) for f in fields]
        return all(len(v) <= self.value_length for v in values) and any(label in self.specific for label in labels)

    def bare_label(self, core: str) -> bool:
        """A line that is a label and nothing else (its value on the next line)."""
        label = closed_label(core).rstrip(BLANKS + ":：")
        return label in self.specific or label in self.generic

    def title_label(self, core: str) -> bool:
        """A line that is a label of the page's copy of the title, alone or with its value (标　　题：…)."""
        closed = closed_label(core)
        # a label spaced out to line up stands before its value with blanks alone in a box without colons
        return any(closed.startswith(label) and (len(closed) == len(label) or _COLON.match(closed, len(label)) or
                                                 closed != core and closed[len(label)] in BLANKS)
                   for label in self.title_labels)

    def link_list(self, core: str) -> bool:
        """A label over links listed one a line (相关链接：)."""
        return core.rstrip(BLANKS + ":：") in self.link_lists

    def breadcrumb(self, core: str) -> bool:
        if from_home_page(core):  # 首页 | 政务公开 | …, whatever the columns are called
            return True
        located = [(o.start, o.end) for o in self.locators.leftmost_longest(core)]
        rest = core
        if located and located[0][0] == 0:
            rest = core[located[0][1]:].lstrip(BLANKS + ":：")
        parts = [p for p in BREADCRUMB_SEPARATOR.split(rest) if p]
        if len(parts) < 2 or SENTENCE_MARK.search(rest) or any(len(p) > 30 for p in parts):
            return False
        return (bool(located and located[0][0] == 0) or len(parts) >= 3 or parts[0] in self.navigation
                or len(parts) == 2 and all(_PATH_PART.fullmatch(p) for p in _PATH_ARROW.split(rest)))

    def made_of(self, core: str, words: set[str]) -> bool:
        parts = [p for p in BUTTON_GAP.split(core) if p]
        return bool(parts) and all(p in words for p in parts)

    def pages(self, core: str) -> bool:
        """The links between an article's pages: page links, page numbers and counts (共2页 上一页 1 2
        下一页), one of them a link."""
        parts = [p for p in BUTTON_GAP.split(_PAGE_COUNT.sub(" ", core)) if p]
        return any(p in self.pagination for p in parts) and all(p in self.pagination or p.isdigit() for p in parts)

    def listed(self, core: str) -> bool:
        return (_HAN_GAP.sub("", core) in self.tokens
                or (self.patterns is not None and self.patterns.fullmatch(core) is not None))

    def strong(self, core: str) -> bool:
        """A line that is page furniture wherever it stands (`listed` lines aside, never a sentence)."""
        if SENTENCE_MARK.search(core):
            return False
        if _DATE_TIME.fullmatch(core) and not core.endswith("日") and "年" not in core:
            return True
        if WEB_ADDRESS.search(core) and not SENTENCE_MARK.search(core) and len(core) <= 100:
            return True
        if self.made_of(core, self.widgets | self.navigation) and not self.made_of(core, self.navigation):
            return True
        parts = [p for p in BUTTON_GAP.split(core) if p]
        return (len(parts) > 1 and self.made_of(core, self.navigation) or self.metadata(core) or is_metadata_row(core)
                or self.link_list(core)
                or self.breadcrumb(core) or self.pages(core) or _link_bar(core) or _navigation_bar(self, core))

    def kept(self, core: str) -> bool:
        """A short line that is never furniture: a title, a body's name, a date of issue."""
        return (self.not_debris is not None and self.not_debris.search(core) is not None) or _DATE_LINE.search(core) is not None


def _link_bar(core: str) -> bool:
    parts = _BAR.split(core)
    return len(parts) >= 3 and all(_LINK_BAR_PART.fullmatch(part) for part in parts)


def _navigation_bar(words: _Vocabulary, core: str) -> bool:
    """A bar of a site's own links (联系我们 | 网站地图 | 隐私声明): three or more short parts without
    digits or punctuation, one of them a column or a button of the site; a table row written with bars
    (序号 | 项目 | 完成情况) names none."""
    parts = _BAR.split(core)
    if len(parts) < _BAR_PARTS and core.startswith(_HOMES):
        parts = [p for p in BUTTON_GAP.split(core) if p]  # 首页  政务公开  互动交流: blanks part the links
    return (len(parts) >= _BAR_PARTS and all(_BAR_PART.fullmatch(part) for part in parts)
            and any(part in words.navigation or part in words.widgets for part in parts))


def _lines_in_frame(words: _Vocabulary, paragraphs: list[Paragraph], frame: range, debris: set[int],
                    title: frozenset[int] = frozenset()) -> None:
    """Adds to `debris` the short lines of the frame that sit among debris lines (the site's own
    column names, the values of a metadata box); `title`: the title block's lines, never a value."""
    lines = [n for n in frame if not paragraphs[n].is_blank]
    title_start = min(title, default=-1)
    items = set()  # lines under a list of links' label, each taken as a link whatever its words
    for n in lines:
        core = _core(paragraphs[n].text)
        # a column of the site, or a label alone (its value on the next line) that the one pass over the
        # text cannot see spaced out to line up in a box (名　　称)
        if n not in debris and core and (core in words.navigation or words.bare_label(core)):
            debris.add(n)
    changed = True
    while changed:
        changed = False
        for place, n in enumerate(lines):
            if n in debris:
                continue
            text = paragraphs[n].text.strip(BLANKS)
            core = _core(text)
            if not core:
                continue
            above = lines[place - 1] in debris if place > 0 else (None if n == 0 else False)
            if place > 0 and lines[place - 1] == max(title, default=-1):
                above = None  # the title bounds the page's head as the document's start does (a news app's byline)
            below = lines[place + 1] in debris if place + 1 < len(lines) else (None if n == len(paragraphs) - 1 else False)
            # the value of a label standing alone on the line above (a box or table laid out in two
            # columns: "发布机构" / "某市司法局", "名称" / the page's copy of the title), even a body's name
            label = _core(paragraphs[lines[place - 1]].text) if place > 0 and above and n not in title else ""
            value = bool(label) and (words.bare_label(label) or words.title_label(label))
            if label and (words.link_list(label) or lines[place - 1] in items):
                items.add(n)  # a link, as long as a title and punctuated as one may be
                value = True
            code = _CODE_LINE.fullmatch(core) is not None
            if len(core) > (words.value_length if value else _LONGEST_CODE if code else words.short_line):
                continue
            if SENTENCE_MARK.search(core) or _ANY_PUNCTUATION.search(core) and not (code or value):
                continue
            bulleted = text[0] in _BULLETS
            if len(core) <= _TINY_LINE:  # 中, 小 of 字号 / 大 / 中 / 小 one a line: what bounds their run decides
                above, below = _run_end(lines, place, -1, paragraphs, debris), _run_end(lines, place, 1, paragraphs, debris)
            # a body's name over the page's lines before the title is the site's banner, not the title's body
            # line (the title block would hold that one)
            banner = n < title_start and n not in title and below is True and _DATE_LINE.search(core) is None
            # a bulleted line between two debris lines is a value of a metadata box, even a body's name
            if value or bulleted and above and below or (banner or not words.kept(core)) and (above or below) and (
                    bulleted or (above is not False and below is not False)):
                debris.add(n)
                changed = True


def _after_page_line(paragraphs: list[Paragraph], frame: range, debris: set[int]) -> None:
    """Adds to `debris` the lines of the frame under the signature's date below its first debris line that
    hold no sentence (an account's name, a count of likes, the links of a list): the report has ended and the
    page goes on to the end. Not an attachment (附件…), a table's row, nor a note in brackets under the
    signature ((联系人：某某), （此件公开发布）)."""
    first = min((n for n in frame if n in debris), default=None)
    if first is None:
        return
    for n in range(first + 1, frame.stop):
        text = paragraphs[n].text.strip(BLANKS)
        if text and not (SENTENCE_MARK.search(text) or len(text) > _LONGEST_LINE or "\t" in text
                         or text.startswith(_ATTACHMENT) or _ENCLOSED.fullmatch(text)):
            debris.add(n)


def _listed_links(words: _Vocabulary, document: Document, debris: set[int]) -> None:
    """Adds to `debris` the links listed one a line under a debris line that is a link list's label
    (相关文章 / 某县2022年法治政府建设年度报告 / …), wherever the list stands: a page pasted whole may hold
    it between two paragraphs of the report, where no frame of short lines is looked at. The list ends at
    the first line that holds a sentence, is long, or is the report's title or one of its headings."""
    paragraphs = document.paragraphs
    # the report's own headings and title end a list (相关附件： over the title of a page)
    title = document.title_block.lines if document.title_block else ()
    ends = {h.paragraph.index for h in document.outline} | {p.index for p in title}
    for label in [n for n in sorted(debris) if words.link_list(_core(paragraphs[n].text))]:
        for paragraph in paragraphs[label + 1:]:
            core = _core(paragraph.text)
            if not core:
                continue
            if paragraph.index in ends or len(core) > words.value_length or SENTENCE_MARK.search(core):
                break
            debris.add(paragraph.index)


def _run_end(lines: list[int], place: int, step: int, paragraphs: list[Paragraph], debris: set[int]) -> bool | None:
    """Whether the first line past the run of tiny lines (no more than _TINY_LINE characters, none of
    them debris yet) from `place` towards `step` is debris; None at the document's edge, False at the
    frame's."""
    place += step
    while 0 <= place < len(lines) and lines[place] not in debris and 0 < len(_core(paragraphs[lines[place]].text)) <= _TINY_LINE:
        place += step
    if 0 <= place < len(lines):
        return lines[place] in debris
    edge = lines[0] if step < 0 else lines[-1]
    return None if edge == (0 if step < 0 else len(paragraphs) - 1) else False


def compile(options: dict) -> Check:
    words = _Vocabulary(options)
    if not words.specific:
        raise ValueError("labels 不能为空")
    parts = {str(p) for p in options["parts"]}
    if unknown := parts - {"body", *(p.value for p in FURNITURE_LABELS)}:
        raise ValueError(f"parts 只能是 body、header、footer、footnote，不能是 {'、'.join(sorted(unknown))}")
    if parts != {"body"}:
        if "body" in parts:
            raise ValueError("parts 不能同时有 body 和页眉页脚：正文与页眉页脚的判断不同，请分成两条规则")
        return partial(_furniture_hits, words, {Part(p) for p in parts})
    if options == _shipped_options():
        return lambda document: iter(_shipped_hits(document))  # the lines page_lines gives, found once
    return partial(_body_hits, words)


def _debris(words: _Vocabulary, paragraph: Paragraph) -> bool:
    return 0 < len(core := _core(paragraph.text)) <= _LONGEST_LINE and (words.listed(core) or words.strong(core))


def _hit(paragraph: Paragraph) -> Hit:
    return Hit(paragraph, 0, len(paragraph.text), {"match": paragraph.text.strip(BLANKS), "part": FURNITURE_LABELS.get(paragraph.part, "正文")})


def _body_hits(words: _Vocabulary, document: Document) -> Iterator[Hit]:
    paragraphs = document.paragraphs
    debris = {p.index for p in words.candidates.paragraphs(document) if _debris(words, p)}
    text = running_text(document)
    title = frozenset(p.index for p in document.title_block.lines) if document.title_block else frozenset()
    if title:  # the page's copy of the title over the report's own (标题：…, 名称 in its box)
        debris.update(n for n in range(min(title)) if words.title_label(_core(paragraphs[n].text)))
    # the page's lines outside the report's, over its title and under its signature's date: there an
    # everyday label with a value (来源：某区司法局, 作者：某某) is the page's credit line
    _, signed = signature_block(document)
    outside = [*range(min(min(title), text.start) if title else 0),
               *range(max(signed.index + 1, text.stop) if signed else len(paragraphs), len(paragraphs))]
    debris.update(n for n in outside if 0 < len(core := _core(paragraphs[n].text)) <= _LONGEST_LINE and words.metadata(core, True))
    # the page's head: all over the report's body, and over its title too (where a welcome with the day's
    # date may read as prose: 某市人民政府门户网站欢迎您！)
    head = range(max(text.start, min(title, default=0)))
    debris.update(n for n in head if (_HEADER_TIME.search(core := _core(paragraphs[n].text))
                                      and not SENTENCE_MARK.search(core) and len(core) <= _LONGEST_LINE)
                  or _OTHER_SCRIPT.fullmatch(core))
    if signed:
        _after_page_line(paragraphs, range(signed.index + 1, len(paragraphs)), debris)
    _listed_links(words, document, debris)
    _lines_in_frame(words, paragraphs, head, debris, title)
    _lines_in_frame(words, paragraphs, range(max(text.stop, text.start), len(paragraphs)), debris)
    for index in sorted(debris):
        paragraph = paragraphs[index]
        start = len(paragraph.text) - len(paragraph.text.lstrip(BLANKS))
        if start < paragraph.prefix_length:
            continue  # a Word-numbered paragraph is the author's, not the page's
        yield _hit(paragraph)


def _shipped_options() -> dict:
    return {name: option.default for name, option in OPTIONS.items()}


@cache
def _shipped_vocabulary() -> _Vocabulary:
    return _Vocabulary(_shipped_options())


@per_document
def _shipped_hits(document: Document) -> tuple[Hit, ...]:
    return tuple(_body_hits(_shipped_vocabulary(), document))


def page_lines(document: Document) -> frozenset[int]:
    """The indexes of the body lines that are the page's by the shipped vocabulary (rules/data/web_page.yaml),
    as FZ701 reports them: a rule on the report's own text leaves them alone (FZ607: the spaces between a
    page's buttons are no slip of the text, the line goes as a whole)."""
    return frozenset(hit.paragraph.index for hit in _shipped_hits(document))


def _furniture_hits(words: _Vocabulary, parts: set[Part], document: Document) -> Iterator[Hit]:
    """Strong lines only: a header's short lines (the report's title, a page number) are its own."""
    for paragraph in document.furniture:
        if paragraph.part in parts and _debris(words, paragraph):
            yield _hit(paragraph)
