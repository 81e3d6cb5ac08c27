"""Exports: ACLED's CSV layout, RFC 7946 GeoJSON and JSON Lines incidents, from the store and from
`marsad extract`; the store commands (ingest, export, stats, explain) end to end."""

from __future__ import annotations

import csv
import io
import json

from test_store_fakes import FakePipeline, article, spec
from typer.testing import CliRunner

from marsad.cli import app
from marsad.export import writers
from marsad.export.acled_csv import COLUMNS, acled_row, interaction
from marsad.export.geojson import write_features
from marsad.store import ingest_articles

runner = CliRunner()
ACLED = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]


def record(**kw) -> dict:
    base = {"event_id": "ev-00000000000a", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "date": "2018-04-09", "time_precision": 1,
            "actor1": {"name": "Military Forces of Israel (2009-2021)", "inter": 8},
            "actor2": {"name": "Civilians (Syria)", "inter": 7}, "fatalities": None, "notes": "A strike.",
            "location": {"name": "T4", "country": "Syria", "iso3": "SYR", "admin1": "Homs", "admin2": None,
                         "lat": 34.522, "lon": 37.63, "geo_precision": 1}}
    return base | kw


def test_acled_columns_are_acleds_in_acleds_order():
    assert list(COLUMNS) == ACLED
    row = acled_row(record())
    assert list(row) == ACLED
    assert (row["iso"], row["region"], row["event_id_cnty"]) == (760, "Middle East", "SYR10")
    assert (row["interaction"], row["civilian_targeting"], row["disorder_type"]) == (
        "78", "Civilian targeting", "Political violence")
    assert (row["fatalities"], row["tags"]) == (0, "fatalities=no report")
    assert (row["latitude"], row["longitude"], row["year"]) == ("34.5220", "37.6300", "2018")
    assert interaction(3, None) == "30" and interaction(None, None) == ""


def test_extract_formats_csv_and_geojson_flatten_article_records():
    recs = [{"id": "a1", "published": "2018-04-09", "events": [record(), record(location=None)]},
            {"id": "bad", "published": None, "error": "empty", "events": []}]
    out = io.StringIO()
    assert writers.write(recs, out, "csv") == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and rows[1]["latitude"] == "" and rows[0]["event_date"] == "2018-04-09"
    out = io.StringIO()
    assert writers.write(recs, out, "geojson") == 1
    fc = json.loads(out.getvalue())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    assert fc["features"][0]["geometry"] == {"type": "Point", "coordinates": [37.63, 34.522]}
    assert fc["features"][1]["geometry"] is None
    assert fc["features"][0]["properties"]["sources"][0]["article_id"] == "a1"


def test_geojson_is_valid_json_when_empty():
    out = io.StringIO()
    assert write_features([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def filled_store(tmp_path) -> str:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    arts = [article(1, "Outlet 1"), article(2, "Outlet 2"), article(3, "Outlet 3")]
    fake = FakePipeline({
        arts[0].text: [spec("2018-03-01", fatalities=4, munitions={"min": 6, "max": 6})],
        arts[1].text: [spec("2018-03-01", place="A2", fatalities=2, munitions={"min": 5, "max": 9})],
        arts[2].text: [spec("2018-03-05", place="C", sub="Armed clash",
                            actor1="Military Forces of the United States")],
    })
    ingest_articles(db, arts, fake)
    return db


def test_export_commands_write_each_format_with_filters(tmp_path):
    db = filled_store(tmp_path)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["export", "--format", "acled-csv", "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 2 and list(rows[0]) == ACLED
    fused = next(r for r in rows if r["source"] == "Outlet 1; Outlet 2")
    assert fused["fatalities"] == "2" and "confidence=" in fused["tags"]

    result = runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "--type", "Battles"])
    recs = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [r["sub_event_type"] for r in recs] == ["Armed clash"]

    out = tmp_path / "out.geojson"
    runner.invoke(app, ["export", "--format", "geojson", "--db", db, "-o", str(out), "--until", "2018-03-02",
                        "--admin1", "SY-DY", "--country", "SYR"])
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert len(fc["features"]) == 1
    props = fc["features"][0]["properties"]
    assert props["munitions"] == {"min": 5, "max": 9} and len(props["sources"]) == 2
    assert {s["article_id"] for s in props["sources"]} == {"art-1", "art-2"}
    assert all(s["url"].startswith("https://example.org/") for s in props["sources"])


def test_stats_and_explain_commands(tmp_path):
    db = filled_store(tmp_path)
    result = runner.invoke(app, ["stats", "--db", db, "--json"])
    data = json.loads(result.stdout)
    assert data["incidents"] == 2 and data["by_week"] == {"2018-W09": 1, "2018-W10": 1}
    table = runner.invoke(app, ["stats", "--db", db, "--since", "2018-03-02"]).stdout
    assert table.startswith("1 incident(s) from 3 article(s)")
    us = json.loads(runner.invoke(app, ["stats", "--db", db, "--json", "--actor", "united states"]).stdout)
    assert us["incidents"] == 1 and us["by_actor"] == {"Military Forces of the United States (initiator)": 1}
    inc = json.loads(runner.invoke(app, ["export", "--db", db, "--admin1", "Deir ez-Zor"]).stdout.splitlines()[0])
    story = json.loads(runner.invoke(app, ["explain", inc["event_id"], "--db", db]).stdout)
    assert story["n_sources"] == 2 and story["merged_because"][0]["rule"] == "same-type near"
    missing = runner.invoke(app, ["explain", "inc-none", "--db", db])
    assert missing.exit_code != 0


def test_ingest_command_is_idempotent(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [{"id": "x1", "text": "قصفت طائرات حربية مواقع قرب المدينة أمس وقتل ثلاثة مسلحين.",
              "published": "2018-03-02", "source": "Outlet 1"},
             {"id": "x2", "text": "", "published": "2018-03-02"}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    first = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert "1 stored" in first.output and "1 failed" in first.output and first.exit_code == 1
    again = runner.invoke(app, ["ingest", str(src), "--db", db])
    assert "0 stored, 1 already there" in again.output


def test_events_of_one_trigger_at_several_places_get_their_own_ids(pipeline):
    from marsad.export.records import article_record

    text = ("شنت الطائرات الحربية غارات على قرى جبل الزاوية جنوبي إدلب، مخلفة ثلاثة قتلى في قرية كفرنبل، "
            "وخمسة قتلى في قرية كنسفرة.")
    doc = pipeline(text, id="round-up", published="2024-02-03")
    rec = article_record(doc, pipeline.fingerprint())
    assert len(rec["events"]) >= 2
    assert len({e["event_id"] for e in rec["events"]}) == len(rec["events"])
