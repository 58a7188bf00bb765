"""Crash-safe file replacement: write a temporary file beside the target, fsync, rename.

After ``atomic_write_bytes`` returns, the target holds the new bytes; if the process dies at
any moment before, the target still holds the old bytes (or does not exist). A full disk
raises ``OSError`` and leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on directories
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(
    path: Path, data: bytes, *, before_replace=None, mode: int | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically and durably.

    ``before_replace`` (optional callable) runs after the new data is safely on disk and
    before the rename: the library uses it to keep a backup of the old file. ``mode`` sets
    the file's permissions (default: private to the user, as ``mkstemp`` makes it).
    """
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if mode is not None:
            os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_dir(folder)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
