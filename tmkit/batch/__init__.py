"""Batch alignment of whole collections: ``tmkit batch``.

Pairing (:mod:`~tmkit.batch.pairing`) finds the Chinese and English files of each
document; the runner (:mod:`~tmkit.batch.runner`) skips what the manifest
(:mod:`~tmkit.batch.manifest`) records as done, hands the rest to an executor
(:mod:`~tmkit.batch.executors`: in-process, a local process pool, or Dask), writes each
returned memory atomically, and ends with the merged memory and the report
(:mod:`~tmkit.batch.report`). The work for one document (:mod:`~tmkit.batch.task`) is the
same ``tmkit align`` pipeline, wherever it runs.
"""
