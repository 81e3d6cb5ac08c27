"""Event assembly on sentences written for these tests (none is taken from a dev article)."""

import pytest

PUB = "2023-05-10"


def events(pipeline, text):
    return pipeline(text, published=PUB).events


def one(pipeline, text):
    evs = events(pipeline, text)
    assert len(evs) == 1, [(e.sub_event_type, e.trigger.code) for e in evs]
    return evs[0]


@pytest.mark.parametrize("text, sub, weapon", [
    ("سقطت ثلاثة صواريخ على مطار القامشلي مساء أمس.", "Shelling/artillery/missile attack", "rocket"),
    ("شنت مقاتلات حربية غارات على بلدة في ريف إدلب.", "Air/drone strike", "airstrike"),
    ("انفجرت عبوة ناسفة بدورية للشرطة على طريق المطار.", "Remote explosive/landmine/IED", "ied"),
    ("انفجرت سيارة مفخخة قرب سوق شعبي في المدينة.", "Remote explosive/landmine/IED", "vbied"),
    ("فجر انتحاري حزاما ناسفا عند حاجز للجيش.", "Suicide bomb", "suicide_bomb"),
    ("اندلعت اشتباكات عنيفة بين فصيلين مسلحين في البلدة.", "Armed clash", "unknown"),
    ("استهدفت طائرة مسيرة سيارة تقل قياديين في الحزب.", "Air/drone strike", "drone"),
    ("قصفت المدفعية قرى في ريف حماة الشمالي.", "Shelling/artillery/missile attack", "artillery"),
    ("سقطت قذائف هاون على حي سكني وسط المدينة.", "Shelling/artillery/missile attack", "mortar"),
    ("اعتقلت قوات الأمن خمسة أشخاص في حملة دهم.", "Arrests", "unknown"),
    ("اختطف مسلحون مجهولون طبيبا في المدينة.", "Abduction/forced disappearance", "unknown"),
])
def test_type_and_weapon(pipeline, text, sub, weapon):
    ev = one(pipeline, text)
    assert (ev.sub_event_type, ev.weapon) == (sub, weapon)


def test_generic_and_passive_triggers_join_into_one_incident(pipeline):
    ev = one(pipeline, "تعرضت قاعدة عسكرية لهجوم بطائرتين مسيرتين فجر اليوم.")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.trigger.data.get("voice") == "passive"


@pytest.mark.parametrize("text, outcome", [
    ("أسقطت الدفاعات الجوية طائرة مسيرة فوق القاعدة.", "intercepted"),
    ("اعترضت الدفاعات الجوية صاروخين أطلقا نحو المطار.", "intercepted"),
    ("أحبطت القوات الأمنية هجوما بسيارة مفخخة عند مدخل البلدة.", "foiled"),
])
def test_interception_is_disrupted_weapons_use(pipeline, text, outcome):
    ev = one(pipeline, text)
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.outcome == outcome


def test_objecting_is_not_intercepting(pipeline):
    assert events(pipeline, "اعترض وزير المالية على مشروع الموازنة الجديد.") == []


@pytest.mark.parametrize("text", [
    "هدد قائد الميليشيا بقصف القواعد الأميركية بالصواريخ.",
    "توعدت الجماعة بشن هجمات بالطائرات المسيرة على المطار.",
    "نفى المتحدث العسكري تعرض القاعدة لأي هجوم بالصواريخ.",
    "لم تسقط أي صواريخ على المطار بحسب البيان.",
    "ووصل عدد الهجمات بالصواريخ على القواعد منذ مطلع العام إلى 31 هجوما.",
    "تستهدف الميليشيات القواعد العسكرية بالصواريخ منذ سنوات.\nوقال المحلل إن الوضع متوتر.",
    "أعرب الأمين العام عن قلقه من تصاعد الغارات الجوية على المدينة.",
    "ارتفعت أسعار النفط بعد هجوم المضاربين على الأسهم.",
])
def test_not_events(pipeline, text):
    assert events(pipeline, "خبر عاجل\n" + text) == []


def test_present_tense_counts_in_a_headline(pipeline):
    evs = events(pipeline, "طائرات حربية تقصف مواقع للمسلحين شرق المدينة")
    assert [e.sub_event_type for e in evs] == ["Air/drone strike"]


def test_munitions_from_a_range_and_a_count(pipeline):
    ev = one(pipeline, "سقط ما بين 5 إلى 9 صواريخ على القاعدة.")
    assert ev.munitions == {"min": 5, "max": 9}
    ev = one(pipeline, "استهدفت القاعدة بـ12 صاروخا من نوع غراد.")
    assert ev.munitions == {"min": 12, "max": 12}


def test_casualties_next_to_their_words(pipeline):
    ev = one(pipeline, "قتل جندي وأصيب ثلاثة آخرون في انفجار عبوة ناسفة.")
    assert (ev.fatalities, ev.injuries) == (1, 3)
    ev = one(pipeline, "أسفرت الغارة عن سقوط 7 قتلى و12 جريحا.")
    assert (ev.fatalities, ev.injuries) == (7, 12)


