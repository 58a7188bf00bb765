"""A writer process for the fault tests: adds notes and reports each acknowledged id.

Usage: python writer_process.py LIBRARY_DIR ARTICLE_ID COUNT LABEL
Prints one note id per line, flushed, only after ``add_note`` returned.
"""

from __future__ import annotations

import sys

from apostil.store.library import Library


def main() -> None:
    folder, article_id, count, label = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    library = Library(folder, backup_interval=0.05, backups_kept=3)
    for i in range(count):
        note = library.add_note(article_id, 0, 5, note=f"{label} {i}", tags=[label])
        sys.stdout.write(note.id + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
