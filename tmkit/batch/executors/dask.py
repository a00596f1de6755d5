"""Running documents on a Dask cluster (``pip install 'tmkit[dask]'``).

The work per document is the same :func:`~tmkit.batch.task.run_document` the local
pool runs; Dask only decides where. Tasks travel with their files' contents and come
back with the TMX bytes, so workers need tmkit installed but no shared file system,
and every output file is still written by the batch process, atomically.

Without ``--scheduler`` a ``LocalCluster`` with one single-threaded worker process
per job is started, which is the way to try the Dask path on one machine. Dask retries
a task whose worker died on another worker and gives up after a few deaths
(``distributed.scheduler.allowed-failures``); that document is then reported failed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from types import TracebackType

from tmkit.batch.executors import crashed
from tmkit.batch.task import DocumentResult, DocumentTask, run_document
from tmkit.errors import InputError

CONNECT_TIMEOUT = "20s"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise InputError("--executor dask needs the distributed package: pip install 'tmkit[dask]'") from None
    return distributed


class DaskExecutor:
    """Documents as Dask tasks on the cluster at ``scheduler`` (or a new local one)."""

    def __init__(self, scheduler: str | None, jobs: int, connect_timeout: str = CONNECT_TIMEOUT) -> None:
        self.scheduler = scheduler
        self.jobs = jobs
        self.connect_timeout = connect_timeout
        self._cluster = None
        self._client = None

    def __enter__(self) -> DaskExecutor:
        distributed = _distributed()
        try:
            if self.scheduler is None:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.jobs, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                )
                self._client = distributed.Client(self._cluster)
            else:
                self._client = distributed.Client(self.scheduler, timeout=self.connect_timeout)
        except OSError as exc:  # timeouts and refused connections
            self.__exit__(None, None, None)
            raise InputError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        return self

    def describe(self) -> str:
        threads = sum(self._client.nthreads().values()) if self._client else 0
        where = self.scheduler or "a local Dask cluster"
        return f"Dask at {where}: {len(self._client.nthreads()) if self._client else 0} workers, {threads} threads"

    def run(self, tasks: Iterable[DocumentTask]) -> Iterator[DocumentResult]:
        """Keep about two tasks per worker thread queued, so the cluster never idles and
        the client never holds the contents of the whole collection at once."""
        distributed = _distributed()
        client = self._client
        window = max(4, 2 * sum(client.nthreads().values()))
        pending = iter(tasks)
        in_flight: dict[str, tuple[object, DocumentTask]] = {}
        completed = distributed.as_completed()

        def submit_next() -> None:
            task = next(pending, None)
            if task is not None:
                future = client.submit(run_document, task.shipped(), pure=False,
                                       key=f"tmkit-batch-{uuid.uuid4().hex}")
                in_flight[future.key] = (future, task)
                completed.add(future)

        for _ in range(window):
            submit_next()
        try:
            for future in completed:
                _, task = in_flight.pop(future.key)
                if future.status == "error":
                    exc = future.exception()
                    yield crashed(task, _failure_message(exc))
                else:
                    yield future.result()
                future.release()
                submit_next()
        finally:
            if in_flight:
                client.cancel([future for future, _ in in_flight.values()], force=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


def _failure_message(exc: BaseException) -> str:
    if type(exc).__name__ == "KilledWorker":
        return "the Dask worker died each time it ran this document (killed, or out of memory?)"
    return f"internal error on the Dask worker: {type(exc).__name__}: {exc}"
