"""Numbers in folded Arabic text: digits, number words, duals, vague amounts, ranges, qualifiers.

Each number found is a `Number` with `[start, end)` in the folded text and the data the event
extractor reads: `value` (the lower figure), `max` (the upper; == value when exact), `approx`
(True for vague words and for qualified figures: نحو، حوالي، أكثر من، على الأقل), `qualifier`
(about, more_than, at_least, less_than, up_to, or None), `dual`, `noun` (the word counted: the
singular for a dual, else the word right after the number when it can be a noun), `kind`
(digits, words, dual, range, vague) and `role` (count, year, time, date, percent, money, other).

Rules: compound words are read by Arabic grammar (`ثلاثة وعشرين` 23, `مئة وخمسين` 150, `خمسة
آلاف` 5000); two numbers are joined only as a range (`ما بين 7 إلى 10`, `7-10`, `7 او 8`,
`بين سبعة وعشرة`), never added (`قتل 3 وأصيب 4` is 3 and 4). Vague words give a floor and a
ceiling: عشرات 20-99, مئات 200-999, آلاف alone 2000-9999, عدة/بضع 3-9. The words, the duals
and the context cues are data: `number_words.tsv`, `countable_nouns.tsv`, `number_context.tsv`.

>>> [(n.value, n.max, n.role) for n in find_numbers("سقط ما بين 7 الي 10 صواريخ عام 2018")]
[(7, 10, 'count'), (2018, 2018, 'year')]
>>> [(n.value, n.kind, n.noun) for n in find_numbers("اطلق صاروخين وثلاثه وعشرين قذيفه")]
[(2, 'dual', 'صاروخ'), (23, 'words', 'قذيفه')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import regex

from marsad.resources import load
from marsad.text.matcher import LexiconMatcher
from marsad.text.number_cues import CueTable, adjacent, indefinite_after, strip_proclitics, words_after
from marsad.text.segment import Vocabulary, default_vocabulary

# ASCII digits only: normalization folds Arabic-Indic and Persian digits to them, and a digit of
# another script (Kawi, Tamil ...) is no figure of Arabic news (nor one float() can read).
_DIGITS = regex.compile(
    r"(?P<time>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
    r"|(?P<date>(?<![\d/.-])\d{1,4}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{1,4}(?![\d/.-])|(?<![\d/])\d{1,2}/\d{1,2}(?![\d/]))"
    r"|(?P<num>(?<![\d.,])\d+(?:[.,]\d+)*)",
    regex.ASCII,
)
_CLITIC_LETTERS = "وفبلك"
_QUALIFIERS = ("about", "more_than", "at_least", "less_than", "up_to")
_MULTIPLIERS = ("thousand", "million")
# ك before a number word is nearly always part of another word (كمية، كميات 'quantity'); a word
# that is also a common noun (ست، سبع) takes only a conjunction or ب (ولست is 'and I am not').
_SAFE_PREFIXES = frozenset({"", "و", "ف", "ب", "وب", "فب", "ل", "ول", "ال", "وال", "بال", "فال", "لل", "ولل"})
_NOUN_WORD_PREFIXES = frozenset({"", "و", "ف", "ب", "وب"})


@dataclass(slots=True)
class Number:
    """One number found in folded text (see the module docstring for the fields)."""

    start: int
    end: int
    value: int
    max: int
    kind: str
    approx: bool = False
    dual: bool = False
    noun: str | None = None
    role: str = "count"
    qualifier: str | None = None
    measure: str | None = None  # for role "other": duration, measure, label, decimal
    lead: int = -1  # where the first word begins, before its proclitics (بثمانية, و10)
    scale: int = 1  # the multiplier the phrase ends with (1000 for 4 آلاف), for ranges

    def __post_init__(self) -> None:
        if self.lead < 0:
            self.lead = self.start

    def data(self) -> dict[str, Any]:
        """The mention data the "numbers" stage stores."""
        d = {"value": self.value, "max": self.max, "approx": self.approx, "dual": self.dual,
             "noun": self.noun, "kind": self.kind, "role": self.role, "qualifier": self.qualifier}
        if self.measure:
            d["measure"] = self.measure
        return d


@dataclass(slots=True)
class _Elem:
    """One piece of a number: a digit run, a number word or a noun's dual."""

    start: int
    end: int
    word_start: int
    value: float
    kind: str  # digits, unit, teen_unit, ten, hundred, thousand, million, vague, fraction, dual
    prefix: str = ""
    plural: bool = False
    needs_noun: bool = False
    vmax: int = 0
    lemma: str | None = None
    cls: str | None = None


@dataclass(frozen=True)
class NumberLexicon:
    """The compiled number resources: one automaton for words and duals, and the cue table."""

    matcher: LexiconMatcher
    cues: CueTable
    vocabulary: Vocabulary = field(repr=False)


