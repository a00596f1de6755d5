"""A batch from start to end: skip what is done, align the rest, merge, report.

The output folder holds everything a run makes::

    OUT_DIR/tmx/NAME.tmx     one memory per document pair
    OUT_DIR/unaligned/NAME.tsv  its unmatched sentences (--unaligned)
    OUT_DIR/merged.tmx       all of them, de-duplicated (--merge)
    OUT_DIR/manifest.jsonl   finished documents and what they were made from (resuming)
    OUT_DIR/report.tsv       one row per document or unpaired file
    OUT_DIR/summary.txt      the same, for reading (also printed at the end)
    OUT_DIR/report.html      for browsing (--html)
    OUT_DIR/errors.log       tracebacks of internal errors, if any

Only this process writes files, each atomically, and a document enters the manifest
only once its TMX is complete: killing a run at any moment leaves every file either
complete or absent, and running the same command again finishes the job. One run at
a time holds the folder (:mod:`tmkit.batch.lock`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tmkit.batch.executors import Executor, make_executor
from tmkit.batch.lock import folder_lock
from tmkit.batch.manifest import Manifest, Record, fingerprint
from tmkit.batch.pairing import DocumentPair, Pairing, unique_names
from tmkit.batch.progress import Progress
from tmkit.batch.report import (
    DONE,
    FAILED,
    SKIPPED,
    UNPAIRED,
    BatchReport,
    Row,
    write_reports,
    write_text,
)
from tmkit.batch.stats import DocumentStats, warnings_for
from tmkit.batch.task import BatchOptions, DocumentResult, DocumentTask
from tmkit.errors import InputError
from tmkit.io.atomic import atomic_output

TMX_FOLDER = "tmx"
UNALIGNED_FOLDER = "unaligned"
MERGED_TMX = "merged.tmx"
ERRORS_LOG = "errors.log"


@dataclass(frozen=True)
class BatchConfig:
    """How to run a batch (the ``tmkit batch`` options)."""

    output: Path
    options: BatchOptions
    creation_date: datetime
    executor: str = "local"
    jobs: int = 1
    scheduler: str | None = None
    merge: bool = False
    html: bool = False
    force: bool = False  # redo documents the manifest says are done


def output_path(pair: DocumentPair) -> str:
    """Where a document's TMX goes, relative to the output folder."""
    return f"{TMX_FOLDER}/{pair.name}.tmx"


def unaligned_path(pair: DocumentPair) -> str:
    """Where a document's unmatched sentences go (``--unaligned``), relative to the output folder."""
    return f"{UNALIGNED_FOLDER}/{pair.name}.tsv"


def prepare_output_folder(out: Path) -> None:
    """Create the output folder, or say in one line why it cannot be one."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a folder (tmkit batch -o names the folder the outputs go into)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"{out}: cannot create the output folder: a part of the path is not a folder") from None
    except OSError as exc:
        raise InputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"{out}: cannot write in the output folder (permission denied)")


def remove_leftovers(folder: Path) -> int:
    """Delete temporary files a run killed with SIGKILL left behind (``.NAME.HEX.part``)."""
    removed = 0
    for temp in folder.rglob(".*.part") if folder.is_dir() else []:
        temp.unlink(missing_ok=True)
        removed += 1
    return removed


Todo = dict[str, tuple[DocumentPair, "str | None"]]  # name -> (pair, fingerprint)


def run_batch(pairing: Pairing, config: BatchConfig, progress: Progress,
              executor: Executor | None = None) -> BatchReport:
    """Align every pair not already done and write the outputs and reports.

    ``executor`` defaults to the one ``config`` names. KeyboardInterrupt propagates
    after the executor has stopped its workers; what was finished before it stays
    recorded, and nothing half-written remains.
    """
    if not pairing.pairs:
        raise InputError("no document pairs to align" + (
            f" ({len(pairing.unpaired)} files could not be paired; see tmkit batch --help for the naming rules)"
            if pairing.unpaired else ""))
    unique_names(pairing.pairs)
    out = config.output
    prepare_output_folder(out)
    with folder_lock(out):
        return _run_locked(pairing, config, progress, executor)


def _run_locked(pairing: Pairing, config: BatchConfig, progress: Progress, executor: Executor | None) -> BatchReport:
    """:func:`run_batch` once the output folder is this run's alone."""
    out = config.output
    remove_leftovers(out)
    manifest = Manifest(out)
    rows, todo = plan(pairing.pairs, config, manifest)
    progress.message(f"{len(pairing.pairs)} document pairs: {len(todo)} to align, {len(rows)} already done"
                     + (f"; {len(pairing.unpaired)} files unpaired (see the report)" if pairing.unpaired else ""))
    report = BatchReport(rows=[])
    if todo:
        executor = executor or make_executor(config.executor, config.jobs, config.scheduler)
        _align(todo, config, executor, manifest, progress, rows, report)
    report.rows = [rows[pair.name] for pair in pairing.pairs] + [
        Row(name=str(path), status=UNPAIRED, error=reason) for path, reason in pairing.unpaired]
    if config.merge:
        report.merged = merge_outputs(report, out, config.options, config.creation_date)
    write_reports(report, out, html_page=config.html)
    return report


