"""Hand-written event cases: load them, check them, run them, compare what came out.

A case is a sentence (or a short article) with the events a careful ACLED coder would code from
it, naming only the fields the case is about. The same comparison serves the phenomenon cases
(`tests/cases/events/*.yaml`) and the golden examples (`tests/golden/*.expected.json`).

>>> exp = [{"weapon": "rocket", "munitions": {"min": 4, "max": 4}}]
>>> got = [{"weapon": "rocket", "munitions": {"min": 4, "max": 4}, "outcome": "hit"}]
>>> compare(exp, got)
[]
>>> compare(exp, [{"weapon": "mortar", "munitions": {"min": 4, "max": 4}}])
['expected event 1 not found; closest predicted event 1 differs in weapon: expected rocket, got mortar']
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from marsad.taxonomy import CERTAINTY, EVENT_TYPE_OF, EVENT_TYPES, OUTCOMES, WEAPONS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
EVENTS_DIR = HERE / "events"
GOLDEN_DIR = ROOT / "tests" / "golden"
EXAMPLES_DIR = ROOT / "examples"
KNOWN_FAILURES = HERE / "known_failures.txt"

CASE_KEYS = {"id", "text", "published", "expect", "note"}
FIELD_KEYS = ("event_type", "sub_event_type", "weapon", "munitions", "fatalities", "injuries",
              "outcome", "certainty", "background", "date", "time_precision", "admin1_code",
              "iso3", "actor1", "actor2", "attributed_to_contains")
ISO3 = {"SYR", "IRQ", "LBN", "JOR", "TUR", "ISR", "PSE", "IRN", "SAU", "YEM", "KWT"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ADMIN1 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_ID = re.compile(r"^[a-z0-9_]+-\d{3}$|^golden:[A-Za-z0-9_]+$")


@dataclass
class Case:
    id: str
    text: str
    published: str | None
    expect: list[dict[str, Any]]
    family: str
    note: str = ""
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- loading

def load_family(path: Path) -> list[Case]:
    """The cases of one YAML file; the family is the file name."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(raw, list):
        raise ValueError(f"{path.name}: a YAML list of cases is expected")
    cases = []
    for item in raw:
        if not isinstance(item, dict):
            raise ValueError(f"{path.name}: every case is a mapping, got {item!r}")
        cases.append(Case(id=str(item.get("id", "")), text=item.get("text", ""),
                          published=_day_str(item.get("published")), expect=item.get("expect"),
                          family=path.stem, note=item.get("note") or "", source=path.name,
                          extra={k: v for k, v in item.items() if k not in CASE_KEYS}))
    return cases


def load_cases(folder: Path = EVENTS_DIR) -> list[Case]:
    """Every case of every family, files in name order, cases in file order."""
    return [c for p in sorted(folder.glob("*.yaml")) for c in load_family(p)]


def load_golden(folder: Path = GOLDEN_DIR, examples: Path = EXAMPLES_DIR) -> list[Case]:
    """One case per `<name>.expected.json`; the text is `examples/<name>.txt`."""
    cases = []
    for p in sorted(folder.glob("*.expected.json")):
        name = p.name.removesuffix(".expected.json")
        spec = json.loads(p.read_text(encoding="utf-8"))
        text_path = ROOT / spec.get("text_file", f"examples/{name}.txt")
        cases.append(Case(id=f"golden:{name}", text=text_path.read_text(encoding="utf-8"),
                          published=_day_str(spec.get("published")), expect=spec.get("expect"),
                          family="golden", note=spec.get("note", ""), source=p.name))
    return cases


def _day_str(value: Any) -> str | None:
    # YAML reads an unquoted 2023-03-14 as a date
    return None if value is None else str(value)


def load_known_failures(path: Path = KNOWN_FAILURES) -> set[str]:
    if not path.exists():
        return set()
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            ids.add(line)
    return ids


# ---------------------------------------------------------------- validation

