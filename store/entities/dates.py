"""Date mentions: day-month, month-day, month-year, weekdays, ISO dates, decades, and years
or months alone only where the words before them say they are used as dates."""

from __future__ import annotations

import functools
import re

_FULL_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTHS = (
    _FULL_MONTHS + "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\."
)
# "Dec 3", "Sept 25" (wire style without the full stop): only before a day number.
_SHORT_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_SHORT_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"  # only before a date

# A year (or a bare month) counts as a date only right after one of these.
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|In|since|Since|until|Until|till|by|By|from|From|through|throughout|within|for"
    r"|before|Before|after"
    r"|After|during|During|of|early|Early|late|Late|mid|around|circa|year|summer|winter"
    r"|spring|autumn|season|last|next|this|end|start|beginning|between|Between)"
    r"\s+(?:at\s+(?:least|the\s+earliest|the\s+latest)\s+)?(?:(?:early|late|mid)-?\s*)?"
    r"|\bmid-|\()$"
)
# "the 2030 World Cup", "a 2026 budget", "the country's 2010 eruption": a year used as an
# adjective after a determiner or a possessive, followed by a word.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?i:the|a|its|their|his|her|our|this|next|last)|[’']s)\s+$")
_WORD_AFTER = re.compile(r"\s+[A-Za-z]")
_UNIT_AFTER = re.compile(
    r"\s+(?:people|persons|workers|residents|tonnes|tons|metres|meters|feet|km|kilometres"
    r"|miles|units|homes|jobs|troops|soldiers|cases|deaths|votes|seats|pages|words)\b"
)
# "in February and March", "from January to May": a month after another month.
_AFTER_MONTH = re.compile(
    rf"\b(?:{_FULL_MONTHS})\s*(?:,|and|or|to|-|–|until|through)\s*$"
    r"|\b(?:year|months|weeks|quarter|period|fiscal year)\s+(?:to|ending|ended)\s+$"
)
_AFTER_YEAR = re.compile(r"\b" + _YEAR + r"\s*(?:,|and|or|to|-|–|until|through)\s*$")
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    "|twenty-first"
)
_COUNT_BEFORE = re.compile(r"\b(?:for|of|to|about|some|nearly|almost|over)\s+$")
_AMBIGUOUS_MONTHS = frozenset({"May", "March"})


@functools.cache
def _pattern() -> re.Pattern[str]:
    months = f"(?:{_MONTHS})"
    days = rf"{_DAY}(?:\s*(?:[-–]|to)\s*{_DAY})?"  # "11-12 March", "March 3–5", "21 to 25 July"
    # "4 Sep 2025": a short month without its full stop, after a day number
    dmy = rf"\b{days}\s+(?:of\s+)?(?:{months}|(?:{_SHORT_MONTHS})\b)(?:,?\s+{_YEAR}\b)?"
    mdy = rf"\b(?:{months}|(?:{_SHORT_MONTHS})(?=\s+\d))\s+{days}\b(?:,\s*{_YEAR}\b|\s+{_YEAR}\b)?"
    alternatives = [
        rf"(?P<iso>\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)",
        # "Monday, October 8", "Friday 3 March", "Thu 4 Sep 2025": the weekday and its date
        rf"(?P<wdate>\b(?:{_WEEKDAY}|{_SHORT_WEEKDAY}),?\s+(?:{dmy}|{mdy}))",
        rf"(?P<dmy>{dmy})",
        rf"(?P<mdy>{mdy})",
        # "1975-1990", "2019–20", "2024/25": a range of years, one date as written
        rf"(?P<range>(?<![\d.,$£€:/-]){_YEAR}[-–/](?:{_YEAR}|\d\d)\b(?![-–/]\d))",
        # "June-July 2022", "March to May 2024": a range of months in one year
        rf"(?P<mrange>\b(?:{_FULL_MONTHS})\s*(?:[-–]|to)\s*(?:{_FULL_MONTHS})\s+{_YEAR}\b)",
        rf"(?P<my>\b{months}\s+(?:of\s+)?{_YEAR}\b)",
        # "Q4 2025", "H1 2026": a quarter or a half of a year
        rf"(?P<quarter>\b[QH][1-4]\s+{_YEAR}\b)",
        # "the 13th century", "the ninth century": a century as a date
        rf"(?P<century>\b(?:{_ORDINAL_WORDS}|\d{{1,2}}(?:st|nd|rd|th))(?:\s*[-–]\s*|\s+)century\b)",
        rf"(?P<num>\b(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/{_YEAR}\b)",
        rf"(?P<weekday>\b{_WEEKDAY}s?\b)",
        r"(?P<decade>\b(?:1[5-9]|20)\d0s\b)",
        rf"(?P<month>\b(?:{_FULL_MONTHS})\b)",  # full names only: "Dec Smith"
        rf"(?P<year>(?<![\d.,$£€:/-]){_YEAR}(?!\d|,\d|\.\d|%|-\d|–\d))",
    ]
    # The lookahead lets the regex engine skip positions that cannot start a date (~10x).
    return re.compile("(?=[0-9JFMASONDTWQHefstn])(?:" + "|".join(alternatives) + ")")


def find_dates(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of every date in ``text`` (shifted by ``offset``), in order."""
    out: list[tuple[int, int]] = []
    for match in _pattern().finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "weekday" and text[end - 1] == "s":
            end -= 1  # "Mondays" -> keep the weekday
        if (
            kind == "year"
            and _UNIT_AFTER.match(text, end)
            and _COUNT_BEFORE.search(text, max(0, start - 8), start)
        ):
            continue  # "for 2026 people": a count
        if kind in ("year", "month"):
            before = text[max(0, start - 24) : start]
            if not (
                _CONTEXT_BEFORE.search(before)
                or (kind == "year" and _AFTER_YEAR.search(before))
                or (kind == "month" and _AFTER_MONTH.search(before))
                or (
                    kind == "year"
                    and _DETERMINER_BEFORE.search(before)
                    and _WORD_AFTER.match(text, end)
                    and not _UNIT_AFTER.match(text, end)
                )
            ):
                if kind == "year" or match.group() in _AMBIGUOUS_MONTHS:
                    continue
                if not _month_alone_ok(text, start):
                    continue
        out.append((start + offset, end + offset))
    return out


def _month_alone_ok(text: str, start: int) -> bool:
    """A month name without a day or year: a date unless it starts a sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i >= 0 and text[i] not in ".!?\n"
