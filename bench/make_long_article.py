"""Write a long, deterministic plain-text article for benchmarks (not committed).

    python bench/make_long_article.py [OUTPUT] [--size 5MB] [--seed 7] [--style blank|lines]

``blank`` separates paragraphs with blank lines and hard-wraps them at 72 columns; ``lines``
puts each paragraph on one long line with no blank lines (like articles copied from the web).
Without OUTPUT the file goes to a fresh temporary folder. Prints the path written.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import textwrap
from pathlib import Path

FIRST = (
    "Amara",
    "Tomasz",
    "Leila",
    "Kenji",
    "Ingrid",
    "Mateo",
    "Priya",
    "Oluwaseun",
    "Hanna",
    "Rafael",
    "Yusuf",
    "Elena",
    "Sipho",
    "Marguerite",
    "Dmitri",
    "Aiko",
)
LAST = (
    "Okonkwo",
    "Kowalczyk",
    "Haddad",
    "Tanaka",
    "Lindqvist",
    "Herrera",
    "Raman",
    "Adeyemi",
    "Virtanen",
    "Costa",
    "Demir",
    "Petrova",
    "Ndlovu",
    "Fontaine",
    "Volkov",
    "Sato",
)
ORGS = (
    "the World Bank",
    "the International Monetary Fund",
    "the European Commission",
    "the African Union",
    "Reuters",
    "the United Nations Development Programme",
    "Siemens",
    "the Bank of England",
    "Petrobras",
    "the International Energy Agency",
    "NATO",
)
PLACES = (
    "Nairobi",
    "Warsaw",
    "Beirut",
    "Osaka",
    "Stockholm",
    "Bogotá",
    "Chennai",
    "Lagos",
    "Helsinki",
    "Lisbon",
    "Istanbul",
    "Moscow",
    "Johannesburg",
    "Lyon",
    "Jakarta",
    "Lima",
)
COUNTRIES = (
    "Kenya",
    "Poland",
    "Lebanon",
    "Japan",
    "Sweden",
    "Colombia",
    "India",
    "Nigeria",
    "Finland",
    "Portugal",
    "Turkey",
    "Brazil",
    "South Africa",
    "France",
    "Indonesia",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
TEMPLATES = (
    "{person}, a senior official at {org}, said in {place} on {date} that talks with {country} "
    "would resume within weeks.",
    "The agreement, signed in {place}, commits {country} to new spending on roads and ports.",
    "According to {org}, exports from {country} rose by {n} per cent in the year to {month}.",
    '{person} told reporters that the plan had "no chance" without support from {org}.',
    "Critics in {place} argue that the reforms favour large companies over small farmers.",
    "In {month}, delegations from {country} and {country2} met {person} to discuss the dispute.",
    "Analysts expect {org} to publish revised forecasts for {country} before the end of {month}.",
    "Residents of {place} said prices for bread and fuel had doubled since {date}.",
)
HEADINGS = (
    "Talks resume",
    "A difficult winter",
    "Reaction in {place}",
    "What {org} wants",
    "The view from {country}",
    "Markets respond",
    "Next steps",
    "Old rivalries",
)


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        org=rng.choice(ORGS),
        place=rng.choice(PLACES),
        country=rng.choice(COUNTRIES),
        country2=rng.choice(COUNTRIES),
        month=rng.choice(MONTHS),
        date=f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2024)}",
        n=rng.randint(2, 40),
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def long_article(size: int, seed: int = 7, style: str = "blank") -> str:
    """About ``size`` UTF-8 bytes of article text (deterministic for a seed)."""
    rng = random.Random(seed)
    parts = ["Long report on trade, energy and diplomacy"]
    total = len(parts[0])
    while total < size:
        if rng.random() < 0.12:
            block = _capitalise(_fill(rng, rng.choice(HEADINGS)))
        else:
            sentences = [
                _capitalise(_fill(rng, rng.choice(TEMPLATES))) for _ in range(rng.randint(3, 8))
            ]
            block = " ".join(sentences)
            if style == "blank":
                block = "\n".join(textwrap.wrap(block, width=72))
        parts.append(block)
        total += len(block.encode("utf-8")) + 2
    separator = "\n\n" if style == "blank" else "\n"
    return separator.join(parts) + "\n"


def parse_size(raw: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?)?\s*", raw, re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {raw!r}")
    unit = (match.group(2) or "").lower().rstrip("b").rstrip("i")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]
    return int(float(match.group(1)) * factor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path)
    parser.add_argument("--size", type=parse_size, default=parse_size("5MB"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--style", choices=("blank", "lines"), default="blank")
    args = parser.parse_args()
    output = args.output or Path(tempfile.mkdtemp(prefix="apostil-bench-")) / "long-article.txt"
    output.write_text(long_article(args.size, args.seed, args.style), encoding="utf-8")
    print(output)


if __name__ == "__main__":
    main()
