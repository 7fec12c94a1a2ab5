from checker.document.places import gazetteer
from checker.matching import Trie


def test_a_trie_over_the_gazetteer_nodes_finds_what_one_built_from_its_names_finds():
    places = gazetteer()
    shared, built = Trie.of_nodes(places.trie), Trie(places.by_name)
    text = "法治阆中建设，北京市东城区人民政府、朝阳区和延庆区，城区"
    for point in range(len(text) + 1):
        assert shared.words_at(text, point) == built.words_at(text, point)
    assert shared.words_at(text, 2) == [(2, 4)]
