"""A disk cache for data that is slow to build and depends only on its inputs.

Compiling CC-CEDICT into stems takes seconds and parsing the YAML termbase about as
long; both are the same every run until their inputs change. The result is pickled
under ``$XDG_CACHE_HOME/tmkit`` (default ``~/.cache/tmkit``), named by a key that
changes with the inputs and tmkit's version, and written atomically so concurrent
processes (a batch's workers) never read half a file. A read-only or missing home is
not an error: the value is then built again next time.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

from tmkit import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tmkit"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value ``build()`` returns, read from the cache when ``(name, key)`` was built before."""
    path = cache_dir() / f"{name}-{__version__}-{key}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.part")
        with temp.open("wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        pass
    return value
