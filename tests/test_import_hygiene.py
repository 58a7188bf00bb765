"""store/ never imports Textual or Rich; store-only commands never import Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import apostil.store


def store_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.walk_packages(apostil.store.__path__, "apostil.store.")
        if "spacy" not in m.name
    )


def test_store_never_imports_textual_or_rich() -> None:
    modules = store_modules()
    assert "apostil.store.library" in modules and "apostil.store.reading" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"store/ pulled in: {result.stdout.strip()}"


def test_store_only_commands_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from apostil.cli import main\n"
        "main(['list', '--json'])\n"
        "main(['--help']) if False else None\n"
        "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN',"
        " file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().endswith("CLEAN"), result.stderr
