"""Check that ingesting is idempotent and resumable on a real corpus (issue 8's Done-when).

1. `marsad ingest CORPUS --db A`, then a digest of every table;
2. the same ingest into A again: the digest must not change;
   (`marsad ingest` exits with the number of articles it rejected: broken ones, recorded in
   `rejections`, so a nonzero code equal to that count is the expected one)
3. a fresh database B: an ingest killed (SIGKILL) part-way, then run again to the end: B's
   digest must equal A's (nothing lost, nothing twice).

Digests cover every row of every table but what differs by nature between two runs: the time a
pipeline version was first seen and surrogate row numbers (evidence and rejection ids).

    python scripts/check_ingest_repeat.py [--corpus ../shared/data/corpus] [--limit N] [--kill-after S]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"
VOLATILE = {"runs": {"first_seen"}, "evidence": {"id"}, "rejections": {"id"}}


def digest(url: str) -> dict[str, dict[str, object]]:
    """Per table: its row count and a SHA-256 over its sorted rows (volatile columns left out)."""
    engine = sa.create_engine(url)
    meta = sa.MetaData()
    meta.reflect(engine)
    out: dict[str, dict[str, object]] = {}
    with engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            if name == "alembic_version":
                continue
            cols = [c for c in table.columns if c.name not in VOLATILE.get(name, set())]
            rows = sorted(json.dumps([_plain(v) for v in r], ensure_ascii=False, sort_keys=True)
                          for r in conn.execute(sa.select(*cols)))
            h = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
            out[name] = {"rows": len(rows), "sha256": h}
    engine.dispose()
    return out


def _plain(v: object) -> object:
    return v if isinstance(v, (int, float, str, bool, type(None), dict, list)) else str(v)


def ingest(inputs: list[Path], url: str, kill_after: float | None = None) -> tuple[int, float]:
    """Run `marsad ingest`; with `kill_after`, SIGKILL it after that many seconds."""
    cmd = [sys.executable, "-m", "marsad.cli", "ingest", *map(str, inputs), "--db", url]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    if kill_after is None:
        return proc.wait(), time.perf_counter() - t0
    try:
        return proc.wait(timeout=kill_after), time.perf_counter() - t0
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return -9, time.perf_counter() - t0


def sample(corpus: Path, limit: int | None, folder: Path) -> list[Path]:
    """The corpus files, or their first `limit` lines (spread over the files) in a scratch copy."""
    files = sorted(corpus.glob("*.jsonl"))
    if not limit:
        return files
    out = []
    for f in files:
        dst = folder / f.name
        with f.open(encoding="utf-8") as src, dst.open("w", encoding="utf-8") as fh:
            fh.writelines(itertools.islice(src, limit // len(files)))
        out.append(dst)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=0, help="articles to take (0: the whole corpus)")
    ap.add_argument("--kill-after", type=float, default=0.0,
                    help="seconds before the kill (default: half the first run's time)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = sample(args.corpus, args.limit, folder)
        a, b = f"sqlite:///{folder / 'a.db'}", f"sqlite:///{folder / 'b.db'}"
        rc, first = ingest(inputs, a)
        d1 = digest(a)
        rc2, second = ingest(inputs, a)
        d2 = digest(a)
        kill = args.kill_after or first / 2
        rc3, killed_at = ingest(inputs, b, kill_after=kill)
        partial = digest(b)
        rc4, resumed = ingest(inputs, b)
        d3 = digest(b)
        report = {
            "articles_in": sum(1 for f in inputs for _ in f.open(encoding="utf-8")),
            "first_run": {"rc": rc, "seconds": round(first, 1), "tables": d1},
            "second_run": {"rc": rc2, "seconds": round(second, 1), "identical": d1 == d2},
            "killed_run": {"rc": rc3, "killed_after_s": round(killed_at, 1),
                           "articles_then": partial.get("articles", {}).get("rows")},
            "resumed_run": {"rc": rc4, "seconds": round(resumed, 1), "identical_to_first": d3 == d1,
                            "differs": sorted(t for t in d1 if d1[t] != d3.get(t))},
        }
    print(json.dumps(report, indent=2))
    # `marsad ingest` exits with the number of articles it rejected (recorded in `rejections`)
    rejected = min(d1.get("rejections", {}).get("rows", 0), 100)
    return 0 if d1 == d2 == d3 and rc == rc2 == rc4 == rejected else 1


if __name__ == "__main__":
    raise SystemExit(main())
