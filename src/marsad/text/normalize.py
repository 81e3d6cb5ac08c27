"""The matching form of Arabic text, with an offset map back to the original.

Matching happens on a folded form (no diacritics or tatweel, one alef, ي for ى, ه for ة,
ASCII digits, plain quotes, hashtags as words, single spaces); every span found there is
mapped back to the original text, which is never changed.

>>> n = normalize("قُتِلَ أربعةٌ في #دير_الزور")
>>> n.text
'قتل اربعه في دير الزور'
>>> s, e = n.text.index("دير"), len(n.text)
>>> n.original_slice(s, e)
'دير_الزور'
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field

import regex

# One-to-one folds keep the length, so they need no offset bookkeeping (str.translate is C).
_ONE_TO_ONE: dict[int, str] = {}
for _src, _dst in {
    "أإآٱٲٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ې": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۃ": "ه",
    "ھ": "ه",  # heh doachashmee
    "ک": "ك",  # keheh
    "٠١٢٣٤٥٦٧٨٩": "0123456789",
    "۰۱۲۳۴۵۶۷۸۹": "0123456789",
    "“”„‟«»″〃＂": '"',
    "‘’‚‛′`": "'",
    "٪": "%",
    "٫": ".",  # Arabic decimal separator: ٢٫٥
    "٬": ",",  # Arabic thousands separator: ١٬٥٠٠
    "_": " ",
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000": " ",
    "\u2028\u2029\u000b\u000c\u0085": "\n",
    "–—−‒―": "-",
}.items():
    if len(_dst) == 1:
        _dst = _dst * len(_src)
    for _a, _b in zip(_src, _dst, strict=True):
        _ONE_TO_ONE[ord(_a)] = _b
_ONE_TO_ONE.update({ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
# Code points to code points; the common characters map to themselves explicitly, because a hit
# in the table is cheaper for str.translate than a miss (measured: about twice as fast).
_TRANSLATE: dict[int, int] = {c: c for c in [*range(0x20, 0x7F), 0x0A, *range(0x0600, 0x0700)]}
_TRANSLATE.update({k: ord(v) for k, v in _ONE_TO_ONE.items()})

# Characters (or runs) that are dropped or expanded, so the length changes.
_DROP = (
    r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"  # diacritics, tatweel
    r"|[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\u00ad]"  # zero-width, bidi, BOM
    r"|\r(?=\n)"  # CR LF is one line break
    r"|\#(?=\w)"  # a hashtag's sign: #دير_الزور is a place name
    r"|(?<= ) +"  # runs of spaces become one space
    r"|(?<=[\n\r]) +"  # indentation after a line break
)
# the marks that belong to the letter before them, kept inside a span's end
_MARKS = regex.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]*")
_PRESENTATION = r"[\ufb50-\ufdff\ufe70-\ufefe\uff01-\uff5e]"
_EDITS = regex.compile(f"(?P<drop>{_DROP})|(?P<pres>{_PRESENTATION})|(?P<cr>\r)", regex.V1)


def _presentation(char: str) -> str:
    """An Arabic presentation form (or full-width Latin) in its plain letters, folded."""
    plain = unicodedata.normalize("NFKC", char)
    folded = plain.translate(_TRANSLATE)
    return "".join(c for c in folded if not _EDITS.fullmatch(c) or c == " ") or ""


@dataclass(slots=True, frozen=True)
class NormalizedText:
    """The folded text and its map back to the original.

    The map is a list of pieces: `norm_starts[i]` is where piece i starts in the folded text,
    `orig_starts[i]` where it starts in the original, and `identity[i]` says whether the piece is
    copied one character for one (then positions inside it map one to one) or is the expansion
    of one original run (then any position inside it maps to the whole run).
    """

    original: str
    text: str
    norm_starts: list[int] = field(repr=False)
    orig_starts: list[int] = field(repr=False)
    orig_ends: list[int] = field(repr=False)
    identity: list[bool] = field(repr=False)

    def _piece(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.norm_starts, pos) - 1)

    def original_start(self, pos: int) -> int:
        """Where the folded character at `pos` starts in the original text."""
        if not self.norm_starts:
            return 0
        if pos >= len(self.text):
            return len(self.original)
        i = self._piece(pos)
        if self.identity[i]:
            return self.orig_starts[i] + (pos - self.norm_starts[i])
        return self.orig_starts[i]

    def original_end(self, pos: int) -> int:
        """Where a folded span ending (exclusive) at `pos` ends in the original text; the
        diacritics and tatweel of its last letter are part of it (`ثلاثةُ`, not `ثلاثة`)."""
        if not self.norm_starts or pos <= 0:
            return 0
        i = self._piece(pos - 1)
        end = self.orig_starts[i] + (pos - self.norm_starts[i]) if self.identity[i] else self.orig_ends[i]
        return _MARKS.match(self.original, end).end() if end < len(self.original) else end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original `[start, end)` of a folded span (an empty span stays empty)."""
        s = self.original_start(start)
        if end <= start:
            return s, s
        return s, max(s, self.original_end(end))

    def original_slice(self, start: int, end: int) -> str:
        s, e = self.original_span(start, end)
        return self.original[s:e]


