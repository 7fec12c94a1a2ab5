"""Report context: issuing body, region chain, year — inferred, and overridden by the user."""

from __future__ import annotations

from checker.api import document_from_text
from checker.document.context import apply_overrides, region_of


def test_region_of_a_district_department():
    assert region_of("东城区园林绿化局", "") == ["北京市", "东城区"]


def test_region_of_a_government_named_with_its_province():
    assert region_of("北京市延庆区人民政府", "") == ["北京市", "延庆区"]


def test_region_of_a_county_level_city_elsewhere():
    assert region_of("阆中市司法局", "") == ["四川省", "南充市", "阆中市"]


def test_township_takes_its_county_from_the_text():
    assert region_of("西红门镇人民政府", "认真贯彻《大兴区人民政府行政规范性文件制定办法》") == ["北京市", "大兴区", "西红门镇"]


def test_body_from_opening_sentence_when_title_has_none():
    text = " 2021年法治政府建设年度情况报告\n\n2021年，在区委区政府的领导下，在区司法局的指导下，东城区人防办法治政府建设工作，坚持…"
    context = document_from_text(text).context
    assert (context.body, context.region, context.provenance["body"]) == ("东城区人防办", ["北京市", "东城区"], "text")


def test_nothing_is_guessed_when_nothing_is_said():
    context = document_from_text("一、主要举措和成效\n（一）加强领导\n正文。").context
    assert (context.body, context.region, context.year) == (None, [], None)


def test_overrides_win_and_a_new_body_rederives_its_region():
    document = document_from_text("东城区园林绿化局\n\n2021年法治政府建设年度情况报告\n\n正文。")
    apply_overrides(document.context, document, body="延庆区司法局", region=None, year=2022, origin="cli")
    assert document.context.to_dict() == {"body": "延庆区司法局", "region": ["北京市", "延庆区"], "year": 2022}
    assert document.context.provenance == {"year": "cli", "body": "cli", "region": "cli"}
