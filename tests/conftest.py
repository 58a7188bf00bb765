"""Fixtures shared by every layer of the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_articles"
SEED = SAMPLES / "syria-convoys.txt"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test ever reads or writes the user's real library or config."""
    home = tmp_path_factory.mktemp("apostil-home")
    monkeypatch.setenv("APOSTIL_HOME", str(home / "library"))
    monkeypatch.setenv("APOSTIL_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    if not (home / "config.toml").exists():
        (home / "config.toml").write_text("", encoding="utf-8")
