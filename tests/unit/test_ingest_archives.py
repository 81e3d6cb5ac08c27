"""Archives: CSV with a field mapping, JSON Lines, gzip, standard input, folders, URLs that fail."""

import csv
import gzip
import io
import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.errors import InputError
from marsad.ingest import parse_fields, read_inputs

TEXT = "أصيب ثلاثة مدنيين بجروح إثر سقوط قذيفة على سوق شعبي في المدينة صباح اليوم، وفق مصادر طبية."
runner = CliRunner()


def write_csv(path, rows, header):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def test_csv_with_a_field_mapping(tmp_path):
    f = tmp_path / "a.csv"
    write_csv(f, [["n1", TEXT, "2021-05-02", "وكالة"], ["n2", "", "2021-05-03", "وكالة"]],
              ["article_id", "Body", "date", "Source"])
    arts = list(read_inputs([str(f)], fields=parse_fields("id=article_id,text=body,published=date")))
    assert [(a.id, a.ok, a.published, a.source) for a in arts] == [
        ("n1", True, "2021-05-02", "وكالة"), ("n2", False, "2021-05-03", "وكالة")]
    assert arts[0].text == TEXT and "empty" in (arts[1].error or "")


def test_csv_without_the_text_column_is_one_clear_error(tmp_path):
    f = tmp_path / "b.csv"
    write_csv(f, [["1", TEXT]], ["id", "body"])
    (art,) = read_inputs([str(f)])
    assert art.error_code == "E110" and "--map text=" in (art.error or "")


def test_csv_in_windows_1256(tmp_path):
    f = tmp_path / "c.csv"
    f.write_bytes(f"id,text\nq1,{TEXT}\n".encode("cp1256"))
    (art,) = read_inputs([str(f)])
    assert art.ok and art.text == TEXT


def test_bad_mappings_are_refused():
    with pytest.raises(InputError):
        parse_fields("txt=body")
    with pytest.raises(InputError):
        parse_fields("text")


def test_gzipped_jsonl_and_text(tmp_path):
    rows = [{"id": "g1", "text": TEXT}, {"id": "g2", "text": TEXT + " وأغلقت الشرطة الطريق."}]
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress("\n".join(json.dumps(r, ensure_ascii=False)
                                                                  for r in rows).encode()))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(TEXT.encode("cp1256")))
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(f"id,text\nz1,{TEXT}\n".encode()))
    arts = list(read_inputs([str(tmp_path)]))
    assert [(a.id, a.ok) for a in arts] == [("g1", True), ("g2", True), ("b.txt.gz", True), ("z1", True)]


def test_a_gzip_bomb_costs_a_bounded_read(tmp_path):
    f = tmp_path / "bomb.txt.gz"
    with gzip.open(f, "wb") as gz:
        for _ in range(30):
            gz.write(b"a" * 1_000_000)
    (art,) = read_inputs([str(f)])
    assert art.error_code == "E103"


def test_jsonl_line_over_the_limit_is_an_error_and_the_next_line_is_read(tmp_path):
    from marsad.ingest.archives import read_jsonl
    from marsad.ingest.registry import ReadOptions

    data = (json.dumps({"id": "big", "text": "ا" * 500}) + "\n" + json.dumps({"id": "ok", "text": TEXT},
                                                                         ensure_ascii=False) + "\n").encode()
    arts = list(read_jsonl(io.BytesIO(data), "x.jsonl", ReadOptions(max_bytes=400)))
    assert [(a.id, a.error_code) for a in arts] == [("x.jsonl:1", "E103"), ("ok", None)]


@pytest.mark.parametrize(("data", "ids"), [
    (json.dumps({"id": "s1", "text": TEXT}, ensure_ascii=False).encode(), ["s1"]),
    (TEXT.encode(), ["stdin"]),
    (f"<html><body><article><p>{TEXT}</p></article></body></html>".encode(), ["stdin"]),
])
def test_stdin_is_read_by_what_it_looks_like(data, ids):
    arts = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [a.id for a in arts] == ids and all(a.ok for a in arts)


def test_an_unreachable_url_is_an_error_record():
    (art,) = read_inputs(["http://127.0.0.1:9/feed.xml"])
    assert art.error_code == "E111"


def test_extract_map_option(tmp_path):
    f = tmp_path / "a.csv"
    write_csv(f, [["k1", TEXT]], ["key", "content"])
    result = runner.invoke(app, ["extract", str(f), "--map", "id=key,text=content"])
    (rec,) = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert rec["id"] == "k1" and "error" not in rec


def test_without_the_extras_pages_and_feeds_are_error_records_that_say_what_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now fails, as on a light install
    monkeypatch.setitem(sys.modules, "feedparser", None)
    (tmp_path / "a.html").write_text(f"<html><body><p>{TEXT}</p></body></html>", encoding="utf-8")
    (tmp_path / "b.rss").write_text('<rss version="2.0"><channel></channel></rss>', encoding="utf-8")
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    arts = list(read_inputs([str(tmp_path)]))
    assert [(a.id, a.error_code) for a in arts] == [("a.html", "E113"), ("b.rss", "E113"), ("c.txt", None)]
    assert "marsad[html]" in (arts[0].error or "") and "marsad[feeds]" in (arts[1].error or "")


def test_json_documents_one_object_or_an_array(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"id": "j1", "text": TEXT}, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"text": TEXT}, 3, {"id": "j3", "text": ""}], ensure_ascii=False),
                                     encoding="utf-8")
    (tmp_path / "c.json").write_text("{broken", encoding="utf-8")
    arts = list(read_inputs([str(tmp_path)]))
    assert [(a.id, a.error_code) for a in arts] == [("j1", None), ("b.json:1", None), ("b.json:2", "E106"),
                                                   ("j3", "E101"), ("c.json", "E106")]
