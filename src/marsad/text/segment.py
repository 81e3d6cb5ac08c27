"""Sentences and tokens of Arabic news, on the folded text.

Sentences end at `.` `؟` `?` `!` `؛` `;` `…` and at line breaks, never at a comma, a decimal
point (`2.5`), the dot of an abbreviation (`أ.ف.ب`, `د. علي`, `U.S.`, `alarabiya.net`), or inside
a quotation that closes later on the same line (a mark just before the closing quote ends the
sentence after the quote). A line without final punctuation (a headline) is a sentence of its
own. Tokens are words, numbers and punctuation marks with their offsets; a word's proclitics
(و ف ب ك ل س ال لل) are marked off only where the rest is a known word.

>>> t = "قتل 2.5 شخص. وأصيب آخرون؛ ثم\\nانتهى"
>>> [t[s:e] for s, e in sentence_spans(t)]
['قتل 2.5 شخص', 'وأصيب آخرون', 'ثم', 'انتهى']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

import regex

from marsad.document import Sentence, Token

# A dot between two digits is a decimal point, not a boundary; other marks always are.
_BOUNDARY = regex.compile(r"(?<!\d)\.|\.(?!\d)|[؟?!؛;…]+|\n+")
# stdlib re is faster here than `regex`; [^\W_] is a letter or a digit
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+|\S")
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]", regex.V1)
_CLOSERS = frozenset("\"')]}»")

# Proclitic chains, longest first: conjunction, then preposition or future marker, then article.
CLITIC_CHAINS: tuple[str, ...] = tuple(sorted(
    {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل", "س") for a in ("", "ال")
     if not (p == "س" and a)} - {""} | {"لل", "ولل", "فلل"},
    key=lambda x: (-len(x), x)))
_CHAIN_SET = frozenset(CLITIC_CHAINS)
_CHAIN_MAX = max(map(len, CLITIC_CHAINS))
_CLITIC_START = frozenset(c[0] for c in CLITIC_CHAINS)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """`[start, end)` of each sentence, without the end mark, trimmed of spaces.

    >>> t = 'قال: "لن نسكت." ثم غادر'
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['قال: "لن نسكت."', 'ثم غادر']
    """
    pos = 0
    quotes = _Quotes(text)
    for m in _BOUNDARY.finditer(text):
        s, e = m.span()
        mark = m.group()
        if "\n" in mark:
            quotes.new_line(e)
        elif mark == "." and _abbreviation(text, s):
            continue
        elif quotes.inside(s):
            close = _closing_quote_after(text, e)
            if close < 0:
                continue
            # `."` ends the sentence after the quote: keep the quote in the sentence
            yield from _trimmed(text, pos, close + 1)
            pos = close + 1
            continue
        if s >= pos:
            yield from _trimmed(text, pos, s)
            pos = e
    yield from _trimmed(text, pos, len(text))


class _Quotes:
    """Whether a position is inside a quotation, counted from the start of its line (a quote
    opened in an earlier paragraph has closed by the next line as far as splitting goes); a
    quote followed by a space or a mark is a closing one, whatever the count says. The count
    moves forward only, so the whole text is scanned once."""

    MAX_QUOTE = 400  # a 'quotation' longer than this is an unpaired mark, not a quote

    def __init__(self, text: str) -> None:
        self.text = text
        self.counted_to = 0
        self.odd = False
        self.opened = -1

    def new_line(self, at: int) -> None:
        self.counted_to, self.odd = at, False

    def inside(self, i: int) -> bool:
        """Inside a quotation opened on this line that closes later on the same line."""
        n = self.text.count('"', self.counted_to, i)
        if n:
            if not self.odd or n > 1:
                self.opened = self.text.rfind('"', self.counted_to, i)
            self.odd ^= n % 2 == 1
            nxt = self.text[self.opened + 1:self.opened + 2]
            if self.odd and not nxt.isalnum():
                self.odd = False  # `النهاية".`: a quote before a space or a mark closes one
        self.counted_to = max(self.counted_to, i)
        if not self.odd:
            return False
        line_end = self.text.find("\n", i)
        close = self.text.find('"', i, line_end if line_end >= 0 else len(self.text))
        return close >= 0 and close - self.opened <= self.MAX_QUOTE


def _closing_quote_after(text: str, i: int) -> int:
    """The closing quote right after an end mark (only marks and spaces between), else -1."""
    j = i
    while j < len(text) and (text[j] in " .؟?!؛;…" or text[j] in _CLOSERS and text[j] != '"'):
        j += 1
    return j if j < len(text) and text[j] == '"' else -1


def _abbreviation(text: str, i: int) -> bool:
    """A dot after a one-letter word (`أ.ف.ب`, `د.`, `U.S.`) or between two Latin letters
    (`alarabiya.net`) does not end a sentence."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
        return True
    if not before or not before.isalpha():
        return False
    return i < 2 or not _WORD_CHAR.match(text[i - 2])


