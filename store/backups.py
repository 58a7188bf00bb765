"""Rolling backups of library.json, kept in ``backups/`` beside it.

A backup is a hard link to the library file that is about to be replaced, so taking one
costs nothing however large the library is (a copy where links are not supported). At most
one backup per ``interval`` seconds; the newest ``keep`` are kept.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

BACKUP_PREFIX = "library-"
BACKUP_SUFFIX = ".json"


@dataclass
class BackupPolicy:
    folder: Path
    interval: float = 600.0
    keep: int = 10

    def backups(self) -> list[Path]:
        """Existing backups, newest first."""
        if not self.folder.is_dir():
            return []
        found = [
            p
            for p in self.folder.iterdir()
            if p.name.startswith(BACKUP_PREFIX) and p.name.endswith(BACKUP_SUFFIX)
        ]
        return sorted(found, key=lambda p: p.name, reverse=True)

    def maybe_backup(self, library_file: Path) -> Path | None:
        """Keep the current ``library_file`` as a backup if the newest one is old enough."""
        if not library_file.exists():
            return None
        existing = self.backups()
        if existing:
            newest_age = time.time() - existing[0].stat().st_mtime
            if 0 <= newest_age < self.interval:
                return None
        return self.backup_now(library_file)

    def backup_now(self, library_file: Path) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
        try:
            os.link(library_file, target)
            # A hard link shares the old file's mtime; the backup's age is when it was taken.
            os.utime(target)
        except OSError:
            shutil.copy2(library_file, target)
            os.utime(target)
        self.prune()
        return target

    def prune(self) -> None:
        for old in self.backups()[self.keep :]:
            with contextlib.suppress(OSError):
                old.unlink()
