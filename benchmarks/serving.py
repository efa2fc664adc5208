"""A real ``mkdocs serve`` for the benchmarks to time rebuilds against, stopped however they end."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def mkdocs_serve(root: Path, timeout: float, flags: tuple[str, ...] = ()) -> Iterator[subprocess.Popen[str]]:
    """The server's process (``flags``: more options, e.g. ``--dirty``), its output a pipe of text
    lines. A blocked read never sees a deadline: past ``timeout`` a watchdog stops the server, and
    the reads end."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *flags],
                               cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    assert process.stdout is not None
    watchdog = threading.Timer(timeout, _stop, (process,))
    watchdog.start()
    try:
        yield process
    finally:
        watchdog.cancel()
        _stop(process)
        process.wait(timeout=30)


def served_url(process: subprocess.Popen[str], path: str = "") -> str:
    """The URL of ``path`` on the server that :func:`mkdocs_serve` started."""
    args = [str(arg) for arg in process.args]  # type: ignore[union-attr]
    return f"http://{args[args.index('--dev-addr') + 1]}/{path}"


def _stop(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
