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
