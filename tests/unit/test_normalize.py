"""Normalization: the folded matching form and its map back to the original (sentences written here)."""

from __future__ import annotations

import pytest

from marsad.text.normalize import fold, normalize

FOLDS = [
    # diacritics and tatweel
    ("قُتِلَ جُنْدِيٌّ", "قتل جندي"),
    ("صـــاروخ", "صاروخ"),
    ("مُسَيَّرَةٌ", "مسيره"),
    ("القُرْآنُ", "القران"),
    # hashtags: the sign goes, an underscore is a space, a hashtag without one stays one word
    ("#دير_الزور", "دير الزور"),
    ("#ديرالزور", "ديرالزور"),
    ("قصف على #ريف_حلب_الشمالي", "قصف علي ريف حلب الشمالي"),
    ("العدد # 5", "العدد # 5"),
    # digits in every script
    ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
    ("قتل ١٤ وأصيب ۷", "قتل 14 واصيب 7"),
    ("٢٫٥ كم", "2.5 كم"),
    ("١٬٥٠٠ نازح", "1,500 نازح"),
    # quotation marks and other punctuation
    ("قال “لن نسكت”", 'قال "لن نسكت"'),
    ("قال «لن نسكت»", 'قال "لن نسكت"'),
    ("قال ‘نعم’", "قال 'نعم'"),
    ("٤٠٪", "40%"),
    ("2018–2019", "2018-2019"),
    # alef, hamza, ya, ta marbuta
    ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),
    ("مستشفى على", "مستشفي علي"),
    ("طائرة مسؤول", "طايره مسوول"),
    ("قذيفة", "قذيفه"),
    ("کتاب یوم", "كتاب يوم"),
    # zero-width and bidi controls, BOM
    ("قص\u200bف", "قصف"),
    ("قص\u200cف", "قصف"),
    ("\u200fقصف\u200e", "قصف"),
    ("\u202bقصف\u202c", "قصف"),
    ("\u2067قصف\u2069", "قصف"),
    ("\ufeffقصف", "قصف"),
    ("قصف\u061c", "قصف"),
    # presentation forms and full-width Latin
    ("ﺍﻟﺴﻼﻡ", "السلام"),
    ("ﻻ", "لا"),
    ("ＵＮ", "un"),
    # whitespace and case
    ("قصف\t\tعنيف", "قصف عنيف"),
    ("قصف\u00a0عنيف", "قصف عنيف"),
    ("قصف    عنيف", "قصف عنيف"),
    ("سطر\r\nسطر", "سطر\nسطر"),
    ("سطر\rسطر", "سطر\nسطر"),
    ("سطر\n   سطر", "سطر\nسطر"),
    ("ISIS و SDF", "isis و sdf"),
    ("قص \u200b ف", "قص ف"),
]


@pytest.mark.parametrize(("raw", "folded"), FOLDS, ids=[repr(r)[:30] for r, _ in FOLDS])
def test_fold(raw: str, folded: str) -> None:
    assert normalize(raw).text == folded


def test_fold_strips_the_ends() -> None:
    assert fold("  قصفٌ  ") == "قصف"


SPANS = [
    # (original, folded substring, its original text)
    ("قُتِلَ أربعةٌ في #دير_الزور", "اربعه", "أربعةٌ"),
    ("قُتِلَ أربعةٌ في #دير_الزور", "دير الزور", "دير_الزور"),
    ("قُتِلَ أربعةٌ في #دير_الزور", "قتل", "قُتِلَ"),
    ("سقط صـــاروخ", "صاروخ", "صـــاروخ"),
    ("رفع ﻻفتة", "لافته", "ﻻفتة"),
    ("قتل ١٤ شخصا", "14", "١٤"),
    ("قال “كفى”", '"كفى"'.replace("ى", "ي"), "“كفى”"),
    ("قص\u200bف المدينة", "قصف", "قص\u200bف"),
    ("أول\r\nثاني", "ثاني", "ثاني"),
    ("A  B", "b", "B"),
]


@pytest.mark.parametrize(("raw", "part", "original"), SPANS, ids=[s[1] for s in SPANS])
def test_spans_map_back_to_the_original(raw: str, part: str, original: str) -> None:
    n = normalize(raw)
    s = n.text.index(part)
    assert n.original_slice(s, s + len(part)) == original


def test_empty_span_stays_empty() -> None:
    n = normalize("قُتِلَ جندي")
    s, e = n.original_span(3, 3)
    assert s == e


def test_end_of_text_maps_to_end_of_original() -> None:
    raw = "قصفٌ"
    n = normalize(raw)
    assert n.original_start(len(n.text)) == len(raw)
    assert n.original_span(0, len(n.text)) == (0, len(raw))


def test_untouched_text_is_an_identity_map() -> None:
    raw = "abc 123 قصف"
    n = normalize(raw)
    assert n.text == raw
    assert all(n.original_span(i, i + 1) == (i, i + 1) for i in range(len(raw)))


def test_empty_text() -> None:
    n = normalize("")
    assert n.text == "" and n.original_span(0, 0) == (0, 0)


def test_each_ligature_letter_maps_to_the_whole_ligature() -> None:
    n = normalize("ﻻ")
    assert n.original_slice(0, 1) == n.original_slice(1, 2) == "ﻻ"
