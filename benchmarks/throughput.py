"""Throughput of the pipeline on one process: articles/s, MB/s, peak memory, time per stage.

A benchmark, not a test: run it by hand or in a nightly job and compare the figures.

    .venv/bin/python benchmarks/throughput.py                       # default pipeline, 2000 articles
    .venv/bin/python benchmarks/throughput.py --stages segment      # normalization + segmentation
    .venv/bin/python benchmarks/throughput.py --input my.jsonl -n 500 --stages segment,numbers

The default input is every `*.jsonl` under ../shared/data/corpus (beside the repository root);
when it is absent the script says so and exits 0. MB are UTF-8 megabytes (10^6 bytes) of the
articles' `text`. Normalization runs when a Document is built, so it is timed as its own line.
On a shared machine wall time includes waiting for a core; "MB per CPU second" does not.
Resources are loaded on a warm-up article first and their load time is shown apart.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus"
WARM_UP = "قتل ثلاثة جنود بقصف صاروخي نفذه مسلحون على قاعدة في ريف حلب يوم الخميس."


@dataclass
class Timed:
    """A stage with the same contract that adds the CPU time of each call to `seconds`
    (CPU, not wall: on a shared machine the wall clock also counts waiting for a core)."""

    inner: Any
    seconds: float = 0.0

    def __post_init__(self) -> None:
        self.name = self.inner.name
        self.requires = self.inner.requires
        self.assigns = self.inner.assigns
        self.version = self.inner.version
        self.event_bound = getattr(self.inner, "event_bound", False)

    def __call__(self, doc: Document) -> Document:
        t = time.process_time()
        try:
            return self.inner(doc)
        finally:
            self.seconds += time.process_time() - t


def articles(paths: list[Path], n: int) -> Iterator[dict[str, Any]]:
    """The first `n` articles with a non-empty text, file after file."""
    count = 0
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if count >= n:
                    return
                rec = json.loads(line)
                if rec.get("text"):
                    count += 1
                    yield rec


def inputs(arg: str | None) -> list[Path]:
    if arg:
        return [Path(arg)]
    return sorted(DEFAULT_CORPUS.glob("*.jsonl")) if DEFAULT_CORPUS.is_dir() else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", help="a JSON Lines file (default: ../shared/data/corpus/*.jsonl)")
    ap.add_argument("-n", type=int, default=2000, help="how many articles (default 2000)")
    ap.add_argument("--stages", help="comma-separated stage names (default: the default pipeline)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)

    paths = inputs(args.input)
    if not paths or not all(p.exists() for p in paths):
        print(f"no input: {args.input or DEFAULT_CORPUS} is not there; nothing to measure")
        return 0
    recs = list(articles(paths, args.n))  # read first: reading JSON is not the pipeline's cost
    if not recs:
        print("no articles with text in the input; nothing to measure")
        return 0

    names = args.stages.split(",") if args.stages else None
    pipe = Pipeline.default(names, errors="reject")
    timed = [Timed(s) for s in pipe.stages]
    pipe.stages = timed  # type: ignore[assignment]

    t = time.perf_counter()
    # warm-up: a sentence with an incident in it, so that every stage runs and loads its
    # resources and automata (a quiet article would skip the event-bound ones)
    pipe(WARM_UP, published="2024-01-01")
    warmup = time.perf_counter() - t
    for s in timed:
        s.seconds = 0.0

    norm_s = 0.0
    rejected = 0
    events = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for rec in recs:
        t = time.process_time()
        doc = Document.from_text(rec["text"], id=str(rec.get("id", "")), published=rec.get("published"))
        norm_s += time.process_time() - t
        pipe(doc)
        rejected += bool(doc.rejections)
        events += len(doc.events)
    total = time.perf_counter() - t0
    cpu = time.process_time() - c0

    mb = sum(len(r["text"].encode("utf-8")) for r in recs) / 1e6
    shares = {"normalize": norm_s} | {s.name: s.seconds for s in timed}
    text_layer = norm_s + sum(s.seconds for s in timed if s.name == "segment")
    figures = {
        "articles": len(recs),
        "mb": round(mb, 3),
        "seconds": round(total, 3),
        "articles_per_s": round(len(recs) / total, 1),
        "mb_per_s": round(mb / total, 2),
        "cpu_seconds": round(cpu, 3),
        "mb_per_cpu_s": round(mb / cpu, 2) if cpu else None,
        "normalize_segment_mb_per_s": round(mb / text_layer, 2) if "segment" in shares else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "warmup_s": round(warmup, 2),
        "events": events,
        "rejected": rejected,
        "stages": {k: round(v, 3) for k, v in shares.items()},
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    print(f"input      {', '.join(str(p) for p in paths)}")
    print(f"articles   {len(recs)}  ({mb:.2f} MB of text)   events {events}   rejected {rejected}")
    print(f"time       {total:.2f} s wall, {cpu:.2f} s CPU   warm-up (resources) {warmup:.2f} s")
    print(f"throughput {figures['articles_per_s']} articles/s   {figures['mb_per_s']} MB/s"
          f"   ({figures['mb_per_cpu_s']} MB per CPU second)")
    if figures["normalize_segment_mb_per_s"]:
        print(f"normalize+segment {figures['normalize_segment_mb_per_s']} MB per CPU second")
    print(f"peak RSS   {figures['peak_rss_mb']} MB")
    print("CPU time per stage:")
    for name, sec in shares.items():
        share = 100 * sec / cpu if cpu else 0.0
        print(f"  {name:<16} {sec:8.3f} s  {share:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
