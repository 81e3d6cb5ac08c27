"""The clitic-aware lexicon matcher, on sentences written for these tests."""

from marsad.text.matcher import LexiconMatcher
from marsad.text.normalize import fold


def keys(matcher: LexiconMatcher, text: str) -> list[str]:
    return [h.key for h in matcher.find(fold(text))]


M = LexiconMatcher([
    ("صواريخ", "rocket"), ("التحالف", "coalition"), ("استهدف*", "target"),
    ("عبوه ناسفه", "ied"), ("عبوه", "ied-short"), ("قتل", "kill"),
])


def test_proclitic_chains_are_accepted():
    assert keys(M, "والصواريخ") == ["صواريخ"]
    assert keys(M, "بالصواريخ") == ["صواريخ"]
    assert keys(M, "فبالصواريخ") == ["صواريخ"]
    assert keys(M, "وقتل جندي") == ["قتل"]


def test_lam_elided_article_after_li():
    assert keys(M, "قاعدة تابعة للتحالف") == ["التحالف"]
    assert keys(M, "وللتحالف قواعد") == ["التحالف"]


def test_word_must_end_unless_stem():
    assert keys(M, "صواريخهم") == []          # a suffix the lexicon did not list
    assert keys(M, "استهدفتها طائرة") == ["استهدف*"]
    assert keys(M, "مقتل جندي") == []          # م is no proclitic: مقتل is not قتل


def test_longest_entry_wins():
    hits = M.find(fold("انفجرت عبوة ناسفة"))
    assert [h.key for h in hits] == ["عبوه ناسفه"]


def test_no_match_inside_a_word():
    assert keys(M, "الصاروخيون") == []
    assert keys(M, "كتائب") == []


def test_spans_are_on_the_folded_text():
    text = fold("أطلقت الصواريخ")
    (hit,) = M.find(text)
    assert text[hit.start:hit.end] == "صواريخ"
    assert text[hit.word_start:hit.end] == "الصواريخ"
    assert hit.prefix_len == 2


def test_a_row_of_its_own_beats_another_rows_generated_variant():
    # `قتلا` is the accusative of `قتل` and also a dual verb with a row of its own
    for rows in ([("قتل", "verb"), ("قتلا", "dual")], [("قتلا", "dual"), ("قتل", "verb")]):
        m = LexiconMatcher(rows, tanween=True)
        assert [h.payloads for h in m.find(fold("جنديان قتلا في القصف"))] == [("dual",)]
    assert [h.payloads for h in LexiconMatcher([("قتل", "verb")], tanween=True).find("قتلا")] == [("verb",)]
