"""The text stages: segmentation (sentences, tokens) and numbers."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document
from marsad.pipeline import register
from marsad.text.segment import sentences, tokens


@dataclass
class SegmentStage:
    name: str = "segment"
    requires: tuple[str, ...] = ("norm",)
    assigns: tuple[str, ...] = ("sentences", "tokens")
    version: str = "segment.v1"

    def __call__(self, doc: Document) -> Document:
        doc.sentences = sentences(doc.norm.text)
        doc.tokens = tokens(doc.norm.text)
        for t in doc.tokens:
            t.sentence = doc.sentence_of(t.start)
        return doc


register("segment")(SegmentStage)
