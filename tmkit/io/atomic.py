"""Write output files atomically: complete or not at all, and never over the wrong thing.

An interrupted or failed run must never leave a truncated TMX that looks usable, so
every output is written to a temporary file beside the target and renamed over it
only when complete (``os.replace`` within one directory is atomic): readers see the
old file or the complete new one, never a half-written one.

What is at the output path decides how it is written, the way careful Unix tools do:

* a **symbolic link** is followed: its target gets the new content (atomically) and
  the link stays a link;
* a **character device or FIFO** (``/dev/null``, ``/dev/stdout``, a named pipe) is
  written to as a stream, like ``-``: renaming over it would replace the device with
  a regular file;
* a **directory**, a block device or a socket is refused;
* an existing regular file keeps its permission bits.

:func:`check_outputs` refuses, before any work starts, every output that could not be
written or that is one of the command's inputs: a 20-minute alignment must not end
in "cannot write".
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from tmkit.errors import InputError

__all__ = ["atomic_output", "check_outputs", "same_file"]

#: Errors of writing (not of reading an input) that a user can act on: a full disk, a quota.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EPIPE})


def _streamed(mode: int) -> bool:
    """Outputs written as they come, without a temp file: devices such as /dev/null, pipes."""
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (through links, hard links, ``..``)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _check_one(path: str, inputs: list[str]) -> None:
    shown = Path(path)
    real = Path(os.path.realpath(path))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        raise InputError(f"{shown}: a part of the path is not a folder") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot write ({exc.strerror})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(f"{shown}: is a directory; give the output a file name")
    if mode is not None and not (stat.S_ISREG(mode) or _streamed(mode)):
        raise InputError(f"{shown}: is a device or socket, not a file tmkit can write")
    for source in inputs:
        if same_file(real, source):
            raise InputError(f"{shown}: is also an input ({source}); write the output to another file")
    if mode is not None and _streamed(mode):
        return
    folder = real.parent
    if not folder.exists():
        raise InputError(f"{shown}: the folder {folder} is missing; create it first")
    if not folder.is_dir():
        raise InputError(f"{shown}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{shown}: cannot write in {folder} (permission denied)")


def check_outputs(outputs: Iterable[str | os.PathLike[str] | None],
                  inputs: Iterable[str | os.PathLike[str] | None] = ()) -> None:
    """Refuse (:class:`InputError`) outputs that cannot be written or would overwrite an input.

    ``None`` entries (options not given) and ``-`` (stdout) are skipped. Two outputs
    naming the same file are refused too: the second would replace the first.
    """
    sources = [str(source) for source in inputs if source is not None and str(source) != "-"]
    seen: list[str] = []
    for output in outputs:
        if output is None or str(output) == "-":
            continue
        path = str(output)
        for earlier in seen:
            if same_file(earlier, path):
                raise InputError(f"{path}: given twice as an output; each output needs its own file")
        _check_one(path, sources)
        seen.append(path)


def _write_error(exc: OSError, target: Path) -> InputError | None:
    """A one-line error for a failed write (full disk, …); None if ``exc`` is something else."""
    if exc.errno in _WRITE_ERRORS and (exc.filename is None or exc.filename in (str(target),)):
        return InputError(f"cannot write {target}: {exc.strerror or os.strerror(exc.errno)}")
    return None


@contextmanager
def _stream_to(target: Path, shown: Path) -> Iterator[BinaryIO]:
    """Write to a device or pipe as the data comes (no temp file, no rename)."""
    try:
        stream = open(target, "wb", buffering=1 << 16)  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot write {shown}: {exc.strerror}") from None
    try:
        with stream:
            yield stream
            stream.flush()
    except OSError as exc:
        error = _write_error(exc, target)
        if error is None:
            raise
        raise error from None


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the block ends without an exception.

    ``"-"`` means standard output (written as it comes: a pipe cannot be atomic); see
    the module docstring for links, devices and directories. The temp file is created
    with mode 0o666 so the umask applies as for any ordinary file (``tempfile`` would
    leave it 0o600); replacing an existing file keeps that file's mode. A full disk
    is an :class:`InputError` naming the output, and leaves nothing behind.
    """
    if str(path) == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    shown = Path(path)
    target = Path(os.path.realpath(path))  # through symlinks: the link stays, its target is written
    try:
        existing: os.stat_result | None = target.stat()
    except OSError:
        existing = None
    if existing is not None and _streamed(existing.st_mode):
        with _stream_to(target, shown) as stream:
            yield stream
        return
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        what = "a directory" if stat.S_ISDIR(existing.st_mode) else "not a regular file"
        raise InputError(f"cannot write {shown}: it is {what}")
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise InputError(f"cannot write {shown}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if existing is not None:
            os.chmod(temp, stat.S_IMODE(existing.st_mode))
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        error = _write_error(exc, temp) or _write_error(exc, target)
        if error is None:
            raise
        raise InputError(f"cannot write {shown}: {exc.strerror or os.strerror(exc.errno)}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