def validate(cases: Iterable[Case]) -> list[str]:
    """Every problem with the cases as written (empty when all are well-formed)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for c in cases:
        where = f"{c.source}:{c.id or '?'}"
        if not _ID.match(c.id):
            problems.append(f"{where}: id must look like 'family-001'")
        if c.id in seen:
            problems.append(f"{where}: duplicate id (also in {seen[c.id]})")
        seen[c.id] = c.source
        if c.extra:
            problems.append(f"{where}: unknown case keys {sorted(c.extra)}")
        if not isinstance(c.text, str) or not c.text.strip():
            problems.append(f"{where}: empty text")
        if c.published is not None and not _DAY.match(c.published):
            problems.append(f"{where}: published must be YYYY-MM-DD")
        if not isinstance(c.expect, list):
            problems.append(f"{where}: expect must be a list ([] for no event)")
            continue
        for i, ev in enumerate(c.expect, 1):
            problems += [f"{where}: event {i}: {p}" for p in validate_event(ev)]
    return problems


def validate_event(ev: Any) -> list[str]:
    if not isinstance(ev, dict):
        return ["an expected event is a mapping"]
    if not ev:
        return ["an expected event names at least one field"]
    out = [f"unknown field {k!r}" for k in ev if k not in FIELD_KEYS]
    checks = {
        "event_type": lambda v: _one_or_list(v, EVENT_TYPES),
        "sub_event_type": lambda v: _one_or_list(v, EVENT_TYPE_OF),
        "weapon": lambda v: _one_or_list(v, WEAPONS),
        "certainty": lambda v: _one_or_list(v, CERTAINTY),
        "outcome": lambda v: _one_or_list(v, OUTCOMES),
        "munitions": _munitions_ok,
        "fatalities": _count_ok,
        "injuries": _count_ok,
        "background": lambda v: isinstance(v, bool),
        "date": lambda v: v is None or (isinstance(v, str) and bool(_DAY.match(v))),
        "time_precision": lambda v: v is None or _one_or_list(v, (1, 2, 3)),
        "admin1_code": lambda v: v is None or _one_or_list(v, admin1_codes()),
        "iso3": lambda v: v is None or v in ISO3,
        "actor1": _actor_ok,
        "actor2": _actor_ok,
        "attributed_to_contains": lambda v: isinstance(v, str) and bool(v.strip()),
    }
    for k, v in ev.items():
        if k in checks and not checks[k](v):
            out.append(f"bad value for {k}: {v!r}")
    sub, et = ev.get("sub_event_type"), ev.get("event_type")
    if isinstance(sub, str) and isinstance(et, str) and EVENT_TYPE_OF.get(sub) != et:
        out.append(f"{ev['sub_event_type']!r} is not a sub-event type of {ev['event_type']!r}")
    return out


@functools.cache
def admin1_codes() -> set[str]:
    """The ISO 3166-2 codes the gazetteer knows (any well-formed code if its table is absent)."""
    table = ROOT / "src" / "marsad" / "resources" / "gazetteer" / "admin1.tsv"
    if not table.exists():
        return _AnyAdmin1()
    codes = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) > 2 and _ADMIN1.match(cols[2]):
            codes.add(cols[2])
    return codes


class _AnyAdmin1(set):
    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and bool(_ADMIN1.match(code))


def _one_or_list(v: Any, vocab: Iterable[str]) -> bool:
    vals = v if isinstance(v, list) else [v]
    return bool(vals) and all(isinstance(x, str | int) and x in vocab for x in vals)


def _count_ok(v: Any) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0)


def _munitions_ok(v: Any) -> bool:
    if v is None:
        return True
    return (isinstance(v, dict) and set(v) == {"min", "max"} and _count_ok(v["min"])
            and _count_ok(v["max"]) and v["min"] is not None and v["max"] is not None
            and v["min"] <= v["max"])


def _actor_ok(v: Any) -> bool:
    vals = v if isinstance(v, list) else [v]
    # a list may hold null: "no actor" is then one of the acceptable answers
    return v is None or (bool(vals) and all(x is None or (isinstance(x, str) and x.strip())
                                            for x in vals))


# ---------------------------------------------------------------- predictions

def event_fields(event: Any, doc: Any = None) -> dict[str, Any]:
    """The comparable fields of a predicted event: a `marsad.document.Event` (with its Document,
    for the attribution texts) or an exported record (SPEC's JSON)."""
    if isinstance(event, dict):
        get = event.get
        attributed = [a.get("text", "") for a in event.get("attributed_to") or []]
    else:
        def get(k: str) -> Any:
            return getattr(event, k, None)
        attributed = [doc.original(m.start, m.end) if doc is not None else "" for m in
                      getattr(event, "attributed_to", None) or []]
    loc = get("location") or {}
    return {
        "event_type": get("event_type"), "sub_event_type": get("sub_event_type"),
        "weapon": get("weapon"), "munitions": _plain_munitions(get("munitions")),
        "fatalities": get("fatalities"), "injuries": get("injuries"), "outcome": get("outcome"),
        "certainty": get("certainty"), "background": bool(get("background")), "date": get("date"),
        "time_precision": get("time_precision"), "admin1_code": loc.get("admin1_code"),
        "iso3": loc.get("iso3") or loc.get("country_iso3"),
        "actor1": _actor_name(get("actor1")), "actor2": _actor_name(get("actor2")),
        "attributed_to_contains": attributed,
    }


def _plain_munitions(m: Any) -> dict[str, int] | None:
    if not m:
        return None
    return {"min": m.get("min"), "max": m.get("max")}


def _actor_name(a: Any) -> str | None:
    if not a:
        return None
    return a.get("name") if isinstance(a, dict) else str(a)


def predict(pipeline: Any, case: Case) -> list[dict[str, Any]]:
    doc = pipeline(case.text, published=case.published)
    return [event_fields(ev, doc) for ev in doc.events]


# ---------------------------------------------------------------- comparison

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_MARKS = re.compile(r"[\u064b-\u065f\u0670]")


def _fold(s: str) -> str:
    return _MARKS.sub("", s).translate(_FOLD).casefold()


def field_agrees(key: str, expected: Any, got: Any) -> bool:
    """Does one predicted value satisfy what the case names?"""
    if key in ("actor1", "actor2"):
        wanted = expected if isinstance(expected, list) else [expected]
        if got is None:
            return None in wanted
        return any(w is not None and w.casefold() in got.casefold() for w in wanted)
    if key == "attributed_to_contains":
        return any(_fold(expected) in _fold(t) for t in got or [])
    if isinstance(expected, list):
        return got in expected
    if key == "munitions" and expected is not None:
        return got == {"min": expected["min"], "max": expected["max"]}
    return got == expected


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    return [f"{k}: expected {_show(v)}, got {_show(got.get(k))}"
            for k, v in expected.items() if not field_agrees(k, v, got.get(k))]


def _show(v: Any) -> str:
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    if isinstance(v, list):
        return "[" + ", ".join(_show(x) for x in v) + "]"
    return "null" if v is None else str(v)


def compare(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[str]:
    """The problems, empty when the prediction satisfies the case.

    The counts must agree; each expected event, in order, takes the first predicted event not
    yet taken whose named fields all agree. When none does, the closest one (fewest differing
    fields) is reported with the fields that differ.
    """
    problems: list[str] = []
    if len(predicted) != len(expected):
        kinds = ", ".join(str(p.get("sub_event_type")) for p in predicted) or "none"
        problems.append(f"expected {len(expected)} event(s), got {len(predicted)} ({kinds})")
    taken: set[int] = set()
    for i, exp in enumerate(expected, 1):
        free = [j for j in range(len(predicted)) if j not in taken]
        match = next((j for j in free if not differences(exp, predicted[j])), None)
        if match is not None:
            taken.add(match)
            continue
        if not free:
            problems.append(f"expected event {i} not found; no predicted event left")
            continue
        best = min(free, key=lambda j: len(differences(exp, predicted[j])))
        diff = "; ".join(differences(exp, predicted[best]))
        problems.append(f"expected event {i} not found; closest predicted event {best + 1} "
                        f"differs in {diff}")
    return problems


def run_case(pipeline: Any, case: Case) -> list[str]:
    """Run one case through the pipeline; the problems (empty = pass)."""
    try:
        predicted = predict(pipeline, case)
    except Exception as exc:  # a crash is a failure of this case, not of the suite
        return [f"pipeline raised {type(exc).__name__}: {exc}"]
    return compare(case.expect, predicted)
