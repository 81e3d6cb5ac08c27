"""Roles: the table of actor cases (tests/data/actor_cases.tsv, sentences written for marsad) and
the role rules one by one.

Each case gives a sentence, its trigger word and the expected actor1/actor2 canonical names. The
event is the one the pipeline assembled at the trigger; where extraction made none (its filters
are not under test here), an event is built by hand at the trigger's lexicon mention, with the
clause extraction would give it, and the roles stage runs on it alone.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marsad.document import Document, Event, Mention
from marsad.extract.clauses import clause_spans
from marsad.pipeline import Pipeline
from marsad.resolve.actor_index import actor_index
from marsad.resolve.roles import RoleStage

CASES = Path(__file__).resolve().parents[1] / "data" / "actor_cases.tsv"
FLOOR = 0.95


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    # every stage, also for a sentence extraction finds no event in: the roles are under test
    return Pipeline.default(skip_quiet=False)


def load_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def event_at(pipeline: Pipeline, doc: Document, word: str) -> Event | None:
    """The pipeline's event whose trigger lies at `word`, else one built by hand there."""
    at = doc.text.index(word)
    span = (at, at + len(word))
    for ev in doc.events:
        s, e = doc.span(ev.trigger.start, ev.trigger.end)
        if s < span[1] and span[0] < e:
            return ev
    for m in doc.mentions_of("trigger"):
        s, e = doc.span(m.start, m.end)
        if s < span[1] and span[0] < e:
            sent = doc.sentences[m.sentence]
            cues = [c for c in doc.mentions_of("cue") if c.sentence == m.sentence]
            clause = next(c for c in clause_spans(doc.norm.text, sent.start, sent.end, cues)
                          if c[0] <= m.start < c[1])
            ev = Event(trigger=m, sentence=m.sentence, event_type="", sub_event_type="", clause=clause)
            doc.events = [ev]
            RoleStage()(doc)
            return ev
    return None


def outcome(pipeline: Pipeline, case: dict[str, str]) -> tuple[str, str]:
    doc = pipeline(case["sentence"], published=case["published"])
    ev = event_at(pipeline, doc, case["trigger"])
    if ev is None:
        return "no trigger", "no trigger"
    return ((ev.actor1 or {}).get("name", "-"), (ev.actor2 or {}).get("name", "-"))


def test_the_table_is_well_formed() -> None:
    cases = load_cases()
    assert len(cases) >= 200
    known = {row.name_on(None) for row in actor_index().rows.values()} | {
        n for row in actor_index().rows.values() for _, n in row.renamed} | {
        row.name for row in actor_index().rows.values()} | {"-"}
    for c in cases:
        assert c["trigger"] in c["sentence"], c["sentence"]
        assert c["actor1"] in known and c["actor2"] in known, (c["actor1"], c["actor2"])
    assert len({(c["sentence"], c["published"]) for c in cases}) == len(cases)


def test_actor_cases_pass_rate(pipeline: Pipeline) -> None:
    cases = load_cases()
    failed = []
    for c in cases:
        got = outcome(pipeline, c)
        if got != (c["actor1"], c["actor2"]):
            failed.append(f"{c['sentence']} | want {c['actor1']} / {c['actor2']} | got {got[0]} / {got[1]}")
    rate = 1 - len(failed) / len(cases)
    assert rate >= FLOOR, f"{rate:.3f} < {FLOOR}:\n" + "\n".join(failed)


@pytest.mark.parametrize("family", sorted({c["family"] for c in load_cases()}))
def test_every_family_mostly_passes(pipeline: Pipeline, family: str) -> None:
    cases = [c for c in load_cases() if c["family"] == family]
    ok = sum(outcome(pipeline, c) == (c["actor1"], c["actor2"]) for c in cases)
    assert ok / len(cases) >= 0.8, f"{family}: {ok}/{len(cases)}"


