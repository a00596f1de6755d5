"""``tmkit batch`` end to end: outputs, resuming, bad documents, crashed workers, reports."""

from __future__ import annotations

import json
import os
import signal
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import EXAMPLES
from tmkit.batch.executors.local import (
    WORKER_DIED,
    InProcessExecutor,
    ProcessPoolExecutor,
)
from tmkit.batch.manifest import MANIFEST_NAME, Manifest
from tmkit.batch.pairing import pair_directory
from tmkit.batch.progress import LogProgress, make_progress
from tmkit.batch.runner import BatchConfig, run_batch
from tmkit.batch.stats import DocumentStats, warnings_for
from tmkit.batch.task import BatchOptions, DocumentResult, DocumentTask, run_document
from tmkit.cli import cli
from tmkit.processes import stopped_by_sigterm

DATE = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
PARAGRAPHS_PER_DOCUMENT = 6


def paragraphs(lang: str) -> list[str]:
    text = (EXAMPLES / f"sdg16.{lang}.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def make_collection(folder: Path, documents: int = 4) -> list[str]:
    """``documents`` pairs cut from the SDG 16 example, named the UN way (``_C``/``_E``)."""
    folder.mkdir(parents=True, exist_ok=True)
    zh, en = paragraphs("zh"), paragraphs("en")
    names = []
    for k in range(documents):
        part = slice(k * PARAGRAPHS_PER_DOCUMENT, (k + 1) * PARAGRAPHS_PER_DOCUMENT)
        name = f"SDG_{k + 1:02d}"
        (folder / f"{name}_C.txt").write_text("\n\n".join(zh[part]) + "\n", encoding="utf-8")
        (folder / f"{name}_E.txt").write_text("\n\n".join(en[part]) + "\n", encoding="utf-8")
        names.append(name)
    return names


def config(out: Path, **changes) -> BatchConfig:
    return BatchConfig(**{"output": out, "options": BatchOptions(), "creation_date": DATE, **changes})


def quiet(tmp_path: Path) -> LogProgress:
    return LogProgress(open(tmp_path / "progress.log", "w", encoding="utf-8"))


def tus(path: Path) -> int:
    return len(etree.parse(str(path)).findall(".//tu"))


def no_temp_files(folder: Path) -> bool:
    return not [path for path in folder.rglob("*") if path.name.endswith(".part")]


def test_batch_writes_one_memory_per_document_merged_memory_and_reports(tmp_path):
    names = make_collection(tmp_path / "in")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1",
                                      "--merge", "--html", "--creation-date", "2024-05-01T12:00:00Z"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for name in names:
        tmx = (out / "tmx" / f"{name}.tmx").read_text(encoding="utf-8")
        assert 'creationdate="20240501T120000Z"' in tmx
        assert f"<prop type=\"x-document\">{name}_C</prop>" in tmx
    assert tus(out / "merged.tmx") == sum(tus(out / "tmx" / f"{name}.tmx") for name in names)
    rows = [line.split("\t") for line in (out / "report.tsv").read_text(encoding="utf-8").splitlines()]
    header = rows[0]
    assert [row[header.index("status")] for row in rows[1:]] == ["done"] * len(names)
    assert all(int(row[header.index("units")]) > 0 for row in rows[1:])
    assert all(float(row[header.index("mean_score")]) > 0.8 for row in rows[1:])
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    assert f"{len(names)} aligned, 0 already done (skipped), 0 failed" in summary
    assert "merged memory" in summary and "documents/min" in summary
    assert "<table>" in (out / "report.html").read_text(encoding="utf-8")
    assert f"{len(names)} aligned" in result.output  # the summary is printed too
    assert len(Manifest(out).records) == len(names)


def test_rerun_skips_what_is_done_and_redoes_what_changed(tmp_path):
    make_collection(tmp_path / "in")
    pairing = pair_directory(tmp_path / "in")
    first = run_batch(pairing, config(tmp_path / "out"), quiet(tmp_path))
    assert [row.status for row in first.rows] == ["done"] * 4
    before = (tmp_path / "out/tmx/SDG_02.tmx").stat().st_mtime_ns
    with (tmp_path / "in/SDG_03_E.txt").open("a", encoding="utf-8") as stream:
        stream.write("\nAn extra sentence about peace.\n")
    second = run_batch(pairing, config(tmp_path / "out"), quiet(tmp_path))
    assert [row.status for row in second.rows] == ["skipped", "skipped", "done", "skipped"]
    assert second.rows[0].stats == first.rows[0].stats  # skipped documents keep their figures
    assert (tmp_path / "out/tmx/SDG_02.tmx").stat().st_mtime_ns == before
    changed = run_batch(pairing, config(tmp_path / "out", options=BatchOptions(max_link=2)), quiet(tmp_path))
    assert [row.status for row in changed.rows] == ["done"] * 4  # other options: everything again
    forced = run_batch(pairing, config(tmp_path / "out", options=BatchOptions(max_link=2), force=True),
                       quiet(tmp_path))
    assert [row.status for row in forced.rows] == ["done"] * 4


class InterruptAfter(LogProgress):
    """A progress display that presses Ctrl-C after ``count`` documents."""

    def __init__(self, stream, count: int) -> None:
        super().__init__(stream)
        self.count = count

    def advance(self, result, warnings) -> None:
        super().advance(result, warnings)
        if self.counts.done == self.count:
            raise KeyboardInterrupt


@pytest.mark.parametrize("jobs", [1, 2])
def test_resume_after_an_interrupted_run(tmp_path, jobs):
    names = make_collection(tmp_path / "in", documents=5)
    pairing = pair_directory(tmp_path / "in")
    out = tmp_path / "out"
    executor = InProcessExecutor() if jobs == 1 else ProcessPoolExecutor(jobs)
    with open(tmp_path / "log", "w", encoding="utf-8") as log, pytest.raises(KeyboardInterrupt):
        run_batch(pairing, config(out, merge=True), InterruptAfter(log, 2), executor)
    done = Manifest(out).records
    assert len(done) == 2
    # Nothing partial: every memory on disk is complete and recorded, no temp files, no
    # merged memory or report of an unfinished batch.
    assert sorted(path.stem for path in (out / "tmx").iterdir()) == sorted(done)
    assert all(tus(out / record.output) > 0 for record in done.values())
    assert no_temp_files(out)
    assert not (out / "merged.tmx").exists() and not (out / "report.tsv").exists()
    # A crash can also leave a temp file and half a manifest line behind.
    (out / "tmx" / ".SDG_05.tmx.0badc0de.part").write_text("<tmx", encoding="utf-8")
    with open(out / MANIFEST_NAME, "a", encoding="utf-8") as stream:
        stream.write('{"name": "SDG_05", "fingerp')
    report = run_batch(pairing, config(out, merge=True), quiet(tmp_path))
    assert sorted(row.status for row in report.rows) == ["done"] * 3 + ["skipped"] * 2
    assert no_temp_files(out)
    assert sorted(Manifest(out).records) == names
    assert tus(out / "merged.tmx") > 0


def test_a_bad_document_is_reported_and_skipped(tmp_path):
    make_collection(tmp_path / "in", documents=3)
    (tmp_path / "in/BINARY_C.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "in/BINARY_E.txt").write_text("The meeting was held on 31 July 2009.\n", encoding="utf-8")
    (tmp_path / "in/SWAPPED_C.txt").write_text("The meeting was held on 31 July 2009.\n", encoding="utf-8")
    (tmp_path / "in/SWAPPED_E.txt").write_text("会议于2009年7月31日举行。\n", encoding="utf-8")
    (tmp_path / "in/EMPTY_C.txt").write_text("", encoding="utf-8")
    (tmp_path / "in/EMPTY_E.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "in/ALONE_C.txt").write_text("会议于2009年7月31日举行。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1",
                                      "--progress", "log"])
    assert result.exit_code == 1
    out = tmp_path / "out"
    assert sorted(path.stem for path in (out / "tmx").iterdir()) == ["SDG_01", "SDG_02", "SDG_03"]
    rows = {line.split("\t")[0]: line.split("\t") for line in (out / "report.tsv").read_text("utf-8").splitlines()}
    for name in ("BINARY", "SWAPPED", "EMPTY"):
        assert rows[name][1] == "failed" and rows[name][-1], rows[name]
    assert "expected Chinese text but found English" in rows["SWAPPED"][-1]
    unpaired = [row for row in rows.values() if row[1] == "unpaired"]
    assert len(unpaired) == 1 and "ALONE_C.txt" in unpaired[0][0]
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    assert "3 aligned, 0 already done (skipped), 3 failed; 1 files unpaired" in summary
    assert "Failed (3):" in summary and "Unpaired files (1):" in summary
    assert "SWAPPED: " in result.output  # reported as it happens, in the log


def crash_on_document_two(task: DocumentTask) -> DocumentResult:
    """A worker that dies (as if killed or out of memory) on one document."""
    if task.name == "SDG_02":
        os.kill(os.getpid(), signal.SIGKILL)
    return run_document(task)


def test_a_worker_that_dies_costs_only_its_document(tmp_path):
    names = make_collection(tmp_path / "in", documents=5)
    report = run_batch(pair_directory(tmp_path / "in"), config(tmp_path / "out"), quiet(tmp_path),
                       ProcessPoolExecutor(2, work=crash_on_document_two))
    status = {row.name: (row.status, row.error) for row in report.rows}
    assert status["SDG_02"] == ("failed", WORKER_DIED)
    assert all(status[name] == ("done", "") for name in names if name != "SDG_02")


def test_internal_errors_are_isolated_and_logged(tmp_path, monkeypatch):
    make_collection(tmp_path / "in", documents=2)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("tmkit.batch.task.document_stats", broken)
    report = run_batch(pair_directory(tmp_path / "in"), config(tmp_path / "out"), quiet(tmp_path))
    assert {row.error for row in report.rows} == {"internal error: ZeroDivisionError: a bug"}
    assert "Traceback" in (tmp_path / "out/errors.log").read_text(encoding="utf-8")


def test_no_pairs_is_a_one_line_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in/untagged.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no document pairs to align (1 files could not be paired" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "tcp://x:1"], "--scheduler needs --executor dask"),
    (["--creation-date", "yesterday"], "ISO 8601"),
])
def test_usage_errors(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "-o", str(tmp_path / "out"), *args])
    assert result.exit_code == 2 and message in result.output


