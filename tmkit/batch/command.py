"""``tmkit batch``: align a whole collection of document pairs.

Argument parsing and up-front checks only; the work is in :mod:`tmkit.batch.runner`.
The segmentation options it shares with ``tmkit align`` come from
:mod:`tmkit.command_options`, below both commands.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path

import click

from tmkit.align import DEFAULT_MAX_LINK
from tmkit.align.search import MAX_LINK_SENTENCES
from tmkit.batch.executors import EXECUTORS, default_jobs
from tmkit.batch.pairing import (
    Pairing,
    pair_directories,
    pair_directory,
    read_pairs_file,
)
from tmkit.batch.progress import PROGRESS_MODES, make_progress
from tmkit.batch.report import summary_text
from tmkit.batch.runner import BatchConfig, run_batch
from tmkit.batch.task import BatchOptions
from tmkit.command_options import resolve_segmenter, segmenter_options
from tmkit.errors import INTERRUPTED_EXIT, InputError
from tmkit.io.atomic import same_file
from tmkit.io.console import say
from tmkit.language_codes import check_language_codes
from tmkit.processes import stopped_by_sigterm


def parse_creation_date(value: str | None) -> datetime:
    """``--creation-date``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else now.

    One date for the whole batch: every memory of a run says when the run was, and a
    run with a pinned date gives the same bytes wherever the documents are aligned.
    """
    if value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise click.BadParameter(f"{value!r} is not an ISO 8601 date such as 2024-05-01T12:00:00Z",
                                     param_hint="--creation-date") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def find_pairs(zh_dir: Path | None, en_dir: Path | None, pairs_file: Path | None) -> Pairing:
    """The pairs the arguments name: a pairs file, two language folders, or one folder."""
    if pairs_file is not None:
        if zh_dir is not None:
            raise click.UsageError("give either --pairs or folders, not both")
        return read_pairs_file(pairs_file)
    if zh_dir is None:
        raise click.UsageError("give ZH_DIR and EN_DIR, one folder holding both languages, or --pairs PAIRS.tsv")
    return pair_directories(zh_dir, en_dir) if en_dir is not None else pair_directory(zh_dir)


def check_output_folder(out_dir: Path, input_folders: list[Path | None]) -> None:
    """Refuse an output folder that is one of the input folders or inside one.

    Input folders are searched with their subfolders: the outputs would be mixed with
    the documents, and the next run would find its own reports among the files to pair.
    """
    for folder in input_folders:
        if folder is None or not folder.is_dir():
            continue
        probe = out_dir
        while True:
            if probe.exists() and same_file(probe, folder):
                raise InputError(f"{out_dir}: is the input folder {folder} or inside it; "
                                 "give the outputs a folder of their own")
            if probe.parent == probe:
                break
            probe = probe.parent


def check_srx(srx_rules: Path | None) -> None:
    """A bad SRX file is every document's problem: refuse it once, before any work."""
    if srx_rules is not None:
        from tmkit.segment.srx import load_rules

        for lang in ("zh", "en"):
            load_rules(lang, srx_rules)


@click.command(name="batch")
@click.argument("zh_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.argument("en_dir", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output folder: tmx/NAME.tmx per document, report.tsv, summary.txt, manifest.jsonl.")
@click.option("--pairs", "pairs_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Explicit pairs instead of folders: ZH_PATH<TAB>EN_PATH[<TAB>NAME] a line.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Documents aligned at once (default: all cores; 1 runs in this process).")
@click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster (pip install 'tmkit[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local Dask cluster of "
                   "--jobs workers).")
@click.option("--merge", is_flag=True, help="Also write merged.tmx: every document's units, de-duplicated.")
@click.option("--html", is_flag=True, help="Also write report.html.")
@click.option("--force", is_flag=True, help="Realign every document, even those the manifest records as done.")
@click.option("--progress", type=click.Choice(PROGRESS_MODES), default="auto", show_default=True,
              help="bar on a terminal, log lines otherwise (auto); none prints only failures and the summary.")
@click.option("--creation-date", metavar="ISO_DATE",
              help="Date written in every TMX header (default: SOURCE_DATE_EPOCH if set, else the run's start).")
@click.option("--presegmented", is_flag=True, help="Inputs are one sentence a line: no cleaning or splitting.")
@click.option("--max-link", type=click.IntRange(1, MAX_LINK_SENTENCES - 1), default=DEFAULT_MAX_LINK,
              show_default=True, help="Most sentences on one side of a link (at most 8 in all).")
@click.option("--semantic/--no-semantic", default=True, show_default=True,
              help="Multilingual sentence embeddings as evidence (the default); --no-semantic: "
                   "dictionary, length and anchors alone, ~10x faster.")
@click.option("--zh-lang", default="zh-CN", show_default=True, help="Language code of the Chinese side in TMX.")
@click.option("--en-lang", default="en-US", show_default=True, help="Language code of the English side in TMX.")
@click.option("--unaligned", is_flag=True,
              help="Also write each document's unmatched sentences to unaligned/NAME.tsv.")
@segmenter_options
def batch(zh_dir: Path | None, en_dir: Path | None, out_dir: Path, pairs_file: Path | None, jobs: int | None,
          executor: str, scheduler: str | None, merge: bool, html: bool, force: bool, progress: str,
          creation_date: str | None, presegmented: bool, max_link: int, semantic: bool, zh_lang: str, en_lang: str,
          unaligned: bool, segmenter: str | None, srx_rules: Path | None) -> None:
    """Align every document pair of a collection, resumably, in parallel.

    Pairs files by name: ZH_DIR and EN_DIR are language folders (same file names), or
    one folder holds both languages with UN-style tags (A_70_95_C.pdf / A_70_95_E.pdf,
    N1512345-zh.docx / -en.docx, S-2018-184-ZH.txt / -EN.txt, report.zh.txt / .en.txt)
    or has zh/ and en/ subfolders. Files that cannot be paired are reported.

    Re-running the same command skips the documents already done (manifest.jsonl), so
    an interrupted batch resumes where it stopped. Exit status 1 if any document
    failed, 130 if interrupted.
    """
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    options = BatchOptions(presegmented=presegmented, max_link=max_link, semantic=semantic,
                           segmenter=resolve_segmenter(segmenter, srx_rules),
                           srx_rules=str(srx_rules) if srx_rules else None, zh_lang=zh_lang, en_lang=en_lang,
                           unaligned=unaligned)
    config = BatchConfig(output=out_dir, options=options, creation_date=parse_creation_date(creation_date),
                         executor=executor, jobs=jobs or default_jobs(), scheduler=scheduler, merge=merge,
                         html=html, force=force)
    check_language_codes(zh_lang, en_lang)
    check_output_folder(out_dir, [zh_dir, en_dir])
    check_srx(srx_rules)
    pairing = find_pairs(zh_dir, en_dir, pairs_file)
    display = make_progress(progress)
    try:
        with stopped_by_sigterm():
            report = run_batch(pairing, config, display)
    except KeyboardInterrupt:
        say(f"\ninterrupted: finished documents are kept in {out_dir}; run the same command again "
            "to align the rest")
        sys.exit(INTERRUPTED_EXIT)
    say(summary_text(report).rstrip("\n"))
    say(f"memories in {out_dir / 'tmx'}; report in {out_dir / 'report.tsv'}")
    if report.failed:
        sys.exit(1)
