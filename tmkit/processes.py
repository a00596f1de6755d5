"""Worker processes on this machine: how many, how they start, and an ordered parallel map.

Both users of worker processes (``tmkit batch --jobs`` and the reading of large TMX
files) want the same things: as many workers as the cores this process may use,
workers that start clean (``forkserver``: no copies of the parent's threads, such as
a progress bar's, which a plain ``fork`` would inherit in an unusable state), and
Ctrl-C handled once, by the parent, rather than as one traceback per worker.

:mod:`multiprocessing` and :mod:`concurrent.futures` are imported where they are used:
every command that reads a memory imports this module, most never start a worker.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent import futures
    from multiprocessing.context import BaseContext

__all__ = ["usable_cores", "worker_context", "ignore_interrupts", "can_start_workers", "stopped_by_sigterm",
           "ordered_map"]

Item = TypeVar("Item")
Result = TypeVar("Result")


def usable_cores() -> int:
    """All the cores this process may use (its CPU affinity where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_context(preload: Sequence[str] = ()) -> BaseContext:
    """``forkserver`` where there is one (with ``preload`` imported once, in the server, so
    every worker forked from it has those modules loaded), else ``spawn``."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if preload and context.get_start_method() == "forkserver":
        context.set_forkserver_preload(list(preload))
    return context


def ignore_interrupts() -> None:
    """Worker initializer: leave Ctrl-C to the parent process, which stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def stopped_by_sigterm() -> Iterator[None]:
    """``kill`` stops the work as cleanly as Ctrl-C does: the parent stops its workers
    instead of dying and leaving them behind. Only in the main thread, where Python
    handles signals; the previous handler is restored afterwards."""
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def can_start_workers() -> bool:
    """False inside a daemonic process (a ``multiprocessing.Pool`` worker), which may have no children."""
    import multiprocessing

    return not multiprocessing.current_process().daemon


def ordered_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    workers: int,
    *,
    preload: Sequence[str] = (),
    ahead: int = 2,
) -> Iterator[Result]:
    """``function(item)`` for every item, computed by ``workers`` processes, in the items' order.

    At most ``workers * ahead`` items are in flight, and ``items`` is consumed only as
    results are taken, so memory stays bounded however many items there are (unlike
    ``Pool.imap``, which reads its whole input ahead). An exception raised by
    ``function`` is raised here, at its item's turn; leaving the loop early cancels
    what has not started and waits for the rest.
    """
    from concurrent import futures

    context = worker_context(preload)
    with stopped_by_sigterm(), futures.ProcessPoolExecutor(workers, mp_context=context,
                                                          initializer=ignore_interrupts) as pool:
        pending: deque[futures.Future[Result]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) >= workers * ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