def test_pairs_file_and_folders_exclude_each_other(tmp_path):
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--pairs", str(tmp_path / "p.tsv"), "-o", "o"])
    assert result.exit_code == 2 and "not both" in result.output


def test_sigterm_stops_a_batch_like_ctrl_c():
    previous = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), stopped_by_sigterm():
        os.kill(os.getpid(), signal.SIGTERM)
        signal.sigtimedwait([], 0.1) if hasattr(signal, "sigtimedwait") else None
    assert signal.getsignal(signal.SIGTERM) == previous


def test_log_progress_lines(tmp_path):
    path = tmp_path / "log.txt"
    with open(path, "w", encoding="utf-8") as stream:
        progress = make_progress("auto", stream)  # a file, not a terminal: log lines
        assert isinstance(progress, LogProgress)
        progress.start(2)
        stats = DocumentStats(zh_sentences=3, en_sentences=3, links={"1-1": 3}, units=3, mean_score=0.95)
        progress.advance(DocumentResult(name="A", stats=stats, seconds=0.5), [])
        progress.advance(DocumentResult(name="B", error="B_C.txt: no such file"), [])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("[1/2] A: 3 zh / 3 en sentences, 3 units, mean score 0.950")
    assert "elapsed, ETA" in lines[0] and "sentences/s" in lines[0]
    assert lines[1].startswith("[2/2] B: FAILED: B_C.txt: no such file")