@functools.cache
def lexicon(lang: str = "ar") -> NumberLexicon:
    """Build (once per process) the automaton and the cue table from the resources."""
    words = load(lang, "number_words")
    word_keys = {r["surface"] for r in words}
    entries: list[tuple[str, tuple[str, dict[str, str]]]] = [(r["surface"], ("word", r)) for r in words]
    for r in load(lang, "countable_nouns"):
        entries += [(d, ("dual", r)) for d in r["dual"].split("|") if d]
    context = load(lang, "number_context")
    for r in context:
        # a cue holding a number word (في المئة, الاثنين) must win over that word: longest match
        if any(set(strip_proclitics(w)) & word_keys for w in r["surface"].split()):
            entries.append((r["surface"], ("block", r)))
    return NumberLexicon(LexiconMatcher(entries), CueTable(context), default_vocabulary())


def find_numbers(text: str, lex: NumberLexicon | None = None) -> list[Number]:
    """Every number in folded `text`, in order (linear: one regex pass, one automaton pass).

    >>> [(n.value, n.approx, n.qualifier) for n in find_numbers("قتل اكثر من 8 واصيب 4")]
    [(8, True, 'more_than'), (4, False, None)]
    """
    lex = lex or lexicon()
    fixed, elems = _elements(text, lex)
    nums = _phrases(text, elems, lex)
    nums = _ranges(text, nums, lex)
    for n in nums:
        _noun(text, n, lex)
        _role(text, n, lex)
        _qualify(text, n, lex)
    return sorted(fixed + nums, key=lambda n: n.start)


def _elements(text: str, lex: NumberLexicon) -> tuple[list[Number], list[_Elem]]:
    """Times and dates (final as they are) and the pieces numbers are built from."""
    fixed: list[Number] = []
    elems: list[_Elem] = []
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        if m.group("time"):
            h = int(m.group().split(":")[0])
            fixed.append(Number(s, e, h, h, "digits", role="time"))
        elif m.group("date"):
            v = int(regex.split(r"[/.-]", m.group())[0])
            fixed.append(Number(s, e, v, v, "digits", role="date"))
        else:
            value = _digit_value(m.group(), text, e)
            w = s
            while w > 0 and s - w < 2 and text[w - 1] in _CLITIC_LETTERS:
                w -= 1
            elems.append(_Elem(s, e, w, value, "digits", prefix=text[w:s]))
    for h in lex.matcher.find(text):
        what, row = h.payloads[0]
        prefix = text[h.word_start:h.start]
        if what == "word":
            needs = row.get("needs") == "noun"
            if prefix not in _SAFE_PREFIXES or needs and prefix not in _NOUN_WORD_PREFIXES:
                continue
            if row["kind"] in ("unit", "ten") and lex.cues.before(text, h.word_start, ("ordinal",)):
                continue  # التاسع عشر, الرابع والعشرين: an ordinal, not a number
            elems.append(_Elem(h.start, h.end, h.word_start, float(row["value"]), row["kind"], prefix,
                               row.get("plural") == "1", needs, int(row.get("max") or 0)))
        elif what == "dual":
            elems.append(_Elem(h.start, h.end, h.word_start, 2, "dual", prefix, lemma=row["surface"],
                               cls=row["class"]))
    elems.sort(key=lambda x: x.start)
    return fixed, elems


def _digit_value(raw: str, text: str, end: int) -> float:
    """`1,500` and `1.500.000` are thousands; `2.5` is a decimal; `1.500` before a multiplier too."""
    groups = regex.split(r"[.,]", raw)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and (
            "." not in raw or len(groups) > 2 or not _next_is_multiplier(text, end)):
        return float("".join(groups))
    if len(groups) == 2:
        return float(f"{groups[0]}.{groups[1]}")
    return float(f"{groups[0]}.{''.join(groups[1:])}")  # 1.867.5: an odd format, read as a decimal


def _next_is_multiplier(text: str, end: int) -> bool:
    nxt = text[end:end + 12].split()
    return bool(nxt) and nxt[0] in ("الف", "الاف", "مليون", "ملايين", "مليار")


def _phrases(text: str, elems: list[_Elem], lex: NumberLexicon) -> list[Number]:
    """Group adjacent pieces into numbers by the grammar of Arabic cardinals."""
    out: list[Number] = []
    i = 0
    while i < len(elems):
        num, i = _phrase(text, elems, i, lex)
        if num is not None:
            out.append(num)
    return out


