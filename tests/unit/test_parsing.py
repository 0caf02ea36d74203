import codecs
import datetime as dt

import pytest

from newsclaims.parsing import RejectError, decode, parse_file, parse_text_article

TODAY = dt.date(2024, 1, 1)

SEED_LIKE = (
    " date 2023-02-07 By Imran Khan \u2022 07 February 2023 \u2022 15:42\n"
    "Ukraine claims record deaths\n"
    "Photo by Someone Shutterstock.com\n"
    "The military in Ukraine has claimed that over 1,030 Russian soldiers have died.\n"
)


def test_text_article_with_byline_and_leading_space():
    article = parse_text_article(SEED_LIKE, today=TODAY)
    assert article.published_on == dt.date(2023, 2, 7)
    assert article.byline.startswith("By Imran Khan")
    assert article.title == "Ukraine claims record deaths"
    assert article.body.startswith("Photo by Someone")
    assert article.raw_text == SEED_LIKE
    assert article.outlet is None


def test_text_article_with_source_and_url_headers_and_crlf():
    text = "date 2022-02-25\r\nsource: ABC News\r\nurl: https://x.test/a\r\nTitle here\r\nBody line one.\r\nBody two.\r\n"
    article = parse_text_article(text, today=TODAY)
    assert (article.outlet, article.url, article.title) == ("ABC News", "https://x.test/a", "Title here")
    assert article.body == "Body line one.\nBody two."
    assert "\r" not in article.body
    assert article.raw_text == text  # raw keeps the CRLF


def test_jsonl_file_lands_good_lines_and_rejects_broken_ones():
    data = (
        b'{"url": "u1", "date": "2022-03-01", "outlet": "BBC News", "title": "T1", "text": "Body one."}\n'
        b'{"url": "u2", "date": "2022-03-02", "title": "T2", "text": "Body two."\n'
        b'\n'
        b'{"url": "u3", "date": "not a date", "title": "T3", "text": "Body three."}\n'
    )
    result = parse_file("batch.jsonl", data, today=TODAY)
    assert [a.title for a in result.articles] == ["T1"]
    assert result.articles[0].line_number == 1
    assert result.articles[0].outlet == "BBC News"
    reasons = {line: reason for line, reason, _ in result.rejects}
    assert reasons[2].startswith("broken JSON")
    assert reasons[4].startswith("garbled date")
    assert result.rejects[0][2].startswith(b'{"url": "u2"')  # the original bytes are kept


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"date 2022-01-01\nTitle\nBody \xff\xfe broken", "invalid UTF-8"),
        (b"Just some text without a date line\nmore", "no date"),
        (b"date 2022-13-45\nTitle\nBody", "impossible date"),
        (b"date yesterday\nTitle\nBody", "garbled date"),
        (b"date 2999-01-01\nTitle\nBody", "date 2999-01-01 is in the future"),
        (b"<!DOCTYPE html><html><body>hi</body></html>", "HTML page"),
        (b"date 2022-01-01\nOnly a title\n", "no body"),
    ],
)
def test_bad_inputs_are_rejected_with_a_reason(data, reason):
    result = parse_file("bad.txt", data, today=TODAY)
    assert result.articles == []
    assert len(result.rejects) == 1
    line, got, original = result.rejects[0]
    assert got.startswith(reason), got
    assert original == data


def test_utf16_with_bom_is_decoded():
    text = "date 2022-05-01\nT\u00eftle\nBody with \u2019quotes\u2019.\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    result = parse_file("utf16.txt", data, today=TODAY)
    assert [a.title for a in result.articles] == ["T\u00eftle"]
    assert decode(data)[0] == text


def test_decode_rejects_undecodable_bytes():
    with pytest.raises(RejectError, match="invalid UTF-8 at byte 1"):
        decode(b"a\xc3\x28")
