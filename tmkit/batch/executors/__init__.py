"""Where the per-document work runs: in this process, a local process pool, or Dask.

Every executor takes :class:`~tmkit.batch.task.DocumentTask` objects and yields one
:class:`~tmkit.batch.task.DocumentResult` per task, in the order they finish, never
raising for a document: a document that crashes its worker comes back as a failed
result. Leaving the ``with`` block early (Ctrl-C, an error) cancels what has not
finished. The batch runner neither knows nor cares which executor it drives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Protocol

from tmkit.batch.task import DocumentResult, DocumentTask
from tmkit.processes import usable_cores

EXECUTORS = ("local", "dask")


class Executor(Protocol):
    """Runs document tasks and yields their results as they finish."""

    def describe(self) -> str:
        """One line for the log: what runs the work, with how many workers."""

    def run(self, tasks: Iterable[DocumentTask]) -> Iterator[DocumentResult]:
        """One result per task, in completion order."""

    def __enter__(self) -> Executor: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


def default_jobs() -> int:
    """All the cores this process may use."""
    return usable_cores()


def make_executor(kind: str, jobs: int, scheduler: str | None = None) -> Executor:
    """The executor ``--executor``/``--jobs``/``--scheduler`` ask for."""
    if kind == "dask":
        from tmkit.batch.executors.dask import DaskExecutor

        return DaskExecutor(scheduler, jobs)
    from tmkit.batch.executors.local import InProcessExecutor, ProcessPoolExecutor

    return InProcessExecutor() if jobs == 1 else ProcessPoolExecutor(jobs)


def crashed(task: DocumentTask, message: str) -> DocumentResult:
    """The result of a task whose worker died or could not run it."""
    return DocumentResult(name=task.name, error=message)
