"""The "notes" stage: one English sentence per event, from a template, as ACLED's notes read.

>>> from marsad.document import Event, Mention
>>> ev = Event(Mention("trigger", 0, 1, "STRIKE"), 0, "Explosions/Remote violence", "Air/drone strike",
...            weapon="airstrike", fatalities=1, injuries=4, date="2022-01-05")
>>> note(ev)
'On 2022-01-05, an air strike by an unidentified actor: 1 killed, 4 injured.'
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.document import Document, Event
from marsad.pipeline import register

WEAPON_WORDS = {
    "airstrike": "an air strike", "drone": "a drone attack", "rocket": "a rocket attack",
    "missile": "a missile attack", "artillery": "artillery shelling", "mortar": "mortar fire",
    "ied": "an IED explosion", "vbied": "a car bomb", "suicide_bomb": "a suicide bombing",
    "landmine": "a landmine explosion", "grenade": "a grenade attack", "small_arms": "an attack with small arms",
    "chemical": "a chemical attack",
}


def note(ev: Event) -> str:
    what = ev.sub_event_type.lower()
    if ev.sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack",
                             "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"):
        what = WEAPON_WORDS.get(ev.weapon or "", "an attack")
    elif ev.sub_event_type == "Disrupted weapons use":
        what = f"a {WEAPON_WORDS.get(ev.weapon or '', 'an attack').split(' ', 1)[-1]} {ev.outcome}"
    else:
        what = "an " + what if what[0] in "aeiou" else "a " + what
    by = (ev.actor1 or {}).get("name") or "an unidentified actor"
    parts = [f"{what} by {by}"]
    if ev.actor2 and ev.actor2.get("name"):
        parts.append(f"on {ev.actor2['name']}")
    if ev.location and ev.location.get("name"):
        parts.append(f"in {ev.location['name']}")
    head = "On " + ev.date + ", " if ev.date else ""
    sentence = head + " ".join(parts)
    figures = []
    if ev.munitions:
        m = ev.munitions
        figures.append(f"{m['min']}" + (f"-{m['max']}" if m["max"] != m["min"] else "") + " munitions")
    if ev.fatalities is not None:
        figures.append(f"{ev.fatalities} killed")
    if ev.injuries is not None:
        figures.append(f"{ev.injuries} injured")
    if figures:
        sentence += ": " + ", ".join(figures)
    if ev.certainty != "asserted":
        sentence += f" ({ev.certainty})"
    if ev.background:
        sentence += " (background)"
    return sentence[0].upper() + sentence[1:] + "."


@dataclass
class NotesStage:
    name: str = "notes"
    requires: tuple[str, ...] = ("events",)
    assigns: tuple[str, ...] = ("events:notes",)
    version: str = "notes.v1"

    def __call__(self, doc: Document) -> Document:
        for ev in doc.events:
            ev.notes = note(ev)
        return doc


register("notes")(NotesStage)
