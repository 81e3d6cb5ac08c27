"""The gazetteer's cost: load time, memory held once loaded (tracemalloc), and the place
stage's share of the time per article.

A benchmark, not a test: run it by hand and compare the figures.

    .venv/bin/python benchmarks/gazetteer.py [--input FILE.jsonl] [-n 500]

The default input is the first articles of ../shared/data/corpus (beside the repository root);
without it only the load figures are printed.
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus"


def load_figures() -> None:
    from marsad.resolve.gazetteer import gazetteer
    from marsad.resolve.place_phrases import phrases

    tracemalloc.start()
    t = time.perf_counter()
    g = gazetteer()
    phrases()
    seconds = time.perf_counter() - t
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"gazetteer: {len(g.places)} places, {g.matcher.size} name forms")
    print(f"load: {seconds:.2f} s (under tracemalloc, which slows it); "
          f"held {current / 2**20:.1f} MiB, peak {peak / 2**20:.1f} MiB")


def articles(path: Path | None, n: int) -> list[str]:
    files = [path] if path else sorted(DEFAULT_CORPUS.glob("*.jsonl"))
    out: list[str] = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                out.append(json.loads(line).get("text") or "")
                if len(out) >= n:
                    return out
    return out


def stage_share(texts: list[str]) -> None:
    from marsad.document import Document
    from marsad.pipeline import Pipeline

    segment, places = Pipeline.default(["segment", "places"]).stages
    t_seg = t_places = 0.0
    chars = 0
    for text in texts:
        doc = Document.from_text(text)
        chars += len(text)
        t = time.process_time()
        segment(doc)
        t_seg += time.process_time() - t
        t = time.process_time()
        places(doc)
        t_places += time.process_time() - t
    n = len(texts)
    print(f"{n} articles, {chars / n:.0f} characters on average")
    print(f"places stage: {1000 * t_places / n:.2f} ms CPU per article "
          f"({chars / max(t_places, 1e-9) / 1e6:.2f} M chars per CPU second); segment: {1000 * t_seg / n:.2f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path)
    ap.add_argument("-n", type=int, default=500)
    args = ap.parse_args()
    t = time.perf_counter()
    from marsad.resolve.gazetteer import gazetteer

    gazetteer()
    print(f"load without tracemalloc: {time.perf_counter() - t:.2f} s")
    gazetteer.cache_clear()
    load_figures()
    texts = articles(args.input, args.n) if args.input or DEFAULT_CORPUS.exists() else []
    if texts:
        stage_share(texts)
    else:
        print("no corpus beside the repository: stage timing skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
