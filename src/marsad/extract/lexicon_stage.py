"""The "lexicon" stage: trigger, weapon, casualty and cue mentions, one automaton each."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document, Mention
from marsad.extract.lexicons import compiled
from marsad.pipeline import register

# matcher attribute -> (mention kind, the row column that is the mention's code)
_KINDS = (("triggers", "trigger", "code"), ("weapons", "weapon", "weapon"),
          ("casualties", "casualty", "kind"), ("cues", "cue", "cue"))


@dataclass
class LexiconStage:
    name: str = "lexicon"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("mentions:trigger", "mentions:weapon", "mentions:casualty", "mentions:cue")
    version: str = "lexicon.v1"

    def __call__(self, doc: Document) -> Document:
        lx = compiled()
        text = doc.norm.text
        for attr, kind, code_col in _KINDS:
            for hit in getattr(lx, attr).find(text):
                row = hit.payloads[0]
                if row.get("code") == "BLOCK" or row.get("weapon") == "not_weapon":
                    continue  # a longer phrase that only looks like a trigger or a weapon
                data = dict(row)
                data["definite"] = text[hit.word_start:hit.start].endswith(("ال", "لل")) or \
                    text.startswith("ال", hit.start)
                doc.mentions.append(Mention(kind, hit.start, hit.end, row[code_col], data,
                                            doc.sentence_of(hit.start)))
        return doc


register("lexicon")(LexiconStage)
