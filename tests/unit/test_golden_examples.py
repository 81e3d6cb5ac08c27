"""The bundled examples (examples/*.txt) against tests/golden/<name>.expected.json (DESIGN #12).

Only the fields an expected file names are compared; the same runner and known-failures
ratchet as the phenomenon cases.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.cases.runner import (  # noqa: E402
    EXAMPLES_DIR,
    load_golden,
    load_known_failures,
    run_case,
    validate,
)

GOLDEN = load_golden()
KNOWN = load_known_failures()


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason="listed in known_failures.txt")] if case.id in KNOWN else []
    return pytest.param(case, id=case.id, marks=marks)


def test_golden_files_are_well_formed():
    assert len(GOLDEN) >= 8
    assert validate(GOLDEN) == []


def test_examples_bundle_matches_the_text_files():
    rows = [json.loads(line) for line in (EXAMPLES_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    by_id = {r["id"]: r for r in rows}
    txts = sorted(EXAMPLES_DIR.glob("*.txt"))
    assert len(txts) >= 8 and sorted(by_id) == sorted(p.stem for p in txts)
    for p in txts:
        row = by_id[p.stem]
        assert row["text"] == p.read_text(encoding="utf-8")
        assert row["published"] and row["title"] and row["source"]
    golden = {c.id.removeprefix("golden:"): c for c in GOLDEN}
    assert sorted(golden) == sorted(by_id)
    assert all(golden[k].published == by_id[k]["published"] for k in golden)


@pytest.mark.parametrize("case", [_param(c) for c in GOLDEN])
def test_golden_example(pipeline, case):
    problems = run_case(pipeline, case)
    assert not problems, f"{case.id}\n  " + "\n  ".join(problems)
