"""Encodings are detected, never a crash; junk, mojibake and huge inputs are refused with a reason."""

import codecs
import os

import pytest

from marsad.errors import InputError
from marsad.ingest.decode import MAX_BYTES, decode, mojibake_codec
from marsad.ingest.language import check_arabic, guess_language

TEXT = "قصفت طائرة مسيرة موقعا عسكريا قرب البلدة صباح اليوم، وأفاد مصدر محلي بسقوط جريحين."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("cp1256"),
    TEXT.encode("utf-16"),
    TEXT.encode("utf-16-le"),
    TEXT.encode("utf-16-be"),
    TEXT.encode("iso-8859-6", errors="replace").replace(b"?", b" "),
], ids=["utf8", "utf8-bom", "cp1256", "utf16-bom", "utf16le", "utf16be", "iso-8859-6"])
def test_every_encoding_gives_the_same_arabic(data):
    got = decode(data)
    assert got.split()[:3] == TEXT.split()[:3]


@pytest.mark.parametrize(("data", "code", "word"), [
    (b"", "E101", "empty"),
    (b"  \n\t ", "E101", "empty"),
    (b"\x00\x01\x02binary" * 50, "E102", "binary"),
    (TEXT.encode("utf-8").decode("latin-1").encode("utf-8"), "E107", "latin-1"),
    (TEXT.encode("utf-8").decode("cp1256").encode("utf-8"), "E107", "cp1256"),
    (TEXT.encode("utf-8").decode("cp1256").encode("cp1256"), None, None),  # that is just UTF-8
])
def test_junk_and_mojibake_are_refused_with_their_reason(data, code, word):
    if code is None:
        assert decode(data) == TEXT
        return
    with pytest.raises(InputError) as exc:
        decode(data)
    assert exc.value.code == code and word in str(exc.value)


def test_random_bytes_never_crash():
    for seed in range(200):
        data = os.urandom(50 + seed)
        try:
            decode(data)
        except InputError as exc:
            assert exc.code.startswith("E10")


def test_over_the_limit_is_refused_before_decoding():
    with pytest.raises(InputError) as exc:
        decode(b"a" * (MAX_BYTES + 1))
    assert exc.value.code == "E103"


def test_mojibake_detector_leaves_real_arabic_alone():
    assert mojibake_codec(TEXT) is None
    assert mojibake_codec("Le café est très chaud à Paris.") is None


@pytest.mark.parametrize(("text", "name"), [
    ("ارتش اعلام کرد که دو سرباز در این حمله کشته شدند و نیروها به منطقه رفتند.", "Persian"),
    ("فوج نے کہا کہ اس حملے میں دو فوجی ہلاک ہو گئے اور علاقے میں سیکیورٹی سخت کر دی گئی ہے۔", "Urdu"),
    ("سوپا ڕایگەیاند کە دوو سەرباز لە هێرشەکەدا کوژران و هێزەکان بۆ ناوچەکە نێردران.", "Kurdish"),
    ("The army said that two soldiers were killed in the attack on the base.", "English"),
    ("L'armée a déclaré que deux soldats ont été tués dans l'attaque de la base.", "French"),
])
def test_other_languages_are_refused_by_name(text, name):
    with pytest.raises(InputError) as exc:
        check_arabic(text)
    assert exc.value.code == "E105" and name in str(exc.value)


def test_arabic_with_persian_place_names_is_still_arabic():
    text = ("زار وزير الخارجية مدينة چابهار ومحافظة گلستان، وقال في مؤتمر صحفي إن التعاون بين البلدين "
            "مستمر في مجالات عدة، وإن الوفد سيعود إلى العاصمة بعد غد.")
    check_arabic(text)
    assert guess_language(text)[0] == "ar"


@pytest.mark.shared
def test_the_corpus_is_arabic(shared):
    import itertools
    import json

    path = shared / "data" / "corpus" / "ant-multisource-2018.jsonl"
    if not path.exists():
        pytest.skip("no corpus")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(x) for x in itertools.islice(fh, 0, 20000, 20)]
    refused = []
    for r in rows:
        try:
            check_arabic(r["text"])
        except InputError as exc:
            refused.append((r["id"], str(exc)))
    assert len(refused) <= len(rows) // 200, refused[:5]


def test_arabic_around_scraped_css_or_with_english_names_is_still_arabic():
    arabic = ("أعلنت البلدية أن أعمال الصيانة في الطريق الرئيسي ستبدأ الأسبوع المقبل وتستمر شهرا، "
              "وطلبت من السائقين استخدام الطرق البديلة التي حددتها في بيان نشرته على موقعها. ") * 3
    css = ".box h4 { background: url(/img/h3.png) right no-repeat; padding: 10px 5px; font: bold 12px Tahoma; } " * 12
    check_arabic(arabic + css)
    apps = "\n".join(f"{n}. تطبيق «ماسنجر الهاتف» The Phone Messenger" for n in range(1, 8))
    check_arabic("التطبيقات الأكثر تحميلا في الأسبوع الماضي:\n" + apps)  # Latin words, Arabic majority
    with pytest.raises(InputError):  # a short Arabic heading over an English list is not an Arabic article
        check_arabic("أفضل عشرة أفلام\n" + "\n".join(f"{n}. The Best Film of the Year | A Director (USA)"
                                                         for n in range(1, 11)))
