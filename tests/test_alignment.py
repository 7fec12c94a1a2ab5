"""How this year's paragraphs are paired with last year's (crossdoc/previous.py), and what the batch
comparison keeps of each draft (crossdoc/fingerprint.py): written for the shortcuts taken there."""

from __future__ import annotations

from checker.crossdoc.boilerplate import boilerplate_pattern
from checker.crossdoc.fingerprint import fingerprint
from checker.crossdoc.previous import align, kept_sentences
from checker.document import analyse
from checker.loaders.txt import parse_text

KEPT = "组织全体执法人员参加行政执法资格考试，未通过考试的人员一律暂停执法资格，由局法制科统一安排补考。"
# each holds KEPT whole, so each shares every shingle of KEPT
LONGER = [f"{KEPT}{extra}。" for extra in ("补考结果在局内网公示", "补考不合格的调离执法岗位", "考试成绩计入年度考核")]
OTHER = "建立重大行政决策目录管理制度，年初向社会公布决策事项目录，逐项明确承办单位和完成时限。"


def _report(year: int, paragraphs: list[str]) -> object:
    lines = ["东城区园林绿化局", f"{year}年法治政府建设年度情况报告", f"一、{year}年推进法治政府建设的主要举措和成效", *paragraphs]
    return analyse(parse_text("\n".join(lines) + "\n", f"{year}.txt"))


def _pairs(this_year: list[str], last_year: list[str]) -> list[tuple[str, str, float]]:
    return [(c.paragraph.text, c.previous.text, c.similarity) for c in align(_report(2023, this_year), _report(2022, last_year))]


def test_a_paragraph_kept_unchanged_is_paired_with_its_old_self_at_similarity_one():
    assert _pairs([OTHER, KEPT], [KEPT, OTHER]) == [(OTHER, OTHER, 1.0), (KEPT, KEPT, 1.0)]


def test_a_paragraph_said_twice_last_year_is_paired_with_the_first():
    this_year = _report(2023, [KEPT])
    last_year = _report(2022, [OTHER, KEPT, KEPT])
    [carried] = align(this_year, last_year)
    assert carried.previous.line == 5 and carried.similarity == 1.0


def test_an_unchanged_paragraph_is_its_old_self_even_after_longer_paragraphs_that_hold_it_whole():
    # three of last year's paragraphs hold all of its shingles before the identical one: still the identical one
    assert _pairs([KEPT], [*LONGER, KEPT]) == [(KEPT, KEPT, 1.0)]


def test_a_rewritten_paragraph_is_paired_with_the_closest_at_its_similarity():
    [(text, previous, similarity)] = _pairs([LONGER[0]], [OTHER, KEPT])
    assert (text, previous) == (LONGER[0], KEPT) and 0.7 < similarity < 1


def test_sentences_with_figures_are_found_in_paragraphs_that_also_hold_sentences_without():
    last_year = _report(2022, ["全年开展园林执法检查。共受理投诉案件37件，办结35件；群众满意度较高。"])
    this_year = _report(2023, ["今年继续开展执法检查。共受理投诉案件37件，办结35件。"])
    [kept] = kept_sentences(this_year.paragraphs[3:], last_year, lambda text: any(c.isdigit() for c in text))
    assert kept.text == "共受理投诉案件37件，办结35件。" and kept.previous_text == "共受理投诉案件37件，办结35件；"


def test_the_packed_texts_of_a_fingerprint_read_back_as_compared_including_characters_beyond_the_bmp():
    rare = "在𠀀村推行“一村一法律顾问”制度，法律顾问每月到村坐班两天，现场解答村民法律咨询。"
    document = _report(2023, [KEPT, rare])
    found = fingerprint(document, document.path, boilerplate_pattern())
    assert found.texts() == [KEPT, rare] and list(found.lines) == [4, 5]
