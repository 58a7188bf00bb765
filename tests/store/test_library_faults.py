"""A library survives crashes, concurrent writers, a full disk and corrupt files."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from apostil.store import storage as storage_module
from apostil.store.doctor import diagnose, restore_latest_backup
from apostil.store.errors import LibraryBusy, LibraryCorrupt, LibraryError
from apostil.store.library import Library
from apostil.store.model import Metadata, document_from_blocks

WRITER = Path(__file__).with_name("writer_process.py")


def seeded_library(folder: Path) -> str:
    lib = Library(folder)
    doc = document_from_blocks(
        [("title", "Fault test", 0), ("paragraph", "Alpha beta gamma delta epsilon.", 0)],
        Metadata(),
        "txt",
    )
    article_id = lib.import_document(doc, None).article.id
    lib.close()
    return article_id


def start_writer(folder: Path, article_id: str, count: int, label: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(folder), article_id, str(count), label],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kill_9_at_any_moment_never_breaks_the_library_or_loses_an_acknowledged_note(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    acknowledged: set[str] = set()
    rng = random.Random(1)
    for round_ in range(8):
        writer = start_writer(folder, article_id, 10_000, f"r{round_}")
        time.sleep(0.35 + rng.random() * 0.4)  # interpreter start-up, then some writes
        os.kill(writer.pid, signal.SIGKILL)
        out, _ = writer.communicate()
        acknowledged.update(out.split())
        library = Library(folder)  # must open: old or new library, never a broken one
        stored = {n.id for n in library.notes()}
        library.close()
        missing = acknowledged - stored
        assert not missing, f"round {round_}: acknowledged notes lost: {sorted(missing)[:3]}"
    assert len(acknowledged) > 8, "the writers never got to write; the test proved nothing"
    assert diagnose(folder).healthy
    Library(folder).add_note(article_id, 0, 5)  # the next writer sweeps killed writers' temp files
    assert not list(folder.glob(".library.json.*.tmp"))


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    writers = [start_writer(folder, article_id, 40, label) for label in ("left", "right")]
    acknowledged: set[str] = set()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        acknowledged.update(out.split())
    assert len(acknowledged) == 80
    library = Library(folder)
    notes = library.notes()
    assert {n.id for n in notes} == acknowledged
    assert sorted(n.note for n in notes if n.tags == ("left",)) == sorted(
        f"left {i}" for i in range(40)
    )


def test_a_full_disk_leaves_the_old_library_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    library = Library(folder)
    kept = library.add_note(article_id, 0, 5, note="before the disk filled")
    before = (folder / "library.json").read_bytes()

    def disk_full(path: Path, data: bytes, **_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module, "atomic_write_bytes", disk_full)
    with pytest.raises(LibraryError, match="No space left on device") as caught:
        library.add_note(article_id, 6, 10, note="lost to the full disk")
    assert "\n" not in str(caught.value)
    assert (folder / "library.json").read_bytes() == before
    assert [n.id for n in library.notes()] == [kept.id]  # memory agrees with the disk
    monkeypatch.undo()
    library.add_note(article_id, 6, 10, note="after space was freed")
    assert len(Library(folder).notes()) == 2


def test_real_partial_write_failure_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    library = Library(folder)
    before = (folder / "library.json").read_bytes()
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(LibraryError):
        library.add_note(article_id, 0, 5)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert (folder / "library.json").read_bytes() == before
    assert not list(folder.glob(".library.json.*"))


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2, 3]", b'{"notes": [1]}'])
def test_a_corrupt_library_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.json").write_bytes(content)
    with pytest.raises(LibraryCorrupt) as caught:
        Library(folder)
    assert "\n" not in str(caught.value)
    assert "doctor" in str(caught.value)
    assert (folder / "library.json").read_bytes() == content


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    content = b'{"_meta": {"1": {"schema": 99}}, "notes": {}}'
    (folder / "library.json").write_bytes(content)
    with pytest.raises(LibraryError, match="schema version 99"):
        Library(folder)
    assert (folder / "library.json").read_bytes() == content


def test_doctor_restores_the_latest_good_backup(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    library = Library(folder, backup_interval=0)
    for i in range(3):
        library.add_note(article_id, 0, 5, note=f"note {i}")
    library.close()
    assert diagnose(folder).healthy
    (folder / "library.json").write_bytes(b'{"articles": {"1": {"id": ')
    report = diagnose(folder)
    assert not report.healthy and report.good_backup is not None
    _backup, moved = restore_latest_backup(folder)
    assert moved is not None and moved.read_bytes() == b'{"articles": {"1": {"id": '
    restored = Library(folder)
    assert len(restored.notes()) == 2  # the backup taken before the last write
    with pytest.raises(LibraryError, match="healthy"):
        restore_latest_backup(folder)


def test_a_stale_lock_file_does_not_block(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    (folder / "library.lock").write_text("12345")  # left behind by a crashed process
    library = Library(folder, lock_timeout=1)
    library.add_note(article_id, 0, 5)
    assert len(library.notes()) == 1


def test_a_held_lock_makes_a_writer_wait_then_say_busy(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    article_id = seeded_library(folder)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, filelock; l = filelock.FileLock(sys.argv[1]); l.acquire(); "
            "print('held', flush=True); time.sleep(30)",
            str(folder / "library.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        library = Library(folder, lock_timeout=0.5)
        with pytest.raises(LibraryBusy, match="busy"):
            library.add_note(article_id, 0, 5)
        assert library.notes() == []
    finally:
        holder.kill()
        holder.wait()
    library.add_note(article_id, 0, 5)  # the holder died: its lock went with it
    assert len(library.notes()) == 1
