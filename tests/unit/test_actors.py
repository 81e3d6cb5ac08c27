"""The actor dictionary (schema, coverage, time bounds) and the recognizer stage.

Every sentence here is written for marsad; none is taken from an article.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from marsad.errors import ResourceError
from marsad.pipeline import Pipeline
from marsad.resolve.actor_index import actor_index, alias_problems, parse_row
from marsad.resources import load
from marsad.text.normalize import fold

DAY = "2022-01-06"


@pytest.fixture(scope="module")
def recognize():
    p = Pipeline.default(["segment", "places", "actors"] if "places" in _registered() else ["segment", "actors"])

    def run(text: str, published: str | None = DAY) -> list[tuple[str, str]]:
        doc = p(text, published=published)
        return [(doc.original(m.start, m.end), m.data["name"]) for m in doc.mentions_of("actor")]

    return run


def _registered() -> set[str]:
    from marsad.pipeline import registered
    return set(registered())


# --- the dictionary -------------------------------------------------------------------------

def test_resources_load_and_obey_their_schema() -> None:
    assert len(load("ar", "actors")) >= 300
    assert load("ar", "actor_patterns") and load("ar", "actor_roles")


def test_every_alias_is_folded_and_unique_across_the_file() -> None:
    rows = load("ar", "actors")
    assert alias_problems(rows) == []
    aliases = [a for r in rows for a in r["aliases"].split("|") if a]
    assert len(aliases) == len(set(aliases)) >= 1000
    assert all(fold(a) == a for a in aliases)


def test_alias_problems_catches_unfolded_and_shared_aliases() -> None:
    rows = ({"id": "a", "aliases": "قوات النظام|ميليشيا"}, {"id": "b", "aliases": "القوات الأمريكية|قوات النظام"})
    problems = alias_problems(rows)
    assert any("not folded" in p and "الأمريكية" in p for p in problems)
    assert any("already a's" in p for p in problems)


def test_rows_are_well_formed() -> None:
    iso3 = re.compile(r"^[A-Z]{3}$")
    for r in load("ar", "actors"):
        row = parse_row(r)
        assert 1 <= row.inter <= 8
        assert not row.country or iso3.match(row.country), row.id
        assert all(iso3.match(b) for b in row.backers), row.id
        if row.valid_from and row.valid_to:
            assert row.valid_from < row.valid_to, row.id
        assert list(row.renamed) == sorted(row.renamed)
        assert r["source"].strip()


@pytest.mark.parametrize("actor_id", [
    "mil-SYR", "u-syr-4th", "u-syr-rg", "u-syr-tiger", "mil-IRQ", "u-irq-cts", "pol-IRQ", "mil-KRG", "mil-TUR",
    "mil-RUS", "mil-IRN", "mil-ISR", "mil-USA", "coal-OIR", "sdf", "ypg", "asayish", "is", "hts", "sna", "pmf",
    "kh", "nujaba", "kss", "aah", "kaa", "hezb", "fatemiyoun", "zainabiyoun", "ndf", "tribal-pmf", "shaitat",
    "uag-SYR", "uag-IRQ", "civ-SYR", "civ-IRQ", "off-shami", "off-rasool"])
def test_the_issue_s_actors_are_there(actor_id: str) -> None:
    assert actor_id in actor_index().rows


def test_names_follow_governments_and_dates_bound_rows() -> None:
    rows = actor_index().rows
    assert rows["mil-IRQ"].name_on(dt.date(2016, 1, 1)) == "Military Forces of Iraq (2014-2018)"
    assert rows["mil-IRQ"].name_on(dt.date(2023, 1, 1)) == "Military Forces of Iraq (2022-)"
    assert rows["mil-SYR"].name_on(dt.date(2020, 1, 1)) == "Military Forces of Syria (2000-2024)"
    assert rows["mil-SYR"].name_on(None) == "Military Forces of Syria (2024-)"
    assert not rows["sdf"].valid_on(dt.date(2014, 1, 1)) and rows["sdf"].valid_on(None)
    assert rows["nusra"].valid_on(dt.date(2015, 1, 1)) and not rows["nusra"].valid_on(dt.date(2018, 1, 1))


# --- the recognizer -------------------------------------------------------------------------

def names(found: list[tuple[str, str]]) -> list[str]:
    return [n for _, n in found]


def test_spelling_variants_and_clitics(recognize) -> None:
    assert names(recognize("قصفت مليشيا حزب الله بلدة")) == names(recognize("قصفت ميليشيا حزب الله بلدة")) == [
        "Hezbollah"]
    us = "Military Forces of the United States (2021-2025)"
    assert names(recognize("انسحبت القوات الأميركية")) == names(recognize("انسحبت القوات الأمريكية")) == [us]
    assert names(recognize("وصلت قوات التحالف الدّوليّ")) == ["Global Coalition Against Daesh"]
    assert names(recognize("رتل تابع للتحالف الدولي")) == ["Global Coalition Against Daesh"]
    assert names(recognize("وبالقوات التركية")) == ["Military Forces of Turkey (2002-)"]
    assert names(recognize("هاجم #داعش قرية")) == ["Islamic State (Iraq and Syria)"]


def test_head_and_nationality_compose(recognize) -> None:
    assert recognize("حلقت مقاتلات روسية فوق المدينة") == [("مقاتلات روسية", "Military Forces of Russia (2000-)")]
    assert names(recognize("انتشرت عناصر من الشرطة التركية")) == ["Police Forces of Turkey (2002-)"]
    assert names(recognize("دمرت مواقع عسكرية إيرانية")) == ["Military Forces of Iran (1989-)"]
    assert names(recognize("تقدمت فصائل موالية لإيران")) == ["Pro-Iran Militia Group"]


def test_a_time_bound_alias_names_nothing_outside_its_dates(recognize) -> None:
    assert names(recognize("هاجمت هيئة تحرير الشام بلدة", published="2019-03-01")) == ["HTS: Hayat Tahrir al Sham"]
    assert names(recognize("هاجمت هيئة تحرير الشام بلدة", published="2014-03-01")) == []
    assert names(recognize("تقدمت قوات سوريا الديمقراطية", published="2013-01-01")) == []


def test_two_readings_need_a_licence(recognize) -> None:
    assert names(recognize("سقطت قذيفة داخل القاعدة العسكرية")) == []
    assert "Al Qaeda" in names(recognize("أعلن تنظيم القاعدة أن القاعدة نفذت الهجوم"))
    assert names(recognize("تبنى مقاتلو القاعدة الهجوم")) == ["Al Qaeda"]
    assert names(recognize("اجتمع قادة التحالف الانتخابي في بغداد")) == []
    assert names(recognize("تعتبر الدولة مسؤولة عن الأمن")) == []
    assert names(recognize("أعلنت الدولة الإسلامية مسؤوليتها")) == ["Islamic State (Iraq and Syria)"]


def test_generic_people_take_the_article_s_country(recognize) -> None:
    found = recognize("قتل ثلاثة مدنيين وأطفال في قصف على بلدة بالقرب من الجيش العراقي")
    assert ("مدنيين", "Civilians (Iraq)") in found
    assert names(recognize("قتل طفل سوري على الحدود")) == ["Civilians (Syria)"]
    found = recognize("هاجم مسلحون مجهولون حاجزا للجيش السوري")
    assert found[0] == ("مسلحون مجهولون", "Unidentified Armed Group (Syria)")


def test_a_country_is_an_actor_only_outside_a_place_phrase(recognize) -> None:
    assert names(recognize("قصفت تركيا مواقع في الشمال")) == ["Military Forces of Turkey (2002-)"]
    assert names(recognize("وصل الوفد إلى تركيا")) == []
    assert "Military Forces of Turkey (2002-)" not in names(recognize("عاد اللاجئون من تركيا"))


def test_officials_stand_for_their_organization(recognize) -> None:
    assert names(recognize("قال فرهاد شامي إن الهجوم فشل")) == ["SDF: Syrian Democratic Forces"]
    assert names(recognize("صرح قيس الخزعلي بأن الرد قادم")) == ["Asaib Ahl al Haq"]
    assert recognize("أوضح الناطق باسم الحشد الشعبي أن الطريق آمن") == [
        ("الناطق باسم الحشد الشعبي", "PMF: Popular Mobilization Forces")]
    assert names(recognize("نفى المكتب الإعلامي لهيئة تحرير الشام الخبر")) == ["HTS: Hayat Tahrir al Sham"]


def test_his_country_is_the_forces_of_the_country_of_the_actor_before(recognize) -> None:
    found = recognize("قال أردوغان إن بلاده لن تسمح بذلك")
    assert found[-1] == ("بلاده", "Military Forces of Turkey (2002-)")


def test_pronouns_refer_back(recognize) -> None:
    found = recognize("قال التحالف الدولي إن قاعدتها في الحسكة تعرضت لهجوم")
    assert found[-1] == ("قاعدتها", "Global Coalition Against Daesh")


def test_mentions_carry_folded_offsets_and_map_to_the_original() -> None:
    text = "قصفت القوّاتُ الروسيّة مواقعَ للمعارضة"
    doc = Pipeline.default(["segment", "actors"])(text, published=DAY)
    m = doc.mentions_of("actor")[0]
    assert doc.norm.text[m.start:m.end] == "القوات الروسيه"
    assert doc.original(m.start, m.end) == "القوّاتُ الروسيّة"
    assert m.sentence == 0 and m.code == "mil-RUS" and m.data["inter"] == 1 and not m.data["generic"]


def test_stage_contract() -> None:
    from marsad.resolve.actors import ActorStage
    from marsad.resolve.roles import RoleStage
    assert ActorStage().requires == ("sentences",) and ActorStage().assigns == ("mentions:actor",)
    assert RoleStage().requires == ("events", "mentions:actor") and RoleStage().assigns == ("events:actors",)


def test_a_broken_alias_stops_the_loader(monkeypatch) -> None:
    from marsad.resolve import actor_index as module
    bad = ({"id": "x", "name": "X", "inter": "2", "kind": "nonstate", "aliases": "الأمريكية", "source": "t"},)
    monkeypatch.setattr(module, "load", lambda lang, name: bad if name == "actors" else load(lang, name))
    module.actor_index.cache_clear()
    try:
        with pytest.raises(ResourceError):
            module.actor_index("ar")
    finally:
        module.actor_index.cache_clear()