def _phrase(text: str, elems: list[_Elem], i: int, lex: NumberLexicon) -> tuple[Number | None, int]:
    e0 = elems[i]
    if e0.kind == "dual":
        end = e0.end
        # صاروخين اثنين, طائرتين مسيرتين: the number word or an agreeing dual is the same two
        while i + 1 < len(elems) and adjacent(text, end, elems[i + 1].word_start) and not elems[i + 1].prefix \
                and (elems[i + 1].kind == "dual" or elems[i + 1].kind == "unit" and elems[i + 1].value == 2):
            end, i = elems[i + 1].end, i + 1
        return Number(e0.start, end, 2, 2, "dual", dual=True, noun=e0.lemma,
                      measure=e0.cls, lead=e0.word_start), i + 1
    nxt = elems[i + 1] if i + 1 < len(elems) else None
    joined = nxt is not None and adjacent(text, e0.end, nxt.word_start)
    if e0.kind in ("teen_unit", "fraction") and not (
            joined and not nxt.prefix and (nxt.kind in _MULTIPLIERS or nxt.value == 10)):
        return None, i + 1
    st = _State(e0)
    last = e0
    k = i + 1
    while k < len(elems) and adjacent(text, last.end, elems[k].word_start) and st.take(elems[k]):
        last = elems[k]
        k += 1
    if k == i + 1 and e0.needs_noun and not indefinite_after(text, e0.end, lex.cues):
        return None, k
    if e0.kind == "teen_unit" and k == i + 1:
        return None, k
    value, vmax = st.result()
    kind = "digits" if e0.kind == "digits" else ("vague" if st.vague else "words")
    num = Number(e0.start, last.end, value, vmax, kind, approx=st.vague, lead=e0.word_start,
                 scale=int(last.value) if last is not e0 and last.kind in _MULTIPLIERS else 1)
    if st.decimal and st.last == "digits":  # 2.5 with no multiplier is a measure, not a count
        num.measure = "decimal"
    return num, k


class _State:
    """The running value of a cardinal phrase: `total` holds the thousands and millions read,
    `cur` the part below them; `last` the kind of the last piece taken."""

    def __init__(self, e0: _Elem) -> None:
        self.total = 0.0
        self.cur = e0.value
        self.last = e0.kind
        self.vague = e0.kind == "vague"
        self.vmax = float(e0.vmax or e0.value)
        self.decimal = e0.kind == "digits" and e0.value != int(e0.value)
        if e0.kind in _MULTIPLIERS:
            self.total, self.cur = e0.value, 0.0
            if e0.plural:  # آلاف alone: several thousands
                self.vague, self.total, self.vmax = True, 2 * e0.value, 10 * e0.value - 1

    def take(self, e: _Elem) -> bool:
        """Take the next adjacent piece if the grammar allows it; False ends the phrase."""
        low = self.cur % 100
        if e.kind in _MULTIPLIERS and (e.prefix == "" or (e.prefix == "ال" and self.vague)):
            if self.cur == 0 and not self.vague:
                return False
            seg = self.cur or 1
            if self.vague:  # عشرات الآلاف: floor and ceiling both scale
                self.vmax *= e.value
            self.total += seg * e.value
            self.cur = 0.0
        elif e.kind == "digits" and e.prefix == "و" and self.last in _MULTIPLIERS and self.cur == 0 \
                and e.value < self.total:
            self.cur = e.value  # 240 ألفا و381: the digits after a thousand are part of it
        elif self.last == "digits" or self.vague:
            return False
        elif e.prefix == "":
            if e.kind == "unit" and e.value == 10 and self.last in ("unit", "teen_unit") and 1 <= low <= 9:
                self.cur += 10  # أربعة عشر
            elif e.kind == "hundred" and e.value == 100 and self.last == "unit" and 3 <= low <= 9:
                self.cur = self.cur - low + low * 100  # ثلاث مئة
            else:
                return False
        elif e.prefix == "و":
            if e.kind == "ten" and self.last == "unit" and low < 10:
                self.cur += e.value  # ثلاثة وعشرين
            elif e.kind in ("unit", "ten") and self.last in ("hundred", *_MULTIPLIERS):
                self.cur += e.value  # مئة وخمسين
            elif e.kind == "hundred" and self.last in _MULTIPLIERS:
                self.cur += e.value  # ألف وخمسمئة
            else:
                return False
        else:
            return False
        self.last = e.kind
        return True

    def result(self) -> tuple[int, int]:
        value = round(self.total + self.cur)
        if not self.vague:
            return value, value
        return value, max(value, round(self.vmax))


