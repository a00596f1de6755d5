"""``tmkit terms extract|check``: argument parsing only, the work is in the library."""

from __future__ import annotations

from pathlib import Path

import click

from tmkit.io.atomic import atomic_output, check_outputs
from tmkit.termbase.load import load_termbase
from tmkit.tmx.reader import TmxReader

__all__ = ["terms_group"]

TERMBASE_OPTION = click.option(
    "--termbase", "termbase_path", type=click.Path(path_type=Path, exists=True),
    help="Termbase folder (YAML) or .tbx file (default: tmkit's curated UN termbase).")


@click.group(name="terms")
def terms_group() -> None:
    """Term tools for memories: propose term pairs, check term use."""


@terms_group.command()
@click.argument("memory", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", required=True, help="Candidates TSV, or - for stdout.")
@TERMBASE_OPTION
@click.option("--min-freq", type=click.IntRange(1), default=3, show_default=True,
              help="Units a candidate and a pair must occur in.")
@click.option("--top", type=click.IntRange(1), help="Write only the N best candidates.")
def extract(memory: Path, output: str, termbase_path: Path | None, min_freq: int, top: int | None) -> None:
    """Propose bilingual term candidates from an aligned memory (TMX), ranked by log-likelihood."""
    from tmkit.terms.extract import (
        COLUMNS,
        ExtractOptions,
        candidate_row,
        extract_terms,
    )
    from tmkit.terms.report import tsv_table

    check_outputs([output], inputs=[memory, termbase_path])
    termbase = load_termbase(termbase_path)
    reader = TmxReader(memory)
    units = list(reader)
    candidates = extract_terms(units, termbase, ExtractOptions(min_freq=min_freq, min_cooc=min_freq))
    candidates = candidates[:top] if top else candidates
    with atomic_output(output) as stream:
        stream.write(tsv_table(COLUMNS, (candidate_row(c) for c in candidates)))
    known = sum(c.in_termbase == "yes" for c in candidates)
    click.echo(f"{len(units)} units; {len(candidates)} candidates ({known} already in the termbase)"
               + ("" if output == "-" else f"; written to {output}"), err=True)


@terms_group.command()
@click.argument("memory", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", default="-", show_default=True,
              help="Report file (.tsv or .html), or - for a TSV on stdout.")
@click.option("--format", "fmt", type=click.Choice(["tsv", "html"]),
              help="Report format (default: from the extension of -o, else tsv).")
@click.option("--explain", is_flag=True,
              help="Also print, for every flagged unit, each term occurrence and what the check made of it.")
@TERMBASE_OPTION
def check(memory: Path, output: str, fmt: str | None, explain: bool, termbase_path: Path | None) -> None:
    """Check a memory against the termbase: missing English equivalents, superseded and deprecated terms."""
    from tmkit.terms.check import TermChecker, summarize
    from tmkit.terms.report import html_report, tsv_report

    check_outputs([output], inputs=[memory, termbase_path])
    fmt = fmt or ("html" if output.lower().endswith((".html", ".htm")) else "tsv")
    checker = TermChecker(load_termbase(termbase_path))
    findings = []
    units = 0
    for unit in TmxReader(memory):
        units += 1
        found = checker.check(unit)
        findings.extend(found)
        if explain and found:
            click.echo(f"{unit.tuid}: {unit.zh}\n{' ' * len(unit.tuid)}  {unit.en}", err=True)
            for line in checker.explain(unit):
                click.echo(f"    {line}", err=True)
    report = html_report(findings, units, f"Term check of {memory.name}") if fmt == "html" else tsv_report(findings)
    with atomic_output(output) as stream:
        stream.write(report)
    click.echo(summarize(units, findings), err=True)
