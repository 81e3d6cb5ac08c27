"""Stage contracts: the order check, the Document contract, the version stamp."""

from dataclasses import dataclass

import pytest

from marsad.document import Document
from marsad.errors import MarsadError, PipelineOrderError
from marsad.pipeline import Pipeline, check_order


@dataclass
class Fake:
    name: str
    requires: tuple = ()
    assigns: tuple = ()
    version: str = "fake.v1"
    returns_other: bool = False

    def __call__(self, doc):
        return object() if self.returns_other else doc


def test_order_is_checked_at_build_time():
    with pytest.raises(PipelineOrderError, match="requires mentions:place"):
        check_order([Fake("resolve", requires=("mentions:place",)), Fake("places", assigns=("mentions:place",))])
    check_order([Fake("places", assigns=("mentions:place",)), Fake("resolve", requires=("mentions:place",))])


def test_a_stage_twice_is_refused():
    with pytest.raises(PipelineOrderError, match="twice"):
        check_order([Fake("a"), Fake("a")])


def test_unknown_stage_names_fail_with_the_known_ones():
    with pytest.raises(PipelineOrderError, match="unknown stages: nope"):
        Pipeline.default(["segment", "nope"])


def test_a_stage_must_return_its_document():
    p = Pipeline([Fake("bad", returns_other=True)])
    with pytest.raises(MarsadError, match="returned object"):
        p(Document.from_text("نص"))


def test_default_pipeline_runs_in_order_and_stamps(pipeline):
    doc = pipeline("سقطت ثلاثة صواريخ على المطار.", published="2023-02-01")
    assert doc.done == [s.name for s in pipeline.stages]
    stamp = pipeline.stamp()
    assert set(stamp) == {"marsad", "stages", "resources", "ingest_resources", "gazetteer"}
    assert stamp["stages"]["events"].startswith("events.")
    version, digest = pipeline.fingerprint().rsplit("+", 1)
    assert version == stamp["marsad"] and len(digest) == 8


def test_rejections_keep_the_stage_and_code():
    @dataclass
    class Boom(Fake):
        def __call__(self, doc):
            raise MarsadError("E999", "broken on purpose")

    doc = Pipeline([Boom("boom")], errors="reject")(Document.from_text("نص"))
    assert [(r.stage, r.code) for r in doc.rejections] == [("boom", "E999")]


def test_event_bound_stages_are_skipped_where_no_trigger_word_was_found(pipeline):
    quiet = pipeline("افتتح المحافظ معرضا للكتاب في مدينة حلب يوم الخميس.", published="2023-02-01")
    assert {"numbers", "dates", "places", "actors"} <= set(quiet.skipped)
    assert not quiet.mentions_of("place") and not quiet.events
    loud = pipeline("سقطت ثلاثة صواريخ على مدينة حلب يوم الخميس.", published="2023-02-01")
    assert not loud.skipped and loud.mentions_of("place") and loud.events


def test_without_the_trigger_lexicon_nothing_is_skipped():
    doc = Pipeline.default(["segment", "places"])("افتتح المحافظ معرضا في مدينة حلب.")
    assert doc.done == ["segment", "places"] and doc.mentions_of("place")


def test_a_trigger_word_without_what_it_needs_leaves_the_article_quiet(pipeline):
    # `هجوم` needs some sign of violence and `أطلق` a weapon: a football match has neither
    match = pipeline("شن الفريق هجوما قويا وأطلق اللاعب كرة في المرمى في ملعب حلب.", published="2023-02-01")
    assert match.quiet and "places" in match.skipped and not match.events
    armed = pipeline("أطلق مسلحون صاروخا على ملعب حلب.", published="2023-02-01")
    assert not armed.quiet and armed.events


def test_every_stage_runs_when_quiet_articles_are_not_skipped():
    doc = Pipeline.default(skip_quiet=False)("افتتح المحافظ معرضا في مدينة حلب.")
    assert doc.quiet and not doc.skipped and doc.mentions_of("place")
