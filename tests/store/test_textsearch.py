"""Search in an article: any case for text, ``re:`` for a regular expression."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apostil.store.textsearch import SearchError, find_matches


def test_regex_search_finds_what_it_says() -> None:
    assert find_matches("a1 b22 c333", r"re:\d+") == [(1, 2), (4, 6), (8, 11)]
    assert find_matches("Aa aA", "aa") == [(0, 2), (3, 5)]
    assert find_matches("abc", "re:x*") == []  # empty matches are skipped


def test_text_that_looks_like_a_regex_is_searched_literally() -> None:
    assert find_matches("cost: $5 (approx.)", "$5 (approx.)") == [(6, 18)]


@pytest.mark.parametrize("query", ["re:(", "re:"])
def test_a_bad_regex_is_a_one_line_error(query: str) -> None:
    with pytest.raises(SearchError) as caught:
        find_matches("text", query)
    assert "\n" not in str(caught.value)


ASCII = st.text(alphabet="abcAB .", max_size=200)


@given(ASCII, st.text(alphabet="abAB.", min_size=1, max_size=4))
def test_every_match_is_the_query_in_any_case(text: str, query: str) -> None:
    matches = find_matches(text, query)
    for start, end in matches:
        assert text[start:end].lower() == query.lower()
    assert len(matches) == text.lower().count(query.lower())  # non-overlapping, like count
