"""本地地名的民族写错（place_peoples）：发文机关所在地区的自治州、自治县、民族乡等，名称里的民族写错了。

自治地方和民族乡的名称由地名、民族和通名组成（琼中 + 黎族苗族 + 自治县，达地 + 水族 + 乡）。所在地区
（上下文 region，各级都看）里这样的地方，正文写成同一地名开头、同一通名结尾、中间的民族却不同（换了一个、
少了或多了一个、次序颠倒）的名称，而这个名称又不是地名表（places.tsv、towns.tsv）里的地方时，它只能是
本地名称的错写：“琼中黎族自治县”之于琼中黎族苗族自治县，“达地苗族乡”之于达地水族乡。
民族相同、只差“族”字的（伊犁哈萨克族自治州）不在此报；“乡”后连成别的词的（乡亲、乡村）不算通名。
修复（不安全）换成正确的名称。

选项：
- peoples：民族名称，不带“族”（最长的优先），如 [土家, 苗, 水, 黎]
- suffixes：通名，如 [自治州, 自治县, 乡]

示例（发文机关 琼中黎族苗族自治县交通运输局，海南省 › 琼中黎族苗族自治县）：
  FAIL  琼中黎族自治县交通运输局扎实推进依法行政。
  PASS  琼中黎族苗族自治县交通运输局、琼中县交通运输局扎实推进依法行政。
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.document.model import Document
from checker.document.places import gazetteer
from checker.document.towns import towns_named
from checker.engine.ruletype import Check, Hit, Option
from checker.matching import view_matches

TYPE = "place_peoples"
NEEDS = ("region",)
OPTIONS = {
    "peoples": Option(list, doc="民族名称（不带“族”）"),
    "suffixes": Option(list, doc="自治地方、民族乡的通名"),
}
# 乡 followed by these is a word of its own (乡亲, 乡村), not a township's suffix
_NOT_A_SUFFIX = {"乡": "亲村土情"}


def compile(options: dict) -> Check:
    alternatives = sorted(map(str, options["peoples"]), key=len, reverse=True)
    people = regex.compile(rf"(?P<people>{'|'.join(map(regex.escape, alternatives))})(?:民族|族)?")
    run = rf"(?:{people.pattern})+"
    suffixes = "|".join(map(regex.escape, sorted(map(str, options["suffixes"]), key=len, reverse=True)))
    # 黔东南 + 苗族侗族 + 自治州: a place's stem is two characters or more (鄂温克族自治旗 has none)
    parts = regex.compile(rf"(?P<stem>\p{{Han}}{{2,}}?)(?P<peoples>{run})(?P<suffix>{suffixes})")
    places = gazetteer()

    def peoples_of(written: str) -> list[str]:
        return [match.group("people") for match in people.finditer(written)]

    def check(document: Document) -> Iterator[Hit]:
        for name in document.context.region:
            if (own := parts.fullmatch(name)) is None:
                continue
            suffix = own.group("suffix")
            after = f"(?![{_NOT_A_SUFFIX[suffix]}])" if suffix in _NOT_A_SUFFIX else ""
            written = regex.compile(rf"{regex.escape(own.group('stem'))}(?P<peoples>{run}){regex.escape(suffix)}{after}")
            right = peoples_of(own.group("peoples"))
            for paragraph, start, end, match in view_matches(document, written):
                found = match.group()
                if peoples_of(match.group("peoples")) == right or places.lookup(found) or towns_named([found]):
                    continue
                yield Hit(paragraph, start, end, {"found": found, "name": name, "peoples": own.group("peoples")},
                          replacement=name)

    return check
