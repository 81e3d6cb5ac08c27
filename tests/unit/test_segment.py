"""Sentences, paragraphs and tokens with proclitics (every sentence written for this test)."""

from __future__ import annotations

import pytest

from marsad.document import Sentence
from marsad.pipeline import Pipeline
from marsad.text.normalize import fold
from marsad.text.segment import (
    Vocabulary,
    assign_sentences,
    default_vocabulary,
    sentence_spans,
    sentences,
    tokens,
)


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


SPLITS = [
    ("سقط صاروخ. وأصيب جندي", ["سقط صاروخ", "وأصيب جندي"]),
    ("هل سقط صاروخ؟ لم يتأكد ذلك", ["هل سقط صاروخ", "لم يتأكد ذلك"]),
    ("هل سقط صاروخ? لم يتأكد ذلك", ["هل سقط صاروخ", "لم يتأكد ذلك"]),
    ("يا للهول! سقط صاروخ", ["يا للهول", "سقط صاروخ"]),
    ("سقط صاروخ؛ وأصيب جندي", ["سقط صاروخ", "وأصيب جندي"]),
    ("سقط صاروخ; وأصيب جندي", ["سقط صاروخ", "وأصيب جندي"]),
    ("سقط صاروخ\nوأصيب جندي", ["سقط صاروخ", "وأصيب جندي"]),
    ("سقط صاروخ، وأصيب جندي, ثم هدأ القصف", ["سقط صاروخ، وأصيب جندي, ثم هدأ القصف"]),
    ("بلغت المسافة 2.5 كم. ثم توقفوا", ["بلغت المسافة 2.5 كم", "ثم توقفوا"]),
    ("وقع في عام 2018. ثم تكرر", ["وقع في عام 2018", "ثم تكرر"]),
    ("نقلت أ.ف.ب عن مصدر أن القصف توقف. ثم عاد", ["نقلت أ.ف.ب عن مصدر أن القصف توقف", "ثم عاد"]),
    ("قال د. سمير إن الوضع هادئ. وأضاف", ["قال د. سمير إن الوضع هادئ", "وأضاف"]),
    ("قصفت U.S. forces الموقع. ثم انسحبت", ["قصفت U.S. forces الموقع", "ثم انسحبت"]),
    ("نشر الخبر موقع alarabiya.net صباحا. وتبعه آخرون", ["نشر الخبر موقع alarabiya.net صباحا", "وتبعه آخرون"]),
    ('قال القائد: "سنرد. وسنرد بقوة" ثم غادر. وانتهى', ['قال القائد: "سنرد. وسنرد بقوة" ثم غادر', "وانتهى"]),
    ('قال القائد: "سنرد بقوة." ثم غادر', ['قال القائد: "سنرد بقوة."', "ثم غادر"]),
    ('قال القائد: "هل تسمعون؟" ثم صمت', ['قال القائد: "هل تسمعون؟"', "ثم صمت"]),
    ('قال: "سنرد. ثم\nانتهى السطر', ['قال: "سنرد', 'ثم', "انتهى السطر"]),
    ("عاجل: قصف على المدينة\nسقط صاروخ على الحي. وأصيب جندي",
     ["عاجل: قصف على المدينة", "سقط صاروخ على الحي", "وأصيب جندي"]),
    ("ماذا حدث؟! لا أحد يعرف", ["ماذا حدث", "لا أحد يعرف"]),
    ('قال المتحدث: "سنواصل العمل\nحتى النهاية". ثم غادر المنصة. وانتهى المؤتمر "بهدوء"',
     ['قال المتحدث: "سنواصل العمل', 'حتى النهاية"', "ثم غادر المنصة", 'وانتهى المؤتمر "بهدوء"']),
    ('وصف المراسل المشهد بـ"المروع". ثم أضاف: "لم أر مثله." وغادر', [
        'وصف المراسل المشهد بـ"المروع"', 'ثم أضاف: "لم أر مثله."', "وغادر"]),
    ("سقط صاروخ... ثم ساد الصمت", ["سقط صاروخ", "ثم ساد الصمت"]),
    ("سقط صاروخ… ثم ساد الصمت", ["سقط صاروخ", "ثم ساد الصمت"]),
    ("سقط صاروخ", ["سقط صاروخ"]),
    ("", []),
    ("   \n  ", []),
    ("  سقط صاروخ  .  ", ["سقط صاروخ"]),
    ("بلغ العدد 1.500.000 نازح. ثم ازداد", ["بلغ العدد 1.500.000 نازح", "ثم ازداد"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS, ids=[t[:25] for t, _ in SPLITS])
def test_sentence_spans(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_paragraphs_count_line_breaks() -> None:
    text = "عنوان الخبر\nسقط صاروخ. وأصيب جندي\n\nوفي تطور آخر، عاد الهدوء"
    got = [(text[s.start:s.end], s.paragraph) for s in sentences(text)]
    assert got == [("عنوان الخبر", 0), ("سقط صاروخ", 1), ("وأصيب جندي", 1), ("وفي تطور آخر، عاد الهدوء", 2)]


def test_tokens_have_offsets() -> None:
    text = "قتل 2.5 شخص، وأصيب 4."
    got = [text[t.start:t.end] for t in tokens(text)]
    assert got == ["قتل", "2.5", "شخص", "،", "وأصيب", "4", "."]


def test_no_vocabulary_means_no_split() -> None:
    assert all(t.prefix_end == t.start for t in tokens("والصواريخ بثمانيه للتحالف"))


VOCAB = Vocabulary(["صواريخ", "ثمانيه", "التحالف", "سته", "قذايف", "استهدف*"])

CLITICS = [
    ("والصواريخ", "وال", "صواريخ"),
    ("بالصواريخ", "بال", "صواريخ"),
    ("فالصواريخ", "فال", "صواريخ"),
    ("وبالصواريخ", "وبال", "صواريخ"),
    ("صواريخ", "", "صواريخ"),
    ("بثمانيه", "ب", "ثمانيه"),
    ("وبثمانيه", "وب", "ثمانيه"),
    ("بسته", "ب", "سته"),
    ("للتحالف", "لل", "تحالف"),
    ("وللتحالف", "ولل", "تحالف"),
    ("كالقذايف", "كال", "قذايف"),
    ("واستهدفت", "و", "استهدفت"),
    ("ب14", "ب", "14"),
    ("و10", "و", "10"),
    ("والد", "", "والد"),  # 'father': the rest is no known word
    ("بيت", "", "بيت"),
    ("لبنان", "", "لبنان"),
]


@pytest.mark.parametrize(("word", "prefix", "rest"), CLITICS, ids=[c[0] for c in CLITICS])
def test_proclitics_split_only_before_known_words(word: str, prefix: str, rest: str) -> None:
    (t,) = tokens(word, VOCAB)
    assert (word[t.start:t.prefix_end], word[t.prefix_end:t.end]) == (prefix, rest)


def test_default_vocabulary_knows_number_words_and_duals() -> None:
    v = default_vocabulary()
    assert v(fold("ثمانية")) and v(fold("صاروخ")) and v(fold("قذيفتين")) and not v(fold("حلب"))
    (t,) = tokens(fold("بثمانية"), v)
    assert t.prefix_end == t.start + 1


def test_vocabulary_takes_more_words() -> None:
    v = Vocabulary(["حلب"]).add(["دير الزور", "ادلب"])
    assert v("حلب") and v("دير") and v("الزور") and v("ادلب") and not v("حماه")


def test_assign_sentences() -> None:
    text = "سقط صاروخ. وأصيب جندي"
    toks = tokens(text)
    assign_sentences(toks, sentences(text))
    assert [t.sentence for t in toks] == [0, 0, -1, 1, 1]


def test_assign_sentences_without_sentences() -> None:
    toks = tokens("سقط")
    assign_sentences(toks, [Sentence(10, 20)])
    assert toks[0].sentence == -1


def test_segment_stage() -> None:
    doc = Pipeline.default(["segment", "tokens"])("سقط صاروخ بثمانية جنود.\nوأصيب جندي")
    assert [(s.start, s.paragraph) for s in doc.sentences] == [(0, 0), (24, 1)]
    t = doc.tokens[2]
    assert doc.norm.text[t.prefix_end:t.end] == "ثمانيه" and t.sentence == 0
    assert doc.tokens[-1].sentence == 1


def test_text_stages_pickle() -> None:
    import pickle

    p = pickle.loads(pickle.dumps(Pipeline.default(["segment", "numbers"])))
    doc = pickle.loads(pickle.dumps(p("قتل ثلاثة جنود. وأصيب اثنان")))
    assert [m.data["value"] for m in doc.mentions_of("number")] == [3, 2]
