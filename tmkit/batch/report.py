"""The batch report: a TSV for spreadsheets, a summary to read, an HTML page to browse.

One row per document (aligned, skipped because already done, or failed) and one per
file that could not be paired, so the report accounts for every file the user gave.
The summary leads with what needs attention: failures, then warnings, then unpaired
files, each with its reason.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tmkit.batch.progress import clock
from tmkit.batch.stats import DocumentStats
from tmkit.io.atomic import atomic_output

REPORT_TSV = "report.tsv"
SUMMARY_TXT = "summary.txt"
REPORT_HTML = "report.html"
TSV_COLUMNS = (
    "document", "status", "zh_file", "en_file", "tmx", "zh_sentences", "en_sentences", "units", "links",
    "unmatched_zh", "unmatched_en", "unmatched_share", "mean_score", "low_score_units", "seconds", "warnings",
    "error",
)
DONE, SKIPPED, FAILED, UNPAIRED = "done", "skipped", "failed", "unpaired"


@dataclass
class Row:
    """What became of one document (or one unpaired file)."""

    name: str
    status: str  # done | skipped (already done) | failed | unpaired
    zh: str = ""
    en: str = ""
    output: str = ""  # the TMX, relative to the output folder
    stats: DocumentStats | None = None
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    seconds: float = 0.0


@dataclass
class BatchReport:
    """Everything the report files say about a run."""

    rows: list[Row]
    elapsed: float = 0.0
    executor: str = ""
    merged: str = ""  # one line about the merged memory, if one was made
    worker_loads: list[float] = field(default_factory=list)  # seconds each worker spent loading, once

    def with_status(self, *statuses: str) -> list[Row]:
        return [row for row in self.rows if row.status in statuses]

    @property
    def failed(self) -> int:
        return len(self.with_status(FAILED))


def _links(stats: DocumentStats | None) -> str:
    return " ".join(f"{kind}:{count}" for kind, count in stats.links.items()) if stats else ""


def _cell(text: str) -> str:
    return " ".join(str(text).split())


def tsv_lines(report: BatchReport) -> list[str]:
    """The rows of ``report.tsv``: a header, then one line per document or file."""
    lines = ["\t".join(TSV_COLUMNS)]
    for row in report.rows:
        s = row.stats
        figures = (
            [s.zh_sentences, s.en_sentences, s.units, _links(s), s.unmatched_zh, s.unmatched_en,
             f"{s.unmatched_share:.4f}", f"{s.mean_score:.4f}", s.low_score_units]
            if s else [""] * 9
        )
        seconds = f"{row.seconds:.2f}" if row.status == DONE else ""
        cells = [row.name, row.status, row.zh, row.en, row.output, *figures, seconds, "; ".join(row.warnings),
                 row.error]
        lines.append("\t".join(_cell(str(cell)) for cell in cells))
    return lines


def summary_text(report: BatchReport) -> str:
    """The human-readable summary: totals first, then what needs attention."""
    done, skipped = report.with_status(DONE), report.with_status(SKIPPED)
    failed, unpaired = report.with_status(FAILED), report.with_status(UNPAIRED)
    aligned = done + skipped
    stats = [row.stats for row in aligned if row.stats]
    zh = sum(s.zh_sentences for s in stats)
    en = sum(s.en_sentences for s in stats)
    units = sum(s.units for s in stats)
    kinds: Counter[str] = Counter()
    for s in stats:
        kinds.update(s.links)
    unmatched = sum(s.unmatched_zh + s.unmatched_en for s in stats)
    weighted = sum(s.mean_score * s.units for s in stats)
    totals = f"sentences: {zh:,} zh / {en:,} en; translation units: {units:,}"
    if kinds:
        totals += f" ({', '.join(f'{kind} {count:,}' for kind, count in kinds.most_common())})"
    if zh + en:
        totals += f"; unmatched {unmatched / (zh + en):.1%}"
    if units:
        totals += f"; mean score {weighted / units:.3f}"
    lines = [
        f"tmkit batch: {len(aligned) + len(failed)} document pairs: {len(done)} aligned, "
        f"{len(skipped)} already done (skipped), {len(failed)} failed; {len(unpaired)} files unpaired",
        totals,
    ]
    if report.elapsed:
        new = sum(s.sentences for s in (row.stats for row in done) if s)
        minutes = report.elapsed / 60
        lines.append(f"time: {clock(report.elapsed)} on {report.executor}; {len(done) / minutes:.1f} documents/min, "
                     f"{new / report.elapsed:,.0f} sentences/s")
    if report.worker_loads:
        loads = report.worker_loads
        lines.append(f"start-up: {len(loads)} worker loads of {sum(loads) / len(loads):.2f} s on average "
                     "(paid once per worker)")
    if report.merged:
        lines.append(report.merged)
    for title, rows, text in (
        ("Failed", failed, lambda row: [row.error]),
        ("Warnings", [row for row in aligned if row.warnings], lambda row: row.warnings),
        ("Unpaired files", unpaired, lambda row: [row.error]),
    ):
        if rows:
            lines += ["", f"{title} ({len(rows)}):"]
            for row in rows:
                lines += [f"  {row.name}: {line}" for line in text(row)]
    return "\n".join(lines) + "\n"


def write_text(path: Path, text: str) -> None:
    """Write a UTF-8 text file atomically."""
    with atomic_output(path) as stream:
        stream.write(text.encode("utf-8"))


def write_reports(report: BatchReport, folder: Path, *, html_page: bool = False) -> list[Path]:
    """``report.tsv``, ``summary.txt`` and, if asked, ``report.html`` in ``folder``."""
    written = [folder / REPORT_TSV, folder / SUMMARY_TXT]
    write_text(written[0], "".join(line + "\n" for line in tsv_lines(report)))
    write_text(written[1], summary_text(report))
    if html_page:
        written.append(folder / REPORT_HTML)
        write_text(written[2], html_report(report))
    return written


_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; }
pre { background: #f6f6f6; padding: 1em; white-space: pre-wrap; }
table { border-collapse: collapse; font-size: 90%; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed { background: #fdd; } tr.warned { background: #ffe9b3; } tr.unpaired { background: #eee; }
"""


def html_report(report: BatchReport) -> str:
    """A self-contained page: the summary, then the table with problem rows coloured."""
    header = "".join(f"<th>{html.escape(column)}</th>" for column in TSV_COLUMNS)
    body = []
    for row, line in zip(report.rows, tsv_lines(report)[1:]):
        kind = row.status if row.status in (FAILED, UNPAIRED) else "warned" if row.warnings else ""
        cells = "".join(
            f'<td class="n">{html.escape(cell)}</td>' if _is_number(cell) else f"<td>{html.escape(cell)}</td>"
            for cell in line.split("\t")
        )
        body.append(f'<tr class="{kind}">{cells}</tr>')
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>tmkit batch report</title>'
        f"<style>{_STYLE}</style></head><body>\n<h1>tmkit batch report</h1>\n"
        f"<pre>{html.escape(summary_text(report))}</pre>\n"
        f"<table><thead><tr>{header}</tr></thead><tbody>\n" + "\n".join(body) + "\n</tbody></table>\n</body></html>\n"
    )


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
