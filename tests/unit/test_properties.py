"""Property tests: arbitrary input never crashes the parser, the cleaner or the extractor."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclaims.cleaning import clean
from newsclaims.extraction.extractor import extract_claims, split_sentences
from newsclaims.extraction.numbers import find_numbers
from newsclaims.parsing import parse_file

NEWSY = st.lists(
    st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.-;:'\"\n()%$")
                             + ["killed", " soldiers ", " said ", "according to ", "Ukraine", "Russian",
                                " tanks ", "between ", " and ", "over ", "million", "two", "a dozen",
                     "on Monday", "24 February", "\u2019", "\u00e2\u20ac\u2122", "\ufeff", "\u0000"]),
    max_size=120,
).map("".join)
RELAXED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RELAXED
@given(name=st.sampled_from(["a.txt", "b.jsonl", "c.html", "d"]), data=st.binary(max_size=600))
def test_parse_file_never_raises_on_bytes(name, data):
    result = parse_file(name, data, today=dt.date(2024, 1, 1))
    assert len(result.articles) + len(result.rejects) >= 1  # every input is landed or says why not


@RELAXED
@given(body=st.text(max_size=400))
def test_parse_text_format_never_raises(body):
    parse_file("x.txt", ("date 2022-03-01\nTitle\n" + body).encode("utf-8", "surrogatepass"),
               today=dt.date(2024, 1, 1))


@RELAXED
@given(title=NEWSY, body=NEWSY)
def test_clean_and_extract_never_raise_and_offsets_hold(title, body):
    cleaned = clean(title, body)
    for claim in extract_claims(cleaned.title, cleaned.body, dt.date(2022, 3, 1), "Test Wire"):
        text = cleaned.title if claim.section == "title" else cleaned.body
        assert text[claim.sentence_start:claim.sentence_end] == claim.sentence
        assert claim.value > 0


@RELAXED
@given(text=st.text(max_size=300))
def test_sentences_and_numbers_never_raise(text):
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
    for number in find_numbers(text):
        assert number.value >= 0
