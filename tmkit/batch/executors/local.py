"""Running documents on this machine: in-process, or on a pool of worker processes.

The pool's workers live for the whole batch, so what a worker loads on its first
document (dictionary, rules, aligner tables) serves every later one. Workers ignore
Ctrl-C: the batch process decides what to cancel and stops them itself, so an
interrupt prints one message, not one traceback per worker.

A worker that dies (killed, out of memory) breaks a ``concurrent.futures`` pool and
fails every document in flight with it. The documents it took down are then retried
one at a time on a fresh pool: an innocent bystander succeeds, and the document that
kills its worker when run alone is reported as the culprit. A batch therefore never
hangs on a dead worker and never loses a good document to a bad one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent import futures
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from tmkit.batch.executors import crashed
from tmkit.batch.task import DocumentResult, DocumentTask, run_document
from tmkit.processes import ignore_interrupts, worker_context

WORKER_DIED = "the worker process died while aligning this document (killed, or out of memory?)"


class InProcessExecutor:
    """``--jobs 1``: documents one after another in this process; nothing to start."""

    def describe(self) -> str:
        return "1 job, in this process"

    def run(self, tasks: Iterable[DocumentTask]) -> Iterator[DocumentResult]:
        for task in tasks:
            yield run_document(task)

    def __enter__(self) -> InProcessExecutor:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None


class ProcessPoolExecutor:
    """``--jobs N``: N persistent worker processes (``concurrent.futures``)."""

    def __init__(self, jobs: int, work: Callable[[DocumentTask], DocumentResult] = run_document) -> None:
        """``work`` is what a worker does with a task (tests swap in one that crashes)."""
        self.jobs = jobs
        self.work = work
        self._pool: futures.ProcessPoolExecutor | None = None

    def describe(self) -> str:
        return f"{self.jobs} worker processes"

    def _new_pool(self) -> futures.ProcessPoolExecutor:
        # With a fork server, tmkit is imported once; every worker (and every
        # replacement of a dead one) is forked from it with the modules already loaded.
        context = worker_context(preload=["tmkit.batch.task"])
        return futures.ProcessPoolExecutor(max_workers=self.jobs, mp_context=context, initializer=ignore_interrupts)

    def run(self, tasks: Iterable[DocumentTask]) -> Iterator[DocumentResult]:
        """Keep every worker busy with one document; never more in flight than workers.

        Submitting only as many documents as there are workers means that when a worker
        dies, the documents in flight are exactly the ones that may have been lost.
        """
        queue = deque(tasks)
        suspects: deque[DocumentTask] = deque()  # in flight when a worker died
        running: dict[futures.Future[DocumentResult], tuple[DocumentTask, bool]] = {}
        self._pool = self._pool or self._new_pool()
        while queue or suspects or running:
            broken = False
            if suspects:  # suspects run alone, so a crash names its document
                if not running:
                    broken = not self._submit(suspects, running, alone=True)
            else:
                while queue and len(running) < self.jobs and not broken:
                    broken = not self._submit(queue, running, alone=False)
            if running:
                done, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
                for future in done:
                    task, alone = running.pop(future)
                    result, lost = _outcome(future, task)
                    broken |= lost
                    if not lost:
                        yield result
                    elif alone:
                        yield crashed(task, WORKER_DIED)
                    else:
                        suspects.append(task)
            if broken:
                # The pool is unusable: whatever else was in flight is lost with it.
                for future, (task, _alone) in list(running.items()):
                    result, lost = _outcome(future, task)
                    if lost:
                        suspects.append(task)
                    else:
                        yield result
                running.clear()
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = self._new_pool()

    def _submit(self, waiting: deque[DocumentTask], running: dict, alone: bool) -> bool:
        """Start the next waiting task; False (task put back) if the pool broke meanwhile."""
        task = waiting.popleft()
        try:
            running[self._pool.submit(self.work, task)] = (task, alone)
        except BrokenProcessPool:
            waiting.appendleft(task)
            return False
        return True

    def __enter__(self) -> ProcessPoolExecutor:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Wait for idle workers to exit; on an interrupt or error, stop them at once."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if exc_type is not None:
            _terminate_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(future: futures.Future[DocumentResult], task: DocumentTask) -> tuple[DocumentResult | None, bool]:
    """The future's result, or whether the pool broke under it (the worker died)."""
    try:
        return future.result(), False
    except BrokenProcessPool:
        return None, True
    except Exception as exc:  # e.g. a result that could not be sent back
        return crashed(task, f"internal error: {type(exc).__name__}: {exc}"), False


def _terminate_workers(pool: futures.ProcessPoolExecutor) -> None:
    """Stop the workers without waiting for their documents (Python 3.14 has a method)."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
