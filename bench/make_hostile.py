"""Write ``sample_articles/hostile.txt``: an article built to attack a terminal reader.

It holds ANSI escape sequences (clear screen, colours, OSC 0 window title, OSC 52 clipboard
write, OSC 8 hyperlink), C0 and C1 control characters, a lone CR that would overwrite a line,
Rich and Textual markup, bidirectional overrides, and one 120,000-character line. It holds no
NUL byte: NUL marks a file as binary, which is tested elsewhere.

    python bench/make_hostile.py [OUTPUT]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ESC = "\x1b"
BEL = "\x07"
ST = ESC + "\\"
LONG_LINE_CHARS = 120_000

SENTENCES = (
    "The committee in Geneva met again on Tuesday to review the budget of the World Health "
    "Organization. ",
    "Delegates from Brazil, India and Kenya asked for more time to study the proposal. ",
    "Dr Lena Sorvik, who chairs the finance group, said the figures would be published in May. ",
    "Observers from the European Union and the African Union followed the debate from the "
    "gallery. ",
)


def long_line() -> str:
    """A single line of plausible prose exactly ``LONG_LINE_CHARS`` characters long."""
    parts: list[str] = []
    size = 0
    i = 0
    while size < LONG_LINE_CHARS:
        sentence = SENTENCES[i % len(SENTENCES)]
        parts.append(sentence)
        size += len(sentence)
        i += 1
    line = "".join(parts)[: LONG_LINE_CHARS - 1].rstrip()
    return line.ljust(LONG_LINE_CHARS - 1, "x") + "."


def hostile_text() -> str:
    lines = [
        f"Breaking: [bold red]markets[/] crash{ESC}[2J{ESC}[H as regulators meet in Geneva",
        "",
        f"By Ivo Marchetti{ESC}]0;pwned{BEL}",
        "",
        f"The report, seen by this newspaper on 3 May, was prepared for the {ESC}[31mWorld "
        f"Trade Organization{ESC}[0m secretariat in Geneva and circulated to delegations from "
        f"Canada, Japan and Nigeria.{ESC}]52;c;ZWNobyBwd25lZA=={BEL} Its authors asked that it "
        "not be quoted.",
        "",
        f"Officials in Ottawa said the text had been {ESC}]8;;https://evil.example{ST}leaked"
        f"{ESC}]8;;{ST} by a contractor. Click [link=https://evil.example]click[/link] to read "
        "it, or [@click=app.quit]quit[/] now.",
        "",
        "Harmless-looking control characters follow: bell\x07, backspace\x08, vertical tab\x0b,"
        " form feed\x0c, delete\x7f, next line\x85, CSI\x9b2J and string terminator\x9c.",
        "",
        "Safe progress text\rEVIL OVERWRITE: a lone carriage return tries to hide this line.",
        "",
        "Bidirectional overrides reverse what you see: \u202egnp.exe\u202c and "
        "\u2066isolated\u2069 text, an Arabic letter mark\u061c and marks\u200e\u200f.",
        "",
        "Markup that must stay text: [bold red]x[/], [/] [b]bold[/b], [reverse]",
        "",
        "The longest line follows",
        "",
        long_line(),
        "",
        f"Delegates left Geneva on Friday.{ESC}[?1049h{ESC}[?25l",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    default = Path(__file__).resolve().parent.parent / "sample_articles" / "hostile.txt"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=default)
    args = parser.parse_args()
    args.output.write_bytes(hostile_text().encode("utf-8"))
    print(args.output)


if __name__ == "__main__":
    main()
