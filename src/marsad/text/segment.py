"""Sentences and tokens of Arabic news, on the folded text.

Sentences end at `.` `؟` `?` `!` `؛` `;` and at line breaks, never at a comma, a decimal point
(`2.5`), an abbreviation's dot between letters of one word, or inside a quotation that has not
closed on the same line. Tokens are words, numbers and punctuation marks with their offsets;
a word's proclitics (و ف ب ل ك ال لل) are marked off only where the rest is a known word.

>>> t = "قتل 2.5 شخص. وأصيب آخرون؛ ثم\\nانتهى"
>>> [t[s:e] for s, e in sentence_spans(t)]
['قتل 2.5 شخص', 'وأصيب آخرون', 'ثم', 'انتهى']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from marsad.document import Sentence, Token

# An end mark is a boundary unless it sits between two digits (2.5) or two Latin letters (U.S.).
_BOUNDARY = regex.compile(r"(?<!\d)[.](?!\d)|(?<=\d)[.](?!\d)|(?<!\d)[.](?=\d)|[؟?!؛;]+|\n+")
_TOKEN = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{N}]", regex.V1)
_CLITIC = regex.compile(r"^(?:[وف])?(?:[بكلس]?ال|لل|[بكلس])")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """`[start, end)` of each sentence, without the end mark, trimmed of spaces."""
    pos = 0
    for m in _BOUNDARY.finditer(text):
        s, e = m.span()
        mark = m.group()
        if mark == "." and _inside_initialism(text, s):
            continue
        if "\n" not in mark and _inside_quote(text, pos, s):
            continue
        yield from _trimmed(text, pos, s, text[pos:s])
        pos = e
    yield from _trimmed(text, pos, len(text), text[pos:])


def _inside_quote(text: str, start: int, i: int) -> bool:
    """A mark inside a quotation that closes later on the same line does not end a sentence."""
    if text.count('"', start, i) % 2 == 0:
        return False
    line_end = text.find("\n", i)
    return '"' in text[i:line_end if line_end >= 0 else len(text)]


def _inside_initialism(text: str, i: int) -> bool:
    """A dot between two single Latin letters (U.S.A) does not end a sentence."""
    return 0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isalpha() and \
        text[i + 1].isascii() and text[i + 1].isalpha()


def _trimmed(text: str, s: int, e: int, chunk: str) -> Iterator[tuple[int, int]]:
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    if e - trail > s + lead:
        yield s + lead, e - trail


def sentences(text: str) -> list[Sentence]:
    """Sentences with the paragraph each is in (a paragraph ends at a blank line or a break)."""
    out = []
    para = 0
    last_end = 0
    for s, e in sentence_spans(text):
        if "\n" in text[last_end:s] and out:
            para += 1
        out.append(Sentence(s, e, para))
        last_end = e
    return out


def tokens(text: str, known: Callable[[str], bool] | None = None) -> list[Token]:
    """Tokens with offsets; `known(rest)` decides whether a proclitic may be split off."""
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        prefix_end = s
        if known is not None and e - s > 2:
            c = _CLITIC.match(text, s, e)
            if c:
                # try the longest clitic chain first, then shorter ones
                for cut in range(c.end(), s, -1):
                    rest = text[cut:e]
                    if len(rest) >= 2 and (known(rest) or known("ال" + rest)):
                        prefix_end = cut
                        break
        out.append(Token(s, e, prefix_end))
    return out
