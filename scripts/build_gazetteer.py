"""Build marsad's compact gazetteer from the upstream sources in ../shared/data/gazetteer-src.

Sources (see that folder's README for provenance and licences):
- Who's On First admin records for SY IQ JO LB IL PS KW SA TR IR (places with Arabic names,
  governorates, districts), and WOF governorate polygons (point-in-polygon for the rows that
  carry no governorate);
- OCHA / CSO Iraq COD-AB districts and sub-districts (Arabic names, polygon centroids);
- Natural Earth 1:110m countries (Arabic names, label points: a country-level fallback).

Output: `src/marsad/resources/gazetteer/gazetteer.tsv.gz`, one row per place, Arabic names in
folded form. The build is deterministic (sorted rows, gzip without a timestamp), so a test can
rebuild it and compare bytes. Pure Python: no shapely or pyshp needed.

    python scripts/build_gazetteer.py [--src ../shared/data/gazetteer-src] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import struct
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.text.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "marsad" / "resources" / "gazetteer"
DEFAULT_SRC = ROOT.parent / "shared" / "data" / "gazetteer-src"
COLUMNS = ("id", "kind", "cc", "iso3", "name", "names", "lat", "lon", "admin1_code", "admin1",
           "admin2", "pop", "geonames")
KIND = {"country": "country", "region": "admin1", "county": "admin2", "localadmin": "admin3",
        "locality": "locality", "neighbourhood": "neighbourhood", "campus": "site"}
# Generic words some sources put before a name ("محافظة دير الزور"); the resolver reads them
# as qualifiers, so the stored name is the bare one.
GENERIC_HEADS = ("محافظه ", "منطقه ", "مدينه ", "لواء ", "قضاء ", "ناحيه ", "مركز ", "مركز قضاء ")
# Countries in the polygon file (the others keep their rows only when WOF names a region).
MIN_NAME_LEN = 3


def clean_names(raw: Iterable[str]) -> list[str]:
    """Folded Arabic names, generic heads dropped, Latin-script variants and scraps removed.

    >>> clean_names(["محافظة دير الزور", "Dar'a", "دِرعا"])
    ['دير الزور', 'درعا']
    """
    out: list[str] = []
    for name in raw:
        f = fold(name.replace("\u200e", "").replace("\u200f", "")).strip(" -'\"")
        for head in GENERIC_HEADS:
            if f.startswith(head) and len(f) > len(head) + 2:
                f = f[len(head):]
        if len(f.replace(" ", "")) < MIN_NAME_LEN or not all(_arabic_or_space(c) for c in f):
            continue
        for form in (f, *_case_forms(f)):
            if form not in out:
                out.append(form)
    return out


def _case_forms(name: str) -> tuple[str, ...]:
    """`ابي غريب` (OCHA writes the genitive) is `ابو غريب` in the news, and the other way round.

    >>> _case_forms("ابي غريب")
    ('ابو غريب',)
    """
    for a, b in (("ابي ", "ابو "), ("ابو ", "ابي ")):
        if name.startswith(a):
            return (b + name[len(a):],)
    return ()


def _arabic_or_space(c: str) -> bool:
    return c == " " or "\u0621" <= c <= "\u064a"


def read_admin1(path: Path) -> dict[str, dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {r["wof_id"]: r for r in csv.DictReader(lines, delimiter="\t")}


# --- geometry (pure Python; build time only) -------------------------------------------------

def rings_of(geom: dict) -> list[list[list[list[float]]]]:
    """The polygons of a GeoJSON Polygon/MultiPolygon, each a list of rings."""
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return list(geom["coordinates"])
    return []


def centroid(geom: dict) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of the outer rings."""
    ax = ay = aa = 0.0
    for poly in rings_of(geom):
        ring = poly[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            aa += cross
            ax += (x0 + x1) * cross
            ay += (y0 + y1) * cross
    if aa == 0:
        pts = [p for poly in rings_of(geom) for p in poly[0]]
        return sum(p[1] for p in pts) / len(pts), sum(p[0] for p in pts) / len(pts)
    return ay / (3 * aa), ax / (3 * aa)


def _in_ring(x: float, y: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


class Regions:
    """WOF governorate polygons with bounding boxes, for point-in-polygon lookup."""

    def __init__(self, path: Path) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        self.items: list[tuple[str, tuple[float, float, float, float], list]] = []
        for f in data["features"]:
            p = f["properties"]
            if p.get("placetype") != "region":
                continue
            polys = rings_of(f["geometry"])
            xs = [pt[0] for poly in polys for pt in poly[0]]
            ys = [pt[1] for poly in polys for pt in poly[0]]
            self.items.append((str(p["wof_id"]), (min(xs), min(ys), max(xs), max(ys)), polys))
        self.items.sort(key=lambda t: t[0])

    def find(self, lat: float, lon: float) -> str | None:
        for wof_id, (x0, y0, x1, y1), polys in self.items:
            if not (x0 <= lon <= x1 and y0 <= lat <= y1):
                continue
            for poly in polys:
                if _in_ring(lon, lat, poly[0]) and not any(_in_ring(lon, lat, h) for h in poly[1:]):
                    return wof_id
        return None


# --- sources ---------------------------------------------------------------------------------

def read_dbf(path: Path) -> Iterator[dict[str, str]]:
    """Records of a dBASE III file (Natural Earth's attribute table), as stripped strings."""
    raw = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", raw[4:12])
    fields = []
    pos = 32
    while raw[pos] != 0x0D:
        name = raw[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, raw[pos + 16]))
        pos += 32
    for i in range(count):
        rec = raw[header_len + i * record_len: header_len + (i + 1) * record_len]
        if rec[:1] == b"*":
            continue
        off = 1
        row = {}
        for name, length in fields:
            row[name] = rec[off:off + length].decode("utf-8", "replace").strip(" \0")
            off += length
        yield row


def countries(src: Path) -> tuple[list[dict[str, str]], dict[str, tuple[str, str]]]:
    """Natural Earth country rows and the map ISO2 -> (ISO3, English name)."""
    rows, iso = [], {}
    for r in read_dbf(src / "ne_110m_admin_0_countries" / "ne_110m_admin_0_countries.dbf"):
        a2, a3 = r["ISO_A2_EH"] or r["ISO_A2"], r["ISO_A3_EH"] or r["ISO_A3"]
        if len(a2) != 2 or len(a3) != 3 or a2 == "-9":
            continue
        iso[a2] = (a3, r["NAME"])
        names = clean_names([r["NAME_AR"]])
        if names:
            rows.append(_row(id=f"ne:{a3}", kind="country", cc=a2, iso3=a3, name=r["NAME"],
                             names=names, lat=float(r["LABEL_Y"]), lon=float(r["LABEL_X"])))
    return rows, iso


def wof_rows(src: Path, admin1: dict, regions: Regions, iso: dict) -> Iterator[dict[str, str]]:
    with gzip.open(src / "wof_admin_levant_iraq.tsv.gz", "rt", encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            kind = KIND.get(r["placetype"])
            if kind is None or kind == "country" or r["is_current"] == "0":
                continue
            if kind == "admin2" and r["country"] == "IQ":
                continue  # OCHA's districts replace WOF's for Iraq (WOF names one Samawa `سامراء`)
            names = clean_names(r["names_ar"].split("|")) if r["names_ar"] else []
            if not names:
                continue
            if kind == "site":  # `مطار غازي عنتاب` as often as `مطار غازي عنتاب الدولي`
                names += [n[: -len(" الدولي")] for n in names if n.endswith(" الدولي") and n[: -len(" الدولي")] not in names]
            lat, lon = float(r["lat"]), float(r["lon"])
            region = r["wof_id"] if kind == "admin1" else r["region_id"]
            if admin1.get(region, {}).get("country") != r["country"]:
                region = regions.find(lat, lon) or ""
                if admin1.get(region, {}).get("country") != r["country"]:
                    continue  # no governorate we can vouch for
            a1 = admin1[region]
            a3 = iso.get(r["country"], ("", ""))[0]
            yield _row(id=f"wof:{r['wof_id']}", kind=kind, cc=r["country"], iso3=a3,
                       name=a1["name"] if kind == "admin1" else english_name(r), names=names,
                       lat=lat, lon=lon, admin1_code=a1["code"], admin1=a1["name"],
                       admin2={"admin1": "", "admin2": english_name(r)}.get(kind, r["county_name"]),
                       pop=r["population"], geonames=r["geonames_id"])


def english_name(r: dict[str, str]) -> str:
    """WOF's `name`, or its first English variant when `name` is written in Arabic."""
    if any(_arabic_or_space(c) and c != " " for c in r["name"]):
        return (r["names_en"].split("|")[0] if r["names_en"] else "") or r["name"]
    return r["name"]


def ocha_rows(src: Path, admin1: dict) -> Iterator[dict[str, str]]:
    by_pcode = {r["ocha_pcode"]: r for r in admin1.values() if r["ocha_pcode"]}
    for level, kind in ((2, "admin2"), (3, "admin3")):
        path = src / f"irq_admbnda_adm{level}_cso_20190603.geojson"
        data = json.loads(path.read_text(encoding="utf-8"))
        for f in data["features"]:
            p = f["properties"]
            names = clean_names([p[f"ADM{level}_AR"] or "", p.get(f"ADM{level}ALT1AR") or "",
                                 p.get(f"ADM{level}ALT2AR") or ""])
            if not names:
                continue
            a1 = by_pcode[p["ADM1_PCODE"]]
            lat, lon = centroid(f["geometry"])
            yield _row(id=f"ocha:{p[f'ADM{level}_PCODE']}", kind=kind, cc="IQ", iso3="IRQ",
                       name=p[f"ADM{level}_EN"], names=names, lat=lat, lon=lon,
                       admin1_code=a1["code"], admin1=a1["name"],
                       admin2=p["ADM2_EN"])


def _row(**kw: object) -> dict[str, str]:
    out = {c: "" for c in COLUMNS}
    for k, v in kw.items():
        if k == "names":
            out[k] = "|".join(v)  # type: ignore[arg-type]
        elif k in ("lat", "lon"):
            out[k] = f"{float(v):.5f}"  # type: ignore[arg-type]
        else:
            out[k] = "" if v is None else str(v)
    return out


def build(src: Path) -> bytes:
    """The gzipped TSV, byte for byte the same on every run over the same sources."""
    admin1 = read_admin1(PKG / "admin1.tsv")
    regions = Regions(src / "wof_admin1_polygons.geojson.gz")
    country_rows, iso = countries(src)
    rows = country_rows + list(wof_rows(src, admin1, regions, iso)) + list(ocha_rows(src, admin1))
    return tsv_gz(rows)


def tsv_gz(rows: list[dict[str, str]]) -> bytes:
    """Rows sorted by id as a gzipped TSV of COLUMNS, byte for byte the same on every run."""
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in sorted(rows, key=lambda r: r["id"]):
        buf.write("\t".join(r[c] for c in COLUMNS) + "\n")
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=PKG / "gazetteer.tsv.gz")
    args = ap.parse_args(argv)
    data = build(args.src)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
