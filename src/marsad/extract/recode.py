"""The "recode" stage: ACLED types that depend on who the actors are, once they are resolved.

- Ground taken by state forces is `Government regains territory`; by anyone else,
  `Non-state actor overtakes territory` (the extractor's default).
- An `Attack` (violence against civilians) whose target is an armed actor is a battle:
  `Armed clash` (ACLED codes violence against armed personnel as battles).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document
from marsad.pipeline import register

STATE = 1
ARMED = frozenset({1, 2, 3, 4, 8})


@dataclass
class RecodeStage:
    name: str = "recode"
    requires: tuple[str, ...] = ("events", "events:actors")
    assigns: tuple[str, ...] = ("events:recoded",)
    version: str = "recode.v1"

    def __call__(self, doc: Document) -> Document:
        for ev in doc.events:
            inter1 = (ev.actor1 or {}).get("inter")
            inter2 = (ev.actor2 or {}).get("inter")
            if ev.sub_event_type == "Non-state actor overtakes territory" and inter1 == STATE:
                ev.sub_event_type = "Government regains territory"
            elif ev.sub_event_type == "Attack" and inter2 in ARMED:
                ev.event_type, ev.sub_event_type = "Battles", "Armed clash"
        return doc


register("recode")(RecodeStage)
