"""The throughput benchmark runs end to end on a tiny file (its figures are not checked: speed is
measured by running the benchmark, never by a timed test)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "throughput.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("throughput", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["throughput"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    yield mod
    sys.modules.pop("throughput", None)


def test_runs_on_a_small_file(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.jsonl"
    lines = [{"id": f"t{i}", "text": f"سقط {i + 2} صواريخ على المطار. وأصيب جنديان."} for i in range(4)]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert bench.main(["--input", str(src), "-n", "3", "--stages", "segment,numbers", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 3
    assert set(figures["stages"]) == {"normalize", "segment", "numbers"}
    assert figures["normalize_segment_mb_per_s"] is not None


def test_missing_input_is_not_an_error(bench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--input", str(tmp_path / "none.jsonl")]) == 0
    assert "nothing to measure" in capsys.readouterr().out
