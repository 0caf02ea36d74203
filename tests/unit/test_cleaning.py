import datetime as dt

from newsclaims.cleaning import clean, repair


def test_mojibake_is_repaired_and_quotes_kept():
    fixed, changed = repair("if you don\u00e2\u20ac\u2122t already have one")
    assert changed
    assert fixed == "if you don\u2019t already have one"


def test_clean_text_is_left_alone():
    text = "Kyiv\u2019s figures \u2014 \u201cquoted\u201d"
    assert repair(text) == (text, False)


def test_boilerplate_is_set_apart_from_the_body():
    body = "\n".join([
        "Photo by Seneline Shutterstock.com",
        "The military said 25 tanks were destroyed.",
        "___________________________",
        "Thank you for taking the time to read this article.",
        "Share this story",
        "Subscribe to our Euro Weekly News alerts to get the latest stories into your inbox!",
        "By signing up, you will create an account. Review our",
        "Privacy Policy for more information about our privacy practices.",
    ])
    cleaned = clean("Title", body)
    assert cleaned.body == "The military said 25 tanks were destroyed."
    assert "Share this story" in cleaned.boilerplate
    assert "Photo by Seneline Shutterstock.com" in cleaned.boilerplate
    assert len(cleaned.boilerplate.splitlines()) == 7


def test_invisible_format_characters_are_removed_for_extraction():
    from newsclaims.extraction.extractor import Extractor

    cleaned = clean("Tally\u200b", "The General Staff said 150\u200b,702 Russian soldiers were killed so \u2066far\u2069.")
    assert cleaned.title == "Tally"
    assert "150,702" in cleaned.body and "\u2066" not in cleaned.body
    [claim] = Extractor().extract(cleaned.title, cleaned.body, dt.date(2023, 1, 1), "Wire")
    assert claim.value == 150702
