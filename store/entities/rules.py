"""The rules engine, first pass: every capitalised span becomes zero or more candidates.

A candidate is a typed piece of text with a confidence (3 strong: a list or a cue word says
so; 2 context: the words around it say so; 1 a guess) or an untyped piece with hints that the
document-wide pass (``resolve.py``) settles.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .acronyms import find_definitions
from .context import context_cues
from .gazetteer import Gazetteer, derived_demonym, fold
from .scan import Span, Word, find_spans, is_possessive, is_sentence_start
from .wordshape import (
    FUNCTION_CAPS,
    arabic_prefixed,
    is_acronym,
    is_camel_case,
    is_function_word,
    is_name_like,
)

STRONG, CONTEXT, GUESS = 3, 2, 1
DEFAULT = 0.5  # a bare guess from the shape of a name, outvoted by any context

_OF_JOINTS = ("of", "of the", "for", "for the")
_AND_JOINTS = ("and", "&")
_MISC_PREFIXES = frozenset(("Typhoon", "Hurricane", "Cyclone", "Storm", "Tropical", "Super"))
_STORM_WORDS = frozenset(("Typhoon", "Hurricane", "Cyclone", "Storm"))
# Ship prefixes: "MV Ocean Star", "HMS Victory", "USS Gerald R. Ford" are ships, not companies.
_SHIP_PREFIXES = frozenset(
    ("MV", "MS", "M/V", "SS", "HMS", "USS", "RMS", "MT", "FV", "HMAS", "HMCS", "HMNZS", "INS", "RV")
)
_NUMBER_WORDS = frozenset(
    ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twelve")
)
_ORG_VERB_AFTER = re.compile(
    r"(?:[’']s)?,?\s+(?:said|says|announced|warned|urged|reported|estimated|appealed"
    r"|charity|group|organisation|organization)\b"
)
_LEGISLATURES = frozenset(
    (
        "Senate",
        "Parliament",
        "Congress",
        "Legislature",
        "Diet",
        "Bundestag",
        "Bundesrat",
        "Knesset",
        "Duma",
        "Majlis",
    )
)
# Named without "the" mid-sentence, still the body: "Congress approved the money".
_BARE_LEGISLATURES = frozenset(("Senate", "Parliament", "Congress", "Legislature", "Diet"))
# "Mississauga-based", "Abu Dhabi-listed", "state-owned": a qualifier in front of a name.
_QUALIFIER_SUFFIXES = frozenset(
    (
        "based",
        "listed",
        "owned",
        "run",
        "backed",
        "led",
        "funded",
        "born",
        "headquartered",
        "registered",
        "controlled",
        "operated",
        "affiliated",
        "allied",
        "aligned",
    )
)
# Capitalised mid-sentence, these open a name ("First Quantum Minerals", "Can Tho
# University", "New Zealand Rugby"); at a sentence start they are just the first word.
_NAME_OPENERS = frozenset(
    (
        "First",
        "Second",
        "Third",
        "New",
        "Old",
        "Can",
        "May",
        "Will",
        "Still",
        "Just",
        "Only",
        "All",
        "Last",
        "Next",
        "Early",
        "Late",
        "Well",
        "Near",
        "Even",
        "Most",
        "Little",
    )
)
# Plural nouns that take "'s" inside a name: "People's Party", "Children's Hospital".
_POSSESSIVE_NAME_WORDS = frozenset(("People", "Women", "Children", "Men", "Workmen"))
# "Reporting by ...; Editing by ...", "By Jane Roe in Lima": a byline names people.
_CREDIT_BEFORE = re.compile(
    r"(?:(?:^|\n)[ \t]*By|(?:[Rr]eporting|[Ee]diting|[Ww]riting|[Cc]ompiled|[Pp]hotos?) by)"
    r"[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,4}?(?:and[ \t]+)?$"
)
# "the Mulungushi International Conference Centre": a venue, not a research centre.
_VENUE_CENTRES = frozenset(
    ("Conference", "Convention", "Exhibition", "Shopping", "Trade", "Sports", "Leisure", "Arts")
)
_WEAPON_NOUNS = frozenset(
    (
        "rocket",
        "rockets",
        "missile",
        "missiles",
        "launcher",
        "launchers",
        "drone",
        "drones",
        "jet",
        "jets",
        "aircraft",
        "tank",
        "tanks",
        "helicopter",
        "helicopters",
        "system",
        "systems",
    )
)
# "in French", "speaks Spanish", "French-language", "Arabic speakers": a language.
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|into|speaks?|spoken|speaking|from|learn|teach|taught)\s+(?:[A-Z]\w+,?\s+(?:and|or)\s+)?$"
)
_LANGUAGE_AFTER = re.compile(
    r"(?:[-‐ ](?:language|speaking|speakers?|translations?|subtitles|version|dub)\b"
    r"| and [A-Z]\w+ languages)"
)
_PHRASE_END = re.compile(r"\s*(?:[.,;:)!?\n]|$|(?:and|or) [A-Z]\w+\s*(?:[.,;:)!?\n]|$))")
# A Latin species epithet after a capitalised genus: "ricinus", "coli", "natalensis".
_EPITHET_AFTER = re.compile(
    r" ([a-z]{3,}(?:us|um|ae|ii|i|is|ensis|oides|ata|ica|ina|ana|osa|ella|orum|arum|ium))\b"
    r"(?![-'’])"
)
# A model or mission code: letters, a hyphen, a number ("Mi-8", "Su-34", "CryoSat-2",
# "PNV-201"); not a disease ("COVID-19").
_MODEL_CODE = re.compile(r"[A-Z][A-Za-z]{0,9}-\d{1,4}[A-Za-z]{0,2}")
_DISEASE_CODES = frozenset(("COVID", "SARS", "MERS", "H5N1", "H1N1", "EV"))
_LAW_YEAR_AFTER = re.compile(r",? (1[89]\d\d|20\d\d)\b(?![.,]\d)")
_INDEX_NUMBER_AFTER = re.compile(r" (\d{2,4})\b(?![.,]\d|%)")
_INDEX_WORDS = re.compile(r"\b(?:index|points?|benchmark|gauge|rose|fell|gained|lost|closed)\b")
_OPERATION_WORDS = frozenset(("Operation", "Operación", "Opération", "Operação", "Operazione"))
# Words that end the name of a law, a report or a plan: "Limitation of Liability Act".
_DOCUMENT_WORDS = frozenset(
    (
        "Act",
        "Bill",
        "Law",
        "Code",
        "Charter",
        "Report",
        "Regulation",
        "Directive",
        "Strategy",
        "Plan",
        "Programme",
        "Program",
        "Initiative",
        "Convention",
        "Protocol",
        "Declaration",
        "Index",
    )
)
# Small words inside hyphenated French, Italian and English place names.
_PLACE_NAME_PARTICLES = frozenset(
    ("sur", "sous", "du", "de", "des", "les", "la", "le", "en", "lès", "di", "upon", "on")
)
# Law and plan words that close a name with "and" inside: "Water and Sanitation Act".
_LAW_WORDS = frozenset(
    ("Act", "Law", "Bill", "Code", "Treaty", "Convention", "Agreement", "Project", "Programme")
)
# "Boeing 737", "Tesla Model 3" is not caught; "Boeing 737 MAX" keeps "737": a model number
# right after a maker's name (not a year, not an amount: "Boeing 2025 results", "Shell 40%").
_HAS_DIGIT = re.compile(r"\d")
_MODEL_NUMBER_AFTER = re.compile(
    r" ((?:[A-Z]{0,3}-?)\d{2,4}[A-Za-z]{0,3})\b"
    r"(?![.,%]\d|%| (?:per|percent|million|billion|jobs|workers|people|staff))"
)
_YEAR_ONLY = re.compile(r"1[5-9]\d\d|20\d\d")
_NUMBER_AFTER = re.compile(r" (\d{1,4}[A-Z]?)\b(?![.,]\d)")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    surface: str
    type: str | None
    score: int
    hints: frozenset[str] = frozenset()
    sentence_initial: bool = False
    words: int = 1
    link: str | None = None  # a person's full name, for a mention by surname


def _strip_possessive(word: Word) -> Word:
    if is_possessive(word.text):
        return Word(word.start, word.end - 2, word.text[:-2])
    if word.text.endswith(("'", "’")):
        return Word(word.start, word.end - 1, word.text[:-1])
    return word


class SpanClassifier:
    """Turns the spans of one text into candidates."""

    def __init__(self, gaz: Gazetteer, text: str, dates: list[tuple[int, int]]) -> None:
        self.gaz = gaz
        self.text = text
        self.dates = dates
        self.org_suffixes = gaz.cue("org_suffixes")
        self.org_heads = gaz.cue("org_heads")
        self.place_suffixes = gaz.cue("place_suffixes")
        self.place_prefixes = gaz.cue("place_prefixes")
        self.misc_suffixes = gaz.cue("misc_suffixes")
        self.acronym_exclude = gaz.cue("org_acronym_exclude")
        self.religious = gaz.cue("religious_state_words")
        self.numbered_heads = gaz.cue("numbered_heads")
        self.org_prefixes = gaz.cue("org_prefixes")
        self.place_of_heads = gaz.cue("place_of_heads")
        self.misc_of_heads = gaz.cue("misc_of_heads")
        self.common_nouns = gaz.cue("common_nouns")
        self.languages = gaz.cue("languages")
        self.not_epithets = gaz.cue("not_epithets")  # "Whatever happens" is not a species
        self.fields_of_study = gaz.cue("fields_of_study")  # "Malaria Journal" is a journal
        self.family_first = gaz.cue("family_first_surnames")  # "Wang Yuchen", "Kim Seo-yeon"
        self.out: list[Candidate] = []
        self._memo: dict[tuple[str, bool, bool], list[tuple]] = {}
        self._in_title = False
        self._lookups: dict[str, tuple[str, str] | None] = {}
        self._ctx_used = False
        self._whole_bodies: set[int] = set()  # starts of spans joined by _shared_modifiers
        self._genera: set[str] = set()  # genera of scientific names seen so far
        self._storms: set[str] = set()  # "Fiona" after "Hurricane Fiona"
        # "the Organization for Security and Co-operation in Europe (OSCE)": the acronym
        # fixes where the name starts and gives its own mentions the name's type.
        self.definitions = find_definitions(text)
        self._def_starts = [d[0] for d in self.definitions]
        self._defs_done: set[int] = set()
        self.acronym_types: dict[str, str] = {}
        for start, end, acronym in self.definitions:
            self.acronym_types.setdefault(acronym, self._definition_type(text[start:end]))

    def _definition_type(self, name: str) -> str:
        known = self._lookup(name)
        if known is not None:
            return known[0]
        last = name.split()[-1]
        last = last[:-2] if is_possessive(last) else last
        if last in self.misc_suffixes:
            return "misc"
        if last in self.place_suffixes and last not in self.org_suffixes:
            return "place"
        return "organization"

    def _apply_definitions(self, span: Span) -> Span | None:
        """The part of ``span`` before a defined name; the name itself is emitted once."""
        i = bisect.bisect_right(self._def_starts, span.end - 1) - 1
        if i < 0 or self.definitions[i][1] <= span.start:
            return span
        start, end, acronym = self.definitions[i]
        if start not in self._defs_done:
            self._defs_done.add(start)
            n = len(self.text[start:end].split())
            si = is_sentence_start(self.text, start)
            self._add(start, end, self.acronym_types[acronym], STRONG, n, si)
        keep = [w for w in span.words if w.end <= start]
        if not keep:
            return None
        return span.sub(0, len(keep))

    # -- entry point -----------------------------------------------------------------------
    def run(self, offset: int, chunk: str, title_lines: list[tuple[int, int]]) -> None:
        date_iter = iter(self.dates)
        defined = bool(self.definitions)
        for span in self._join_enumerations(find_spans(chunk, offset)):
            if defined:
                span = self._apply_definitions(span)
                if span is None:
                    continue
            for piece in self._cut_dates(span, date_iter):
                self._piece(piece, title_lines)

    def _join_enumerations(self, spans: list[Span]) -> list[Span]:
        """'Department for Environment, Food and Rural Affairs', "Ministry of Land,
        Infrastructure, Transport and Tourism", "St Mary's Hospital" and "People's Democratic
        Congress" are one name each."""
        out: list[Span] = []
        k = 0
        while k < len(spans):
            span = spans[k]
            k += 1
            gap = self.text[out[-1].end : span.start] if out else ""
            if gap in ("'s ", "’s ") and (
                (
                    len(span.words) == 1
                    and (
                        span.words[-1].text in self.org_suffixes
                        or span.words[-1].text in self.place_suffixes
                    )
                )
                or (
                    out[-1].words[-1].text in _POSSESSIVE_NAME_WORDS
                    and any(
                        w.text in self.org_suffixes or w.text in self.place_suffixes
                        for w in span.words
                    )
                )
            ):
                prev = out[-1]
                out[-1] = Span(prev.words + span.words, [*prev.joints, gap, *span.joints])
                continue
            if out and gap == " the " and self._the_inside(out[-1], span):
                prev = out[-1]  # "Save the Children said": "the" inside an organisation's name
                out[-1] = Span(prev.words + span.words, [*prev.joints, gap, *span.joints])
                continue
            if out and gap == ", " and self._shared_modifiers(out[-1], span):
                prev = out[-1]  # "Australian Rail, Tram and Bus Industry Union"
                if is_function_word(prev.words[0].text):
                    prev = prev.sub(1, len(prev.words))
                out[-1] = Span(prev.words + span.words, [*prev.joints, gap, *span.joints])
                self._whole_bodies.add(prev.start)
                continue
            if out and gap == ", ":
                prev = out[-1]
                heads = any(w.text in self.org_heads for w in prev.words)
                of = any(_joint_word(j) in _OF_JOINTS for j in prev.joints)
                if heads and of:
                    # a list of short names after the head, closed by one with "and"
                    chain = [span]
                    while (
                        not any(_joint_word(j) in _AND_JOINTS for j in chain[-1].joints)
                        and len(chain[-1].words) <= 2
                        and len(chain) < 5
                        and k + len(chain) - 1 < len(spans)
                        and self.text[chain[-1].end : spans[k + len(chain) - 1].start] == ", "
                    ):
                        chain.append(spans[k + len(chain) - 1])
                    if any(_joint_word(j) in _AND_JOINTS for j in chain[-1].joints):
                        words, joints = list(prev.words), list(prev.joints)
                        for part in chain:
                            joints.append(self.text[words[-1].end : part.start])
                            words.extend(part.words)
                            joints.extend(part.joints)
                        out[-1] = Span(words, joints)
                        k += len(chain) - 1
                        continue
            out.append(span)
        return out

    def _numbered_index(self, span: Span) -> Span | None:
        """A stock index with its number: "Nifty 50", "BIST 100", "Stoxx Europe 600"."""
        m = _INDEX_NUMBER_AFTER.match(self.text, span.end)
        if m is None:
            return None
        words = span.words[1:] if is_function_word(span.words[0].text) else span.words
        if not words:
            return None
        surface = self.text[words[0].start : words[-1].end]
        known = self._lookup(surface)
        after = self.text[m.end() : m.end() + 80]
        if (known is not None and known[0] == "misc") or (
            is_acronym(words[-1].text) and _INDEX_WORDS.search(after)
        ):
            number = Word(m.start(1), m.end(1), m.group(1))
            return Span([*words, number], [*span.joints[len(span.words) - len(words) :], " "])
        return None

    def _species(self, span: Span) -> Span | None:
        """A scientific name is misc: "Ixodes ricinus", "Escherichia coli"; its genus alone
        afterwards too ("Borrelia")."""
        words = span.words
        genus = words[-1]
        if len(words) == 1 and genus.text in self._genera:
            return span
        m = _EPITHET_AFTER.match(self.text, genus.end)
        if m is None or not genus.text[1:].islower() or len(genus.text) < 4:
            return None
        epithet = m.group(1)
        if epithet in self.not_epithets or epithet.endswith(("osis", "itis")):
            return None  # "Lyme borreliosis" names a disease, not a species
        if self._lookup(genus.text) is not None or is_sentence_start(self.text, genus.start):
            return None  # "Whatever happens", "Observers cautious" open sentences
        if genus.text in self.gaz.given_names or genus.text in self.gaz.surnames:
            return None
        self._genera.add(genus.text)
        if len(words) > 1:  # "the tick Ixodes ricinus" is one word in; "Dr Ixodes" is not
            return None
        return Span([genus, Word(m.start(1), m.end(1), m.group(1))], [" "])

    def _product_model(self, span: Span) -> Span | None:
        """A maker's name with a model number is a product: "Boeing 737", "Airbus A320neo",
        "Toyota Hilux GR" is left alone (no number)."""
        words = span.words
        if len(words) > 1 and is_function_word(words[0].text):
            words = words[1:]  # "A Boeing 737 landed"
            span = Span(words, span.joints[1:])
        if len(words) >= 2 and _HAS_DIGIT.search(words[-1].text):
            maker = self._lookup(self.text[words[0].start : words[-2].end])
            if maker is not None and maker[0] == "organization" and maker[1] != "surname_like":
                return span
            return None
        if _HAS_DIGIT.search(self.text, words[0].start, words[-1].end):
            return None
        maker = self._lookup(self._surface(span))
        if maker is None or maker[0] != "organization" or maker[1] == "surname_like":
            return None
        m = _MODEL_NUMBER_AFTER.match(self.text, span.end)
        if m is None:
            return None
        if _YEAR_ONLY.fullmatch(m.group(1)):
            return None  # "Boeing 2025 results": a year
        number = Word(m.start(1), m.end(1), m.group(1))
        return Span([*words, number], [*span.joints, " "])

    def _shared_modifiers(self, left: Span, right: Span) -> bool:
        """Whether "Left, Right" is one body's name: a list of modifiers closed by "and"
        before the head ("Philippine Atmospheric, Geophysical and Astronomical Services
        Administration"), not two names in a list ("Oxfam, Save the Children and UNICEF")."""
        last = right.words[-1].text
        if (last not in self.org_suffixes and last not in self.org_heads) or len(left.words) > 3:
            return False
        ands = [i for i, j in enumerate(right.joints) if _joint_word(j) == "and"]
        if not ands or ands[0] > 1:  # one or two modifiers before "and": "Tram and Bus ..."
            return False
        if any(w.text in self.org_heads for w in left.words):
            return False
        words = left.words[1:] if is_function_word(left.words[0].text) else left.words
        if not words or words[0].text in self.gaz.given_names:
            return False
        if any(is_acronym(w.text) for w in [*words, *right.words[: ands[0] + 1]]):
            return False  # "HSBC Saudi Arabia, Goldman Sachs and SNB Capital": three firms
        return self._lookup(self.text[words[0].start : words[-1].end]) is None

    def _the_inside(self, left: Span, right: Span) -> bool:
        """Whether "Left the Right" is one name: a capitalised verb or noun, "the", a short
        name, then an organisation's context ("said", "announced", ", a charity ...")."""
        word = left.words[0].text
        if len(left.words) != 1 or len(right.words) > 3 or is_function_word(word):
            return False
        known = self._lookup(word)
        if (known is not None and known[1] != "city") or fold(word) in self.gaz.title_words:
            return False
        if fold(word) in self.gaz.roles or self._in_date(left.words[0]):
            return False
        if not all(is_name_like(w.text) for w in right.words):
            return False
        after = self.text[right.end : right.end + 40]
        m = _ORG_VERB_AFTER.match(after)
        if m is None:
            return "org" in context_cues(self.gaz, self.text, right.start, right.end)
        return True

    def _cut_dates(self, span: Span, _dates: object) -> list[Span]:
        dates = self.dates
        i = bisect.bisect_left(dates, (span.start, -1))
        hit = (i < len(dates) and dates[i][0] < span.end) or (
            i > 0 and dates[i - 1][1] > span.start
        )
        if not hit:
            return [span]
        words = span.words
        keep = [not self._in_date(w) for w in words]
        if all(keep):
            return [span]
        pieces: list[Span] = []
        i = 0
        while i < len(words):
            if not keep[i]:
                i += 1
                continue
            j = i
            while j < len(words) and keep[j]:
                j += 1
            pieces.append(span.sub(i, j))
            i = j
        return pieces

    def _in_date(self, word: Word) -> bool:
        i = bisect.bisect_right(self.dates, (word.start, 10**18)) - 1
        if i >= 0 and self.dates[i][1] > word.start:
            return True
        return i + 1 < len(self.dates) and self.dates[i + 1][0] < word.end

    # -- splitting at "of", "for", "and" -----------------------------------------------------
    def _piece(self, span: Span, title_lines: list[tuple[int, int]]) -> None:
        gaz = self.gaz
        for k, w in enumerate(span.words[:-1]):
            head, dash, tail = w.text.rpartition("-")
            if dash and tail in _QUALIFIER_SUFFIXES:
                # "Dubai-based Meridian Asset Management": the place, then the name
                if head:
                    place = Word(w.start, w.start + len(head), head)
                    self._emit_span(Span([*span.words[:k], place], span.joints[:k]), title_lines)
                span = span.sub(k + 1, len(span.words))
                break
        if span.words[-1].text in _LAW_WORDS and len(span.words) > 1:
            m = _LAW_YEAR_AFTER.match(self.text, span.end)
            if m:  # "Capital Markets and Services Act 2007": the year is the law's name
                year = Word(m.start(1), m.end(1), m.group(1))
                span = Span(
                    [*span.words, year], [*span.joints, m.group(0)[: m.start(1) - m.start()]]
                )
        if span.words[-1].text in self.numbered_heads:  # "Highway 10", "Terminal 2"
            m = _NUMBER_AFTER.match(self.text, span.end)
            if m:
                number = Word(m.start(1), m.end(1), m.group(1))
                span = Span([*span.words, number], [*span.joints, " "])
        index = self._numbered_index(span)
        if index is not None:
            self._add(index.start, index.end, "misc", STRONG, len(index.words), False)
            return
        species = self._species(span)
        if species is not None:
            self._add(species.start, species.end, "misc", STRONG, len(species.words), False)
            return
        product = self._product_model(span)
        if product is not None:
            self._add(product.start, product.end, "misc", CONTEXT, len(product.words), False)
            return
        if span.start in self._whole_bodies:
            self._add(span.start, span.end, "organization", CONTEXT, len(span.words), False)
            return
        if not span.joints:
            if span.words[0].text in FUNCTION_CAPS:
                return  # "The", "However", "He": the commonest spans of all, never names
            self._emit_span(span, title_lines)
            return
        opener = span.words[0].text
        mid = not is_sentence_start(self.text, span.start)
        number = (opener in _NUMBER_WORDS or opener in _NAME_OPENERS) and mid
        if is_function_word(opener) and not number and self._lookup(self._surface(span)) is None:
            # "The England and Wales Cricket Board": the opener is not part of the name.
            span = span.sub(1, len(span.words))
        whole = self._surface(span)
        if self._lookup(whole) is not None:
            self._emit_span(span, title_lines)
            return
        segments: list[Span] = []
        joints: list[str] = []
        start = 0
        for i, joint in enumerate(span.joints):
            word = _joint_word(joint)
            if word in _OF_JOINTS or word in _AND_JOINTS or word in ("and the", "on"):
                segments.append(span.sub(start, i + 1))
                joints.append(word)
                start = i + 1
        segments.append(span.sub(start, len(span.words)))
        merged: list[tuple[Span, bool]] = [(segments[0], False)]
        for joint, seg in zip(joints, segments[1:], strict=True):
            left, has_of = merged[-1]
            last = _strip_possessive(left.words[-1]).text
            if joint in _OF_JOINTS:
                # "Commission for the Conservation of Antarctic Marine Living Resources"
                ok = has_of and left.words[0].text in self.org_heads
                # "Office for the Coordination of Humanitarian Affairs": a second "of" inside
                # a body's name, unless it names a place ("Fund of the Netherlands")
                ok = ok or (
                    has_of
                    and any(w.text in self.org_heads for w in left.words)
                    and len(seg.words) <= 3
                    and (self._lookup(self._surface(seg)) or ("",))[0] != "place"
                )
                ok = ok or last in self.org_heads or last in self.org_suffixes
                ok = ok or last in self.place_prefixes or fold(last) in gaz.title_words
                # "Valley of the Kings", "Africa Cup of Nations", "Battle of the Somme"
                ok = ok or last in self.place_of_heads or last in self.misc_of_heads
                # a law's or a report's name: "Limitation of Liability Act", "Punjab
                # Preservation of Subsoil Water Act", "Annual Status of Education Report"
                ok = ok or (
                    seg.words[-1].text in _DOCUMENT_WORDS
                    and len(left.words) <= 3
                    and not (len(left.words) == 1 and is_sentence_start(self.text, left.start))
                    and len(seg.words) >= 2
                    and self._lookup(self._surface(left)) is None
                    and left.words[0].text not in gaz.given_names
                )
                # a name the lists know: "Federated States of Micronesia"
                ok = ok or self._lookup(self.text[left.start : seg.end]) is not None
            elif joint == "&":
                ok = True  # "Harlow & Finch", "Marks & Spencer": one firm
            elif joint in _AND_JOINTS:
                right_last = seg.words[-1].text
                if right_last.isdigit() and len(seg.words) > 1:
                    right_last = seg.words[-2].text  # "... Services Act 2007"
                if right_last in self.misc_suffixes and len(left.words) == 1:
                    right_last = "Union"  # "CHIPS and Science Act" joins like an org name
                # "Soil Protection and Land Restoration Act": one law's name
                law = (
                    right_last in _LAW_WORDS
                    and len(left.words) <= 4
                    and self._lookup(self._surface(left)) is None
                )
                ok = has_of or (
                    right_last in self.org_suffixes
                    and len(left.words) == 1
                    # "SoftBank and Honda Motor": a brand on either side makes two names
                    and not is_camel_case(last)
                    and (self._lookup(seg.words[0].text) or ("",))[0] != "organization"
                )
                # "Korea Astronomy and Space Science Institute", "National Oceanic and
                # Atmospheric Administration": modifiers shared by one body's head
                ok = ok or (
                    right_last in self.org_suffixes
                    and 2 <= len(left.words) <= 3
                    and not any(
                        w.text in self.org_suffixes or w.text in self.org_heads for w in left.words
                    )
                    and left.words[0].text not in gaz.given_names
                    and self._lookup(self._surface(left)) is None
                    and (self._lookup(seg.words[0].text) or ("",))[0] != "organization"
                )
                # "Palmyra Oil and Gas Company": two trade words around "and"
                # (but not "Barclays Bank and Lloyds Bank")
                ok = ok or (
                    right_last in self.org_suffixes
                    and last in self.org_suffixes
                    and seg.words[0].text in self.org_suffixes
                    and len(seg.words) > 1
                )
                # "National Bank of Egypt and Banque Misr": the right side is a body of its own
                second_body = seg.words[0].text in self.org_prefixes or (
                    (self._lookup(self._surface(seg)) or ("",))[0] == "organization"
                )
                ok = (ok and self._lookup(self._surface(seg)) is None) or has_of
                ok = (ok and not second_body) or law
            elif joint == "on":  # "Commission on Human Rights", not "Google on Monday"
                # also a treaty's or convention's subject: "Treaty on Open Skies"
                ok = (
                    last in self.org_heads or last in self.misc_of_heads or last in _LAW_WORDS
                ) and self._lookup(self._surface(seg)) is None
            else:
                ok = False
            if ok:
                joined = Span(
                    left.words + seg.words, [*left.joints, _gap(self.text, left, seg), *seg.joints]
                )
                merged[-1] = (joined, has_of or joint in _OF_JOINTS or joint == "on")
            else:
                merged.append((seg, False))
        for seg, _ in merged:
            self._emit_span(seg, title_lines)

    # -- one name-like span ------------------------------------------------------------------
    def _emit_span(self, span: Span, title_lines: list[tuple[int, int]]) -> None:
        words = span.words
        in_title = bool(title_lines) and _inside(words[0].start, title_lines)
        si = in_title or is_sentence_start(self.text, words[0].start)
        self._in_title = in_title
        if len(words) == 1 and words[0].text in self._storms:
            self._add(span.start, span.end, "misc", CONTEXT, 1, si)
            return
        key = (self.text[span.start : span.end], si, in_title)
        recipe = self._memo.get(key)
        if recipe is not None:
            base = span.start
            for rs, re_, type_, score, hints, csi, n in recipe:
                s, e = base + rs, base + re_
                self.out.append(Candidate(s, e, self.text[s:e], type_, score, hints, csi, n))
            return
        first = len(self.out)
        self._ctx_used = False
        self._emit_span_uncached(span, si, title_lines)
        if not self._ctx_used and len(self._memo) < 200_000:
            base = span.start
            self._memo[key] = [
                (
                    c.start - base,
                    c.end - base,
                    c.type,
                    c.score,
                    frozenset(c.hints),
                    c.sentence_initial,
                    c.words,
                )
                for c in self.out[first:]
            ]

    def _emit_span_uncached(self, span: Span, si: bool, title_lines: list[tuple[int, int]]) -> None:
        words = span.words
        # Drop sentence openers and function words in front ("The", "However", "On").
        i = 0
        while i < len(words) and is_function_word(words[i].text):
            if i + 1 < len(words) and self._lookup(self.text[words[i].start : span.end]):
                break
            if not si and i + 1 < len(words) and words[i].text in _NUMBER_WORDS:
                break  # "the Five Star Movement": a capital mid-sentence is the name's
            if not si and i == 0 and i + 1 < len(words) and words[i].text in _NAME_OPENERS:
                break  # "including First Quantum Minerals"
            if i + 1 < len(words) and self._lookup(self.text[words[i].start : words[i + 1].end]):
                break  # "New Zealand Rugby said": a known name starts here
            i += 1
        while i < len(words) - 1 and len(words[i].text) == 1:
            i += 1  # a stray initial: "B Paris"
        if i == len(words):
            return
        if i:  # the capital after "In", "The", "However" is meaningful
            si = _inside(words[0].start, title_lines)
        words = list(words[i:])
        joints = span.joints[i:]
        # A possessive or a trailing apostrophe ends the name there.
        words[-1] = _strip_possessive(words[-1])
        span = Span(words, joints)
        if len(words) == 1:
            self._single(words[0], si)
            return
        self._multi(span, si)

    def _multi(self, span: Span, si: bool) -> None:
        gaz = self.gaz
        words = span.words
        surface = self._surface(span)
        first, last = words[0].text, words[-1].text
        if last.isdigit() and len(words) > 1:
            last = words[-2].text  # "Highway 10" is a highway
        if surface in self.languages:
            return  # "Afaan Oromo", "Tok Pisin"
        known = self._lookup(surface)
        if known is not None:
            self._add(span.start, span.end, known[0], STRONG, len(words), si, known[1])
            return
        if fold(surface) in gaz.region_peoples:
            self._add(span.start, span.end, "group", CONTEXT, len(words), si)  # "Central Asian"
            return
        named = self._name_after_role(words)
        if named is not None:
            # "Minister of State for Finance Zubair Anwar Malik", "Comedian Danny Okafor"
            self._person_piece(span.sub(named, len(words)), STRONG)
            return
        if fold(surface) in gaz.region_adjectives:
            return
        if len(words) <= 4 and _CREDIT_BEFORE.search(
            self.text, max(0, span.start - 80), span.start
        ):
            self._person_piece(span, STRONG)  # "Editing by Fiona Marsh"
            return
        if last in ("Centre", "Center") and words[-2].text in _VENUE_CENTRES:
            self._add(span.start, span.end, "place", STRONG, len(words), si)
            return
        rest = self._lookup(self.text[words[1].start : span.end])
        if rest is not None and rest[0] == "misc" and self._lookup(first) is not None:
            # "UEFA Champions League", "FIFA World Cup": an organiser before its event
            self._add(span.start, span.end, "misc", STRONG, len(words), si)
            return
        kind = self._head_kind(span)
        if kind is not None:
            self._add(span.start, span.end, kind, STRONG, len(words), si)
            return
        if last in self.org_suffixes or (last == "State" and first in self.religious):
            self._add(span.start, span.end, "organization", STRONG, len(words), si)
            return
        if any(w.text in self.org_heads for w in words[:-1]) and any(
            _joint_word(j) in _OF_JOINTS or _joint_word(j) == "on" for j in span.joints
        ):
            self._add(span.start, span.end, "organization", STRONG, len(words), si)
            return
        if last in self.place_suffixes or first in self.place_prefixes or last == "State":
            self._add(span.start, span.end, "place", STRONG, len(words), si)
            return
        if last in self.misc_suffixes or (first in _MISC_PREFIXES and len(words) <= 3):
            # "Typhoon Yagi", "Hurricane Katrina": storms are named events, not people
            self._add(span.start, span.end, "misc", STRONG, len(words), si)
            if first in _MISC_PREFIXES and is_name_like(last):
                self._storms.add(last)  # later "Katrina" alone is the storm too
            return
        # Titles: "President Bashar al-Assad", "Iraqi Water Resources Minister Khalid ...".
        t = self._last_title(words)
        if t is not None:
            if t + 1 < len(words):
                rest = span.sub(t + 1, len(words))
                self._person_piece(rest, STRONG)
            left = t
            while left > 0 and fold(words[left - 1].text) in gaz.title_words:
                left -= 1  # "Prime Minister", "Deputy Foreign Minister"
            head = span.sub(0, left) if left else None
            if head is not None and (
                self._lookup(self._surface(head)) is not None
                or (
                    head.words[-1].text in self.org_suffixes
                    and fold(head.words[0].text) not in gaz.demonyms  # "Iraqi Water Resources"
                )
            ):
                if len(head.words) == 1:
                    self._single(head.words[0], si)
                else:
                    self._multi(head, si)
            elif head is not None:
                self._leading_groups(head, si, drop_rest=True)
            return
        # A role noun opening a sentence: "Substitute Joselu", "Striker Ana Lima".
        # Mid-sentence too when a full name follows: "planned by Curator Mona Halvorsen".
        if (
            (si or (len(words) >= 3 and self._cue_type(last) is None))
            and fold(first) in gaz.roles
            and fold(first) not in gaz.title_words
        ):
            self._person_piece(span.sub(1, len(words)), CONTEXT)
            return
        # Leading nationality or group word: "Syrian expert", "Russian Foreign Ministry".
        if fold(first) in gaz.demonyms or fold(first) in gaz.region_adjectives:
            rest = self._lookup(self.text[words[1].start : span.end])
            if rest is not None and rest[0] == "organization":  # "Canadian Red Cross"
                self._add(span.start, span.end, "organization", STRONG, len(words), si)
                return
            self._leading_groups(span, si, drop_rest=False)
            return
        self._unknown_multi(span, si)

    def _head_kind(self, span: Span) -> str | None:
        """What the head of a name says it is: a ship prefix ("MV Ocean Star"), a storm word
        ("Winter Storm Elsa"), the noun before "of" ("Valley of the Kings", "Cup of
        Nations"), a foreign organisation word in front ("Grupo Modelo", "Banco Sur")."""
        words = span.words
        first = words[0].text
        if _is_journal(words, self.fields_of_study):
            return "misc"  # "Malaria Journal", "Lancet Global Health", "Journal of Hydrology"
        if first in _SHIP_PREFIXES and all(is_name_like(w.text) for w in words[1:2]):
            return "misc"
        if first in _OPERATION_WORDS and len(words) >= 2:
            return "misc"  # "Operation Sea Shield", "Operación Marea Baja"
        if first == "Law" and words[-1].text.isdigit():
            return "misc"  # "Law 25"
        if any(w.text in _STORM_WORDS for w in words[:-1]):
            if is_name_like(words[-1].text):
                self._storms.add(words[-1].text)  # later "Katrina" alone is the storm too
            return "misc"
        for i, joint in enumerate(span.joints):
            if _joint_word(joint) in _OF_JOINTS or _joint_word(joint) == "on":
                head = words[i].text
                if head in self.misc_of_heads:
                    return "misc"
                if head in self.place_of_heads and words[-1].text not in self.org_suffixes:
                    return "place"  # but "Port of Tema Authority" is an organisation
                break
        if first in self.org_prefixes:
            return "organization"
        return None

    def _leading_groups(self, span: Span, si: bool, drop_rest: bool) -> None:
        gaz = self.gaz
        words = span.words
        i = 0
        while i < len(words):
            key = fold(words[i].text)
            if key in gaz.demonyms:
                self._add(words[i].start, words[i].end, "group", STRONG, 1, si and i == 0)
            elif key not in gaz.region_adjectives:
                break
            i += 1
        if i < len(words) and not drop_rest:
            rest = span.sub(i, len(words))
            if len(rest.words) == 1:
                self._single(rest.words[0], False)
            else:
                self._multi(rest, False)

    def _unknown_multi(self, span: Span, si: bool) -> None:
        gaz = self.gaz
        words = span.words
        n = len(words)
        if all(is_acronym(w.text) for w in words):
            return  # shouting, not a name
        if self._in_title:  # a headline's capitals prove nothing: a name only if seen elsewhere
            self._add(span.start, span.end, None, 0, n, True)
            return
        ctx = self._context(span.start, span.end)
        first = words[0].text
        if "misc" in ctx:
            self._add(span.start, span.end, "misc", CONTEXT, n, si)
            return
        if (is_acronym(first) and first not in self.acronym_exclude) or (
            first in self.org_suffixes or first in self.org_heads
        ):
            self._add(span.start, span.end, "organization", CONTEXT, n, si)
            return
        for w in reversed(words[1:-1]):
            cue = self._cue_type(w.text)
            if cue is not None and "person" not in ctx:
                self._add(span.start, span.end, cue, CONTEXT, n, si)
                return
        if any(is_function_word(w.text) for w in words[1:-1]) and "person" not in ctx:
            # "Doctors Without Borders", "Children In Need": titles of things, not people
            kind = "place" if "facility" in ctx else "organization"
            self._add(span.start, span.end, kind, GUESS, n, si)
            return
        given = words[0].text in gaz.given_names and "the" not in ctx  # "the Santiago Bernabéu"
        last_key = fold(words[-1].text)
        if last_key in gaz.demonyms and last_key.endswith("s") and n <= 4 and "person" not in ctx:
            self._add(span.start, span.end, "group", CONTEXT, n, si)  # "Hill Country Tamils"
            return
        if given and "said" in ctx and "org" in ctx and n == 2:
            self._add(span.start, span.end, "person", CONTEXT, n, si)  # "the club's Ana Ruiz said"
            return
        if any(_joint_word(j) == "&" for j in span.joints):  # "Harlow & Finch"
            self._add(span.start, span.end, "organization", CONTEXT, n, si)
            return
        if any(_joint_word(j) == "the" for j in span.joints):  # "Save the Children"
            self._add(span.start, span.end, "organization", CONTEXT, n, si)
            return
        if "person" not in ctx and (
            any(is_camel_case(w.text) for w in words) or "org" in ctx
        ):  # "Aker BioMarine"; "Barry Callebaut, the Swiss chocolate supplier"
            self._add(span.start, span.end, "organization", CONTEXT, n, si)
            return
        if "place" in ctx and "person" not in ctx and not _possessive_at(self.text, span.end):
            self._add(span.start, span.end, "place", CONTEXT, n, si)  # "markets around Dong Ba"
            return
        if "facility" in ctx:  # "the El Teniente mine", "al-Qahtaniyah town"
            self._add(span.start, span.end, "place", CONTEXT, n, si)
        elif given or "person" in ctx:
            self._add(span.start, span.end, "person", STRONG if "person" in ctx else CONTEXT, n, si)
        elif (
            "org" in ctx
            or self._ends_with_place(words)
            or ("the" not in ctx and self._starts_with_country(words))
        ):
            # "Bayern Munich", "Athletics Kenya", "New Zealand Cricket"
            self._add(span.start, span.end, "organization", CONTEXT, n, si)
        elif n <= 4 and all(is_name_like(w.text) for w in words):
            # People are rarely "the X Y": "the Red Planet" is a thing, not a person.
            kind = (
                "place"
                if "place" in ctx or "venue" in ctx
                else "misc"
                if "the" in ctx
                else "person"
            )
            if kind == "person" and any(w.text in self.common_nouns for w in words):
                # "Report Card", "Wartime History": a person guess needs a name, not
                # ordinary nouns: left for the document-wide pass to settle
                self._add(span.start, span.end, None, 0, n, si, None, set(ctx))
                return
            family_first = words[0].text in self.family_first and 2 <= n <= 3
            if kind == "person" and words[-1].text not in gaz.surnames and not family_first:
                # Shaped like a name but neither name is known ("Sparrows Point", "Coral
                # South", "Kefilwe Mogapi"): the document-wide pass decides, from "said", a
                # mention by the last word alone, or a place's context.
                self._add(span.start, span.end, None, 0, n, si, None, {*ctx, "name_shape"})
                return
            score = GUESS if kind != "person" else DEFAULT
            self._add(span.start, span.end, kind, score, n, si, None, set(ctx))
        else:
            self._add(span.start, span.end, "misc", GUESS, n, si)

    def _starts_with_country(self, words: list[Word]) -> bool:
        """A country's name, then more words: a national body ("New Zealand Rugby",
        "Cricket Australia" the other way round); not "Jordan Ellis" (a given name)."""
        if words[0].text in self.gaz.given_names:
            return False
        for k in (2, 1):
            if len(words) > k:
                known = self._lookup(self.text[words[0].start : words[k - 1].end])
                if known is not None and known[1] == "country":
                    return True
        return False

    def _ends_with_place(self, words: list[Word]) -> bool:
        known = self._lookup(words[-1].text)
        if known is None or known[0] != "place":
            return False
        return known[1] == "country" or fold(words[-1].text) in self.gaz.big_cities

    def _cue_type(self, word: str) -> str | None:
        if word in self.misc_suffixes:
            return "misc"
        if word in self.org_suffixes:
            return "organization"
        if word in self.place_suffixes:
            return "place"
        return None

    def _person_piece(self, span: Span, score: int) -> None:
        words = span.words
        if len(words) == 1 and is_acronym(words[0].text):
            return
        self._add(span.start, span.end, "person", score, len(words), False)

    def _single(self, word: Word, si: bool) -> None:
        gaz = self.gaz
        text = word.text
        if text.endswith(("US", "HK", "NT", "NZ")) and self.text[word.end : word.end + 1] == "$":
            return  # "US$7.4 billion": a currency's sign, not a place
        if _MODEL_CODE.fullmatch(text) and text.split("-")[0].upper() not in _DISEASE_CODES:
            self._add(word.start, word.end, "misc", CONTEXT, 1, si)  # "Mi-8", "CryoSat-2"
            return
        if "-" in text and not arabic_prefixed(text):
            known = self._lookup(text)  # "Timor-Leste", "Marrakech-Safi": one name
            if known is not None:
                self._add(word.start, word.end, known[0], STRONG, 1, si, known[1])
            else:
                self._hyphenated(word, si)
            return
        if len(text) < 2 or (fold(text) in gaz.title_words and not is_acronym(text)):
            return
        if text in self.languages:
            return  # "in Amharic", "Swahili speakers": a language, not a place or a people
        defined = self.acronym_types.get(text)
        if defined is not None:
            self._add(word.start, word.end, defined, STRONG, 1, si)
            return
        known = self._lookup(text)
        if known is not None and si and text in gaz.ordinary_word_names:
            known = None  # "Dawn broke", "Apple prices": a sentence's first word proves nothing
        if known is not None:
            if known[1] == "demonym" and self._language_here(word):
                return  # "in French", "English-language": a language, not a people
            score = CONTEXT if known[1] == "surname_like" else STRONG
            self._add(word.start, word.end, known[0], score, 1, si, known[1])
            return
        key = fold(text)
        if text in _LEGISLATURES and (
            self.text[max(0, word.start - 4) : word.start] == "the "
            or (text in _BARE_LEGISLATURES and not (si and text == "Diet"))
        ):
            self._add(word.start, word.end, "organization", CONTEXT, 1, si)  # "the Senate"
            return
        if key in gaz.region_peoples:
            self._add(word.start, word.end, "group", CONTEXT, 1, si)  # "European officials"
            return
        if key in gaz.region_adjectives or text in self.org_suffixes or is_function_word(text):
            return
        if is_acronym(text):
            nxt = self.text[word.end : word.end + 20].split()[:1]
            if nxt and nxt[0] in _WEAPON_NOUNS:
                self._add(word.start, word.end, "misc", CONTEXT, 1, si)  # "ATACMS missiles"
                return
            if text not in self.acronym_exclude and sum(c.isalpha() for c in text) >= 2:
                self._add(word.start, word.end, "organization", STRONG, 1, si)
            return
        ctx = self._context(word.start, word.end)
        hints = set(ctx)
        if is_camel_case(text):
            self._add(word.start, word.end, "organization", CONTEXT, 1, si)
            return
        if si:
            self._add(word.start, word.end, None, 0, 1, True, None, hints)
            return
        if "facility" in ctx:
            self._add(word.start, word.end, "place", CONTEXT, 1, si)
        elif "person" in ctx:
            self._add(word.start, word.end, "person", CONTEXT, 1, si)
        elif "org" in ctx:
            self._add(word.start, word.end, "organization", CONTEXT, 1, si)
        elif "misc" in ctx:
            self._add(word.start, word.end, "misc", CONTEXT, 1, si)
        elif "place" in ctx:
            self._add(word.start, word.end, "place", CONTEXT, 1, si, None, hints)
        else:
            self._add(word.start, word.end, None, 0, 1, si, None, hints)

    def _language_here(self, word: Word) -> bool:
        self._ctx_used = True  # the answer depends on the words around: not memoised
        before = self.text[max(0, word.start - 30) : word.start]
        after = self.text[word.end : word.end + 14]
        if _LANGUAGE_AFTER.match(after):
            return True
        # "answers in French and English.": the language ends the phrase
        return bool(_LANGUAGE_BEFORE.search(before)) and bool(_PHRASE_END.match(after))

    def _hyphenated(self, word: Word, si: bool) -> None:
        parts = word.text.replace("‐", "-").split("-")
        if len(parts) >= 3 and any(p in _PLACE_NAME_PARTICLES for p in parts[1:-1]):
            # "Fos-sur-Mer", "Bouches-du-Rhône", "Saint-Ferréol-les-Neiges": a place's name
            self._add(word.start, word.end, "place", CONTEXT, 1, si)
            return
        pos = word.start
        known_parts = []
        for part in parts:
            known_parts.append((pos, pos + len(part), part, self._lookup(part) if part else None))
            pos += len(part) + 1
        if known_parts[0][3] is not None and all(
            p[3] is not None or (p[2][:1].islower()) for p in known_parts
        ):
            for start, end, _part, known in known_parts:
                if known is not None:
                    self._add(start, end, known[0], STRONG, 1, si and start == word.start, known[1])
            return
        if all(p[2][:1].isupper() for p in known_parts if p[2]):
            if fold(word.text) in self.gaz.title_words:
                return
            self._add(
                word.start, word.end, None, 0, 1, si, None, set(self._context(word.start, word.end))
            )

    # -- helpers -----------------------------------------------------------------------------
    def _lookup(self, surface: str) -> tuple[str, str] | None:
        """(type, kind) for a surface the lists know."""
        try:
            return self._lookups[surface]
        except KeyError:
            pass
        found = self._lookup_uncached(surface)
        if len(self._lookups) < 500_000:
            self._lookups[surface] = found
        return found

    def _lookup_uncached(self, surface: str) -> tuple[str, str] | None:
        gaz = self.gaz
        if surface in gaz.place_acronyms:
            return "place", "country"
        key = fold(surface)
        if key in gaz.holidays:
            return "misc", "holiday"  # a named feast: an event (see tests/gold/README.md)
        name = gaz.known_orgs.get(key)
        if name is not None and not (name.isupper() and not surface.isupper()):
            # "ACT" (a party) is not "Act"; "Villarreal" (a club) may be a person's surname
            if " " not in name and (name in gaz.surnames or name in gaz.given_names):
                return "organization", "surname_like"
            return "organization", "known"
        if key in gaz.known_misc:
            return "misc", "known"
        if key in gaz.demonyms:
            return "group", "demonym"
        place = gaz.places.get(key)
        if place is not None:
            return "place", place[1]
        if derived_demonym(gaz, key):
            return "group", "demonym"
        return None

    def _name_after_role(self, words: list[Word]) -> int | None:
        """Where a person's name starts after a title or a role: a known given name right
        after a title or role word, then up to three more name-like words and no cue word."""
        gaz = self.gaz
        for i in range(1, len(words)):
            before = fold(words[i - 1].text)
            if words[i].text not in gaz.given_names or not (
                before in gaz.title_words or before in gaz.roles
            ):
                continue
            rest = words[i:]
            if len(rest) > 4 or not all(is_name_like(w.text) for w in rest):
                return None
            if any(self._cue_type(w.text) is not None or w.text in self.org_heads for w in rest):
                return None
            return i
        return None

    def _last_title(self, words: list[Word]) -> int | None:
        titles = self.gaz.titles
        found = None
        for i, w in enumerate(words):
            if (fold(w.text),) in titles or (
                i > 0 and tuple(fold(self.text[words[i - 1].start : w.end]).split()) in titles
            ):
                found = i
        if found is not None and found + 1 < len(words):
            # "General Motors", "Major League Baseball": the rest must look like a name.
            for w in words[found + 1 :]:
                if self._cue_type(w.text) is not None or w.text in self.org_heads:
                    return None
        return found

    def _context(self, start: int, end: int) -> list[str]:
        """Cue kinds the words around ``text[start:end]`` suggest (see ``context.py``)."""
        self._ctx_used = True
        return context_cues(self.gaz, self.text, start, end)

    def _surface(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def _add(
        self,
        start: int,
        end: int,
        type_: str | None,
        score: int,
        words: int,
        si: bool,
        kind: str | None = None,
        hints: set[str] | None = None,
    ) -> None:
        tags = frozenset(hints or ()) | {kind} if kind else frozenset(hints or ())
        self.out.append(Candidate(start, end, self.text[start:end], type_, score, tags, si, words))


def _is_journal(words: list[Word], fields_of_study: frozenset[str]) -> bool:
    """An academic journal's name: "Lancet ...", "Journal of ...", or "... Journal" or
    "... Letters" with a field of study in it (not "The Wall Street Journal")."""
    texts = [w.text for w in words]
    if texts[0] in ("Lancet", "Nature", "Annals", "Proceedings") and len(texts) > 1:
        return True
    if texts[0] == "Journal" and len(texts) > 1:
        return True
    return texts[-1] in ("Journal", "Letters", "Reports") and any(
        t in fields_of_study for t in texts[:-1]
    )


def _joint_word(joint: str) -> str:
    return " ".join(joint.strip(" \t\u00a0'’").split())


def _gap(text: str, left: Span, right: Span) -> str:
    return text[left.end : right.start]


def _possessive_at(text: str, pos: int) -> bool:
    return text[pos : pos + 2] in ("'s", "’s")


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(ranges, (pos, 1 << 62)) - 1
    return i >= 0 and ranges[i][0] <= pos <= ranges[i][1]


def classify(
    text: str, dates: list[tuple[int, int]], gaz: Gazetteer, chunks: list[tuple[int, int]]
) -> list[Candidate]:
    """Candidates for the whole text, chunk by chunk (used by tests and the engine)."""
    from .scan import title_case_lines

    clf = SpanClassifier(gaz, text, dates)
    titles = title_case_lines(text)
    for a, b in chunks:
        clf.run(a, text[a:b], titles)
    return clf.out
