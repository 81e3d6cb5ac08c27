"""Run every hand-written event case and golden example; rewrite tests/cases/known_failures.txt.

    python scripts/update_case_failures.py            # rewrite the list, print pass rates per family
    python scripts/update_case_failures.py --check    # only print; exit 1 if the list is out of date
    python scripts/update_case_failures.py -v         # also print why each case fails

The list is the ratchet of tests/unit/test_event_cases.py and test_golden_examples.py: the cases
it names are strict xfails, every other case must pass.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.pipeline import Pipeline  # noqa: E402
from tests.cases.runner import (  # noqa: E402
    KNOWN_FAILURES,
    load_cases,
    load_golden,
    load_known_failures,
    run_case,
)

HEADER = """\
# Event cases (tests/cases/events/*.yaml) and golden examples (golden:<name>) that fail today.
# Written by scripts/update_case_failures.py; the tests treat these as strict xfails, so a case
# that starts to pass must come off this list (rerun the script).
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 when the list is stale")
    ap.add_argument("-v", "--verbose", action="store_true", help="print why each case fails")
    args = ap.parse_args(argv)

    pipeline = Pipeline.default()
    cases = load_cases() + load_golden()
    failing: list[str] = []
    per_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        problems = run_case(pipeline, case)
        per_family[case.family][1] += 1
        if problems:
            failing.append(case.id)
            if args.verbose:
                print(f"FAIL {case.id}: " + " | ".join(problems))
        else:
            per_family[case.family][0] += 1

    width = max(len(f) for f in per_family)
    total_ok = sum(ok for ok, _ in per_family.values())
    for fam, (ok, n) in sorted(per_family.items()):
        print(f"{fam:<{width}}  {ok:>3}/{n:<3}  {ok / n:6.1%}")
    print(f"{'all':<{width}}  {total_ok:>3}/{len(cases):<3}  {total_ok / len(cases):6.1%}")

    old = load_known_failures()
    new = set(failing)
    fixed, broken = sorted(old - new), sorted(new - old)
    if fixed:
        print(f"now passing ({len(fixed)}): {' '.join(fixed)}")
    if broken:
        print(f"failing, not listed before ({len(broken)}): {' '.join(broken)}")
    if args.check:
        return 1 if old != new else 0
    KNOWN_FAILURES.write_text(HEADER + "".join(f"{i}\n" for i in failing), encoding="utf-8")
    print(f"wrote {KNOWN_FAILURES.relative_to(ROOT)} ({len(failing)} failing)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