def test_hedged_attribution_sets_certainty(pipeline: Pipeline) -> None:
    doc = pipeline("يعتقد أن الميليشيات الإيرانية تقف خلف الهجوم بالصواريخ على قاعدة التنف", published="2022-01-06")
    ev = event_at(pipeline, doc, "الهجوم")
    assert ev is not None and ev.actor1["name"] == "Pro-Iran Militia Group"
    assert ev.certainty == "hedged"


def test_spans_point_into_the_original_text(pipeline: Pipeline) -> None:
    text = "قصفت القوّاتُ التركيّة مواقعَ لـ\"وحدات حماية الشعب\" في ريف حلب"
    doc = pipeline(text, published="2022-01-06")
    ev = event_at(pipeline, doc, "قصفت")
    for role in ("actor1", "actor2"):
        rec = getattr(ev, role)
        s, e = rec["span"]
        assert text[s:e] == rec["text"]
    assert ev.actor1["text"].startswith("القوّاتُ")
    assert [r for r, _ in ev.evidence].count("actor1") == 1


def test_a_pronoun_is_recorded_by_the_words_that_named_its_actor(pipeline: Pipeline) -> None:
    text = "حذر الجيش الإسرائيلي حزب الله من التصعيد، وأكد أن بلاده قصفت مواقع للحزب في جنوب لبنان"
    doc = pipeline(text, published="2022-01-06")
    ev = event_at(pipeline, doc, "قصفت")
    assert ev.actor1["name"] == "Military Forces of Israel (2021-2022)"
    s, e = ev.actor1["span"]
    assert text[s:e] == ev.actor1["text"] != "بلاده"


def test_the_villages_of_one_raid_share_its_attacker(pipeline: Pipeline) -> None:
    text = ("شن الطيران الحربي الروسي غارات على قرى جبل الزاوية بريف إدلب، مخلفا ثلاثة قتلى في قرية كنصفرة، "
            "وخمسة قتلى في قرية البارة، وقتيلين في بلدة احسم")
    events = Pipeline.default()(text, published="2022-01-06").events
    assert len(events) >= 2
    assert all(ev.actor1 and ev.actor1["name"] == "Military Forces of Russia (2000-)" for ev in events)


def test_an_unnamed_attacker_stays_none(pipeline: Pipeline) -> None:
    doc = pipeline("سقطت ثلاثة صواريخ على قاعدة عين الأسد غرب الأنبار", published="2022-01-06")
    ev = event_at(pipeline, doc, "سقطت")
    assert ev.actor1 is None
    assert ev.actor2["text"] == "قاعدة عين الأسد"


def test_hand_built_event_gets_roles() -> None:
    doc = Pipeline.default(["segment", "lexicon", "actors"])("قصف الجيش التركي مواقع لقسد قرب منبج",
                                                            published="2022-01-06")
    t = doc.mentions_of("trigger")[0]
    doc.events = [Event(trigger=Mention("trigger", t.start, t.end, "SHELL", {"pos": "verb"}, 0), sentence=0,
                        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                        clause=(0, len(doc.norm.text)))]
    RoleStage()(doc)
    assert doc.events[0].actor1["name"] == "Military Forces of Turkey (2002-)"
    assert doc.events[0].actor2["name"] == "SDF: Syrian Democratic Forces"


def test_random_word_salads_never_break_the_spans(pipeline: Pipeline) -> None:
    import random

    salad = ("قصفت القوات التركية مواقع لحزب العمال تعرضت قاعدة لهجوم من قبل مسلحين مجهولين يعتقد أن "
             "الميليشيات تقف خلف الهجوم قاعدتها بلاده التنظيم القاعدة التحالف مدنيين في على و، .")
    words = salad.split(" ")
    rnd = random.Random(5)
    for _ in range(150):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40)))
        doc = pipeline(text, published=rnd.choice([None, "2014-01-01", "2022-05-05"]))
        for ev in doc.events:
            for rec in (ev.actor1, ev.actor2):
                if rec:
                    s, e = rec["span"]
                    assert text[s:e] == rec["text"] and rec["name"] and 1 <= rec["inter"] <= 8
