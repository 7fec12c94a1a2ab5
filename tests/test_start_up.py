"""What start-up keeps between runs or sets aside (the gazetteer's rows, the collector's state) changes no result."""

import gc

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from checker.cli import main
from checker.document.places import read_gazetteer
from checker.resources import data_file

ROWS = "# columns: code\tname\tlevel\tparent_code\tshort_forms\n110000\t北京市\tprovince\t\t北京\n110101\t东城区\tcounty\t110000\t东城\n"


pytestmark = pytest.mark.usefixtures("cache_home")  # every test with a fresh cache folder (conftest.py)


def test_the_gazetteer_reads_the_same_from_its_cache(cache_home):
    path = data_file("places.tsv")
    first = read_gazetteer(path, cached=True)
    assert len(list(cache_home.iterdir())) == 1
    second = read_gazetteer(path, cached=True)
    assert second.places == first.places == read_gazetteer(path).places
    assert second.by_name == first.by_name


def test_an_edited_gazetteer_is_read_again_not_served_from_the_cache(tmp_path):
    path = tmp_path / "places.tsv"
    path.write_text(ROWS, encoding="utf-8")
    assert read_gazetteer(path, cached=True).lookup("东城")[0].name == "东城区"
    path.write_text(ROWS.replace("东城", "西城"), encoding="utf-8")
    edited = read_gazetteer(path, cached=True)
    assert edited.lookup("东城") == [] and edited.lookup("西城")[0].name == "西城区"


def test_only_the_built_in_gazetteer_is_kept(tmp_path, cache_home):
    path = tmp_path / "places.tsv"
    path.write_text(ROWS, encoding="utf-8")
    read_gazetteer(path)
    assert not cache_home.exists()


def test_a_check_leaves_the_collector_as_it_found_it():
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(main, ["check", "--no-config", str(SEEDS / "000_c8eddf8a4fb2ca4f.txt")])
    assert result.exit_code == 1
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        CliRunner().invoke(main, ["check", "--no-config", "--select", "FZ9", str(SEEDS / "000_c8eddf8a4fb2ca4f.txt")])
        assert not gc.isenabled()
    finally:
        gc.enable()
