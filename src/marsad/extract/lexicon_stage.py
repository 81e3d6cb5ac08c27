"""The "lexicon" stage: trigger, weapon, casualty and cue mentions, in one pass over the text."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document, Mention
from marsad.extract.assemble import could_make_event
from marsad.extract.lexicons import compiled
from marsad.pipeline import register

# the row column that is a mention's code, by kind
_CODE = {"trigger": "code", "weapon": "weapon", "casualty": "kind", "cue": "cue"}
_ORDER = {"trigger": 0, "weapon": 1, "casualty": 2, "cue": 3}


@dataclass
class LexiconStage:
    name: str = "lexicon"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:trigger", "mentions:weapon", "mentions:casualty", "mentions:cue")
    version: str = "lexicon.v1"

    def __call__(self, doc: Document) -> Document:
        text = doc.norm.text
        found = []
        for kind, row, hit in compiled().find(text):
            if row.get("code") == "BLOCK" or row.get("weapon") == "not_weapon":
                continue  # a longer phrase that only looks like a trigger or a weapon
            data = dict(row)
            data["definite"] = text[hit.word_start:hit.start].endswith(("ال", "لل")) or \
                text.startswith("ال", hit.start)
            found.append(Mention(kind, hit.start, hit.end, row[_CODE[kind]], data, doc.sentence_of(hit.start)))
        found.sort(key=lambda m: (_ORDER[m.kind], m.start))
        doc.mentions.extend(found)
        doc.quiet = not could_make_event(found)
        return doc


register("lexicon")(LexiconStage)
