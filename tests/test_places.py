"""The gazetteer: county-level places with their former names, and the township table."""

from checker.document.places import gazetteer
from checker.document.towns import nearby_prefix, stem_of, town_nearness, town_words, towns_named, towns_within


def test_a_county_made_a_district_keeps_its_former_name():
    (place,) = gazetteer().lookup("孟津县")
    assert place.name == "孟津区" and "孟津县" in place.other_names


def test_a_former_name_and_a_short_form_that_coincide_list_the_place_once():
    assert [p.name for p in gazetteer().lookup("沙县")] == ["沙县区"]


def test_a_township_name_shared_by_many_places_lists_them_all():
    towns = towns_named(["鼓楼街道"])["鼓楼街道"]
    assert len(towns) >= 10
    counties = {gazetteer().places[t.county_code].name for t in towns if t.county_code in gazetteer().places}
    assert {"密云区", "南开区"} <= counties


def test_a_township_of_a_county_under_a_prefecture_names_its_county():
    (town,) = towns_named(["有庆镇"])["有庆镇"]
    chain = [p.name for p in gazetteer().chain(gazetteer().places[town.county_code])]
    assert chain == ["四川省", "达州市", "渠县"]


def test_words_that_are_no_township_are_not_found():
    assert towns_named(["我镇", "乡镇", "城镇", ""]) == {}


def test_functional_zones_have_no_short_form_but_county_level_cities_do():
    assert gazetteer().lookup("阆中")[0].name == "阆中市"
    zones = [p for p in gazetteer().places.values() if p.level == "county" and p.code[4] == "7"]
    assert zones and all(not p.short_forms for p in zones)


def test_a_township_is_written_without_its_suffix_but_never_as_one_character():
    assert [stem_of(name) for name in ("乌镇镇", "水果湖街道", "西红门地区", "威坪镇", "王镇")] == ["乌镇", "水果湖", "西红门", "威坪", "王镇"]


def test_township_names_that_are_words_are_listed_and_names_of_places_are_not():
    words = town_words()
    assert {"建设", "古镇", "化工"} <= words
    assert not {"乌镇", "西塘", "威坪"} & words


def test_the_townships_near_a_county_are_its_prefectures_and_a_township_body_has_siblings():
    places = gazetteer()
    (county,) = places.lookup("淳安县")
    assert nearby_prefix(places, county) == "3301"
    near = {town.stem: town for town in towns_within("3301")}
    assert town_nearness(places, near["威坪"], county, "鸠坑乡") == "neighbour"
    assert town_nearness(places, near["鸠坑"], county, "鸠坑乡") == "home"
    assert town_nearness(places, near["威坪"], county, None) == "home"
    assert nearby_prefix(places, places.lookup("浙江省")[0]) is None


def test_an_autonomous_place_is_also_named_by_its_short_form_and_level():
    places = gazetteer()
    for written, full in (("长阳县", "长阳土家族自治县"), ("湘西州", "湘西土家族苗族自治州"), ("鄂伦春旗", "鄂伦春自治旗"),
                          ("鄂温克旗", "鄂温克族自治旗"), ("龙胜县", "龙胜各族自治县")):
        assert [p.name for p in places.lookup(written)] == [full]
        assert written in places.full_names
    # the short form alone stays a short form, written before an organ only by a full name
    assert "长阳" not in places.full_names and "长阳县" not in places.lookup("长阳")[0].short_forms
    # a place of all its peoples, or of one, is written without them
    assert places.lookup("龙胜")[0].name == "龙胜各族自治县" and places.lookup("鄂温克")[0].name == "鄂温克族自治旗"


def test_only_autonomous_places_have_an_abbreviation():
    assert all(p.name.endswith(("自治州", "自治县", "自治旗")) for p in gazetteer().places.values() if p.abbreviations)
    assert not gazetteer().lookup("阆中")[0].abbreviations
