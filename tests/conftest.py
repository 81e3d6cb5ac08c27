"""Shared fixtures: the pipeline (built once) and the path to ../shared when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.default()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
