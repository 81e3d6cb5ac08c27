"""What makes a trigger no event (threats, plans, denials, negation, statistics), and how sure
the text is of one that is (certainty, attribution, background).

>>> from marsad.pipeline import Pipeline
>>> doc = Pipeline.default()("هددت الميليشيا بقصف القاعدة بالصواريخ", published="2023-01-01")
>>> doc.events
[]
"""

from __future__ import annotations

import datetime as dt

import regex

from marsad.document import Document, Event, Mention
from marsad.extract.clauses import word_start, words_between

# A past-perfect frame (وكان ... قد، وكانت) recalls an earlier incident.
_PLUPERFECT = regex.compile(r"\W*(?:و)?(?:كان|كانت)\b")
_PUNCT = regex.compile(r"[.،,؛:\"()]")
_ATTRIBUTION_REACH = 4  # words after an attribution cue that name the source
_NEXT_WORD = regex.compile(r"\s*(\w+)")


def is_not_event(text: str, triggers: list[Mention], clause: tuple[int, int],
                 sentence: tuple[int, int], cues: list[Mention], numbers: list[Mention]) -> bool:
    first = min(t.start for t in triggers)
    if any(c.code == "habitual" and clause[0] <= c.start < clause[1] for c in cues):
        return True  # "shelled several times lately": a series, not one incident
    for c in cues:
        if c.start >= first or c.start < sentence[0]:
            continue
        in_clause = c.start >= clause[0]
        gap = words_between(text, c.end, word_start(text, first))  # `ال` of the trigger is no word
        if c.code in ("threat", "future") and (in_clause or gap <= 6):
            return True
        if c.code == "denial" and in_clause:
            return True
        if c.code == "anniversary" and in_clause:
            return True
        if c.code == "negation" and in_clause and gap <= 2:
            return True
        if c.code == "irrealis" and gap <= 3:
            return True
    return is_statistic(text, triggers, cues, numbers, sentence)


def is_statistic(text: str, triggers: list[Mention], cues: list[Mention], numbers: list[Mention],
                 sentence: tuple[int, int]) -> bool:
    """A tally (`43 هجوما منذ ...`, `عدد الهجمات`, `في هجمات ... منذ التصعيد`) is no incident."""
    for t in triggers:  # `هذه الغارات`: the strikes told already, summed up
        if t.data.get("number") == "pl" and any(
                c.code == "demonstrative" and c.end <= t.start and words_between(text, c.end, word_start(text, t.start)) == 0
                for c in cues):
            return True
    for t in triggers:  # `عشرات الغارات`: dozens of incidents are a summary (`عدة غارات` may be one raid)
        if t.data.get("number") == "pl" and any(
                n.data.get("kind") == "vague" and int(n.data.get("value", 0)) >= 20
                and n.end <= t.start and words_between(text, n.end, t.start) == 0
                for n in numbers):
            return True
    stats = [c for c in cues if c.code == "statistic" and sentence[0] <= c.start < sentence[1]]
    if not stats:
        return False
    for t in triggers:
        if t.data.get("number") == "pl" and any(
                (c.start > t.start and words_between(text, t.end, c.start) <= 6) or
                (c.end <= t.start and words_between(text, c.end, t.start) <= 3) for c in stats):
            return True  # "in attacks ... since", "over two weeks of strikes"
        for n in numbers:  # `43 هجوما`, `عشرين عملية اغتيال`
            if n.end <= t.start and words_between(text, n.end, t.start) <= 1 and int(n.data.get("value", 0)) > 2 \
                    and n.data.get("role", "count") == "count" and t.code not in ("ARREST", "ABDUCT"):
                return True
        if any(0 <= t.start - c.end <= 2 for c in stats):
            return True
    return False


def annotate(doc: Document, ev: Event, clause_ms: list[Mention], sentence_ms: list[Mention]) -> None:
    """Certainty, attribution and background of an event from the cues of its sentence."""
    text = doc.norm.text
    cues = [m for m in sentence_ms if m.kind == "cue"]
    if any(c.code == "claim" for c in cues):
        ev.certainty = "claimed"
        ev.link("certainty", next(c for c in cues if c.code == "claim"))
    else:
        hedges = [c for c in cues if c.code == "hedge"
                  and (c.start < ev.trigger.start or (ev.clause[0] <= c.start < ev.clause[1]))]
        if hedges:
            ev.certainty = "hedged"
            ev.link("certainty", hedges[0])
    reach = -1
    for c in cues:
        if c.code == "attribution" and c.start >= reach:
            src = attribution_span(text, c)
            reach = src.end
            ev.attributed_to.append(src)
            ev.evidence.append(("source", src))
    sent = doc.sentences[ev.sentence]
    background = [c for c in clause_ms if c.kind == "cue" and (
        c.code == "background" or c.code == "past_role" and c.end <= ev.trigger.start)]
    if background or _PLUPERFECT.match(text, sent.start) and _old_date(doc, sentence_ms):
        ev.background = True
        if background:
            ev.link("background", background[0])


def attribution_span(text: str, cue: Mention) -> Mention:
    """The cue and the words after it up to punctuation (`بحسب ما أفاد مراسلنا`)."""
    end = cue.end
    pos = cue.end
    for _ in range(_ATTRIBUTION_REACH):
        m = _NEXT_WORD.match(text, pos)
        if not m or _PUNCT.search(text, pos, m.start(1)):
            break
        end = pos = m.end()
    return Mention("attribution", cue.start, end, "source", {"cue": cue.data.get("surface")}, cue.sentence)


def _old_date(doc: Document, ms: list[Mention]) -> bool:
    """Whether the sentence's date is well before publication (a recalled incident)."""
    if doc.published is None:
        return False
    for m in ms:
        if m.kind == "date" and m.data.get("value"):
            try:
                day = dt.date.fromisoformat(m.data["value"])
            except ValueError:
                continue
            if (doc.published - day).days > 7:
                return True
    return False
