import pytest

from newsclaims.extraction.numbers import find_numbers, words_to_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over 1,030 Russian soldiers", [(1030, None, "at_least")]),
        ("at least 35 people and 134 injured", [(35, None, "at_least"), (134, None, "exact")]),
        ("between 3,000 and 4,000 troops", [(3000, 4000, "exact")]),
        ("3,000-4,000 troops", [(3000, 4000, "exact")]),
        ("between 40-50,000 soldiers", [(40000, 50000, "exact")]),
        ("1.5 million refugees", [(1_500_000, None, "exact")]),
        ("twenty-five thousand people", [(25_000, None, "exact")]),
        ("a dozen tanks", [(12, None, "exact")]),
        ("some 100,000 Russian soldiers", [(100_000, None, "approx")]),
        ("up to 500 perished", [(500, None, "at_most")]),
        ("1,000+ dead", [(1000, None, "at_least")]),
        ("rose from 100 to 200", [(100, None, "exact"), (200, None, "exact")]),
        ("57 killed and 169 wounded", [(57, None, "exact"), (169, None, "exact")]),
    ],
)
def test_find_numbers(text, expected):
    got = [(n.value, n.value_max, n.qualifier) for n in find_numbers(text)]
    assert got == expected


def test_a_alone_is_not_a_number():
    assert find_numbers("a soldier was killed") == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("two", 2), ("forty-four", 44), ("one hundred and twenty", 120), ("three million", 3_000_000)],
)
def test_words_to_number(words, value):
    assert words_to_number(words) == value


def test_the_number_word_prefilter_knows_every_word_the_reader_reads():
    from newsclaims.extraction.numbers import NUMBER_WORDS, has_number_word

    for word in NUMBER_WORDS:
        assert has_number_word(f"They counted {word.title()} of them."), word
    assert not has_number_word("No number here at all, someone often says.")
    assert [n.value for n in find_numbers("a couple dozen drones")] == [24]
    assert find_numbers("two tanks", number_words=False) == []


def test_values_past_any_count_of_the_war_are_not_numbers_of_a_claim():
    from newsclaims.extraction.numbers import find_numbers

    assert [n.value for n in find_numbers("Officials said " + "9" * 400 + " soldiers were killed.")] == []
    assert [n.value for n in find_numbers("They said 20,000,000,000 people fled and 3,000 stayed.")] == [3000]
    [ranged] = find_numbers("between 300 and " + "9" * 400 + " troops")
    assert (ranged.value, ranged.value_max) == (300, None)
