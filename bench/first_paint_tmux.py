"""First paint in a real terminal: apostil opening an article vs a bare Textual app.

    python bench/first_paint_tmux.py [--quick]

Both run in a tmux pane (120x40); the time is from launching the process to the article's
first words on the screen (tmux capture-pane, polled every 10 ms). apostil is measured opening
the seed article twice: ``new`` (imported into a fresh library first) and ``reopen`` (already
in the library). Baseline: ``bench/bare_app.py``, a Textual app with one Static of the file,
in the same run. Medians; needs tmux (prints nothing for a figure it cannot measure).

apostil's own modules are byte-compiled first, as they are after any first run of an
installed apostil: with PYTHONDONTWRITEBYTECODE set (as on some build machines) every run
would otherwise compile them from source (about 25 ms) while Textual's come precompiled.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import emit, progress

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "syria-convoys.txt"
NEEDLE = "In a rare moment, soldiers"
TMUX = ["tmux", "-L", f"apostil-bench-{os.getpid()}"]  # a tmux server of our own


def time_to_screen(command: list[str], timeout: float = 30.0) -> float:
    name = f"apostil-bench-{uuid.uuid4().hex[:8]}"
    # COLUMNS/LINES from the parent would override the pane's real size in Textual.
    line = "env -u COLUMNS -u LINES " + " ".join(shlex.quote(c) for c in command)
    command_line = [
        *TMUX,
        "new-session",
        "-d",
        "-s",
        name,
        "-x",
        "120",
        "-y",
        "40",
        "-e",
        "TERM=xterm-256color",
        f"{line}; sleep 30",
    ]
    for attempt in range(3):  # the server may still be shutting down from the last run
        start = time.perf_counter()  # the clock starts with the launch
        if subprocess.run(command_line, capture_output=True).returncode == 0:
            break
        time.sleep(0.3 * (attempt + 1))
    else:
        raise RuntimeError("tmux could not start a session")
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(
                [*TMUX, "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            if NEEDLE in screen:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise RuntimeError(f"{command[0]}: nothing on screen after {timeout}s")
    finally:
        subprocess.run([*TMUX, "kill-session", "-t", name], capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        progress("first_paint_tmux: tmux is not installed; skipped")
        return
    runs = 3 if args.quick else 7
    for package in ("apostil", "store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)
    bare, new, reopen = [], [], []
    python = sys.executable
    for i in range(runs):
        progress(f"first paint: run {i + 1} of {runs}")
        bare.append(time_to_screen([python, str(ROOT / "bench" / "bare_app.py"), str(SEED)]))
        with tempfile.TemporaryDirectory() as tmp:
            apostil = [python, "-m", "apostil", "--library", tmp, str(SEED)]
            new.append(time_to_screen(apostil))
            reopen.append(time_to_screen(apostil))
    baseline = statistics.median(bare)
    emit(
        "first_paint_tmux_reopen",
        statistics.median(reopen),
        "s",
        baseline,
        baseline_name="bare Textual app showing the file",
        runs=runs,
    )
    emit(
        "first_paint_tmux_new_article",
        statistics.median(new),
        "s",
        baseline,
        baseline_name="bare Textual app showing the file",
        runs=runs,
        note="includes importing the file into a fresh library",
    )


if __name__ == "__main__":
    main()
