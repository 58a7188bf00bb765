"""Finding capitalised name sequences in text: words, connectors, sentence starts.

A *span* is a run of capitalised words joined by single spaces or name connectors
("al-", "bin", "de", "van", "of the", "and"), never across a line break or a possessive.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Closed-class words and sentence openers that are capitalised only because they start a
# sentence: never the first word of a name.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "then",
        "than",
        "thus",
        "its",
        "it",
        "it's",
        "he",
        "she",
        "his",
        "her",
        "hers",
        "him",
        "we",
        "our",
        "ours",
        "us",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "while",
        "whilst",
        "if",
        "unless",
        "although",
        "though",
        "because",
        "since",
        "as",
        "at",
        "in",
        "on",
        "of",
        "off",
        "for",
        "from",
        "to",
        "into",
        "onto",
        "by",
        "with",
        "without",
        "within",
        "about",
        "above",
        "below",
        "under",
        "over",
        "after",
        "before",
        "during",
        "until",
        "till",
        "between",
        "among",
        "amid",
        "against",
        "across",
        "along",
        "around",
        "through",
        "throughout",
        "toward",
        "towards",
        "upon",
        "despite",
        "however",
        "meanwhile",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "but",
        "and",
        "or",
        "nor",
        "so",
        "yet",
        "also",
        "still",
        "even",
        "just",
        "only",
        "both",
        "either",
        "neither",
        "each",
        "every",
        "all",
        "any",
        "some",
        "many",
        "much",
        "most",
        "more",
        "less",
        "least",
        "few",
        "several",
        "other",
        "another",
        "such",
        "no",
        "not",
        "nor",
        "now",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "here",
        "well",
        "yes",
        "oh",
        "please",
        "according",
        "instead",
        "rather",
        "perhaps",
        "maybe",
        "indeed",
        "already",
        "again",
        "once",
        "soon",
        "later",
        "earlier",
        "first",
        "second",
        "third",
        "last",
        "next",
        "new",
        "old",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "hundreds",
        "thousands",
        "millions",
        "dozens",
        "tens",
        "like",
        "unlike",
        "near",
        "beyond",
        "beside",
        "besides",
        "inside",
        "outside",
        "whether",
        "after",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "let",
        "lets",
        "let's",
        "there's",
        "here's",
        "that's",
        "what's",
        "instead",
        "overall",
        "finally",
        "initially",
        "ultimately",
        "similarly",
        "additionally",
        "separately",
        "elsewhere",
        "nearby",
        "afterwards",
        "eventually",
        "currently",
        "recently",
        "previously",
        "former",
        "formerly",
        "late",
        "early",
    ]
)

_NAME_CONNECTORS = (
    "de los|de las|de la|van der|van den|von der"
    "|de|da|do|dos|das|del|della|der|den|di|du|des|van|von|ter|la|le|bin|ibn|bint|ben"
    "|al|el|y|e|em|zu|am|im|delle|degli|dei|dello|au|aux|sur|op|aan"
)
_JOIN_CONNECTORS = "of the|of|for the|for|and the|and|&|on"

_ABBREVIATIONS = frozenset(
    [
        "dr",
        "mr",
        "mrs",
        "ms",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "prof",
        "rev",
        "sen",
        "rep",
        "gov",
        "jr",
        "sr",
        "no",
        "vs",
        "inc",
        "corp",
        "ltd",
        "co",
    ]
)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Span:
    """Capitalised words with the connector text between consecutive words."""

    words: list[Word]
    joints: list[str]  # joints[i] is the text between words[i] and words[i + 1]

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def sub(self, i: int, j: int) -> Span:
        return Span(self.words[i:j], self.joints[i : j - 1])


@functools.cache
def _upper_class() -> str:
    chars = [chr(c) for c in range(0x41, 0x2000) if chr(c).isupper() or chr(c).istitle()]
    chars += [chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper()]
    return "".join(chars)


def _word_regexes() -> tuple[str, str, str]:
    up = _upper_class()
    # "al-Assad", "bin-Salman"; and elided articles: "d'Ivoire", "dell'Arno", "l'Or"
    arabic = (
        r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ul|ud|bin|ibn|abu|abd)-|(?:d|dell|sull|l)['’](?=[A-Z]))"
    )
    abbrev = r"(?:Dr|Mr|Mrs|Ms|St|Mt|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Sen|Rep|Gov|Jr|Sr)\."
    dotted = rf"(?:[{up}]\.){{2,}}"
    # A possessive "'s" is never part of a word: "Syria's" -> "Syria".
    # "H&M", "S&P", "AT&T": an ampersand between capitals is inside the word.
    word = rf"(?:{arabic})?[{up}](?:\w|[’'](?=\w)(?![sS]\b)|[.\-‐](?=\w)|&(?=[{up}]))*"
    return abbrev, dotted, word


@functools.cache
def word_pattern() -> re.Pattern[str]:
    """One capitalised word (or an abbreviated title, or a dotted acronym)."""
    up = _upper_class()
    abbrev, dotted, word = _word_regexes()
    # The leading lookahead lets the regex engine skip most positions quickly.
    return re.compile(rf"(?=[{up}abeiuds])(?<![\w’'])(?:{abbrev}|{dotted}|{word})")


@functools.cache
def span_pattern() -> re.Pattern[str]:
    """A run of capitalised words joined by spaces and name connectors, on one line."""
    up = _upper_class()
    abbrev, dotted, word = _word_regexes()
    space = r"[ \t\u00a0]+"
    joint = rf"[’']?{space}(?:(?:{_NAME_CONNECTORS}|{_JOIN_CONNECTORS}){space})?"
    return re.compile(
        rf"(?=[{up}abeiuds])(?<![\w’'])(?:{abbrev}{space})*(?:{dotted}|{word})(?:{joint}(?:{dotted}|{word}))*"
    )


def is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s")) and len(word) > 2


# A name's last word whose full stop belongs to it: "Chisso Corp.", "Karim B.", "Ana Ruiz Jr."
_COMPANY_ABBREVIATIONS = ("Corp", "Co", "Ltd", "Inc", "Bhd", "Pty", "Jr", "Sr", "Bros")
# US states as news agencies abbreviate them: "Lansing, Mich."
_STATE_ABBREVIATIONS = (
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
)  # fmt: skip
_ABBREVIATED_ENDINGS = frozenset((*_COMPANY_ABBREVIATIONS, *_STATE_ABBREVIATIONS))


def _full_stop_belongs(text: str, end: int, word: str, *, alone: bool) -> bool:
    """Whether the full stop after ``word`` is part of the name: "Corp.", "Mich.", and an
    initial ending a longer name ("Karim B.")."""
    if text[end : end + 1] != ".":
        return False
    initial = not alone and len(word) == 1 and word.isupper()
    return word in _ABBREVIATED_ENDINGS or initial


def find_spans(text: str, offset: int = 0) -> list[Span]:
    """Runs of capitalised words in ``text``; offsets shifted by ``offset``."""
    words_in = word_pattern().finditer
    spans: list[Span] = []
    for match in span_pattern().finditer(text):
        start, end = match.span()
        seq = match.group()
        if " " not in seq and "\t" not in seq and "\u00a0" not in seq:
            stop = end + 1 if _full_stop_belongs(text, end, seq, alone=True) else end
            spans.append(Span([Word(start + offset, stop + offset, seq)], []))
            continue
        words = [
            Word(start + offset + w.start(), start + offset + w.end(), w.group())
            for w in words_in(seq)
        ]
        joints = [
            text[words[i].end - offset : words[i + 1].start - offset] for i in range(len(words) - 1)
        ]
        last = words[-1]
        if _full_stop_belongs(text, end, last.text, alone=False):
            words[-1] = Word(last.start, last.end + 1, last.text)  # the text stays "Corp"
        spans.append(Span(words, joints))
    return spans


def is_sentence_start(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens a sentence, a line, a quote or a heading."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"'“‘«([*•-–—":
        if text[i] in "—–-" and i > 0 and text[i - 1] not in " \n":
            return False
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if ch == "\n":
        return not _wrapped_line_before(text, i)
    if ch in "!?:;":
        return True
    if ch in ".…":
        j = i - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        before = text[j + 1 : i]
        return not (before.lower() in _ABBREVIATIONS or (len(before) == 1 and before.isupper()))
    if ch in "\"”'’" and i > 0 and text[i - 1] in ".!?,":
        return text[i - 1] != ","
    return False


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Short lines written in Title Case (headlines): their capitals prove nothing."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if len(line) < 200 and not line.lstrip().startswith("By "):  # a byline is not a headline
            words = [w for w in line.split() if w[:1].isalpha()]
            if len(words) >= 4:
                caps = sum(1 for w in words if w[0].isupper())
                if caps / len(words) >= 0.75:
                    out.append((pos, end))
        pos = end + 1
    return out


def _wrapped_line_before(text: str, newline: int) -> bool:
    """A hard-wrapped paragraph: a long line before ``newline`` that stops mid-sentence."""
    if newline == 0 or text[newline - 1] in "\n\r":
        return False
    line_start = text.rfind("\n", max(0, newline - 200), newline) + 1
    line = text[line_start:newline].rstrip()
    return len(line) >= 60 and (line[-1].isalnum() or line[-1] in ",;-")
