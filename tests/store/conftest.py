"""Fixtures for the store tests: sample articles and a helper writing files to read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


@pytest.fixture
def samples() -> Path:
    """The committed sample articles folder."""
    return SAMPLES


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """``write_file(name, content)`` writes bytes (or UTF-8 text) under ``tmp_path``."""

    def write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return write