def test_dead_and_wounded_without_numbers_stay_null(pipeline):
    ev = one(pipeline, "سقط قتلى وجرحى في قصف مدفعي على السوق.")
    assert (ev.fatalities, ev.injuries) == (None, None)


@pytest.mark.parametrize("text, certainty", [
    ("قصفت طائرات يرجح أنها روسية مواقع للفصائل.", "hedged"),
    ("تبنى التنظيم تفجير عبوة ناسفة استهدفت رتلا عسكريا.", "claimed"),
    ("قصفت المدفعية مواقع للفصائل شمال المدينة.", "asserted"),
])
def test_certainty(pipeline, text, certainty):
    assert one(pipeline, text).certainty == certainty


def test_attribution_names_the_source(pipeline):
    ev = one(pipeline, "قتل مدنيان في غارة جوية بحسب ما أفاد الدفاع المدني.")
    texts = [m for m in ev.attributed_to]
    assert texts and pipeline is not None


def test_reply_is_its_own_event(pipeline):
    evs = events(pipeline, "سقطت خمسة صواريخ على القاعدة، وردت القوات بعشر قذائف مدفعية على مصدر النيران.")
    assert [(e.weapon, e.munitions) for e in evs] == [
        ("rocket", {"min": 5, "max": 5}), ("artillery", {"min": 10, "max": 10})]


def test_two_incidents_in_one_sentence(pipeline):
    evs = events(pipeline, "قصفت المدفعية قرية شمالية وانفجرت عبوة ناسفة بحافلة في المدينة.")
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack", "Remote explosive/landmine/IED"]


def test_background_incident_is_flagged(pipeline):
    evs = events(pipeline, "وكان أعنف الهجمات سبق أن استهدف القاعدة بعشرين صاروخا.")
    assert evs and all(e.background for e in evs)


def test_every_evidence_span_is_original_text(pipeline):
    text = "قُتِلَ ثلاثةُ جنودٍ بانفجار #عبوة_ناسفة في الطريق."
    doc = pipeline(text, published=PUB)
    assert doc.events
    for ev in doc.events:
        for role, m in ev.evidence:
            s, e = doc.span(m.start, m.end)
            assert 0 <= s < e <= len(text), role
            assert doc.text[s:e].strip() == doc.text[s:e]


@pytest.mark.parametrize("text, sub", [
    ("استعادت قوات الجيش العراقي السيطرة على قرية شمال تكريت بعد معارك مع مسلحي داعش.", "Government regains territory"),
    ("أعدم مسلحو التنظيم ثلاثة رعاة في ريف المدينة.", "Attack"),
    ("أطلقت قوات الأمن الغاز المسيل للدموع لتفريق مظاهرة أمام مبنى المحافظة.", "Protest with intervention"),
])
def test_types_that_need_the_actors_or_the_scene(pipeline, text, sub):
    assert one(pipeline, text).sub_event_type == sub


def test_a_court_sentence_is_no_execution(pipeline):
    assert events(pipeline, "أصدرت المحكمة حكما بالإعدام على ثلاثة متهمين بالقتل.") == []


def test_an_incident_dated_months_back_is_background(pipeline):
    evs = pipeline("وفي آذار 2021 قصفت طائرات حربية سوقا شعبيا في المدينة.", published="2023-05-10").events
    assert evs and all(e.background for e in evs)


def test_headline_and_body_are_one_incident(pipeline):
    text = ("مقتل ثلاثة مدنيين بقصف مدفعي على بلدة في ريف إدلب\n"
            "قتل ثلاثة مدنيين مساء أمس الثلاثاء جراء قصف مدفعي استهدف بلدة في ريف إدلب الجنوبي.")
    assert len(events(pipeline, text)) == 1


def test_protesters_storming_a_building_riot(pipeline):
    ev = one(pipeline, "اقتحم محتجون غاضبون مبنى المجلس البلدي وأحرقوه مساء أمس.")
    assert ev.sub_event_type == "Violent demonstration"


def test_a_round_up_of_villages_with_their_own_tolls_is_one_event_per_village(pipeline):
    text = ("عنوان\nشنت طائرات حربية عدة غارات على قرى ريف حماة الشمالي، مخلفة أربعة قتلى في بلدة "
            "كفرزيتا، وثلاثة قتلى في بلدة اللطامنة، ودمارا في المنازل.")
    evs = events(pipeline, text)
    assert sorted(e.fatalities for e in evs) == [3, 4]
    assert all(e.sub_event_type == "Air/drone strike" for e in evs)


def test_a_toll_beyond_any_incident_is_a_tally(pipeline):
    assert events(pipeline, "عنوان\nوقال المسؤول إن التنظيم أعدم نحو ثلاثة آلاف شخص في المحافظة.") == []


def test_suspending_a_ruling_is_no_arrest(pipeline):
    assert events(pipeline, "عنوان\nأوقفت المحكمة تنفيذ الحكم بحق الشركة حتى إشعار آخر.") == []
