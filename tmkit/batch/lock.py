"""One batch at a time per output folder.

Two batches writing into one folder would both align every document and append
duplicate lines to the manifest; the second one's clean-up of temporary files could
even delete the first one's files in progress. The first batch therefore holds an
exclusive ``flock`` on ``OUT/.tmkit-batch.lock`` for its whole run, with a line saying
who it is (process, host, start, command), and a second batch is refused with that
line. The operating system releases the lock when the holder exits, however it ends
(even ``kill -9``), so a stale lock file never blocks a later run.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from tmkit.errors import InputError

__all__ = ["LOCK_FILE", "folder_lock"]

LOCK_FILE = ".tmkit-batch.lock"


def _holder_line() -> str:
    started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    command = " ".join(["tmkit", *sys.argv[1:]]) if sys.argv else "tmkit"
    return f"pid {os.getpid()} on {socket.gethostname()}, started {started}: {command}\n"


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s batch lock while the block runs; :class:`InputError` if another run has it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no locking (documented in the README)
        yield
        return
    path = folder / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the lock file {LOCK_FILE} ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip() or "another process"
            raise InputError(f"{folder} is in use by another tmkit batch ({holder}); wait for it to finish "
                             "or give another -o folder") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, _holder_line().encode("utf-8"), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