def _ranges(text: str, nums: list[Number], lex: NumberLexicon) -> list[Number]:
    """Join `a JOIN b` into one range when b is the larger: 7-10, 7 او 8, (ما) بين 7 و10, من 7 الى 10."""
    out: list[Number] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        b = nums[i + 1] if i + 1 < len(nums) else None
        if b is not None and not a.dual and not b.dual and a.kind != "vague" and b.kind != "vague" \
                and a.value < b.value and "\n" not in text[a.end:b.start]:
            join = text[a.end:b.start].strip()
            opener = lex.cues.before(text, a.lead, ("range_open",))
            open_word = text[opener[1]:a.lead].split()[-1] if opener else ""
            ok = join in ("-", "او", "الي") or (join == "و" and open_word == "بين") or \
                (join == "حتي" and open_word == "من")
            if ok and lex.cues.of([join], ("range_join",), ("between",)):
                start = opener[1] if opener else a.start
                low = a.value
                if a.scale == 1 and b.scale > 1 and a.value * b.scale < b.value:
                    low = a.value * b.scale  # من 3 إلى 4 آلاف: 3000 to 4000
                out.append(Number(start, b.end, low, b.max, "range", approx=a.approx or b.approx,
                                  lead=opener[1] if opener else a.lead))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _qualify(text: str, n: Number, lex: NumberLexicon) -> None:
    """نحو 10, أكثر من 8, 8 على الأقل: extend the span over the qualifier and flag the figure."""
    if n.role in ("year", "date", "time"):
        return  # حتى 2022 is a year, not 'up to 2022'
    before = lex.cues.before(text, n.lead, _QUALIFIERS)
    if before:
        n.qualifier, n.start, n.lead = before[0], before[1], before[1]
    else:
        after = lex.cues.after(text, n.end, ("about", "at_least"))
        if after:
            n.qualifier, n.end = after[0], after[1]
        elif (after := lex.cues.after(text, n.end, ("about", "at_least"), skip=1)) is not None:
            n.qualifier = after[0]  # 8 أشخاص على الأقل: the span stays on the figure
    if n.qualifier:
        n.approx = True


def _noun(text: str, n: Number, lex: NumberLexicon) -> None:
    """The word right after a number when it can be the noun counted (`14 صاروخا`)."""
    if n.dual:
        return
    ws = words_after(text, n.end)[:1]
    if not ws or not adjacent(text, n.end, ws[0][0]):
        return
    w = ws[0][2]
    if len(w) < 2 or not w.isalpha():
        return
    if lex.cues.of([w], ("function", "month", "percent", "money", "year", "time"), ("after", "any")):
        return
    if w[0] in "وف" and not lex.vocabulary(w):  # و/ف start a new clause: قتل 3 وأصيب 4
        return
    n.noun = w


_NOT_COUNT = ("percent", "money", "measure", "duration", "month", "time", "year", "date_link")


def _role(text: str, n: Number, lex: NumberLexicon) -> None:
    """Mark numbers that are not counts: years, times, dates, percentages, money, measures, labels."""
    if n.dual:
        if n.measure in ("time", "other"):
            n.role, n.measure = "other", "duration" if n.measure == "time" else None
        else:
            n.measure = None
        return
    if n.measure == "decimal":
        n.role = "other"
    s = n.start
    if s > 0 and (text[s - 1].isascii() and text[s - 1].isalpha() or
                  text[s - 1] == "-" and s > 1 and text[s - 2].isalpha()):
        n.role, n.measure = "other", "label"  # m4, F-16, كا-52
        return
    before = lex.cues.before(text, n.lead, ("label", "percent", "money", "time", "year", "month"))
    cue_b = before[0] if before else None
    if cue_b == "label":
        n.role, n.measure = "other", "label"
        return
    after = lex.cues.after(text, n.end, _NOT_COUNT)
    cue_a = after[0] if after else None
    if cue_a == "date_link":  # 27 من (شهر) يونيو
        nxt = lex.cues.after(text, n.end, ("month",), skip=1) or lex.cues.after(text, n.end, ("month",), skip=2)
        cue_a = "month" if nxt else None
    plausible_year = 1900 <= n.value <= 2100 or 1300 <= n.value <= 1500
    if cue_a in ("percent", "money") or cue_b in ("percent", "money"):
        n.role = cue_a or cue_b
    elif cue_a in ("measure", "duration"):
        n.role, n.measure = "other", cue_a
    elif cue_a == "month" and 1 <= n.value <= 31:
        n.role = "date"
    elif (cue_a == "time" or cue_b == "time") and n.value <= 24:
        n.role = "time"
    elif plausible_year and (cue_b in ("month", "year") or cue_a == "year"):
        n.role = "year"
    elif n.kind == "digits" and 1900 <= n.value <= 2100 and n.noun is None and not n.qualifier:
        n.role = "year"  # a bare 2018 with no noun counted is a year
    elif n.kind == "digits" and n.value >= 10_000_000 and not n.noun:
        n.role = "other"  # phone numbers, ids