@pytest.mark.parametrize(("stats", "expected"), [
    (DocumentStats(10, 10, {"1-1": 10}, units=10, mean_score=0.95), []),
    (DocumentStats(10, 10, {"1-1": 10}, units=10, mean_score=0.4, likely_units=1),
     ["do not look like translations of each other: only 1 of 10"]),
    (DocumentStats(10, 10, {"1-1": 10}, units=10, mean_score=0.7), ["suspiciously low scores"]),
    (DocumentStats(10, 30, {"1-3": 10}, units=10, mean_score=0.9), ["3.0 times as many sentences"]),
    (DocumentStats(10, 10, {"1-1": 4, "1-0": 6, "0-1": 6}, units=4, unmatched_zh=6, unmatched_en=6,
                   mean_score=0.9), ["60% of sentences unmatched"]),
    (DocumentStats(10, 10, {"1-1": 10}, units=10, mean_score=0.9, zh_read_as_english=5),
     ["5 of 10 sentences of the Chinese document are in English"]),
    (DocumentStats(2, 1, {"1-0": 2, "0-1": 1}, unmatched_zh=2, unmatched_en=1), ["no translation units"]),
    (DocumentStats(2, 4, {"1-2": 1, "1-0": 1}, units=1, unmatched_zh=1, mean_score=0.2), ["too few to check"]),
    (DocumentStats(330, 4, {"1-1": 4, "1-0": 326}, units=4, unmatched_zh=326, mean_score=0.9),
     ["the English document has only 4 sentences against 330 Chinese: truncated"]),
])
def test_warnings(stats, expected):
    found = warnings_for(stats)
    assert len(found) == len(expected)
    for warning, text in zip(found, expected):
        assert text in warning


def test_manifest_records_are_json_lines(tmp_path):
    make_collection(tmp_path / "in", documents=1)
    run_batch(pair_directory(tmp_path / "in"), config(tmp_path / "out"), quiet(tmp_path))
    record = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert record["name"] == "SDG_01" and record["output"] == "tmx/SDG_01.tmx"
    assert len(record["fingerprint"]) == 64 and record["stats"]["units"] > 0
