"""The actor dictionary: rows of `actors.tsv`, their time bounds, and the automata that find them.

Each row is an actor (or a unit, base or official standing for one) with a canonical ACLED name,
its actor type (inter 1-8), country, backers, validity dates and folded aliases. `actor_patterns.tsv`
holds the pieces the recognizer composes (`القوات` + `التركية`), `actor_roles.tsv` the words that
mark who did what to whom.

>>> idx = actor_index()
>>> idx.rows["sdf"].name
'SDF: Syrian Democratic Forces'
>>> import datetime as dt
>>> idx.rows["mil-SYR"].name_on(dt.date(2025, 3, 1))
'Military Forces of Syria (2024-)'
>>> idx.rows["hts"].valid_on(dt.date(2015, 1, 1))
False
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from marsad.errors import ResourceError
from marsad.resources import load
from marsad.text.matcher import LexiconMatcher
from marsad.text.normalize import fold

CUE_ROLES = frozenset({"agent", "target", "hedge", "accuse", "behind", "claim", "light", "wall"})
# Single words the composer and the role rules look up: where phrases stop, what links a head to its
# group, what makes a country a place, what ties a patron to a group, what stands between a subject
# and its verb, which heads are accusative objects, which verbs after a subject say it was hit, and
# which words name a base (a site a later `القاعدة` refers back to), and which verbs before a subject say it
# was killed (`لقي`).
WORD_ROLES = ("stop", "link", "locative", "modifier", "resumptive", "accusative", "hit_verb", "base_word",
              "fate_verb")


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One dictionary row, with its name as of a day and its time bounds."""

    id: str
    name: str
    inter: int
    country: str
    kind: str
    backers: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    renamed: tuple[tuple[dt.date, str], ...]
    ambiguous: bool

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the actor existed (under this alias) on `day`; None means no check."""
        if day is None:
            return True
        return (self.valid_from is None or day >= self.valid_from) and (
            self.valid_to is None or day <= self.valid_to)

    def name_on(self, day: dt.date | None) -> str:
        """The ACLED name on `day` (names follow governments); the latest when `day` is None."""
        name = self.name
        for since, later in self.renamed:
            if day is None or day >= since:
                name = later
        return name


@dataclass(frozen=True)
class ActorIndex:
    rows: dict[str, ActorRow]
    aliases: LexiconMatcher  # folded alias -> row id
    patterns: LexiconMatcher  # folded surface -> pattern row
    roles: LexiconMatcher  # folded cue -> role (agent, target, hedge, behind)
    words: dict[str, frozenset[str]]  # stop, link, locative: single words the composer checks


def _day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def parse_row(r: dict[str, str]) -> ActorRow:
    renamed = tuple((dt.date.fromisoformat(d), n) for d, n in
                    (part.split("=", 1) for part in r.get("renamed", "").split(",") if part))
    return ActorRow(r["id"], r["name"], int(r["inter"]), r.get("country", ""), r["kind"],
                    tuple(b for b in r.get("backers", "").split("|") if b), _day(r.get("valid_from", "")),
                    _day(r.get("valid_to", "")), tuple(sorted(renamed)), r.get("ambiguous") == "1")


def alias_problems(raw: tuple[dict[str, str], ...]) -> list[str]:
    """Aliases that are not folded or that two rows share (the schema the loader enforces)."""
    problems: list[str] = []
    owner: dict[str, str] = {}
    for r in raw:
        for alias in filter(None, r.get("aliases", "").split("|")):
            if fold(alias) != alias:
                problems.append(f"{r['id']}: alias {alias!r} is not folded ({fold(alias)!r})")
            if alias in owner and owner[alias] != r["id"]:
                problems.append(f"{r['id']}: alias {alias!r} is already {owner[alias]}'s")
            owner[alias] = r["id"]
    return problems


@functools.cache
def actor_index(lang: str = "ar") -> ActorIndex:
    """The compiled dictionary (read once per process)."""
    raw = load(lang, "actors")
    problems = alias_problems(raw)
    if problems:
        raise ResourceError("E203", f"actors.tsv: {len(problems)} bad aliases: {'; '.join(problems[:10])}")
    rows = {r["id"]: parse_row(r) for r in raw}
    aliases = LexiconMatcher((a, r["id"]) for r in raw for a in r.get("aliases", "").split("|") if a)
    patterns = LexiconMatcher((r["surface"], r) for r in load(lang, "actor_patterns"))
    cues = load(lang, "actor_roles")
    roles = LexiconMatcher((r["surface"], r["role"]) for r in cues if r["role"] in CUE_ROLES)
    words = {k: frozenset(r["surface"] for r in cues if r["role"] == k) for k in WORD_ROLES}
    # a target word (`على`, `ضد`) also ends a head phrase; prepositions also make a country a place
    words["stop"] |= {r["surface"] for r in cues if r["role"] == "target" and " " not in r["surface"]}
    words["locative"] |= words["stop"] - {"ضد", "علي"}
    # an agent word (`مصدره`, `شنه`) ends a head phrase too (`بقذائف الدبابات مصدره قوات الأسد`), but makes
    # no country a place, and `تابعة` links a head to its owner
    words["stop"] |= {r["surface"] for r in cues if r["role"] == "agent" and " " not in r["surface"]
                      and not r["surface"].removeprefix("ال").startswith("تابع")}
    return ActorIndex(rows, aliases, patterns, roles, words)
