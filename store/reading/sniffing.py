"""Recognise what a file holds from its first bytes: binary formats, Unicode BOMs, HTML."""

from __future__ import annotations

import re

# (prefix, offset, what) - checked in order; the first match names the binary format.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "PDF"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"\x00\x00\x01\x00", 0, "icon"),
    (b"PK\x03\x04", 0, "ZIP archive"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"PK\x07\x08", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", 0, "zstd archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Microsoft Office document"),
    (b"{\\rtf", 0, "RTF document"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"\x7fELF", 0, "executable"),
    (b"\xcf\xfa\xed\xfe", 0, "executable"),
    (b"\x00asm", 0, "WebAssembly"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ID3\x03", 0, "MP3 audio"),
    (b"ID3\x04", 0, "MP3 audio"),
    (b"ftyp", 4, "MP4 media"),
    (b"\x1a\x45\xdf\xa3", 0, "Matroska video"),
    (b"wOFF", 0, "font"),
    (b"wOF2", 0, "font"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The codec named by ``data``'s byte order mark, or None without one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` is ("PDF", "PNG image", "NUL bytes"...), None for text."""
    for magic, offset, what in _MAGIC:
        if data.startswith(magic, offset):
            return what
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if _BZIP2.match(data):
        return "bzip2 archive"
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return None  # NUL bytes are expected there
    if b"\x00" in data:
        return "NUL bytes"
    return None


_NOISE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def looks_like_control_noise(text: str) -> bool:
    """Whether decoded text is mostly control characters (a binary file in disguise)."""
    sample = text[:65536]
    if not sample:
        return False
    # ESC is left out: terminal captures are full of escape sequences yet are text.
    controls = len(_NOISE.findall(sample))
    return controls > 0.1 * len(sample)


_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|article"
    r"|main|div|p|h[1-6]|section|table|ul|ol|span|a|!--)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|article|section|h[1-6]|ul|ol|li|br|span|a|em|strong|b|i"
    r"|blockquote|table|tr|td|meta|title|script|style)\b[^<>]*>",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """Whether text of unknown kind is HTML: it starts with a tag and is made of tags."""
    head = text[:4096]
    if not _HTML_START.match(head):
        return False
    return len(_HTML_TAG.findall(head)) >= 2


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML file declares in a ``<meta>`` near its top, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None