def _trimmed(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


def sentences(text: str) -> list[Sentence]:
    """Sentences with their paragraph (paragraphs are separated by line breaks).

    >>> [(s.start, s.paragraph) for s in sentences("عنوان\\nجملة. وأخرى")]
    [(0, 0), (6, 1), (12, 1)]
    """
    out: list[Sentence] = []
    para = 0
    last_end = 0
    for s, e in sentence_spans(text):
        if out and "\n" in text[last_end:s]:
            para += 1
        out.append(Sentence(s, e, para))
        last_end = e
    return out


class Vocabulary:
    """Known words for proclitic splitting: exact words, plus stems (`استهدف*`) that a word
    may continue. Call it with a folded word.

    >>> v = Vocabulary(["صواريخ", "استهدف*"])
    >>> v("صواريخ"), v("استهدفت"), v("صاروخ")
    (True, True, False)
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words: set[str] = set()
        self.stems: set[str] = set()
        self._stem_lengths: tuple[int, ...] = ()
        self._memo: dict[str, bool] = {}  # news repeats its words: answer each once
        self._cuts: dict[str, int] = {}
        self.add(words)

    def add(self, words: Iterable[str]) -> Vocabulary:
        """Add folded words (a multi-word entry adds each of its words)."""
        for entry in words:
            stem = entry.endswith("*")
            parts = entry.rstrip("*").split()
            for k, w in enumerate(parts):
                (self.stems if stem and k == len(parts) - 1 else self.words).add(w)
        self._stem_lengths = tuple(sorted({len(x) for x in self.stems}))
        self._memo.clear()
        self._cuts.clear()
        return self

    def proclitic_length(self, word: str) -> int:
        """How many leading characters of `word` are a proclitic chain before a known word.

        >>> Vocabulary(["صواريخ"]).proclitic_length("بالصواريخ")
        3
        """
        cut = self._cuts.get(word)
        if cut is None:
            cut = _split(word, self) if len(word) > 2 and word[0] in _CLITIC_START else 0
            if len(self._cuts) > 200_000:
                self._cuts.clear()
            self._cuts[word] = cut
        return cut

    def __call__(self, word: str) -> bool:
        hit = self._memo.get(word)
        if hit is None:
            hit = word in self.words or word.isdigit() or any(
                word[:n] in self.stems for n in self._stem_lengths if n < len(word))
            if len(self._memo) > 200_000:
                self._memo.clear()
            self._memo[word] = hit
        return hit


# The resources whose key column feeds the default vocabulary (the text layer's own; the segment
# stage adds the extraction lexicons, and anyone may pass a bigger Vocabulary).
DEFAULT_VOCABULARY = ("number_words", "countable_nouns")
EXTRACTION_VOCABULARY = (*DEFAULT_VOCABULARY, "triggers", "weapons", "casualty_words")


@functools.cache
def default_vocabulary(names: tuple[str, ...] = DEFAULT_VOCABULARY, lang: str = "ar") -> Vocabulary:
    """A Vocabulary from the key column of each named resource that exists in the manifest."""
    from marsad.resources import load, manifest

    vocab = Vocabulary()
    specs = manifest(lang)["resources"]
    for name in names:
        spec = specs.get(name)
        if spec and spec.get("key"):
            vocab.add(row[spec["key"]] for row in load(lang, name))
            if name == "countable_nouns":  # their duals are words too
                vocab.add(d for row in load(lang, name) for d in row.get("dual", "").split("|") if d)
    return vocab


def tokens(text: str, known: Callable[[str], bool] | None = None) -> list[Token]:
    """Tokens with offsets; `known(rest)` decides whether a proclitic chain may be split off
    (a chain before a digit always is: `ب14`).

    >>> t = "والصواريخ بثمانية"
    >>> [t[k.prefix_end:k.end] for k in tokens(t, Vocabulary(["صواريخ", "ثمانيه", "ثمانية"]))]
    ['صواريخ', 'ثمانية']
    """
    if known is None:
        return [Token(s, e, s) for s, e in (m.span() for m in _TOKEN.finditer(text))]
    if isinstance(known, Vocabulary):
        cut, seen = known.proclitic_length, known._cuts
    else:
        def cut(word: str) -> int:
            return _split(word, known) if len(word) > 2 and word[0] in _CLITIC_START else 0
        seen = {}
    out = []
    append = out.append
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = m.group()
        c = seen.get(word)  # the vocabulary's memo, read inline: this loop runs once per token
        append(Token(s, e, s + (cut(word) if c is None else c)))
    return out


def _split(word: str, known: Callable[[str], bool]) -> int:
    """The length of the longest proclitic chain whose rest is a known word (0 if none)."""
    for n in range(min(_CHAIN_MAX, len(word) - 2), 0, -1):
        chain = word[:n]
        if chain not in _CHAIN_SET:
            continue
        rest = word[n:]
        if rest[0].isdigit() or known(rest) or (chain[-1] == "ل" and known("ال" + rest)):
            return n
    return 0


def assign_sentences(toks: list[Token], sents: list[Sentence]) -> None:
    """Set each token's sentence index in one merge pass (both lists are in text order)."""
    k = 0
    for t in toks:
        while k < len(sents) and sents[k].end <= t.start:
            k += 1
        t.sentence = k if k < len(sents) and sents[k].start <= t.start else -1
