"""ACLED's event types and the codes marsad uses for weapons, outcomes and certainty."""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                                   "Chemical weapon"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Disrupted weapons use", "Arrests", "Looting/property destruction",
                               "Agreement", "Headquarters or base established",
                               "Non-violent transfer of territory", "Change to group/activity", "Other"),
}
EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}

WEAPONS = ("airstrike", "drone", "rocket", "missile", "artillery", "mortar", "ied", "vbied",
           "suicide_bomb", "landmine", "grenade", "small_arms", "chemical", "unknown")
OUTCOMES = ("hit", "intercepted", "foiled", "unknown")
CERTAINTY = ("asserted", "hedged", "claimed")

# ACLED actor types (inter codes)
INTER = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
