"""Duplicates: exact and wire copies are linked to their first copy; a shared template or footer
does not make two different articles one."""

import json
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest.dedup import DedupIndex

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
STORY = (FIX / "article.txt").read_text(encoding="utf-8").strip()
FOOTER = ("تنويه: جميع المواد المنشورة على هذا الموقع تعبر عن آراء كتابها ولا تعبر بالضرورة عن رأي الموقع، "
          "ويمنع نسخ أو إعادة نشر أي مادة دون ذكر المصدر، ونرحب بملاحظاتكم ومقترحاتكم عبر صفحة التواصل، "
          "كما يمكنكم متابعة آخر الأخبار والتقارير المصورة عبر حساباتنا على مواقع التواصل الاجتماعي على مدار الساعة.")
A = ("افتتحت بلدية المدينة صباح الأحد حديقة عامة جديدة في الحي الشرقي بمساحة تقارب خمسة آلاف متر مربع، "
     "وتضم ملاعب للأطفال ومسارات للمشي وأكشاكا صغيرة، وقال رئيس البلدية إن المشروع استغرق عاما كاملا.")
B = ("عقدت غرفة التجارة اجتماعا موسعا مع ممثلي القطاع الخاص لبحث ارتفاع أسعار المواد الغذائية في الأسواق، "
     "واتفق المجتمعون على تشكيل لجنة لمتابعة الأسعار ورفع توصياتها إلى الوزارة خلال أسبوعين من الآن.")


def bulletin(killed: int, wounded: int, raids: int) -> str:
    return (f"أعلن المرصد في تقريره اليومي مقتل {killed} أشخاص وإصابة {wounded} آخرين في أنحاء البلاد خلال "
            f"الساعات الأربع والعشرين الماضية، وأوضح التقرير أن الطائرات الحربية نفذت {raids} غارة على مناطق "
            "متفرقة، فيما تواصلت الاشتباكات على عدة جبهات في الأرياف الشمالية والجنوبية، وأشار المرصد إلى أن "
            "حصيلة الضحايا مرشحة للارتفاع بسبب وجود جرحى في حالات خطرة ونقص المستلزمات الطبية في المشافي.")


def test_exact_copies_modulo_diacritics_punctuation_and_spacing():
    index = DedupIndex()
    assert index.add("a", STORY) is None
    copy = STORY.replace("قتل", "قُتِلَ").replace("،", " ، ").replace("\n", "\n\n")
    dup = index.add("b", copy)
    assert dup is not None and (dup.first, dup.kind) == ("a", "exact")


def test_the_same_wire_story_in_another_outlet_is_a_near_copy():
    index = DedupIndex()
    assert index.add("outlet-a", STORY) is None
    other = "دير الزور - وكالات: " + STORY.replace("بحسب ما أفاد مراسلنا", "وفق مصادر محلية") + "\nالمصدر: وكالات"
    dup = index.add("outlet-b", other)
    assert dup is not None and (dup.first, dup.kind) == ("outlet-a", "near") and dup.score >= 0.85


def test_articles_sharing_a_footer_are_not_copies():
    index = DedupIndex()
    assert index.add("a", A + "\n" + FOOTER) is None
    assert index.add("b", B + "\n" + FOOTER) is None


def test_bulletins_on_one_template_with_other_figures_are_not_copies():
    index = DedupIndex()
    assert index.add("mon", bulletin(12, 30, 14)) is None
    assert index.add("tue", bulletin(9, 21, 14)) is None
    dup = index.add("tue-again", bulletin(9, 21, 14))
    assert dup is not None and dup.first == "tue"


def test_an_article_that_adds_a_paragraph_is_new_but_its_short_version_later_is_a_copy():
    index = DedupIndex()
    first_para = STORY.split("\n")[0]
    assert index.add("short", first_para + "\n" + STORY.split("\n")[1]) is None
    assert index.add("long", STORY) is None  # it says more than the first copy: extracted again
    later = index.add("short-again", first_para + "\n" + STORY.split("\n")[1] + "\nالمصدر: وكالات")
    assert later is not None and later.first == "short"


def test_extract_links_duplicates_to_their_first_copy(tmp_path):
    (tmp_path / "1.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "2.txt").write_text(STORY + "\n", encoding="utf-8")
    (tmp_path / "3.txt").write_text(A, encoding="utf-8")
    out = CliRunner().invoke(app, ["extract", str(tmp_path)]).stdout
    recs = [json.loads(x) for x in out.splitlines() if x.strip()]
    assert [r.get("duplicate_of") for r in recs] == [None, "1.txt", None]
    assert recs[1]["events"] == [] and "error" not in recs[1]
    assert recs[0]["events"]
