"""The text stages: sentences, tokens (on request) and numbers."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document, Mention
from marsad.pipeline import register
from marsad.text.numbers import find_numbers
from marsad.text.segment import EXTRACTION_VOCABULARY, assign_sentences, default_vocabulary, sentences, tokens


@dataclass
class SegmentStage:
    """Sentences (with their paragraphs)."""

    name: str = "segment"
    requires: tuple[str, ...] = ("norm",)
    assigns: tuple[str, ...] = ("sentences",)
    version: str = "segment.v2"

    def __call__(self, doc: Document) -> Document:
        doc.sentences = sentences(doc.norm.text)
        return doc


@dataclass
class TokensStage:
    """Tokens with offsets; proclitics are split off where the rest is a word of the number
    words, countable nouns, triggers, weapons or casualty words.

    Not in the default pipeline: every recognizer matches on the text with its own automaton,
    so no default stage reads tokens, and a Python pass over every token would cost a fifth of
    the run. Add it by name where tokens are wanted: `Pipeline.default([..., "tokens", ...])`.
    """

    name: str = "tokens"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("tokens",)
    version: str = "tokens.v1"

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokens(doc.norm.text, default_vocabulary(EXTRACTION_VOCABULARY))
        assign_sentences(doc.tokens, doc.sentences)
        return doc


@dataclass
class NumbersStage:
    """Number mentions: `Mention("number", start, end, code=role, data=Number.data())`.

    `code` is the number's role ("count", "year", "time", "date", "percent", "money", "other").
    """

    name: str = "numbers"
    event_bound: bool = True  # skipped where no trigger word was found
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:number",)
    version: str = "numbers.v1"

    def __call__(self, doc: Document) -> Document:
        for n in find_numbers(doc.norm.text):
            doc.mentions.append(Mention("number", n.start, n.end, n.role, n.data(), doc.sentence_of(n.start)))
        return doc


register("segment")(SegmentStage)
register("tokens")(TokensStage)
register("numbers")(NumbersStage)
