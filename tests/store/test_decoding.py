"""decode_bytes: BOMs, UTF-8, legacy Western encodings, undecodable input."""

from __future__ import annotations

import pytest

from apostil.store.errors import ReadError
from apostil.store.reading import decode_bytes

TEXT = "Zürich, São Paulo and Kraków: “smart quotes” — café £5"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, native order
        b"\xff\xfe" + TEXT.encode("utf-16-le"),
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
        b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le", "utf16be", "utf32", "utf32le", "utf32be"],
)
def test_unicode_encodings(data: bytes) -> None:
    assert decode_bytes(data, "a.txt") == TEXT


def test_cp1252_smart_quotes() -> None:
    text = "“Smart quotes” — it’s the café’s €5 menu… said Zoë."
    assert decode_bytes(text.encode("cp1252"), "a.txt") == text


def test_latin1_accents() -> None:
    text = "Le café à Genève coûte 5 £; «citation», señor Müller.\n" * 3
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_cp1251_cyrillic_is_not_read_as_latin() -> None:
    text = "Министр иностранных дел России заявил в Москве, что переговоры продолжатся."
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_undecodable_bytes_raise_read_error() -> None:
    with pytest.raises(ReadError) as info:
        decode_bytes(bytes(range(128, 256)) * 3, "junk.txt")
    assert str(info.value).startswith("junk.txt: undecodable text")


def test_broken_utf16_after_bom_raises_read_error() -> None:
    with pytest.raises(ReadError, match="UTF-16"):
        decode_bytes(b"\xff\xfe\x00\xd8", "a.txt")  # lone high surrogate
