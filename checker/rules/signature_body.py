"""落款与标题的发文机关不符（signature_body）：标题写的是一个机关，末尾落款是另一个机关。

照抄其他机关的报告时，标题改了，落款常常没改（或反过来）。标题中的发文机关取自标题块
（checker/document/title.py），落款取自末尾落款的机关名称行（checker/document/context.py 的
signature_block：日期行之上、不含标点和数字的短行），都不重新解析。联合发文的几个机关以空格分开，
逐个比较；只要标题里有一个机关与落款里的一个机关相同，就算一致。两个名称相同是指：
- 最后一级地名相同（按地名库认，“北川县”即“北川羌族自治县”；一方没写地名时不比地名），一方多写的
  省、市一级不算不同（“东城区园林绿化局”之于“北京市东城区园林绿化局”）；
- 地名之后的机构名相同、一方包含另一方（“人民政府”之于“人民政府办公室”），或一方是另一方的简称
  （按字序包含且结尾相同，机构名结尾先化为简写：“园林局”之于“园林绿化局”，`short_suffixes`）；
  只写了地名的一方（“东城区”）与同地的任何机构都算一致。
只比较确定是机关名称的：以 `organ_ending` 结尾且至少 `shortest` 个字（落款下一行的人名“张三”不算），
或正好是一串地名；哪一方没有这样的名称就不比较。

选项 `lines`：与标题比较的是落款（signature）；Word 草稿的页眉页脚中只写着机关名称的行
（header_footer：页眉上的机关名称也是照抄时常漏改的一处，每行单独比较；上级机关的名称也可能是模板
的页眉，所以把握不大）；或页眉页脚中抄着整个报告标题的行（header_footer_titles：取那个标题的发文
机关比较；报告标题写的就是作者，别的机关的报告标题出现在页眉上只能是照抄漏改）。

消息占位符：{signature} 落款（或页眉页脚那一行）中的机关，{title} 标题中的发文机关，{part} 页眉或页脚。
不提供修复：哪一处写错了只有作者知道。

通过：标题“东城区园林绿化局…”，落款“北京市东城区园林绿化局”
不通过：标题“某县应急管理局…”，落款“某县交通运输局”
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.document.body_names import same_organisation, short_suffixes
from checker.document.context import signature_block
from checker.document.context_words import clean_body, is_page_debris, places_in
from checker.document.model import FURNITURE_LABELS, Document, Paragraph, Part
from checker.document.title import find_title_block
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import compile_pattern

TYPE = "signature_body"
NEEDS: tuple[str, ...] = ()
OPTIONS = {
    "organ_ending": Option(str, doc="机关名称的结尾（正则表达式，在名称末尾查找）"),
    "shortest": Option(int, 4, "一个名称至少几个字才确定是机关名称（不写地名的“司法局”、人名不算）"),
    "short_suffixes": Option(dict, short_suffixes(), "机构名称结尾的简写，如 {办公室: 办, 委员会: 委, 人民政府: 政府}"),
    "lines": Option(str, "signature", "与标题比较哪些行：signature（落款）、header_footer（页眉页脚中的机关名称）或 header_footer_titles（页眉页脚中的报告标题）"),
}


@dataclass(frozen=True)
class _Name:
    text: str
    place: frozenset[str]  # the codes of its innermost place (a county's, a township's); empty: none named
    organisation: str  # what follows that place ("应急管理局"); the whole name when no place is named


def _names(text: str) -> list[_Name]:
    """The bodies of a title's body or a signature line, joint issuers split on their blanks."""
    parts = text.split()
    names = []
    for part, hits in zip(parts, places_in(parts)):
        if not hits:
            names.append(_Name(part, frozenset(), part))
            continue
        inner = hits[-1]
        codes = frozenset(p.code for p in inner.places) | frozenset(t.code for t in inner.towns)
        names.append(_Name(part, codes, part[inner.end :]))
    return names


_LINES = ("signature", "header_footer", "header_footer_titles")


def _title_body(line: Paragraph) -> str | None:
    """The body of the report title a header or footer line copies; None when it is no such title."""
    title = find_title_block([line])
    return title.body if title is not None and title.body else None


def compile(options: dict) -> Check:
    if options["lines"] not in _LINES:
        raise ValueError(f"lines 应为 {'/'.join(_LINES)}")
    organ = compile_pattern(f"(?:{options['organ_ending']})$", "organ_ending")
    shortest = options["shortest"]
    suffixes = {str(k): str(v) for k, v in options["short_suffixes"].items()}

    def certain(name: _Name) -> bool:
        """A body's name beyond doubt: an organ's, long enough, or a place's alone (东城区)."""
        if name.place and not name.organisation:
            return True
        return len(name.text) >= shortest and organ.search(name.text) is not None

    def agree(a: _Name, b: _Name) -> bool:
        if a.place and b.place and not a.place & b.place:
            return False
        return same_organisation(a.organisation, b.organisation, suffixes)

    def compared(document: Document) -> list[tuple[Paragraph, list[_Name]]]:
        """The lines compared with the title, each group by its first line, with the bodies they name: the
        落款's name lines, or each header/footer line (a copy of a report's title there, 某市人民政府2023年
        法治政府建设年度报告, by its title's body)."""
        if options["lines"] == "signature":
            lines, _ = signature_block(document)
            return [(lines[0], [n for line in lines for n in _names(line.text)])] if lines else []
        # the body's furniture, read here beside its title (reads_furniture would give the rule a view
        # of the furniture alone, without the title to compare with)
        titles = options["lines"] == "header_footer_titles"
        groups = []
        for line in document.furniture:
            if line.part in (Part.HEADER, Part.FOOTER) and line.text.strip():
                body = _title_body(line)
                if (body is not None) == titles:
                    groups.append((line, _names(body if body is not None else line.text)))
        return groups

    def check(document: Document) -> Iterator[Hit]:
        block = document.title_block
        if block is None or not block.body or is_page_debris(block.body):
            return
        titled = [n for n in _names(clean_body(" ".join(block.body.split()))) if certain(n)]
        for line, names in compared(document) if titled else ():
            signed = [n for n in names if certain(n)]
            if not signed or any(agree(t, s) for t in titled for s in signed):
                continue
            start = len(line.text) - len(line.text.lstrip())
            yield Hit(line, start, len(line.text.rstrip()), {"signature": " ".join(n.text for n in signed),
                                                             "title": " ".join(n.text for n in titled),
                                                             "part": FURNITURE_LABELS.get(line.part, "落款")})

    return check
