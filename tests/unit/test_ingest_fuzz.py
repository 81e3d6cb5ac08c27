"""No input makes a reader raise: random bytes and random text under every suffix give records."""

import gzip
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.ingest.article import Article
from marsad.ingest.readers import read_stream
from marsad.ingest.registry import READERS, ReadOptions

SUFFIXES = [".txt", ".html", ".xml", ".jsonl", ".json", ".csv", ".gz"]
ARABIC_ISH = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.text(
    alphabet="قصفعلىالمدينةفيصباحاليوم <>/\"'{}:,\n#©0123456789", max_size=300)


def read_all(data: bytes, suffix: str) -> list[Article]:
    return list(READERS[suffix](io.BytesIO(data), "x" + suffix, ReadOptions()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(data, suffix):
    arts = read_all(data, suffix)
    assert arts
    for art in arts:
        assert art.ok or (art.error and art.error_code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABIC_ISH, st.sampled_from(SUFFIXES))
def test_random_text_never_raises_and_every_input_gives_a_record(text, suffix):
    data = text.encode("utf-8")
    if suffix == ".gz":
        data = gzip.compress(data)
    arts = read_all(data, suffix)
    for art in arts:
        assert art.ok or (art.error and art.error_code)
    assert arts  # never silently nothing


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_stdin_never_raises(data):
    assert list(read_stream(data, "stdin"))
