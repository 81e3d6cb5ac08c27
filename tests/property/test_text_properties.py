"""Properties of the text layer on generated text: arbitrary Unicode and Arabic-heavy strings."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.pipeline import Pipeline
from marsad.text.normalize import fold, normalize
from marsad.text.numbers import find_numbers
from marsad.text.segment import sentence_spans, sentences, tokens

# Arabic letters and marks, presentation forms, digits of three scripts, the spaces, controls
# and punctuation the normalizer treats specially.
_ARABIC = (
    [chr(c) for c in range(0x0600, 0x0700)]
    + [chr(c) for c in range(0xFB50, 0xFB60)] + [chr(c) for c in range(0xFE70, 0xFEFF)]
    + list("0123456789۰۱۲۳۴۵۶۷۸۹#_ \t\n\r\u00a0\u200b\u200c\u200f\u202b\u2066\ufeff“”«».,؟!؛:-%٪")
    + list("aZ") + ["\uff21", "\ufdfa"]
)
arabic_text = st.text(alphabet=st.sampled_from(_ARABIC), max_size=80)
any_text = st.text(max_size=80)
texts = st.one_of(arabic_text, any_text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_normalize_is_idempotent(raw: str) -> None:
    once = normalize(raw).text
    assert normalize(once).text == once


@settings(max_examples=200, deadline=None)
@given(texts)
def test_fold_is_idempotent(raw: str) -> None:
    assert fold(fold(raw)) == fold(raw)


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_every_span_maps_inside_the_original(raw: str, data: st.DataObject) -> None:
    n = normalize(raw)
    i = data.draw(st.integers(0, len(n.text)))
    j = data.draw(st.integers(i, len(n.text)))
    s, e = n.original_span(i, j)
    assert 0 <= s <= e <= len(raw)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_span_starts_are_monotone(raw: str) -> None:
    n = normalize(raw)
    starts = [n.original_start(i) for i in range(len(n.text) + 1)]
    assert starts == sorted(starts)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_each_folded_character_comes_from_its_original_slice(raw: str) -> None:
    n = normalize(raw)
    for i, ch in enumerate(n.text):
        if not ch.isspace():
            assert ch in normalize(n.original_slice(i, i + 1)).text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_segmentation_never_fails_and_stays_in_bounds(raw: str) -> None:
    text = normalize(raw).text
    spans = list(sentence_spans(text))
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    paras = [s.paragraph for s in sentences(text)]
    assert paras == sorted(paras)
    toks = tokens(text, lambda w: len(w) > 2)
    assert all(t.start <= t.prefix_end <= t.end <= len(text) for t in toks)
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(texts)
def test_numbers_never_fail_and_are_well_formed(raw: str) -> None:
    text = normalize(raw).text
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert n.value <= n.max
        assert n.role in {"count", "year", "time", "date", "percent", "money", "other"}


@functools.cache
def _every_stage() -> Pipeline:
    return Pipeline.default(skip_quiet=False)


# digits of scripts other than Latin and Arabic (Kawi, Tamil, Devanagari, fullwidth): they are
# \d to a Unicode regex but no figure int() or float() can read
_OTHER_DIGITS = ["\U00011f50", "\U00011f52", "\u0be7", "\u0968", "\uff13"]
digit_heavy = st.text(alphabet=st.sampled_from(_ARABIC[:0x100] + _OTHER_DIGITS + list("/.-0123456789 ")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.one_of(digit_heavy, any_text))
def test_the_whole_pipeline_never_fails_on_odd_digits(raw: str) -> None:
    doc = _every_stage()("قتل جندي بقصف مدفعي " + raw, published="2020-08-01")
    for m in doc.mentions:
        assert 0 <= m.start <= m.end <= len(doc.norm.text)
