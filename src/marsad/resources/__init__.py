"""Language resources: versioned data files, one loader, one schema per file.

`resources/ar/MANIFEST.yaml` lists every file with its version, its columns and the rules its
rows obey; `load("ar", "weapons")` returns the rows as dicts after checking them. A resource
is read once per process (the cache is keyed by path and the file's digest is stamped on
every output through `manifest_digest`).

>>> rows = load("ar", "number_words")
>>> any(r["surface"] == "اربعه" for r in rows)
True
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import io
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

from marsad.errors import ResourceError
from marsad.text.normalize import fold

ROOT = Path(str(importlib_resources.files("marsad.resources")))


@functools.cache
def manifest(lang: str = "ar") -> dict[str, Any]:
    path = ROOT / lang / "MANIFEST.yaml"
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or "resources" not in data:
        raise ResourceError("E201", f"{path}: no 'resources' table")
    return data


def path_of(lang: str, name: str) -> Path:
    spec = manifest(lang)["resources"].get(name)
    if spec is None:
        raise ResourceError("E202", f"no resource {name!r} in {lang}/MANIFEST.yaml")
    return ROOT / lang / spec["file"]


@functools.cache
def load(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """The rows of a TSV resource, checked against its schema in the manifest."""
    spec = manifest(lang)["resources"].get(name)
    if spec is None:
        raise ResourceError("E202", f"no resource {name!r} in {lang}/MANIFEST.yaml")
    path = ROOT / lang / spec["file"]
    rows = read_tsv(path)
    problems = check_rows(name, spec, rows)
    if problems:
        shown = "; ".join(problems[:10])
        raise ResourceError("E203", f"{path.name}: {len(problems)} bad rows: {shown}")
    return tuple(rows)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """A TSV file with a header row; `#` lines are comments; `.gz` is read as gzip."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for row in reader:
        rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return rows


def check_rows(name: str, spec: dict[str, Any], rows: list[dict[str, str]]) -> list[str]:
    """Every broken rule, one line each (the schema test shows them all at once)."""
    problems: list[str] = []
    columns = spec.get("columns") or []
    required = set(spec.get("required") or []) | {"source"}
    key = spec.get("key")
    allowed: dict[str, list[str]] = spec.get("values") or {}
    seen: dict[tuple[str, ...], int] = {}
    if rows and set(rows[0]) - set(columns):
        problems.append(f"columns not in the schema: {sorted(set(rows[0]) - set(columns))}")
    for n, row in enumerate(rows, 2):
        for col in required:
            if not row.get(col):
                problems.append(f"row {n}: empty {col}")
        for col, values in allowed.items():
            if row.get(col) and row[col] not in values:
                problems.append(f"row {n}: {col}={row[col]!r} not one of {values}")
        if key:
            surface = row.get(key, "")
            bare = surface.rstrip("*")
            if bare and fold(bare) != bare:
                problems.append(f"row {n}: {key} {surface!r} is not in folded form ({fold(bare)!r})")
        unique_cols = spec.get("unique", [key] if key else [])
        if unique_cols:
            unique = tuple(row.get(c, "") for c in unique_cols)
            if unique in seen:
                problems.append(f"row {n}: duplicate of row {seen[unique]} ({unique})")
            seen[unique] = n
    return problems


@functools.cache
def manifest_digest(lang: str = "ar") -> str:
    """A digest over the manifest and every file it lists, stamped on outputs."""
    h = hashlib.sha256()
    m = manifest(lang)
    h.update(yaml.safe_dump(m, sort_keys=True).encode())
    for name in sorted(m["resources"]):
        p = ROOT / lang / m["resources"][name]["file"]
        if p.exists():
            h.update(p.read_bytes())
    return f"{m.get('version', '0')}+{h.hexdigest()[:12]}"
