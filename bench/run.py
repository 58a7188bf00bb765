"""Run every apostil benchmark; print one JSON object a line.

    python bench/run.py [--quick] [--only NAME ...]

Each benchmark is a script in this folder, run in its own process so that one's memory
and caches do not colour another's figures. Its JSON lines pass through unchanged; its
progress messages go to stderr.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    "store_speed",
    "entity_speed",
    "entity_quality",
    "anchoring_mutations",
    "export_speed",
    "reader_speed",
    "first_paint_tmux",
    "tui_library",
]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, few repeats")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these")
    args = parser.parse_args()
    failed = 0
    for name in args.only or BENCHMARKS:
        script = HERE / f"{name}.py"
        if not script.exists():
            print(json.dumps({"figure": name, "error": "benchmark script missing"}), flush=True)
            failed += 1
            continue
        command = [sys.executable, str(script)] + (["--quick"] if args.quick else [])
        result = subprocess.run(command, stdout=subprocess.PIPE, text=True)
        for line in result.stdout.splitlines():
            if line.startswith("{"):
                print(line, flush=True)
        if result.returncode != 0:
            print(
                json.dumps({"figure": name, "error": f"exit status {result.returncode}"}),
                flush=True,
            )
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
