"""`marsad extract` keeps SPEC's contract: one record per article, in order, errors that say why."""

import json

from typer.testing import CliRunner

from marsad.cli import app

runner = CliRunner()
GOOD = "قتل جندي وأصيب ثلاثة آخرون بانفجار عبوة ناسفة استهدفت دورية عسكرية قرب المدينة."


def lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def test_junk_empty_and_good_give_two_errors_one_article_and_a_failing_status(tmp_path):
    (tmp_path / "a_junk.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_good.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--published", "2023-04-02"])
    recs = lines(result.stdout)
    assert [r["id"] for r in recs] == ["a_junk.txt", "b_empty.txt", "c_good.txt"]
    assert "binary" in recs[0]["error"] and recs[0]["events"] == []
    assert "empty" in recs[1]["error"] and recs[1]["events"] == []
    assert "error" not in recs[2] and recs[2]["published"] == "2023-04-02"
    assert result.exit_code == 2


def test_jsonl_input_keeps_ids_order_and_own_dates(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "x2", "text": GOOD, "published": "2021-06-01"}, {"id": "x1", "text": GOOD},
            {"id": "bad", "text": ""}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(src), "--published", "2023-01-01"])
    recs = lines(result.stdout)
    assert [r["id"] for r in recs] == ["x2", "x1", "bad", "in.jsonl:4"]
    assert [r["published"] for r in recs[:2]] == ["2021-06-01", "2023-01-01"]
    assert result.exit_code == 2


def test_spans_point_into_the_input_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    (rec,) = lines(runner.invoke(app, ["extract", str(path)]).stdout)
    assert rec["events"], rec
    for ev in rec["events"]:
        for item in ev["evidence"]:
            s, e = item["span"]
            assert GOOD[s:e] == item["text"]


def test_stdin_and_json_format(tmp_path):
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=GOOD.encode())
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data[0]["id"] == "stdin"
    assert result.exit_code == 0


def test_output_file_and_a_missing_input(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "-o", str(out)])
    (rec,) = lines(out.read_text(encoding="utf-8"))
    assert "no such file" in rec["error"] and result.exit_code == 1


def test_a_bad_published_date_is_refused():
    result = runner.invoke(app, ["extract", "-", "--published", "2023-13-45"], input=GOOD.encode())
    assert result.exit_code != 0


def test_a_folder_skips_what_is_no_article_and_says_so(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes about these articles\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        result = runner.invoke(app, ["extract", str(tmp_path)])
    assert [r["id"] for r in lines(result.stdout)] == ["a.txt"]
    assert result.exit_code == 0
    assert "README.md" in caplog.text