def plan(pairs: list[DocumentPair], config: BatchConfig, manifest: Manifest) -> tuple[dict[str, Row], Todo]:
    """Rows for the documents already done with the same inputs, and the rest to align."""
    signature = config.options.signature()
    shared_inputs = (Path(config.options.srx_rules),) if config.options.srx_rules else ()
    rows: dict[str, Row] = {}
    todo: Todo = {}
    for pair in pairs:
        digest = fingerprint(pair.zh, pair.en, signature, shared_inputs)
        if not config.force and manifest.is_done(pair.name, digest):
            rows[pair.name] = _skipped_row(pair, manifest.records[pair.name])
        else:
            todo[pair.name] = (pair, digest)
    return rows, todo


def _align(todo: Todo, config: BatchConfig, executor: Executor, manifest: Manifest, progress: Progress,
           rows: dict[str, Row], report: BatchReport) -> None:
    """Run the documents to do, recording each as it finishes; fills ``rows`` and ``report``."""
    tasks = (DocumentTask(name=name, zh=str(pair.zh), en=str(pair.en), options=config.options,
                          creation_date=config.creation_date) for name, (pair, _) in todo.items())
    details: list[str] = []
    start = time.monotonic()
    try:
        with executor:
            report.executor = executor.describe()
            progress.message(f"aligning with {report.executor}")
            progress.start(len(todo))
            for result in executor.run(tasks):
                pair, digest = todo[result.name]
                rows[pair.name] = row = _finish(result, pair, digest, config.output, manifest)
                progress.advance(result, row.warnings)
                if result.warm_up_seconds:
                    report.worker_loads.append(result.warm_up_seconds)
                if result.detail:
                    details.append(f"== {pair.name} ({pair.zh}, {pair.en})\n{result.detail}")
    finally:
        progress.close()
        if details:  # even when interrupted: a bug report needs them
            write_text(config.output / ERRORS_LOG, "\n".join(details))
    report.elapsed = time.monotonic() - start


def _finish(result: DocumentResult, pair: DocumentPair, digest: str | None, out: Path, manifest: Manifest) -> Row:
    """Write a finished document's TMX, then record it; a failure is only reported."""
    row = Row(name=pair.name, status=FAILED, zh=str(pair.zh), en=str(pair.en), error=result.error or "",
              seconds=result.seconds)
    if not result.ok or result.tmx is None:
        return row
    relative = output_path(pair)
    target = out / relative
    try:
        if result.unaligned is not None:
            side_file = out / unaligned_path(pair)
            side_file.parent.mkdir(parents=True, exist_ok=True)
            with atomic_output(side_file) as stream:
                stream.write(result.unaligned)
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(target) as stream:
            stream.write(result.tmx)
    except InputError as exc:  # already names the file (a full disk, a folder in the way)
        row.error = str(exc)
        return row
    except OSError as exc:
        row.error = f"cannot write {target}: {exc.strerror or exc}"
        return row
    row.status, row.output, row.stats = DONE, relative, result.stats
    row.warnings = warnings_for(result.stats)
    if digest is not None:
        manifest.add(Record(name=pair.name, fingerprint=digest, output=relative, size=len(result.tmx),
                            data={"zh": row.zh, "en": row.en, "stats": result.stats.to_dict(),
                                  "seconds": round(result.seconds, 3)}))
    return row


def _skipped_row(pair: DocumentPair, record: Record) -> Row:
    stats = DocumentStats.from_dict(record.data.get("stats", {})) if record.data.get("stats") else None
    return Row(name=pair.name, status=SKIPPED, zh=str(pair.zh), en=str(pair.en), output=record.output,
               stats=stats, warnings=warnings_for(stats) if stats else [])


def merge_outputs(report: BatchReport, out: Path, options: BatchOptions, creation_date: datetime | None = None) -> str:
    """Merge every document's TMX (new and earlier) into ``merged.tmx``; one line saying so.

    ``creation_date`` is the run's ``--creation-date``, so the merged memory is as
    reproducible as the per-document ones."""
    from tmkit.tmx.merge import merge_tmx

    inputs = [out / row.output for row in report.with_status(DONE, SKIPPED)]
    if not inputs:
        return "merged memory: not written (no document was aligned)"
    stats = merge_tmx(inputs, out / MERGED_TMX, zh_lang=options.zh_lang, en_lang=options.en_lang,
                      creation_date=creation_date)
    return (f"merged memory: {out / MERGED_TMX}: {stats.written:,} units from {stats.inputs} documents "
            f"({stats.duplicates:,} duplicates removed)")
