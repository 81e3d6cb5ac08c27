"""The hand-written phenomenon cases (tests/cases/events/*.yaml), one test per case.

Cases listed in tests/cases/known_failures.txt are strict xfails: when one starts to pass, the
test fails until its id is taken off the list (scripts/update_case_failures.py rewrites it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.cases.runner import (  # noqa: E402
    load_cases,
    load_golden,
    load_known_failures,
    run_case,
    validate,
)

CASES = load_cases()
KNOWN = load_known_failures()


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason="listed in known_failures.txt")] if case.id in KNOWN else []
    return pytest.param(case, id=case.id, marks=marks)


def test_cases_are_well_formed():
    assert len(CASES) >= 250
    assert validate(CASES) == []


def test_known_failures_name_existing_cases():
    ids = {c.id for c in CASES} | {c.id for c in load_golden()}
    assert sorted(KNOWN - ids) == []


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_event_case(pipeline, case):
    problems = run_case(pipeline, case)
    assert not problems, f"{case.id}: {case.text}\n  " + "\n  ".join(problems)


# ---- the comparison itself (no pipeline needed)

def test_compare_counts_and_order():
    from tests.cases.runner import compare

    exp = [{"weapon": "rocket"}, {"weapon": "artillery"}]
    assert compare(exp, [{"weapon": "rocket"}, {"weapon": "artillery"}]) == []
    # each expected event takes the first free prediction that agrees, wherever it is
    assert compare(exp, [{"weapon": "artillery"}, {"weapon": "rocket"}]) == []
    problems = compare(exp, [{"weapon": "rocket"}])
    assert problems[0].startswith("expected 2 event(s), got 1")
    assert compare([], [{"weapon": "rocket", "sub_event_type": "Shelling/artillery/missile attack"}]) == [
        "expected 0 event(s), got 1 (Shelling/artillery/missile attack)"]


def test_compare_names_the_differing_field():
    from tests.cases.runner import compare

    got = [{"weapon": "rocket", "munitions": {"min": 2, "max": 4}, "fatalities": 1}]
    (problem,) = compare([{"weapon": "rocket", "munitions": {"min": 4, "max": 4}}], got)
    assert "munitions" in problem and "weapon" not in problem


def test_field_agreement_rules():
    from tests.cases.runner import field_agrees

    assert field_agrees("sub_event_type", ["Disrupted weapons use", "Air/drone strike"], "Air/drone strike")
    assert field_agrees("actor1", "islamic state", "Islamic State (Iraq and Syria)")
    assert field_agrees("actor1", [None, "Unidentified Armed Group"], None)
    assert not field_agrees("actor1", None, "Hezbollah")
    assert field_agrees("attributed_to_contains", "المرصد السوري", ["وأفاد المرصد السوري لحقوق الإنسان"])
    assert field_agrees("attributed_to_contains", "مصدر امني", ["قال مصدر أمني"])
    assert not field_agrees("fatalities", 0, None)
    assert field_agrees("munitions", None, None)


def test_validation_catches_bad_cases():
    from tests.cases.runner import Case, validate

    bad = Case(id="x-001", text="نص", published="2023-3-1", family="x", source="x.yaml",
               expect=[{"weapon": "bazooka", "colour": "red", "admin1_code": "SY-XX",
                        "event_type": "Battles", "sub_event_type": "Air/drone strike"}])
    problems = " | ".join(validate([bad, bad]))
    for word in ("published", "weapon", "colour", "admin1_code", "not a sub-event type", "duplicate id"):
        assert word in problems, word
