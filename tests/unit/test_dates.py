"""The date stages: the expression table (tests/data/date_cases.tsv), the resource's schema,
false dates, spans into the original text, and which date an event gets."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Document, Event, Mention
from marsad.pipeline import Pipeline
from marsad.resolve import date_calendar as cal
from marsad.resolve.dates import ResolveDatesStage
from marsad.resources import load
from marsad.text.normalize import fold

CASES = Path(__file__).resolve().parents[1] / "data" / "date_cases.tsv"
PASS_RATE = 0.98
HIJRI_SLACK = 1  # the tabular calendar may fall a day from Umm al-Qura


@pytest.fixture(scope="module")
def find_dates() -> Pipeline:
    return Pipeline.default(["segment", "dates"])


def _cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _event(doc: Document, trigger: str, background: bool = False) -> Event:
    """A hand-built event on the first occurrence of `trigger`, its clause its sentence."""
    word = fold(trigger)
    s = doc.norm.text.find(word)
    assert s >= 0, f"trigger {trigger!r} not in the sentence"
    i = doc.sentence_of(s)
    sent = doc.sentences[i]
    return Event(trigger=Mention("trigger", s, s + len(word), "ATTACK", sentence=i), sentence=i,
                 event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 clause=(sent.start, sent.end), background=background)


def _resolve(find_dates: Pipeline, text: str, published: str | None, trigger: str,
             background: bool = False) -> Event:
    doc = find_dates(text.replace(" ¶ ", "\n"), published=published or None)
    ev = _event(doc, trigger, background)
    doc.events.append(ev)
    ResolveDatesStage()(doc)
    return ev


def _agrees(row: dict[str, str], ev: Event) -> bool:
    want = row["expected"] or None
    if want is None:
        return ev.date is None
    if ev.date is None or ev.time_precision != int(row["precision"]):
        return False
    slack = HIJRI_SLACK if "hijri" in row["note"].lower() else 0
    return abs((dt.date.fromisoformat(ev.date) - dt.date.fromisoformat(want)).days) <= slack


def test_case_table_passes(find_dates: Pipeline) -> None:
    rows = _cases()
    assert len(rows) >= 250
    failed = []
    for row in rows:
        ev = _resolve(find_dates, row["sentence"], row["published"], row["trigger"], row["background"] == "1")
        if not _agrees(row, ev):
            failed.append(f"{row['note']}: got {ev.date} p{ev.time_precision}, want {row['expected']} "
                          f"p{row['precision']} | {row['sentence']}")
    rate = 1 - len(failed) / len(rows)
    assert rate >= PASS_RATE, f"{rate:.3f} of {len(rows)}:\n" + "\n".join(failed)


def test_case_table_covers_every_kind() -> None:
    """The table is no pile of one pattern: each kind of expression has cases of its own."""
    notes = " ".join(r["note"].lower() for r in _cases())
    for word in ("yesterday", "weekday", "last week", "ago", "past", "maghrebi", "moroccan", "double",
                 "hijri", "numeric", "no publication date", "newspaper", "span", "lead", "background"):
        assert word in notes, word


def test_resource_has_every_month_weekday_and_hijri_month() -> None:
    rows = load("ar", "date_terms")
    by_kind: dict[str, set[str]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], set()).add(r["value"])
    assert by_kind["month"] == {str(i) for i in range(1, 13)}
    assert by_kind["hijri_month"] == {str(i) for i in range(1, 13)}
    assert by_kind["weekday"] == {str(i) for i in range(7)}
    # each Gregorian month has a Levantine and a Western name, at least
    counts = Counter(r["value"] for r in rows if r["kind"] == "month")
    assert min(counts.values()) >= 2


@pytest.mark.parametrize("levantine, western, maghrebi", [
    ("كانون الثاني", "يناير", "جانفي"), ("شباط", "فبراير", "فيفري"), ("نيسان", "أبريل", "أفريل"),
    ("حزيران", "يونيو", "جوان"), ("تموز", "يوليو", "جويلية"), ("آب", "أغسطس", "أوت"),
])
def test_three_naming_systems_agree(find_dates: Pipeline, levantine: str, western: str, maghrebi: str) -> None:
    days = set()
    for name in (levantine, western, maghrebi):
        doc = find_dates(f"جرى ذلك في 9 {name} 2020", published="2021-03-03")
        (m,) = doc.mentions_of("date")
        days.add(m.data["value"])
    assert len(days) == 1


def test_mention_spans_map_to_the_original_text(find_dates: Pipeline) -> None:
    text = "قُتِلَ جنديٌّ مساءَ أمسِ الإثنين، وسقطت قذيفة في ٢٧ من يونيو/حزيران الماضي"
    doc = find_dates(text, published="2021-07-07")
    got = [doc.original(m.start, m.end) for m in doc.mentions_of("date")]
    assert got == ["مساءَ أمسِ الإثنين", "٢٧ من يونيو/حزيران الماضي"]
    assert [m.sentence for m in doc.mentions_of("date")] == [0, 0]


def test_false_dates_are_not_mentions(find_dates: Pipeline) -> None:
    for text in ("نشرت صحيفة رأي اليوم تقريرا", "احتفل الناس باليوم الوطني", "اشترى الأب سيارة",
                 "مارس الوزير مهامه", "وصل الاثنان معا", "كان العدد صفر", "سيصل قبل يومين من الموعد"):
        doc = find_dates(text, published="2022-01-06")
        assert doc.mentions_of("date") == [], text


def test_month_word_inside_a_month_name_is_not_an_ordinal(find_dates: Pipeline) -> None:
    doc = find_dates("وقع ذلك في كانون الثاني الماضي", published="2022-03-10")
    (m,) = doc.mentions_of("date")
    assert (m.code, m.data["value"], m.data["precision"]) == ("month", "2022-01-15", 3)


def test_since_marks_a_span_not_a_day(find_dates: Pipeline) -> None:
    doc = find_dates("سجلت 43 هجمة منذ يناير، وتتواصل الغارات منذ أسبوع", published="2022-05-06")
    since, ago = doc.mentions_of("date")
    assert since.data["since"] is True and since.data["value"] == "2022-01-15"
    assert ago.data["since"] is False and ago.data["duration"] is True and ago.data["value"] == "2022-04-29"


def test_no_publication_date_leaves_relative_dates_unresolved(find_dates: Pipeline) -> None:
    doc = find_dates("قصفت الطائرات البلدة أمس، وفي 3 آذار 2020 قصفتها أيضا")
    rel, absolute = doc.mentions_of("date")
    assert rel.data["value"] is None and absolute.data["value"] == "2020-03-03"


def test_undated_event_gets_the_publication_week(find_dates: Pipeline) -> None:
    ev = _resolve(find_dates, "قصفت الطائرات البلدة", "2022-01-06", "قصفت")
    assert (ev.date, ev.time_precision) == ("2022-01-06", 2)
    assert "date" not in ev.links


def test_the_date_used_is_linked_as_evidence(find_dates: Pipeline) -> None:
    ev = _resolve(find_dates, "قصفت الطائرات البلدة فجر الثلاثاء", "2022-01-06", "قصفت")
    (m,) = ev.links["date"]
    assert ("date", m) in ev.evidence and m.code == "weekday"


def test_stages_keep_the_pipeline_contract() -> None:
    p = Pipeline.default(["segment", "dates"])
    assert p.stages[-1].requires == ("sentences",) and p.stages[-1].assigns == ("mentions:date",)
    assert ResolveDatesStage().requires == ("events", "mentions:date")


def test_calendar_helpers() -> None:
    assert cal.hijri_to_gregorian(1436, 10, 25) == dt.date(2015, 8, 10)
    assert cal.hijri_to_gregorian(1443, 13, 1) is None
    assert cal.make_date(2023, 2, 29) is None
    assert cal.last_weekday(dt.date(2023, 3, 1), 2, strict=True) == dt.date(2023, 2, 22)
    assert cal.next_weekday(dt.date(2022, 1, 6), 5) == dt.date(2022, 1, 8)
    assert cal.infer_year(dt.date(2022, 1, 6), 1, 20, None) == 2022


# Words that date expressions are made of, shuffled into nonsense: the grammar must never raise
# and every mention it gives must be well formed, whatever the order (31 شباط, 0/0/2020, منذ قبل).
_PIECES = ["أمس", "اليوم", "فجر", "مساء", "يوم", "الثلاثاء", "الاثنين", "الماضي", "المقبل", "الجاري",
           "هذا", "الأسبوع", "الشهر", "العام", "عام", "قبل", "منذ", "حتى", "خلال", "نحو", "ثلاثة", "يومين",
           "أيام", "ساعات", "الـ48", "ساعة", "مطلع", "أواخر", "الخامس", "من", "في", "كانون الثاني", "شباط",
           "آب", "تموز", "يونيو/حزيران", "جمادى الأولى", "رمضان", "1443", "2022", "1999", "0", "31", "29",
           "5/1/2022", "0/0/2020", "2022-13-40", "،", ".", "(", ")", "قصفت", "رأي", "الثاني"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14),
       st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))))
def test_any_mix_of_date_words_gives_well_formed_mentions(words: list[str], published: dt.date | None) -> None:
    doc = Pipeline.default(["segment", "dates"])(" ".join(words), published=published)
    for m in doc.mentions_of("date"):
        assert 0 <= m.start < m.end <= len(doc.norm.text)
        assert m.data["precision"] in (1, 2, 3)
        assert m.data["value"] is None or dt.date.fromisoformat(m.data["value"])
        if published is None and m.code in ("relative", "weekday", "range"):
            assert m.data["value"] is None
        s, e = doc.span(m.start, m.end)
        assert doc.text[s:e].strip() == doc.text[s:e] and e > s


def test_numeric_dates_with_a_hijri_year_are_converted():
    from marsad.pipeline import Pipeline

    doc = Pipeline.default(["segment", "dates"])("صدر البيان في 1436/10/25 هـ عن الوزارة.", published="2015-08-12")
    assert [m.data["value"] for m in doc.mentions if m.kind == "date"] == ["2015-08-10"]
