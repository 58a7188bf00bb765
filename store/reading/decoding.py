"""Turn an article file's bytes into text.

Order of trust: a byte order mark (UTF-8, UTF-16, UTF-32) wins; then strict UTF-8 (most files
today); then a legacy 8-bit encoding. For legacy files charset-normalizer proposes an
encoding, but Western text in Windows-1252 is far more common than its close cousins it tends
to propose for short samples (cp1250 reads "£" as "Ł"), so cp1252 is kept unless it reads as
noticeably messier than the proposal. Latin-1 (ISO-8859-1) files decode the same under cp1252
for every printable character. Anything else that cannot be decoded raises ``ReadError``.
"""

from __future__ import annotations

import codecs

from ..errors import ReadError
from .sniffing import bom_encoding

_SAMPLE = 32768
_MESSY = 0.2  # mess ratio above which a legacy decoding is not believed
_TOLERANCE = 0.02  # how much messier cp1252 may read than the proposal and still win


def decode_bytes(data: bytes, name: str, *, declared: str | None = None) -> str:
    """The text of ``data`` (named ``name`` in errors); ``declared`` is a charset the file
    names itself (an HTML ``<meta charset>``), tried after UTF-8."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise ReadError(name, f"undecodable text (invalid {_label(bom)})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    codec = _known_codec(declared) if declared else None
    if codec is not None and codec != "utf-8":
        text = _try_decode(data, codec)
        if text is not None:
            return text
    return _decode_legacy(data, name)


def _decode_legacy(data: bytes, name: str) -> str:
    # Imported here: most files are UTF-8, and opening one should not pay for this.
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    sample = _sample(data)
    guess = from_bytes(sample).best()
    guessed = guess.encoding if guess is not None else None
    if guessed and guessed.startswith(("utf_16", "utf_32", "utf_8")):
        guessed = None  # without a BOM these proposals are noise
    western = _try_decode(data, "cp1252")
    if western is not None:
        western_mess = mess_ratio(western[:_SAMPLE])
        if guessed is None or guessed == "cp1252":
            if western_mess <= _MESSY:
                return western
        else:
            guessed_mess = mess_ratio(sample.decode(guessed, "ignore")[:_SAMPLE])
            if western_mess <= guessed_mess + _TOLERANCE and western_mess <= _MESSY:
                return western
    if guessed is not None:
        text = _try_decode(data, guessed)
        if text is not None and mess_ratio(text[:_SAMPLE]) <= _MESSY:
            return text
    raise ReadError(name, "undecodable text (not UTF-8 and no known encoding fits)")


def _sample(data: bytes) -> bytes:
    """Up to three slices of the data (start, middle, end) for detection."""
    if len(data) <= 3 * _SAMPLE:
        return data
    mid = len(data) // 2
    return data[:_SAMPLE] + data[mid : mid + _SAMPLE] + data[-_SAMPLE:]


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _known_codec(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def _label(codec: str) -> str:
    return {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(codec, codec)
