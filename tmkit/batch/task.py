"""The work for one document pair, as a worker process or a Dask worker runs it.

A worker aligns, writes the TMX into memory and sends the bytes back; the batch's own
process writes every output file (atomically) and the manifest. Workers therefore
never leave anything on disk, whatever happens to them, and a Dask worker needs no
access to the output folder.

:func:`run_document` never raises for a bad document: an unreadable or mismatched pair
becomes a failed :class:`DocumentResult` with a one-line reason, so one document can
never stop the batch. The expensive one-time loading (segmenter rules, dictionary,
aligner tables) happens on a worker's first document and is timed separately
(``warm_up_seconds``), which is how the batch shows that it is paid once per worker.
"""

from __future__ import annotations

import io
import os
import socket
import tempfile
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Iterator

from tmkit import __version__
from tmkit.align import DEFAULT_MAX_LINK
from tmkit.batch.stats import DocumentStats, document_stats
from tmkit.errors import InputError
from tmkit.output import write_aligned
from tmkit.pipeline import align_files, align_sentences, load_sentences
from tmkit.tmx.unaligned import write_unaligned_stream

_warmed_up: set[tuple[str, str | None, bool]] = set()


@dataclass(frozen=True)
class BatchOptions:
    """How every document of a batch is aligned and written (the ``tmkit align`` options)."""

    presegmented: bool = False
    max_link: int = DEFAULT_MAX_LINK
    semantic: bool = True
    segmenter: str = "builtin"
    srx_rules: str | None = None
    zh_lang: str = "zh-CN"
    en_lang: str = "en-US"
    unaligned: bool = False  # also send back the unmatched sentences (unaligned/NAME.tsv)

    def signature(self) -> dict[str, str]:
        """Everything that changes a document's output, for the manifest's fingerprint.

        The tmkit version is part of it: a new aligner re-aligns what an old one made.
        """
        signature = {
            "tmkit": __version__,
            "presegmented": str(self.presegmented).lower(),
            "max-link": str(self.max_link),
            "semantic": str(self.semantic).lower(),
            "segmenter": self.segmenter,
            "srx-rules": self.srx_rules or "",
            "zh-lang": self.zh_lang,
            "en-lang": self.en_lang,
        }
        if self.unaligned:  # only when asked, so manifests of earlier runs stay valid
            signature["unaligned"] = "true"
        return signature


@dataclass(frozen=True)
class DocumentTask:
    """One pair to align, with everything a worker needs and nothing it must look up.

    ``contents`` carries the bytes of the Chinese file, the English file and the SRX
    rules (or None) when the worker may not see the batch's files (a Dask worker on
    another machine); without it the worker reads the paths itself.
    """

    name: str
    zh: str
    en: str
    options: BatchOptions
    creation_date: datetime
    contents: tuple[bytes, bytes, bytes | None] | None = None

    def shipped(self) -> DocumentTask:
        """The same task with its files' contents inside, for a worker elsewhere."""
        srx = Path(self.options.srx_rules).read_bytes() if self.options.srx_rules else None
        try:
            contents = (Path(self.zh).read_bytes(), Path(self.en).read_bytes(), srx)
        except OSError:
            return self  # the worker reports the missing file exactly as a local run does
        return replace(self, contents=contents)