def normalize(original: str) -> NormalizedText:
    """Fold `original` for matching and keep the map back (linear in the text)."""
    translated = original.translate(_TRANSLATE)
    parts: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    identity: list[bool] = []
    out_len = 0
    pos = 0

    def add(piece: str, o_start: int, o_end: int, same: bool) -> None:
        nonlocal out_len
        if not piece:
            return
        parts.append(piece)
        norm_starts.append(out_len)
        orig_starts.append(o_start)
        orig_ends.append(o_end)
        identity.append(same)
        out_len += len(piece)

    expanded = False
    for m in _EDITS.finditer(translated):
        s, e = m.span()
        add(translated[pos:s], pos, s, True)
        if m.group("pres"):
            add(_presentation(m.group()), s, e, False)
            expanded = True
        elif m.group("cr"):
            add("\n", s, e, True)  # an old Mac line break
        pos = e
    add(translated[pos:], pos, len(translated), True)
    text = "".join(parts)
    if _needs_second_pass(text, expanded):
        # A presentation form can expand next to a space or a mark; fold once more so the
        # result is a fixed point (normalize(normalize(x).text).text == normalize(x).text).
        again = normalize(text)
        return _compose(original, again, norm_starts, orig_starts, orig_ends, identity)
    return NormalizedText(original, text, norm_starts, orig_starts, orig_ends, identity)


def _needs_second_pass(text: str, expanded: bool) -> bool:
    """Whether one pass left something to fold: only an expansion, or a drop that brought two
    spaces (or a line break and a space, or `#` and a letter) together, can do that."""
    if expanded:
        return bool(_EDITS.search(text)) or text.translate(_TRANSLATE) != text
    if "  " in text or "\n " in text or "#" in text:
        return bool(_EDITS.search(text))
    return False


def _compose(original: str, second: NormalizedText, n1: list[int], o1: list[int],
             e1: list[int], id1: list[bool]) -> NormalizedText:
    """Chain the second pass's map onto the first one's (rare: only after presentation forms)."""
    first = NormalizedText(original, "", n1, o1, e1, id1)
    object.__setattr__(first, "text", second.original)
    starts, ostarts, oends, ident = [], [], [], []
    for i, ns in enumerate(second.norm_starts):
        a, b = second.orig_starts[i], second.orig_ends[i]
        if second.identity[i]:
            # split the identity piece where the first map changes piece
            length = b - a
            k = 0
            while k < length:
                p = first._piece(a + k)
                piece_end = first.norm_starts[p + 1] if p + 1 < len(first.norm_starts) else len(second.original)
                run = min(length - k, piece_end - (a + k))
                starts.append(ns + k)
                ostarts.append(first.original_start(a + k))
                oends.append(first.original_end(a + k + run))
                ident.append(first.identity[p])
                k += run
        else:
            starts.append(ns)
            ostarts.append(first.original_start(a))
            oends.append(first.original_end(b))
            ident.append(False)
    return NormalizedText(original, second.text, starts, ostarts, oends, ident)


def fold(text: str) -> str:
    """Only the folded string: the form every lexicon entry is stored in."""
    return normalize(text).text.strip()
