"""Cross-source fusion: the kinship rules that let differently told reports of one incident
merge (air strike or shelling, sides read the other way round, a government and its forces,
'near' a city that names its governorate, a complex attack), and the near misses they must keep
apart. Events are built by hand."""

from __future__ import annotations

from marsad.fuse.cross import (
    AIR_OR_FIRE,
    CIVILIAN_TARGET,
    DISPUTED_ATTACKER,
    SWAPPED,
    EventView,
    actor_agreement,
    actor_key,
    area_precision,
    cluster,
    match,
    weapon_kinship,
)

ER = "Explosions/Remote violence"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
ISRAEL = "Military Forces of Israel (2009-2021)"
SYRIA = "Military Forces of Syria (2000-2024)"
USA = "Military Forces of the United States (2017-2021)"


def ev(i: str, art: str, *, day: str = "2019-06-02", sub: str = SHELLING, weapon: str | None = "rocket",
       lat: float | None = 33.10, lon: float | None = 36.20, prec: int = 1, admin1: str | None = "SY-DA",
       gid: str | None = "g:town", a1: str | None = None, a2: str | None = None, event_type: str = ER,
       place: str | None = "Town", admin1_name: str | None = "Daraa") -> EventView:
    return EventView(i, art, "src-" + art, day, event_type, sub, weapon, lat, lon, prec, admin1, "SYR",
                     a1, a2, gid, place, admin1_name)


# --- an air strike one outlet calls shelling or a missile strike -----------------------------

def test_an_air_strike_and_a_fired_weapon_are_kin_but_a_drone_or_a_bomb_is_not():
    assert weapon_kinship("airstrike", "missile") == AIR_OR_FIRE
    assert weapon_kinship("artillery", "airstrike") == AIR_OR_FIRE
    assert weapon_kinship("drone", "artillery") is None
    assert weapon_kinship("rocket", "missile") == "same"
    assert weapon_kinship("airstrike", None) == "same"
    assert weapon_kinship("airstrike", "ied") is None


def test_an_air_strike_told_as_shelling_at_one_place_on_one_day_is_one_incident():
    m = match(ev("a", "1", sub=AIR, weapon="airstrike"), ev("b", "2", weapon="missile"))
    assert m.ok and m.rule == f"same-type same place, {AIR_OR_FIRE}"


def test_air_and_fire_in_two_towns_or_a_day_apart_in_two_towns_stay_apart():
    air = ev("a", "1", sub=AIR, weapon="airstrike")
    neighbour = ev("b", "2", weapon="artillery", gid="g:other", lat=33.13, lon=36.22)  # ~4 km away
    assert match(air, neighbour).ok  # same day, a few km: one strike told with two villages
    next_day = ev("c", "2", weapon="artillery", gid="g:other", lat=33.13, lon=36.22, day="2019-06-03")
    assert match(air, next_day).rule == "weapons differ"
    province = ev("d", "3", weapon="artillery", gid="g:prov", lat=32.9, lon=36.3, prec=3, place="Daraa")
    assert match(air, province).rule == "weapons differ"  # a governorate is too wide for kinship
    country = dict(sub=AIR, gid="g:syria", lat=35.0, lon=38.3, prec=3, admin1=None, place="Syria")
    assert match(ev("f", "5", weapon="airstrike", **country), ev("g", "6", weapon="rocket", **country)).rule \
        == "weapons differ"  # one country named by both is no one place
    same_place_next_day = ev("e", "4", weapon="artillery", day="2019-06-03")
    assert match(air, same_place_next_day).ok  # the night between two days, at one named place


# --- the sides told the other way round ----------------------------------------------------

def test_a_target_read_as_the_attacker_agrees_when_a_side_named_by_both_then_agrees():
    # `استهدف الجيش السوري ...` read one way by one telling, the other way by another
    told_as_attacker = ev("a", "1", a1=SYRIA)
    told_as_target = ev("b", "2", a1=USA, a2=SYRIA)
    assert actor_agreement(told_as_attacker, told_as_target) == SWAPPED
    m = match(told_as_attacker, told_as_target)
    assert m.ok and m.rule.endswith(SWAPPED)


def test_a_clash_told_from_either_side_agrees():
    a = ev("a", "1", sub="Armed clash", event_type="Battles", weapon=None, a1=SYRIA, a2="Islamic State")
    b = ev("b", "2", sub="Armed clash", event_type="Battles", weapon=None, a1="Islamic State", a2=SYRIA)
    assert actor_agreement(a, b) == SWAPPED and match(a, b).ok


