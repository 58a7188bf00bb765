"""Saving one note into a library of 1k, 10k and 100k notes, against plain TinyDB.

Baseline: TinyDB with its stock JSONStorage inserting the same note record into a copy of
the same data, measured in the same run. apostil's figure is ``Library.add_note`` on an open
library (the app's case: crash-safe write with fsync and the cross-process lock included).
A second figure, ``cold``, opens the library first (the CLI's case: ``apostil note``).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.storages import JSONStorage

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit, median_seconds, progress

from apostil.store.library import Library
from apostil.store.model import Metadata, Note, document_from_blocks, quote_selector

WORDS = [
    "convoy",
    "patrol",
    "border",
    "province",
    "minister",
    "agency",
    "report",
    "river",
    "harbour",
    "strike",
    "grain",
    "market",
    "talks",
    "ceasefire",
    "troops",
    "village",
    "council",
    "election",
    "budget",
    "drought",
]


def make_article_text(rng: random.Random, paragraphs: int = 40) -> list[tuple[str, str, int]]:
    blocks = [("title", "Benchmark article", 0)]
    for _ in range(paragraphs):
        sentence = " ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "."
        blocks.append(("paragraph", sentence, 0))
    return blocks


def build_library(folder: Path, notes: int, rng: random.Random) -> tuple[str, int]:
    """A library with one article per 100 notes; returns an article id and its text length."""
    lib = Library(folder)
    doc = document_from_blocks(make_article_text(rng), Metadata(), "txt")
    article = lib.import_document(doc, folder / "bench.txt").article
    lib.close()
    text = doc.text
    data = orjson.loads((folder / "library.json").read_bytes())
    records = {}
    for i in range(notes):
        start = rng.randrange(0, len(text) - 200)
        end = start + rng.randrange(20, 160)
        prefix, quote, suffix = quote_selector(text, start, end)
        note = Note(
            id=f"{i:012x}",
            article_id=article.id,
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            text_hash=article.content_hash,
            note=" ".join(rng.choice(WORDS) for _ in range(12)),
            tags=("bench", "syria"),
            created="2026-11-25T00:00:00Z",
            updated="2026-11-25T00:00:00Z",
        )
        records[str(i + 1)] = note.to_record()
    data["notes"] = records
    (folder / "library.json").write_bytes(orjson.dumps(data))
    return article.id, len(text)


def measure_size(size: int, reps: int, rng: random.Random) -> None:
    with tempfile.TemporaryDirectory(prefix="apostil-bench-") as tmp:
        folder = Path(tmp) / "lib"
        progress(f"store: building a library of {size} notes")
        article_id, length = build_library(folder, size, rng)
        plain = Path(tmp) / "plain.json"
        shutil.copy(folder / "library.json", plain)

        lib = Library(folder, backup_interval=1e9)
        lib.notes()  # warm: the app has the library open

        def save_apostil() -> None:
            start = rng.randrange(0, length - 100)
            lib.add_note(article_id, start, start + 50, note="a note", tags=["bench"])

        plain_db = TinyDB(plain, storage=JSONStorage)
        record = Note(
            id="x",
            article_id=article_id,
            start=0,
            end=5,
            quote="Bench",
            prefix="",
            suffix=" article",
            text_hash="",
            note="a note",
            tags=("bench",),
        ).to_record()

        def save_plain() -> None:
            plain_db.table("notes").insert(dict(record))

        apostil_s = median_seconds(save_apostil, reps)
        plain_s = median_seconds(save_plain, reps)
        emit(
            f"note_save_{size // 1000}k_notes",
            apostil_s * 1000,
            "ms",
            plain_s * 1000,
            baseline_name="tinydb JSONStorage insert",
        )

        def save_cold() -> None:
            cold = Library(folder, backup_interval=1e9)
            start = rng.randrange(0, length - 100)
            cold.add_note(article_id, start, start + 50, note="cold", tags=["bench"])
            cold.close()

        cold_s = median_seconds(save_cold, max(3, reps // 2))
        emit(
            f"note_save_cold_{size // 1000}k_notes",
            cold_s * 1000,
            "ms",
            plain_s * 1000,
            baseline_name="tinydb JSONStorage insert",
            note="opens the library first, as one 'apostil note' command does",
        )
        plain_db.close()
        lib.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    sizes = (1_000, 10_000, 100_000)
    repeat = 5 if args.quick else 15
    rng = random.Random(7)
    for size in sizes:
        reps = max(3, repeat // 3) if size >= 100_000 else repeat
        measure_size(size, reps, rng)


if __name__ == "__main__":
    main()
