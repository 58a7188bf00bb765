"""Every way a file can fail to be an article raises ReadError with a one-line reason."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from apostil.store.errors import ApostilError, ReadError
from apostil.store.reading import MAX_BYTES, read_bytes, read_path

Write = Callable[[str, bytes | str], Path]


def _reason(path: Path | str, **kwargs: int) -> str:
    with pytest.raises(ReadError) as info:
        read_path(path, **kwargs)
    error = info.value
    assert isinstance(error, ApostilError)
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    assert "\n" not in str(error)
    return error.reason


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.txt") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "is a directory"


def test_empty_file(write_file: Write) -> None:
    assert _reason(write_file("empty.txt", b"")) == "empty file"


@pytest.mark.parametrize("content", [" \n\t\n  ", "\x1b[2J\x1b[H\n", "\u202e\u200e\n\n"])
def test_no_readable_text(write_file: Write, content: str) -> None:
    assert _reason(write_file("blank.txt", content)) == "no readable text"


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"x" * 20, "PNG image"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "PDF"),
        ("bundle.zip", _zip(), "ZIP archive"),
        ("notes.txt.gz", gzip.compress(b"some article text"), "gzip archive"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00", "GIF image"),
        ("disguised.txt", b"%PDF-1.4\nlooks like text but is a PDF", "PDF"),
        ("nul.txt", b"Hello\x00world, this has a NUL byte", "NUL bytes"),
    ],
)
def test_binary_files(write_file: Write, name: str, data: bytes, kind: str) -> None:
    assert _reason(write_file(name, data)) == f"binary file ({kind})"


def test_mostly_control_characters_is_binary(write_file: Write) -> None:
    data = bytes(range(1, 32)) * 50
    assert _reason(write_file("ctl.txt", data)) == "binary file (control characters)"


def test_undecodable(write_file: Write) -> None:
    reason = _reason(write_file("junk.txt", bytes(range(128, 256)) * 4))
    assert reason.startswith("undecodable text")


def test_over_the_size_limit(write_file: Write) -> None:
    path = write_file("big.txt", "A title\n\n" + "word " * 100)
    assert _reason(path, max_bytes=100).startswith("file too large (")
    assert read_path(path, max_bytes=10_000).title == "A title"


def test_exactly_at_the_limit_is_fine(write_file: Write) -> None:
    content = b"Title line\n\nBody text here."
    path = write_file("edge.txt", content)
    assert read_path(path, max_bytes=len(content)).title == "Title line"


def test_default_limit_is_50_mib() -> None:
    assert MAX_BYTES == 50 * 1024 * 1024


def test_read_bytes_limit_and_errors() -> None:
    with pytest.raises(ReadError, match=r"^-: empty file$"):
        read_bytes(b"", name="-")
    with pytest.raises(ReadError, match="file too large"):
        read_bytes(b"x" * 11, name="-", max_bytes=10)
    with pytest.raises(ReadError, match=r"binary file \(PNG image\)"):
        read_bytes(b"\x89PNG\r\n\x1a\n....", name="-")


def test_html_with_no_article_text(write_file: Write) -> None:
    html = (
        "<html><head><title>Only a title</title><script>var x = 1;</script></head>"
        "<body></body></html>"
    )
    assert _reason(write_file("page.html", html)) == "no readable text"


def test_unknown_format_argument_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        read_bytes(b"text", name="-", fmt="docx")
