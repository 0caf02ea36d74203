"""Progress bars show on a terminal and stay out of logs, pipes and CI."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

SCRIPT = ("from newsclaims import progress\n"
          "with progress.bar(40, 'extracting') as shown:\n"
          "    for _ in range(40): shown.update()\n")


def _stderr(on_terminal: bool, **env: str) -> bytes:
    full = {k: v for k, v in os.environ.items() if k not in ("CI", "NEWSCLAIMS_PROGRESS")} | env
    if not on_terminal:
        return subprocess.run([sys.executable, "-c", SCRIPT], env=full, capture_output=True, check=True).stderr
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal's size
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], env=full, stdout=subprocess.DEVNULL,
                            stderr=secondary)
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=60)
    os.close(primary)
    return out


def test_a_terminal_shows_the_bar():
    assert b"extracting" in _stderr(True)


def test_a_pipe_ci_or_the_setting_keep_it_quiet():
    assert _stderr(False) == b""
    assert b"extracting" not in _stderr(True, CI="true")
    assert b"extracting" not in _stderr(True, NEWSCLAIMS_PROGRESS="0")