def test_two_different_attackers_never_agree_by_swapping():
    # (Syria, -) and (US, -): reading both the other way round would say nothing, so they differ
    assert actor_agreement(ev("a", "1", a1=SYRIA), ev("b", "2", a1=USA)) is None
    assert actor_agreement(ev("a", "1", a1=ISRAEL, a2=SYRIA), ev("b", "2", a1=USA, a2=SYRIA)) is None
    assert match(ev("a", "1", a1=SYRIA), ev("b", "2", a1=USA)).rule == "actors differ"


def test_a_plain_agreement_is_preferred_to_a_swapped_one():
    plain = match(ev("a", "1", a1=USA, a2=SYRIA), ev("b", "2", a2=SYRIA))
    swapped = match(ev("a", "1", a1=USA, a2=SYRIA), ev("c", "3", a1=SYRIA))
    assert plain.ok and swapped.ok and plain.cost < swapped.cost


def test_a_government_and_its_forces_are_one_side():
    assert actor_key("Government of Iraq (2014-2018)") == actor_key("Military Forces of Iraq (2014-2018)")
    assert actor_key("Government of Iraq (2014-2018)") != actor_key("Government of Syria (2000-2024)")
    gov = ev("a", "1", sub=AIR, weapon="airstrike", a1="Government of Iraq (2014-2018)")
    army = ev("b", "2", sub=AIR, weapon="airstrike", a1="Military Forces of Iraq (2014-2018)")
    assert match(gov, army).ok


# --- 'near' a city that gives its governorate its name ----------------------------------------

def test_near_a_city_that_names_its_governorate_reads_as_the_governorate():
    near_city = ev("a", "1", prec=2, place="Homs", admin1_name="Homs", admin1="SY-HI",
                   gid="g:homs", lat=34.73, lon=36.68)
    assert area_precision(near_city) == 3
    assert area_precision(ev("b", "2", prec=2, place="Rastan", admin1_name="Homs")) == 2
    assert area_precision(ev("c", "3", prec=1, place="Homs", admin1_name="Homs")) == 1
    base = ev("d", "4", admin1="SY-HI", gid="g:base", lat=34.52, lon=37.63, place="Desert base",
              admin1_name="Homs")  # 90 km east of the city, in its governorate
    m = match(near_city, base)
    assert m.ok and m.rule == "same-type in area" and m.km > 60


def test_near_a_city_does_not_reach_another_governorate_or_take_a_days_slack():
    near_city = ev("a", "1", prec=2, place="Homs", admin1_name="Homs", admin1="SY-HI",
                   gid="g:homs", lat=34.73, lon=36.68)
    other_province = ev("b", "2", admin1="SY-HM", gid="g:hama", lat=35.13, lon=36.75, admin1_name="Hama")
    assert match(near_city, other_province).rule == "places apart"
    next_day = ev("c", "3", admin1="SY-HI", gid="g:base", lat=34.52, lon=37.63, day="2019-06-03")
    assert match(near_city, next_day).rule == "wide places a day apart"


# --- gunmen and suicide bombers: a complex attack ------------------------------------------

def test_a_gunfight_and_a_suicide_bombing_at_one_place_on_one_day_are_one_attack():
    bombing = ev("a", "1", sub="Suicide bomb", weapon="suicide_bomb")
    gunfight = ev("b", "2", sub="Armed clash", event_type="Battles", weapon="small_arms")
    m = match(bombing, gunfight)
    assert m.ok and m.rule == "complex-attack same place"
    shooting = ev("b", "2", sub="Attack", event_type="Violence against civilians", weapon="small_arms")
    assert match(bombing, shooting).rule == "types differ"  # a shooting of civilians is no bombing
    assert not match(bombing, ev("c", "3", sub="Armed clash", event_type="Battles", weapon=None,
                                 day="2019-06-03")).ok
    far = ev("d", "4", sub="Armed clash", event_type="Battles", weapon=None, gid="g:x", lat=33.3, lon=36.2)
    assert not match(bombing, far).ok


def test_the_kinship_rules_still_group_by_complete_linkage():
    # a strike told three ways; a fourth report names another attacker and stays apart
    views = [ev("a", "1", sub=AIR, weapon="airstrike", a1=ISRAEL, a2=SYRIA),
             ev("b", "2", weapon="missile", a2=SYRIA),
             ev("c", "3", sub=AIR, weapon="airstrike", a1=SYRIA),
             ev("d", "4", sub=AIR, weapon="airstrike", a1=USA)]
    groups = cluster(views).groups
    assert ["a", "b", "c"] in groups and ["d"] in groups


