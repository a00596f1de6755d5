"""``tmkit tmx …``: inspect, merge, filter, convert and validate memories.

Argument parsing and one-line reports only; the work is done by the modules of
:mod:`tmkit.tmx`. Every output file is written atomically.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from tmkit.errors import InputError
from tmkit.io.atomic import atomic_output, check_outputs, same_file
from tmkit.language_codes import check_language_codes
from tmkit.tmx.convert import (
    TsvStats,
    add_uncovered,
    file_kind,
    links_pair,
    read_units_tsv,
    write_units_tsv,
)
from tmkit.tmx.filter import FilterStats, filter_by_score
from tmkit.tmx.merge import merge_tmx
from tmkit.tmx.reader import TmxReader, units_and_languages
from tmkit.tmx.stats import collect_stats, format_stats
from tmkit.tmx.unaligned import write_unaligned
from tmkit.tmx.units import translation_units
from tmkit.tmx.validate import ERROR, tmx_dtd, validate_tmx
from tmkit.tmx.writer import write_tmx

ZH_LANG = click.option("--zh-lang", default=None, metavar="CODE",
                       help="Language code of the Chinese side (default: as in the input, else zh-CN).")
EN_LANG = click.option("--en-lang", default=None, metavar="CODE",
                       help="Language code of the English side (default: as in the input, else en-US).")
OUTPUT = click.option("-o", "--output", required=True, metavar="FILE", help="Output file, or - for stdout.")
INPUT = click.Path(path_type=Path)
#: ``validate`` prints a message this many times per file, then how many more there are.
SHOWN_PER_MESSAGE = 3


@click.group(name="tmx")
def tmx_group() -> None:
    """Inspect, merge, filter, convert and validate TMX memories."""


@tmx_group.command()
@click.argument("files", nargs=-1, required=True, type=INPUT)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--top", default=10, show_default=True, help="How many documents to list.")
def stats(files: tuple[Path, ...], as_json: bool, top: int) -> None:
    """Units, language codes, documents and score histogram of each FILE."""
    results = [collect_stats(path, workers=None, progress=True) for path in files]
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(format_stats(r, top_documents=top) for r in results))


@tmx_group.command()
@click.argument("files", nargs=-1, required=True, type=INPUT)
@OUTPUT
@ZH_LANG
@EN_LANG
def merge(files: tuple[Path, ...], output: str, zh_lang: str | None, en_lang: str | None) -> None:
    """Merge FILES into one memory without duplicates.

    Units are the same when their Chinese and English text are equal after whitespace
    normalisation; the merged unit has the best x-score and every x-document.
    """
    check_language_codes(zh_lang, en_lang)
    check_outputs([output], inputs=files)
    for i, path in enumerate(files):
        if any(same_file(path, earlier) for earlier in files[:i]):
            raise InputError(f"{path}: given twice as an input")
    result = merge_tmx(list(files), output, zh_lang=zh_lang, en_lang=en_lang, workers=None, progress=True)
    skipped = f"; {result.skipped} <tu> without both zh and en skipped" if result.skipped else ""
    click.echo(
        f"{result.inputs} files, {result.read} units read, {result.duplicates} duplicates folded, "
        f"{result.written} units written ({result.zh_lang} → {result.en_lang}){skipped}"
        + (f"\nTMX written to {output}" if output != "-" else ""),
        err=True,
    )


@tmx_group.command(name="filter")
@click.argument("file", type=INPUT)
@OUTPUT
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), required=True, help="Lowest x-score kept.")
@click.option("--keep-unscored", is_flag=True, help="Keep units that have no x-score.")
@ZH_LANG
@EN_LANG
def filter_command(file: Path, output: str, min_score: float, keep_unscored: bool,
                   zh_lang: str | None, en_lang: str | None) -> None:
    """Keep the units of FILE whose x-score is at least --min-score."""
    check_language_codes(zh_lang, en_lang)
    check_outputs([output], inputs=[file])
    reader = TmxReader(file, zh_lang=zh_lang, en_lang=en_lang, workers=None, progress=True)
    units, zh, en = units_and_languages(reader, zh_lang=zh_lang, en_lang=en_lang)
    counts = FilterStats()
    header = {**reader.header.props, "x-tmkit-min-score": str(min_score)}
    write_tmx(filter_by_score(units, min_score, counts, keep_unscored=keep_unscored), output,
              zh_lang=zh, en_lang=en, header_props=header)
    unscored = "kept" if keep_unscored else f"{counts.unscored} dropped"
    skipped = f"; {reader.stats.skipped} <tu> without both zh and en dropped" if reader.stats.skipped else ""
    click.echo(f"{counts.kept} units kept, {counts.below} below {min_score}, units without x-score: {unscored}"
               f"{skipped}", err=True)


@tmx_group.command()
@click.argument("source", type=INPUT)
@OUTPUT
@click.option("--zh", "zh_file", type=INPUT, metavar="FILE", help="Chinese sentences, one a line (links input).")
@click.option("--en", "en_file", type=INPUT, metavar="FILE", help="English sentences, one a line (links input).")
@click.option("--document", metavar="NAME", help="x-document of TSV rows without one (default: file name).")
@click.option("--unaligned", type=INPUT, metavar="FILE",
              help="Links input: also write the unmatched sentences to this TSV file.")
@click.option("--to", "to_kind", type=click.Choice(["tmx", "tsv"]),
              help="Output format (default: from the extension; for -, TSV from TMX and TMX otherwise).")
@ZH_LANG
@EN_LANG
def convert(source: Path, output: str, zh_file: Path | None, en_file: Path | None, document: str | None,
            unaligned: Path | None, to_kind: str | None, zh_lang: str | None, en_lang: str | None) -> None:
    """Convert between TMX and TSV, a links file (with --zh/--en) or an InterText alignment to TMX or TSV.

    Formats follow the extensions: .tmx, .tsv, .links/.align, .xml (InterText, as tmkit
    review saves it: reviewed links get x-reviewed and the reviewer's edits).
    """
    check_outputs([output, unaligned], inputs=[source, zh_file, en_file])
    check_language_codes(zh_lang, en_lang)
    source_kind = file_kind(source)
    if to_kind:
        target_kind = to_kind
    elif output == "-":
        target_kind = "tsv" if source_kind == "tmx" else "tmx"
    else:
        target_kind = file_kind(output)
    if target_kind in ("links", "intertext") or source_kind == target_kind:
        raise click.UsageError(f"cannot convert {source_kind} to {target_kind}")
    if (zh_file is None or en_file is None) == (source_kind == "links"):
        raise click.UsageError("--zh and --en are needed with a links file, and only then")
    if unaligned is not None and source_kind != "links":
        raise click.UsageError("--unaligned goes with a links file")
    note = ""
    if source_kind == "links":
        pair = links_pair(source, zh_file, en_file)
        zh_left, en_left = add_uncovered(pair)
        units, zh, en = translation_units(pair), zh_lang or "zh-CN", en_lang or "en-US"
        if unaligned is not None:
            note = f"; {write_unaligned(pair, unaligned)} unaligned sentences written to {unaligned}"
        else:
            note = f"; {sum(1 for link in pair.links if not (link.zh and link.en))} one-sided links not units"
        if zh_left or en_left:
            note += f"; {zh_left} zh and {en_left} en sentences in no link (counted as unaligned)"
    elif source_kind == "intertext":
        from tmkit.review.intertext import read_intertext
        from tmkit.review.units import review_document_name, review_units

        review = read_intertext(source).review
        units, zh, en = review_units(review, document or review_document_name(review, source)), \
            zh_lang or "zh-CN", en_lang or "en-US"
        reviewed = review.reviewed_count()
        note = f"; {reviewed} of {len(review.links)} links reviewed"
    elif source_kind == "tsv":
        counts = TsvStats()
        units, zh, en = read_units_tsv(source, counts, document=document), zh_lang or "zh-CN", en_lang or "en-US"
    else:
        reader = TmxReader(source, zh_lang=zh_lang, en_lang=en_lang, workers=None, progress=True)
        units, zh, en = units_and_languages(reader, zh_lang=zh_lang, en_lang=en_lang)
    if target_kind == "tmx":
        written = write_tmx(units, output, zh_lang=zh, en_lang=en)
    else:
        with atomic_output(output) as stream:
            written = write_units_tsv(units, stream)
    if source_kind == "tsv" and counts.one_sided:
        note = f"; {counts.one_sided} rows with one side empty not units"
    if source_kind == "tmx" and reader.stats.skipped:
        note = f"; {reader.stats.skipped} <tu> without both zh and en skipped"
    click.echo(f"{written} units written to {output}{note}", err=True)


@tmx_group.command()
@click.argument("files", nargs=-1, required=True, type=INPUT)
@click.option("--dtd", type=INPUT, metavar="FILE", help="Another TMX DTD (default: tmkit's TMX 1.4b copy).")
@click.option("--all", "show_all", is_flag=True,
              help=f"Print every problem (default: at most {SHOWN_PER_MESSAGE} lines per message, then a count).")
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit 1).")
@ZH_LANG
@EN_LANG
def validate(files: tuple[Path, ...], dtd: Path | None, show_all: bool, strict: bool,
             zh_lang: str | None, en_lang: str | None) -> None:
    """Check FILES against the TMX 1.4b DTD and tmkit's rules, one line per problem.

    Errors break the DTD or make a unit unusable as a zh→en unit; warnings are
    departures from what tmkit writes that CAT tools accept (another source
    language, props without x-, spaces around segments). Exit status 1 if any file
    has an error (or, with --strict, a warning).
    """
    try:
        checker_dtd = tmx_dtd(dtd)
    except Exception as exc:  # lxml raises DTDParseError or OSError variants
        raise InputError(f"{dtd}: cannot load the DTD ({exc})") from None
    failed = 0
    for path in files:
        counts: Counter[tuple[str, str]] = Counter()
        for problem in validate_tmx(path, zh_lang=zh_lang, en_lang=en_lang, dtd=checker_dtd, progress=True):
            key = (problem.severity, problem.message)
            counts[key] += 1
            if show_all or counts[key] <= SHOWN_PER_MESSAGE:
                click.echo(problem.format(path))
        for (severity, message), count in counts.items():
            if count > SHOWN_PER_MESSAGE and not show_all:
                click.echo(f"{path}: {severity}: … {count - SHOWN_PER_MESSAGE:,} more: {message}")
        errors = sum(n for (severity, _), n in counts.items() if severity == ERROR)
        warnings = sum(counts.values()) - errors
        failed += errors > 0 or (strict and warnings > 0)
        verdict = "valid" if not counts else f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
        click.echo(f"{path}: {verdict}", err=True)
    if failed:
        raise SystemExit(1)


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
