"""Drive the real ``apostil`` in a tmux pane, as a person at a terminal would.

The same approach as ../shared/tools/tui-drive, in Python so the suite needs nothing beside
the repository: start a command in a detached session of a fixed size, send keys, read the
screen.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Mapping

# A tmux server of our own: nothing else using tmux on the machine can close our panes, and
# ours never touch anyone else's sessions.
TMUX = ["tmux", "-L", f"apostil-e2e-{os.getpid()}"]


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


class Pane:
    def __init__(
        self,
        command: list[str],
        *,
        size: tuple[int, int] = (120, 40),
        env: Mapping[str, str] | None = None,
        cwd: str | None = None,
    ) -> None:
        self.name = f"apostil-e2e-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        line = " ".join(shlex.quote(c) for c in command)
        # COLUMNS/LINES can reach the pane from whatever started the tmux server (under pytest
        # they did: 80x24), and Textual would believe them over the pane's real size.
        script = (
            f"env -u COLUMNS -u LINES TERM=xterm-256color {exports} {line}; rc=$?; echo; "
            "echo E2E-EXITED rc=$rc; sleep 600"
        )
        width, height = str(size[0]), str(size[1])
        # Size the pane first, then start the command in it: a program that starts while tmux
        # is still settling the window size can read a stale size and miss the resize signal.
        steps = [
            [
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                width,
                "-y",
                height,
                "-e",
                "TERM=xterm-256color",
                *(["-c", cwd] if cwd else []),
                "sleep 600",
            ],
            ["set-option", "-t", self.name, "window-size", "manual"],
            ["resize-window", "-t", self.name, "-x", width, "-y", height],
            ["respawn-pane", "-k", "-t", self.name, *(["-c", cwd] if cwd else []), script],
        ]
        for attempt in range(3):
            # Right after the last session closes, the tmux server is still shutting down and
            # a new session can fail with "server exited unexpectedly": try again.
            created = subprocess.run([*TMUX, *steps[0]], capture_output=True)
            if created.returncode == 0:
                break
            time.sleep(0.3 * (attempt + 1))
        else:
            raise RuntimeError(f"tmux could not start a session: {created.stderr!r}")
        for step in steps[1:]:
            subprocess.run([*TMUX, *step], check=True, capture_output=True)

    def size(self) -> str:
        return subprocess.run(
            [*TMUX, "display-message", "-p", "-t", self.name, "#{window_width}x#{window_height}"],
            capture_output=True,
            text=True,
        ).stdout.strip()

    def screen(self) -> str:
        return subprocess.run(
            [*TMUX, "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(
            f"{text!r} did not appear within {timeout}s; pane {self.size()}; screen:\n"
            + self.screen()
        )

    def wait_until_gone(self, text: str, timeout: float = 10.0) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if text not in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} still on screen after {timeout}s:\n" + self.screen())

    def keys(self, *keys: str, pause: float = 0.08) -> None:
        for key in keys:
            subprocess.run([*TMUX, "send-keys", "-t", self.name, key], check=True)
            # An escape followed at once by a key reads as alt+key: wait as a person would.
            time.sleep(0.4 if key == "Escape" else pause)

    def type(self, text: str) -> None:
        subprocess.run([*TMUX, "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(0.1)

    def exit_code(self, timeout: float = 10.0) -> int:
        screen = self.wait_for("E2E-EXITED rc=", timeout)
        return int(screen.split("E2E-EXITED rc=")[1].split()[0])

    def title(self) -> str:
        return subprocess.run(
            [*TMUX, "display-message", "-p", "-t", self.name, "#{pane_title}"],
            capture_output=True,
            text=True,
        ).stdout

    def close(self) -> None:
        subprocess.run([*TMUX, "kill-session", "-t", self.name], capture_output=True)