@dataclass
class DocumentResult:
    """What came of one task: the TMX bytes and figures, or why there are none."""

    name: str
    tmx: bytes | None = None
    unaligned: bytes | None = None  #: the unmatched sentences as TSV, when the options ask for them
    stats: DocumentStats | None = None
    error: str | None = None
    detail: str | None = None  # a traceback, for errors that are tmkit bugs
    seconds: float = 0.0
    worker: str = ""
    warm_up_seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def worker_id() -> str:
    """Which process did the work: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def warm_up(options: BatchOptions, srx_rules: str | None) -> float:
    """Load what the first alignment in a process would load anyway; the seconds it took.

    Aligning a two-sentence document through the same steps as a real one loads the
    segmentation rules, the dictionary and the aligner's tables into this process's
    caches, whatever the aligner's internals are at the moment.
    """
    key = (options.segmenter, srx_rules, options.semantic)
    if key in _warmed_up:
        return 0.0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tmkit-warm-up-") as folder:
        zh, en = Path(folder, "zh.txt"), Path(folder, "en.txt")
        zh.write_text("会议于2009年7月31日举行。安全理事会审议了该项目。\n", encoding="utf-8")
        en.write_text("The meeting was held on 31 July 2009. The Security Council considered the item.\n",
                      encoding="utf-8")
        kwargs = {"segmenter": options.segmenter, "srx_rules": srx_rules} if not options.presegmented else {}
        align_sentences(load_sentences(zh, "zh", options.presegmented, **kwargs),
                        load_sentences(en, "en", options.presegmented, **kwargs), max_link=options.max_link,
                        semantic=options.semantic)
    _warmed_up.add(key)
    return time.perf_counter() - start


@dataclass(frozen=True)
class _LocalFiles:
    zh: Path
    en: Path
    srx_rules: str | None
    originals: dict[str, str] = field(default_factory=dict)  # temp copy -> the user's path

    def named(self, message: str) -> str:
        """A message about temp copies, naming the user's files instead."""
        for copy, original in self.originals.items():
            message = message.replace(copy, original)
        return message


@contextmanager
def _local_files(task: DocumentTask) -> Iterator[_LocalFiles]:
    """Paths the worker can read: the task's own, or shipped contents in a temp folder.

    Shipped files keep their names (in ``zh/`` and ``en/`` subfolders, since both may
    be called ``A_70_95.pdf``), so format detection works as for local files.
    """
    if task.contents is None:
        yield _LocalFiles(Path(task.zh), Path(task.en), task.options.srx_rules)
        return
    with tempfile.TemporaryDirectory(prefix="tmkit-batch-") as folder:
        copies: dict[str, Path] = {}
        for side, data, original in zip(("zh", "en", "srx"), task.contents,
                                        (task.zh, task.en, task.options.srx_rules)):
            if original is not None and data is not None:
                copies[side] = Path(folder, side, Path(original).name)
                copies[side].parent.mkdir()
                copies[side].write_bytes(data)
        originals = {str(copies[side]): original for side, original in
                     (("zh", task.zh), ("en", task.en), ("srx", task.options.srx_rules)) if side in copies}
        srx = str(copies["srx"]) if "srx" in copies else None
        yield _LocalFiles(copies["zh"], copies["en"], srx, originals)


def run_document(task: DocumentTask) -> DocumentResult:
    """Align one pair and render its TMX; a failure is returned, never raised."""
    result = DocumentResult(name=task.name, worker=worker_id())
    try:
        with _local_files(task) as files:
            try:
                result.warm_up_seconds = warm_up(task.options, files.srx_rules)
                start = time.perf_counter()
                result.tmx, result.unaligned, result.stats = _align(task, files)
            except InputError as exc:
                raise InputError(files.named(str(exc))) from None
            result.seconds = time.perf_counter() - start
    except InputError as exc:
        result.error = str(exc)
    except Exception as exc:  # a tmkit bug must cost one document, not the batch
        result.error = f"internal error: {type(exc).__name__}: {exc}"
        result.detail = traceback.format_exc()
    return result


def _align(task: DocumentTask, files: _LocalFiles) -> tuple[bytes, bytes | None, DocumentStats]:
    """The TMX bytes, unmatched-sentence TSV (if asked for) and figures of one pair, as
    ``tmkit align`` would write them."""
    options = task.options
    pair = align_files(files.zh, files.en, presegmented=options.presegmented, max_link=options.max_link,
                       segmenter=options.segmenter, srx_rules=files.srx_rules, semantic=options.semantic)
    # The memory names the user's files, not a worker's temp copies.
    pair.zh_source, pair.en_source = task.zh, task.en
    if options.srx_rules and not options.presegmented:
        pair.options["srx-rules"] = options.srx_rules
    stream = io.BytesIO()
    write_aligned(pair, stream, "tmx", zh_lang=options.zh_lang, en_lang=options.en_lang,
                  creation_date=task.creation_date)
    unaligned = None
    if options.unaligned:
        side = io.BytesIO()
        write_unaligned_stream(pair, side)
        unaligned = side.getvalue()
    return stream.getvalue(), unaligned, document_stats(pair)
