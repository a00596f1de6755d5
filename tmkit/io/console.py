"""Messages to a terminal or pipe that may have gone away.

``tmkit batch … 2>&1 | head -3`` closes the pipe after three lines; every later
message would raise ``BrokenPipeError`` and stop hours of work that has nothing to do
with the display. Writing through :func:`say` turns a closed stream into a silent one
instead (its descriptor is pointed at ``/dev/null``, so the interpreter's own flush at
exit does not complain either).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

__all__ = ["say", "silence"]


def silence(stream: TextIO) -> None:
    """Make a closed pipe's descriptor a sink, so writing to ``stream`` no longer fails."""
    try:
        fd = stream.fileno()
        sink = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):
        return
    try:
        os.dup2(sink, fd)
    except OSError:
        pass
    finally:
        os.close(sink)


def say(text: str, stream: TextIO | None = None) -> None:
    """Print one message (default: to stderr), flushing it; a closed pipe swallows it."""
    stream = stream or sys.stderr
    try:
        print(text, file=stream, flush=True)
    except (BrokenPipeError, ValueError):  # ValueError: the stream object itself was closed
        silence(stream)
