"""config.toml: where it is found, what it may say, and how a bad one is reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apostil.store.config import Config, ConfigError, config_path, load_config, parse_config
from apostil.store.errors import ApostilError

FULL = """
theme = "nord"
engine = "rules"
measure = 72
export_dir = "~/notes"

[keymap]
"reader.down" = "j,down"
library.open = ["enter", "o"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_config_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", FULL)
    config = load_config(path)
    assert config.theme == "nord"
    assert config.engine == "rules"
    assert config.measure == 72
    assert config.export_dir == str(Path("~/notes").expanduser())
    assert config.keymap == {"reader.down": "j,down", "library.open": "enter,o"}
    assert config.path == path
    assert config.warnings == []


def test_an_empty_config_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "config.toml", ""))
    assert (config.theme, config.engine, config.measure, config.export_dir) == (
        None,
        "rules",
        88,
        None,
    )
    assert config.keymap == {}


def test_no_file_in_the_default_place_gives_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("APOSTIL_CONFIG", raising=False)
    monkeypatch.setattr("platformdirs.user_config_dir", lambda name: str(tmp_path / name))
    assert config_path() == tmp_path / "apostil" / "config.toml"
    config = load_config()
    assert config == Config()
    assert config.path is None


def test_a_named_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match=r"nope\.toml"):
        load_config(env={"APOSTIL_CONFIG": str(tmp_path / "nope.toml")})


def test_the_flag_beats_the_environment_which_beats_platformdirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flag = write(tmp_path / "flag.toml", 'theme = "flag"')
    env = write(tmp_path / "env.toml", 'theme = "env"')
    write(tmp_path / "dirs" / "apostil" / "config.toml", 'theme = "dirs"')
    monkeypatch.setattr("platformdirs.user_config_dir", lambda name: str(tmp_path / "dirs" / name))
    monkeypatch.setenv("APOSTIL_CONFIG", str(env))
    assert load_config(flag).theme == "flag"
    assert load_config().theme == "env"
    monkeypatch.delenv("APOSTIL_CONFIG")
    assert load_config().theme == "dirs"
    assert load_config(env={}).theme == "dirs"
    assert load_config(env={"APOSTIL_CONFIG": str(flag)}).theme == "flag"


def test_malformed_toml_is_one_line_naming_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nord"\nmeasure = = 3\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert "line 2" in message
    assert isinstance(caught.value, ApostilError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("measure = 'wide'", "measure must be a whole number"),
        ("measure = true", "measure must be a whole number"),
        ("measure = 5", "between 20 and 400"),
        ("engine = 'magic'", "engine must be one of"),
        ("theme = 3", "theme must be a string"),
        ("keymap = 'j'", "keymap must be a table"),
        ("[keymap]\n'reader.down' = 3", "keymap.reader.down must be a key"),
        ("[keymap]\n'reader.down' = ''", "keymap.reader.down must be a key"),
    ],
)
def test_wrong_values_are_errors(text: str, expected: str) -> None:
    with pytest.raises(ConfigError, match=expected) as caught:
        parse_config(text, path="/home/me/config.toml")
    assert str(caught.value).startswith("/home/me/config.toml: ")


def test_unknown_settings_are_ignored_with_a_warning() -> None:
    config = parse_config("colour = 'red'\nmeasure = 70\n[plugins]\nx = 1\n", path="c.toml")
    assert config.measure == 70
    assert config.warnings == [
        "c.toml: unknown setting 'colour' ignored",
        "c.toml: unknown setting 'plugins' ignored",
    ]


def test_engine_is_case_insensitive() -> None:
    assert parse_config("engine = ' SpaCy '").engine == "spacy"


def test_a_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "\xff"')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_a_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="directory"):
        load_config(tmp_path)


@given(st.text(max_size=200))
def test_any_text_either_parses_or_raises_a_one_line_config_error(text: str) -> None:
    try:
        config = parse_config(text, path="c.toml")
    except ConfigError as error:
        assert "\n" not in str(error) and str(error).startswith("c.toml: ")
    else:
        assert 20 <= config.measure <= 400


def test_importing_config_needs_no_terminal_library() -> None:
    code = (
        "import sys\n"
        "import apostil.store.config\n"
        "assert 'textual' not in sys.modules and 'rich' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
