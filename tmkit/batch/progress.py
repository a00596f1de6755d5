"""Progress of a batch: a live bar on a terminal, plain log lines anywhere else.

A bar (tqdm) shows documents done, sentences aligned, elapsed time and ETA, and
prints failures and warnings above itself as they happen. When stderr is a file or a
pipe (a cluster job, ``nohup``, CI), a bar's carriage returns would make an unreadable
log, so every finished document gets one self-contained line with the same figures.
A display whose stream closes (``tmkit batch … 2>&1 | head``) goes quiet; the batch
goes on.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from tmkit.batch.task import DocumentResult
from tmkit.io.console import say, silence

PROGRESS_MODES = ("auto", "bar", "log", "none")


class Progress(Protocol):
    def start(self, total: int) -> None:
        """``total`` documents are about to be aligned."""

    def advance(self, result: DocumentResult, warnings: list[str]) -> None:
        """One document finished (or failed)."""

    def message(self, text: str) -> None:
        """A line for the user that must not garble the display."""

    def close(self) -> None:
        """The batch is over (or interrupted)."""


def make_progress(mode: str = "auto", stream: TextIO | None = None) -> Progress:
    """The display ``--progress`` asks for; ``auto`` is a bar on a terminal, else a log."""
    stream = stream or sys.stderr
    if mode == "auto":
        mode = "bar" if stream.isatty() else "log"
    if mode == "bar":
        return BarProgress(stream)
    return LogProgress(stream, quiet=mode == "none")


def clock(seconds: float) -> str:
    """``1:02:03`` or ``2:03``, as progress bars write durations."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def describe(result: DocumentResult) -> str:
    """What happened to one document, in a few words."""
    if not result.ok:
        return f"FAILED: {result.error}"
    stats = result.stats
    return (f"{stats.zh_sentences} zh / {stats.en_sentences} en sentences, {stats.units} units, "
            f"mean score {stats.mean_score:.3f}, {result.seconds:.1f} s")


class _Counts:
    """Running totals both displays show."""

    def __init__(self) -> None:
        self.total = self.done = self.sentences = self.failed = self.warned = 0
        self.started = time.monotonic()

    def add(self, result: DocumentResult, warnings: list[str]) -> None:
        self.done += 1
        self.failed += not result.ok
        self.warned += bool(warnings)
        self.sentences += result.stats.sentences if result.stats else 0

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def eta(self) -> str:
        if not self.done:
            return "?"
        return clock(self.elapsed / self.done * (self.total - self.done))


class LogProgress:
    """One line per document on a non-terminal stream (or only failures, when quiet)."""

    def __init__(self, stream: TextIO, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.counts = _Counts()

    def start(self, total: int) -> None:
        self.counts = _Counts()
        self.counts.total = total

    def advance(self, result: DocumentResult, warnings: list[str]) -> None:
        counts = self.counts
        counts.add(result, warnings)
        if self.quiet and result.ok:
            return
        width = len(str(counts.total))
        rate = counts.sentences / counts.elapsed if counts.elapsed else 0.0
        lines = [f"[{counts.done:>{width}}/{counts.total}] {result.name}: {describe(result)} | "
                 f"{clock(counts.elapsed)} elapsed, ETA {counts.eta()}, {rate:,.0f} sentences/s"]
        lines += [f"    warning: {warning}" for warning in warnings]
        self.message("\n".join(lines))

    def message(self, text: str) -> None:
        say(text, self.stream)

    def close(self) -> None:
        return None


class BarProgress:
    """A tqdm bar: documents, sentences, elapsed and ETA; events printed above it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.counts = _Counts()
        self.bar = None

    def start(self, total: int) -> None:
        from tqdm import tqdm

        self.counts = _Counts()
        self.counts.total = total
        self.bar = tqdm(total=total, unit="doc", desc="aligning", file=self.stream, dynamic_ncols=True,
                        smoothing=0.05)

    def advance(self, result: DocumentResult, warnings: list[str]) -> None:
        counts = self.counts
        counts.add(result, warnings)
        if not result.ok or warnings:
            detail = "".join(f"\n    warning: {warning}" for warning in warnings)
            self.message(f"{result.name}: {describe(result)}{detail}")
        if self.bar is not None:
            rate = counts.sentences / counts.elapsed if counts.elapsed else 0.0
            self.bar.set_postfix_str(f"{counts.sentences:,} sentences ({rate:,.0f}/s), "
                                     f"{counts.failed} failed, {counts.warned} with warnings", refresh=False)
            try:
                self.bar.update(1)
            except OSError:  # the terminal went away: no more bar
                self._lost()

    def message(self, text: str) -> None:
        if self.bar is not None:
            try:
                self.bar.write(text, file=self.stream)
            except OSError:
                self._lost()
        else:
            say(text, self.stream)

    def _lost(self) -> None:
        silence(self.stream)
        self.bar = None

    def close(self) -> None:
        if self.bar is not None:
            try:
                self.bar.close()
            except OSError:
                silence(self.stream)
            self.bar = None
