"""General rules added in rules-4, each shown on a made-up sentence (none from the gold set)."""

from __future__ import annotations

import pytest

from apostil.store.entities import find_entities
from apostil.store.entities.dates import find_dates


def found(text: str) -> dict[str, str]:
    """surface -> type for every mention."""
    return {text[s:e]: ent.type for ent in find_entities(text) for s, e in ent.mentions}


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # wire datelines abbreviate months without a full stop
        ("HARBIN, Jan 9 (Reuters) - Ice festival crews worked overnight.", ["Jan 9"]),
        ("OSLO, Sept 14 (AP) - Ferries resumed.", ["Sept 14"]),
        ("Dec will be a busy month, Dec Smith said.", []),
        # ranges of years
        ("He taught there through the 1961-1974 dictatorship.", ["1961", "1974"]),
        # a month after another month, or after "the year to"
        ("Rain fell in April and June across the plain.", ["April", "June"]),
        ("Profit doubled in the year to March, the miner said.", ["March"]),
        ("The levy lasts until at least 2031, the ministry said.", ["2031"]),
        ("At least 2031 people signed.", []),
    ],
)
def test_more_date_forms(text: str, dates: list[str]) -> None:
    assert [text[s:e] for s, e in find_dates(text)] == dates
