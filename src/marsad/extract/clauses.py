"""Clauses of a sentence and the distances that link an event's arguments to its trigger.

A clause ends at a clause-break cue (فيما، بينما، في حين، كما ...), a reply cue (ردا على), or a
comma followed by a conjunction (`، و`). Distances count words in the folded text, so they
do not depend on spelling or spacing.

>>> text = "قصفت المدفعية القرية، وسقطت قذائف على البلدة"
>>> clause_spans(text, 0, len(text), [])
[(0, 20), (20, 44)]
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from marsad.document import Mention

_COMMA_AND = regex.compile(r"[،,]\s*(?=و\w)")
_WORD = regex.compile(r"\w+")
BREAK_CUES = frozenset({"clause_break", "reply"})


def clause_spans(text: str, start: int, end: int, cues: Iterable[Mention]) -> list[tuple[int, int]]:
    """Split `text[start:end]` into clauses; a cue opens a new clause at the start of its word."""
    cuts = {start, end}
    for m in cues:
        # a cue opens its clause where its word begins (`للرد`: the cue is `رد`, the word `للرد`)
        at = word_start(text, m.start)
        if m.code in BREAK_CUES and start < at < end:
            cuts.add(at)
    for m in _COMMA_AND.finditer(text, start, end):
        cuts.add(m.start())
    points = sorted(cuts)
    return [(a, b) for a, b in zip(points, points[1:], strict=False) if text[a:b].strip(" ،,")]


def word_start(text: str, pos: int) -> int:
    """Where the word holding `pos` begins (a lexicon hit starts after its proclitics)."""
    while pos > 0 and text[pos - 1].isalnum():
        pos -= 1
    return pos


def words_between(text: str, a: int, b: int) -> int:
    """How many words lie in `text[a:b]` (0 when b <= a)."""
    if b <= a:
        return 0
    return len(_WORD.findall(text, a, b))


def inside(m: Mention, span: tuple[int, int]) -> bool:
    return span[0] <= m.start and m.end <= span[1]
