"""Write output files atomically: complete or not at all.

An interrupted or failed run must never leave a truncated TMX that looks usable, so
every output is written to a temporary file beside the target and renamed over it
only when complete (``os.replace`` within one directory is atomic): readers see the
old file or the complete new one, never a half-written one.
"""

from __future__ import annotations

import os
import secrets
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from tmkit.errors import InputError


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the block ends without an exception.

    ``"-"`` means standard output (written as it comes: a pipe cannot be atomic). The
    temp file is created with mode 0o666 so the umask applies as for any ordinary file
    (``tempfile`` would leave it 0o600).
    """
    if str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
