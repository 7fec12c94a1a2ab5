"""The whole-document prefilter of the word-list rules: required strings read from a pattern, the
paragraphs a Prefilter picks, the cached book-title reading. A prefilter may pick too many
paragraphs, never too few: the property tests check that against a plain per-paragraph search."""

import contextlib
import os
import resource
from pathlib import Path

import ahocorasick_rs
import regex
from hypothesis import given, reject, settings
from hypothesis import strategies as st

import checker.matching.prefilter as prefilter_module
from checker.document.book_titles import book_titles
from checker.loaders.txt import parse_text
from checker.matching import Matcher, Prefilter
from checker.matching.automaton import ByteScan
from checker.matching.required_literals import required_literals

EXAMPLES = int(os.environ.get("FAZHI_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES * 5, deadline=None, database=None)

ALPHABET = "ab年，1 -"
ATOMS = ["a", "b", "年", "，", "1", r"\d", r"\s", ".", "[ab]", "[^a]", "[0-9]", r"\.", "-", "^", "$", r"\b",
         "(?=a)", "(?<!b)", "(?<=年)", "(?P=g)"]


@st.composite
def patterns(draw, depth: int = 0) -> str:
    """Small regular expressions over the alphabet, with groups, alternation, lookarounds and a reference."""
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        if depth < 2 and draw(st.booleans()):
            opener = draw(st.sampled_from(["(?:", "(", "(?P<g>", "(?=", "(?<!"]))
            inner = "|".join(draw(st.lists(patterns(depth + 1), min_size=1, max_size=3)))
            piece = f"{opener}{inner})"
        else:
            piece = draw(st.sampled_from(ATOMS))
        pieces.append(piece + draw(st.sampled_from(["", "", "?", "*", "+", "{2}", "{1,3}", "+?"])))
    return "".join(pieces)


class EagerPrefilter(Prefilter):
    """Picks its leading sets after the first document, so that short test texts exercise that too."""

    CALIBRATION_BYTES = 0


@contextlib.contextmanager
def regex_memory_guard(headroom: int = 256 * 2**20):
    """The `regex` module itself exhausts memory on some generated patterns: a repeated zero-width
    group holding a repeated capture and a backreference, e.g. `(?=(?P<g>a)*|(?P=g))*` on "baa".
    Capping the address space turns that into a MemoryError, and the example is rejected: a fault
    of the regex engine, not of the prefilter under test."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    used = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    cap = used + headroom if hard == resource.RLIM_INFINITY else min(hard, used + headroom)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    except MemoryError:
        reject()
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def compiles(pattern: str) -> bool:
    try:
        regex.compile(pattern)
    except regex.error:
        return False
    return True


def test_strings_every_match_of_a_plain_pattern_holds():
    assert required_literals(r"[（(]\s*\d{4}\s*年?\s*(?:修订|修正|修改)") == (frozenset({"修订", "修正", "修改"}), frozenset({"(", "（"}))
    assert required_literals("(?P<mark>[，、])(?P=mark)+")[0] == frozenset({"，，", "，、", "、，", "、、"})
    assert required_literals("(?<!。)。。(?!。)") == (frozenset({"。。"}),)


def test_no_strings_for_patterns_without_literals_or_with_unknown_syntax():
    for pattern in [r"\d+年?", ".*", "(?i)法制", r"(a)\1", "a{e<=1}", "(?(1)a|b)", "[^，]+"]:
        assert required_literals(pattern) == (), pattern


@FUZZ
@given(pattern=patterns(), text=st.text(ALPHABET, max_size=10))
def test_every_match_holds_a_string_of_each_required_set(pattern, text):
    if not compiles(pattern):
        return
    sets = required_literals(pattern)
    compiled = regex.compile(pattern)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            with regex_memory_guard():
                matches = compiled.fullmatch(text, start, end)  # a match in the paragraph text[:end]
            if matches:
                matched = text[start:end]
                assert all(any(s in matched for s in strings) for strings in sets), (pattern, matched, sets)


@FUZZ
@given(rule_patterns=st.lists(patterns(), min_size=1, max_size=3), words=st.lists(st.text(ALPHABET, min_size=1, max_size=3), max_size=3),
       lines=st.lists(st.text(ALPHABET + "。", min_size=1, max_size=12), min_size=1, max_size=6))
def test_prefilter_keeps_every_paragraph_with_a_word_or_a_match(rule_patterns, words, lines):
    if not all(map(compiles, rule_patterns)) or not "".join(lines).strip():
        return
    document = parse_text("\n".join(lines), "fuzz.txt")
    compiled = [regex.compile(p) for p in rule_patterns]
    eager = EagerPrefilter(words, rule_patterns)
    eager.paragraphs(document)  # counts this text: its rarest sets lead the next pass
    for prefilter in (Prefilter(words, rule_patterns), eager):
        kept = {p.index for p in prefilter.paragraphs(document)}
        for paragraph in document.paragraphs:
            text = paragraph.text
            with regex_memory_guard():
                matched = any(m.end() > m.start() for c in compiled for m in c.finditer(text))
            if any(w in text for w in words) or matched:
                assert paragraph.index in kept, (rule_patterns, words, text)


def _picked(prefilter: Prefilter, document, shared) -> list[int]:
    _, _, data, starts = prefilter_module._utf8_view(document)[0]
    chosen: list = []
    prefilter._choose(document.paragraphs, 0, data, starts, chosen, shared)
    return [p.index for p in chosen]


@FUZZ
@given(rule_patterns=st.lists(patterns(), min_size=1, max_size=4), words=st.lists(st.text(ALPHABET, min_size=1, max_size=3), max_size=4),
       lines=st.lists(st.text(ALPHABET + "。", min_size=1, max_size=12), min_size=1, max_size=6))
def test_one_scan_for_all_prefilters_picks_what_each_own_scan_picks(rule_patterns, words, lines):
    """Every occurrence of the union's words (overlapping ones too), handed to each prefilter, against
    each prefilter's own scan (one occurrence per stretch): the same paragraphs, in order."""
    if not all(map(compiles, rule_patterns)) or not "".join(lines).strip():
        return
    document = parse_text("\n".join(lines), "fuzz.txt")
    # prefilters of one pattern each (the single-owner shortcut), of them all, and of the words
    prefilters = [Prefilter([], [p]) for p in rule_patterns] + [Prefilter(words, rule_patterns), Prefilter(words, [])]
    prefilters = [p for p in prefilters if not p.takes_every_paragraph]
    union = prefilter_module._Union({id(p): p._scan for p in prefilters})
    shared = prefilter_module._SharedScan(union, prefilter_module._utf8_view(document)[0][2])
    for prefilter in prefilters:
        with regex_memory_guard():
            assert _picked(prefilter, document, shared) == _picked(prefilter, document, None), (rule_patterns, words, lines)


def test_the_shared_scan_serves_once_the_prefilters_held_for_a_document(monkeypatch):
    monkeypatch.setattr(prefilter_module, "_live", prefilter_module.weakref.WeakSet())
    monkeypatch.setattr(prefilter_module._State, "seen", {})
    monkeypatch.setattr(prefilter_module._State, "union", None)
    first = Prefilter(["法制政府"], [r"[（(]\s*\d{4}\s*年?\s*(?:修订|修正)\s*[）)]"])
    second = Prefilter([], [r"\d{4}\s*年\s*[-－—]\s*\d{4}\s*年"])
    text = "推进法制政府建设。\n2021年-2025年\n《行政处罚法（2021年修订）》\n2021年至今"
    picked = []
    for _ in range(3):  # a fresh document each time, as a batch reads them
        document = parse_text(text, "x.txt")
        picked.append(([p.index for p in first.paragraphs(document)], [p.index for p in second.paragraphs(document)]))
    assert picked == [([0, 2], [1])] * 3
    assert prefilter_module._State.union is not None  # built at the second document, used at the third
    third = Prefilter(["至今"], [])  # a prefilter made later scans for itself until the set holds again
    assert [p.index for p in third.paragraphs(parse_text(text, "x.txt"))] == [3]


def test_prefilter_picks_the_paragraphs_that_hold_a_needle():
    document = parse_text("推进法制政府建设。\n无关的一段。\n依法行政。\n《行政处罚法（2021年修订）》\n", "x.txt")
    prefilter = Prefilter(["法制政府"], [r"[（(]\s*\d{4}\s*年?\s*(?:修订|修正)\s*[）)]"])
    assert [p.index for p in prefilter.paragraphs(document)] == [0, 3]


def test_prefilter_checks_the_other_required_strings_of_a_pattern():
    document = parse_text("2021年至今\n2021年-2025年\n", "x.txt")  # both hold 年, only the second a dash
    prefilter = Prefilter([], [r"\d{4}\s*年\s*[-－—]\s*\d{4}\s*年"])
    assert [p.index for p in prefilter.paragraphs(document)] == [1]


def test_prefilter_leads_with_the_rarest_set_once_it_has_read_enough_text():
    pattern = r"\d{4}\s*年\s*[-－—]\s*\d{4}\s*年"
    document = parse_text("2021年工作\n2022年计划\n2021年-2025年\n", "x.txt")
    eager = EagerPrefilter([], [pattern])
    assert [p.index for p in eager.paragraphs(document)] == [2]
    scan, _ = eager._scan
    assert scan.words == ["-", "—", "－"]  # the dashes are rarer than 年 in this text
    assert [p.index for p in eager.paragraphs(document)] == [2]


def test_prefilter_scans_every_paragraph_for_a_pattern_it_cannot_read():
    document = parse_text("甲\n乙\n", "x.txt")
    assert len(Prefilter([], [r"\d+"]).paragraphs(document)) == 2


def test_prefilter_scans_every_paragraph_when_a_paragraph_holds_a_line_break():
    document = parse_text("甲\n乙\n", "x.txt")
    document.paragraphs[0].text = "甲\n法制政府"  # a document built in code may hold one
    assert len(Prefilter(["法制政府"], []).paragraphs(document)) == 2


def test_a_big_document_is_scanned_piece_by_piece_with_the_same_result(monkeypatch):
    lines = ["推进法制政府建设。", "无关的一段。", "学习《行政处罚法（2021年修订）》。", "2021年-2025年", "依法行政。"] * 7
    document = parse_text("\n".join(lines), "x.txt")
    prefilter = Prefilter(["法制政府"], [r"[（(]\s*\d{4}\s*年?\s*(?:修订|修正)\s*[）)]", r"\d{4}\s*年\s*[-－—]\s*\d{4}\s*年"])
    whole = [p.index for p in prefilter.paragraphs(document)]
    monkeypatch.setattr(prefilter_module, "_KEPT_CHARACTERS", 10)
    monkeypatch.setattr(prefilter_module, "_PIECE_CHARACTERS", 25)
    assert [p.index for p in prefilter.paragraphs(document)] == whole == [i for i in range(35) if i % 5 in (0, 2, 3)]


def test_byte_scan_reports_occurrences_in_text_order_without_overlaps():
    scan = ByteScan(["法制", "法制宣传", "宣传"])
    data = "加强法制宣传，宣传。".encode()
    found = [(scan.words[word], len(data[:start].decode())) for word, start, _ in scan.matches(data)]
    assert found == [("法制", 2), ("宣传", 4), ("宣传", 7)]


def test_book_titles_of_the_same_text_are_shared_and_text_without_marks_has_none():
    text = "学习《行政处罚法》和《民法典》。"
    assert book_titles(text) is book_titles(text)
    assert [t.text for t in book_titles(text)[0]] == ["行政处罚法", "民法典"]
    assert book_titles("没有书名号") == ([], [])


def as_given(words: list[str]):
    """A leftmost-first scan of the words alone, without the words that steer the crate."""
    encoded = [w.encode("utf-8", "surrogatepass") for w in sorted(set(words))]
    return ahocorasick_rs.BytesAhoCorasick(encoded, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_FIRST).find_matches_as_indexes


def test_byte_scan_reports_each_listed_word_in_text_order():
    scan = ByteScan(["修改", "修正", "修订", "-"])
    data = "2021年修订，修正案-修改。".encode()
    expected = [(scan.words.index(w), len(data[: data.index(w.encode())])) for w in ["修订", "修正", "-", "修改"]]
    assert [(word, start) for word, start, _ in scan.matches(data)] == expected


@FUZZ
@given(words=st.one_of(st.lists(st.text("-~年至修改", min_size=1, max_size=3), min_size=1, max_size=6),
                       st.lists(st.text("-~年至修改甲乙丙丁戊己", min_size=1, max_size=3), min_size=17, max_size=80, unique=True)),
       text=st.text("-~年至修改甲乙丙丁戊己a", max_size=40))
def test_a_byte_scan_reports_what_a_scan_of_its_words_alone_reports(words, text):
    data = text.encode()
    assert ByteScan(words).matches(data) == as_given(words)(data)


def test_the_words_that_steer_the_crate_to_its_simd_search_never_occur_in_encoded_text():
    every_character = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass")
    assert ByteScan(["甲", "乙"]).matches(every_character) == as_given(["甲", "乙"])(every_character)


def test_outside_titles_a_paragraph_whose_words_are_all_in_titles_is_left_out():
    document = parse_text("依照《行政处罚法》办理\n依照行政处罚法办理\n《关于《行政处罚法》的解读》\n《行政处罚法\n", "x.txt")
    matcher = Matcher(["行政处罚法"])
    # a title inside a title, and a mark without a partner: the paragraph is taken as it is
    assert [p.index for p in matcher.paragraphs(document, outside_titles=True)] == [1, 2, 3]
    assert [p.index for p in matcher.paragraphs(document)] == [0, 1, 2, 3]


def test_outside_titles_with_a_pattern_every_paragraph_holding_its_strings_is_kept():
    document = parse_text("依照《行政处罚法》办理\n", "x.txt")
    assert [p.index for p in Matcher(["行政处罚法"], ["处罚法》"]).paragraphs(document, outside_titles=True)] == [0]


@FUZZ
@given(words=st.lists(st.text("ab法", min_size=1, max_size=3), min_size=1, max_size=3),
       lines=st.lists(st.text("ab法《》 ", min_size=1, max_size=14), min_size=1, max_size=5))
def test_outside_titles_keeps_every_paragraph_with_a_word_outside_every_title(words, lines):
    if not "".join(lines).strip():
        return
    document = parse_text("\n".join(lines), "fuzz.txt")
    kept = {p.index for p in Matcher(words).paragraphs(document, outside_titles=True)}
    for paragraph in document.paragraphs:
        text, titles = paragraph.text, book_titles(paragraph.text)[0]
        outside = [(s, s + len(w)) for w in words for s in range(len(text)) if text.startswith(w, s)
                   and not any(t.contains(s, s + len(w)) for t in titles)]
        if outside:
            assert paragraph.index in kept, (words, text)


def test_the_rule_sets_of_many_selections_are_not_all_kept():
    """An embedder (or the desk) linting with selection after selection keeps the compiled rule sets of
    the last RULESETS_KEPT only: every one kept keeps its prefilters, which each document's shared scan
    walks, so an unbounded cache made every later document slower and the process larger."""
    import gc

    from checker.api import _default_ruleset, lint_text
    from checker.engine.selection import RULESETS_KEPT

    ids = sorted({rule.id for rule in _default_ruleset((), ()).rules})
    text = "某县司法局2023年法治政府建设年度报告\n2023年，我局推进法制政府建设。"

    def live_after(selections: int) -> int:
        for rule_id in ids[:selections]:
            lint_text(text, select=[rule_id])
        gc.collect()
        return len(prefilter_module._live)

    assert len(ids) >= 4 * RULESETS_KEPT
    kept = live_after(RULESETS_KEPT)
    assert live_after(4 * RULESETS_KEPT) <= kept + RULESETS_KEPT  # a few held elsewhere, not 3×16 more sets
