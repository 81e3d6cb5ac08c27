"""Site chrome in extracted text: lines that are navigation, sharing, newsletters and link lists.

The phrases are data (`resources/ingest/boilerplate.tsv`): a short line that starts with one is
dropped (`هل أعجبك المحتوى`); a `section` phrase (`الأكثر قراءة`, `اقرأ أيضا`) also takes the
short headline lines under it. A menu line (`الرئيسية | سياسة | اقتصاد`) goes too. A long line is
the article's own, whatever it starts with.
"""

from __future__ import annotations

import functools

import regex

from marsad.resources import load
from marsad.text.normalize import fold

SHORT = 12  # words: a boilerplate line is short
_HEADLINE = 20  # words: a related-link line under a section heading
_SENTENCE_END = (".", "!", "؟", "?", ":", "…", '"', "»")
_MENU_SEP = regex.compile(r"\s[|•·/»]\s")
_LEAD = regex.compile(r"^[\s\p{P}\p{S}]+")  # bullets, pipes and quotes before a phrase


@functools.cache
def _phrases() -> tuple[tuple[str, str], ...]:
    return tuple((r["phrase"], r["kind"]) for r in load("ingest", "boilerplate"))


def strip_boilerplate(text: str) -> str:
    """The text without chrome lines; a section heading (`اقرأ أيضا`) takes its link list with it.

    >>> strip_boilerplate("قصف على القرية.\\nاقرأ أيضا\\nعنوان خبر آخر\\nهل أعجبك المحتوى؟")
    'قصف على القرية.'
    """
    out: list[str] = []
    in_section = False
    for line in text.split("\n"):
        kind = boilerplate_kind(line)
        if kind:
            in_section = kind == "section"
            continue
        if in_section and _is_headline(line):
            continue
        in_section = False
        out.append(line)
    return "\n".join(out).strip()


def boilerplate_kind(line: str) -> str | None:
    """`line` or `section` when a short line starts with a boilerplate phrase, else None."""
    folded = _LEAD.sub("", fold(line)).strip()
    items = [x for x in _MENU_SEP.split(folded) if x.strip()]
    if len(items) >= 3 and all(len(x.split()) <= 3 for x in items):
        return "line"  # a menu: `الرئيسية | سياسة | اقتصاد`
    if not folded or len(folded.split()) > SHORT:
        return None
    for phrase, kind in _phrases():
        if folded.startswith(phrase) and (len(folded) == len(phrase) or not folded[len(phrase)].isalpha()):
            return kind
    return None


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADLINE and not line.rstrip().endswith(_SENTENCE_END)
