"""Duplicates: the same text twice, or the same wire story in two outlets, is linked to its first copy.

Exact copies are found by a hash of the folded words (diacritics, punctuation and spacing do not
count). Near copies by MinHash over word 4-gram shingles with LSH banding (pure Python: one
BLAKE2 hash per shingle, one-permutation hashing into 64 bins). A candidate is a duplicate
only when it holds little that its first copy does not (most of its shingles are in the first
copy) and it gives no number the first copy lacks: an article that adds a paragraph, or a
bulletin on the same template with other figures, is a new article, not a copy.

>>> index = DedupIndex()
>>> index.add("a", "قتل ثلاثة عناصر بقصف طائرة مسيرة على حاجز في الريف الشرقي صباح اليوم") is None
True
>>> index.add("b", "قُتل ثلاثة عناصر بقصف طائرة مسيّرة على حاجز في الريف الشرقي صباح اليوم.").first
'a'
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from marsad.ingest.article import Article
from marsad.text.normalize import fold

_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_NUMBER = regex.compile(r"\d+")
_MASK = (1 << 64) - 1
_EMPTY = 1 << 64  # above any bin value
_STEP = 0x9E3779B97F4A7C15  # offsets a borrowed value by its distance, so borrowing differs by place
SHINGLE = 4  # words per shingle


@dataclass(frozen=True, slots=True)
class Duplicate:
    """`first` is the id of the first copy; `kind` exact or near; `score` the share of this
    article's shingles found in the first copy (1.0 for exact copies)."""

    first: str
    kind: str
    score: float


@dataclass(slots=True)
class _Entry:
    id: str
    signature: array
    shingles: int
    numbers: frozenset[str]


@dataclass
class DedupIndex:
    """The articles seen so far in a run (or a store), and which new one copies which."""

    containment: float = 0.85  # share of the new article's shingles that must be in the first copy
    permutations: int = 64
    bands: int = 16
    _exact: dict[str, str] = field(default_factory=dict)
    _entries: list[_Entry] = field(default_factory=list)
    _buckets: dict[tuple[int, bytes], list[int]] = field(default_factory=dict)

    def add(self, id: str, text: str) -> Duplicate | None:
        """The first copy of `text` when it is a duplicate, else None (and `text` is indexed)."""
        tokens = _TOKEN.findall(fold(text))
        key = hashlib.sha256(" ".join(tokens).encode()).hexdigest()
        if key in self._exact:
            return Duplicate(self._exact[key], "exact", 1.0)
        self._exact[key] = id
        shingles = _shingles(tokens)
        if not shingles:
            return None
        entry = _Entry(id, self._signature(shingles), len(shingles), frozenset(_NUMBER.findall(" ".join(tokens))))
        found = self._near(entry)
        if found is None:
            self._insert(entry)
        return found

    def _signature(self, shingles: set[int]) -> array:
        """One-permutation MinHash: each shingle's hash falls in one of `permutations` bins, the
        bin keeps its least; an empty bin borrows from the next full one (rotation densification,
        Shrivastava & Li 2014), so short texts compare too. One pass, not one per permutation."""
        k = self.permutations
        bins = [_EMPTY] * k
        for x in shingles:
            b, v = x % k, x // k
            if v < bins[b]:
                bins[b] = v
        full = [i for i in range(k) if bins[i] != _EMPTY]
        for i in range(k):
            if bins[i] == _EMPTY:  # the nearest full bin to the right, circularly
                j = next((f for f in full if f > i), full[0])
                bins[i] = (bins[j] + ((j - i) % k) * _STEP) & _MASK
        return array("Q", bins)

    def _bands(self, sig: array) -> Iterator[tuple[int, bytes]]:
        rows = self.permutations // self.bands
        for b in range(self.bands):
            yield b, sig[b * rows:(b + 1) * rows].tobytes()

    def _near(self, new: _Entry) -> Duplicate | None:
        """The earliest indexed article that holds `new`: copies link to the first copy."""
        candidates = sorted({i for band in self._bands(new.signature) for i in self._buckets.get(band, ())})
        for i in candidates:
            old = self._entries[i]
            score = self._contained(new, old)
            if score >= self.containment and new.numbers <= old.numbers:
                return Duplicate(old.id, "near", round(score, 3))
        return None

    def _contained(self, new: _Entry, old: _Entry) -> float:
        """|new ∩ old| / |new|, from the MinHash estimate of Jaccard and the shingle counts."""
        same = sum(a == b for a, b in zip(new.signature, old.signature, strict=True))
        j = same / self.permutations
        inter = j * (new.shingles + old.shingles) / (1 + j)
        return min(1.0, inter / new.shingles)

    def _insert(self, entry: _Entry) -> None:
        self._entries.append(entry)
        for band in self._bands(entry.signature):
            self._buckets.setdefault(band, []).append(len(self._entries) - 1)


def _shingles(tokens: list[str]) -> set[int]:
    if not tokens:
        return set()
    n = min(SHINGLE, len(tokens))
    return {int.from_bytes(hashlib.blake2b(" ".join(tokens[i:i + n]).encode(), digest_size=8).digest(), "big")
            for i in range(len(tokens) - n + 1)}


def mark_duplicates(articles: Iterable[Article], index: DedupIndex | None = None) -> Iterator[Article]:
    """The articles, in order; a duplicate gets `meta["duplicate_of"]` (the first copy's id),
    `meta["duplicate_kind"]` and `meta["similarity"]`. Error records pass through untouched.

    >>> arts = [Article("a", "قصف مدفعي على القرية صباح اليوم"), Article("b", "قصف مدفعي على القرية صباح اليوم")]
    >>> [a.meta.get("duplicate_of") for a in mark_duplicates(arts)]
    [None, 'a']
    """
    index = index or DedupIndex()
    for art in articles:
        if art.ok:
            dup = index.add(art.id, art.text or "")
            if dup is not None:
                art.meta.update(duplicate_of=dup.first, duplicate_kind=dup.kind, similarity=dup.score)
        yield art