# --- the dead of one strike: civilians to one side, fighters to the other ---------------------

def test_civilians_or_fighters_as_the_target_of_one_strike_on_one_day():
    civilians = ev("a", "1", sub=AIR, weapon="airstrike", a2="Civilians (Syria)")
    fighters = ev("b", "2", sub=AIR, weapon="airstrike", a2="Islamic State (Iraq and Syria)")
    m = match(civilians, fighters)
    assert m.ok and m.rule.endswith(CIVILIAN_TARGET)
    next_day = ev("c", "3", sub=AIR, weapon="airstrike", a2="Islamic State (Iraq and Syria)", day="2019-06-03")
    assert match(civilians, next_day).rule == "actors differ"  # two days, two strikes
    other_attacker = ev("d", "4", sub=AIR, weapon="airstrike", a1=USA, a2="Islamic State (Iraq and Syria)")
    assert match(ev("e", "5", sub=AIR, weapon="airstrike", a1=ISRAEL, a2="Civilians (Syria)"),
                 other_attacker).rule == "actors differ"
    clash = dict(sub="Armed clash", event_type="Battles", weapon=None)
    assert match(ev("f", "6", a2="Civilians (Syria)", **clash), ev("g", "7", a2=SYRIA, **clash)).rule \
        == "actors differ"  # civilians in a clash are no fighters' other name


# --- outlets that blame different attackers ---------------------------------------------------

def _with(view: EventView, **changes) -> EventView:
    import dataclasses

    return dataclasses.replace(view, **changes)


def test_an_attacker_told_as_belief_or_claim_does_not_keep_two_tellings_apart():
    told = ev("a", "1", a1=ISRAEL, a2=SYRIA)
    believed = _with(ev("b", "2", a1=USA, a2=SYRIA), certainty="hedged")  # `يعتقد أنها أميركية`
    assert actor_agreement(told, believed) == DISPUTED_ATTACKER
    assert match(told, believed).ok
    asserted = ev("c", "3", a1=USA, a2=SYRIA)
    assert actor_agreement(told, asserted) is None  # both say so as fact, at a town: two attacks
    assert actor_agreement(told, _with(ev("d", "4", a1=USA), certainty="hedged")) is None  # no target named


def test_two_attackers_blamed_for_one_base_on_one_day_are_one_incident_told_twice():
    base = dict(gid="x:ain-asad", place="Ain al-Asad airbase", admin1="IQ-AN")
    one = ev("a", "1", a1=ISRAEL, a2=SYRIA, **base)
    other = ev("b", "2", a1=USA, a2=SYRIA, **base)
    assert actor_agreement(one, other) == DISPUTED_ATTACKER
    assert actor_agreement(one, _with(other, day="2019-06-03")) is None  # another day: another strike
    assert actor_agreement(one, _with(other, actor2=None)) == DISPUTED_ATTACKER  # the base says whose
    town = ev("c", "3", a1=USA, a2=SYRIA)
    assert actor_agreement(ev("d", "4", a1=ISRAEL, a2=SYRIA), town) is None  # a town is no base


def test_a_disputed_attacker_weighs_more_than_agreement_so_agreeing_tellings_join_first():
    base = dict(gid="x:ain-asad", place="Ain al-Asad airbase", admin1="IQ-AN")
    told = ev("a", "1", a1=USA, a2=SYRIA, **base)
    agreeing = match(told, ev("b", "2", a1=USA, a2=SYRIA, **base))
    disputed = match(told, ev("c", "3", a1=ISRAEL, a2=SYRIA, **base))
    assert agreeing.ok and disputed.ok and agreeing.cost < disputed.cost


def test_the_groups_do_not_hang_on_the_event_ids():
    base = dict(gid="x:ain-asad", place="Ain al-Asad airbase", admin1="IQ-AN")
    # b and c, two events of one article, match a equally well: the one told first joins, whatever
    # the ids (which carry the pipeline's fingerprint) say
    views = [ev("a", "1", a1=USA, a2=SYRIA, **base), _with(ev("b", "2", a1=USA, **base), at=50),
             _with(ev("c", "2", a1=USA, a2=SYRIA, **base), at=10)]
    renamed = [_with(v, event_id="z" + v.event_id) if v.event_id == "b" else v for v in views]

    def members(groups, strip=""):
        return sorted(sorted(i.lstrip(strip) for i in g) for g in groups)

    assert members(cluster(views).groups) == members(cluster(renamed).groups, "z") == [["a", "c"], ["b"]]
