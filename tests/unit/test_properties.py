"""Property tests: arbitrary input never crashes the parser, the cleaner or the extractor."""

import datetime as dt
import gzip

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


GOOD_LINE = b'{"url": "u", "date": "2023-03-01", "title": "T", "text": "Ukraine said 12 Russian tanks were destroyed."}'
FILE_BYTES = st.one_of(
    st.binary(max_size=300),
    # JSON lines, some good, some not, joined by any line ending
    st.lists(st.one_of(st.just(GOOD_LINE), st.binary(max_size=80), st.just(b'{"a": ' * 50)), max_size=5).flatmap(
        lambda lines: st.sampled_from([b"\n", b"\r\n", b"\xe2\x80\xa8"]).map(lambda sep: sep.join(lines))),
    # gzip of anything, whole or cut short
    st.tuples(st.binary(max_size=200), st.booleans()).map(
        lambda t: gzip.compress(t[0])[: None if t[1] else -3]),
    st.just(b"date 2023-03-01\nTitle\nUkraine's General Staff said 500 Russian soldiers were killed.\n"),
)
FILE_NAMES = st.sampled_from(["a.txt", "b.jsonl", "c.jsonl.gz", "d.txt.gz", "e.html", "f", "g.json", "h.part",
                              ".hidden.txt", "caf\udce9.txt"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.dictionaries(FILE_NAMES, FILE_BYTES, max_size=6))
def test_an_arbitrary_inbox_never_fails_landing_or_extraction_and_every_file_is_accounted_for(files):
    import os
    import tempfile
    from pathlib import Path

    from newsclaims.extract_stage import run_extract
    from newsclaims.landing import land
    from newsclaims.warehouse import connect

    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        for name, data in files.items():
            # a name with odd bytes (a surrogate escape) is written as the bytes it stands for
            with open(os.path.join(os.fsencode(str(inbox)), os.fsencode(name)), "wb") as fh:
                fh.write(data)
        with connect(Path(tmp) / "w.duckdb") as con:
            result = land(con, inbox, "run-1", today=dt.date(2024, 1, 1))
            run_extract(con, "run-1", version="v-test")
            stored = con.execute("select count(*) from raw.files").fetchone()[0]
            pending = con.execute("select count(*) from raw.articles a where not exists (select 1 from "
                                  "extract.article_texts t where t.article_id = a.article_id)").fetchone()[0]
            again = land(con, inbox, "run-2", today=dt.date(2024, 1, 1))
        # every file read is one raw.files row, unless its bytes were another's or it was deferred
        assert stored + result.files_unchanged + result.files_deferred == result.files_seen
        assert pending == 0  # every landed article was extracted or quarantined
        assert again.articles_landed == 0 and again.rejects == 0  # and landing again adds nothing
