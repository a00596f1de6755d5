"""``tmkit termbase check|build|validate``: argument parsing only, the work is in the library."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from tmkit.errors import InputError
from tmkit.io.atomic import atomic_output, check_outputs
from tmkit.termbase.load import curated_path, load_termbase
from tmkit.termbase.source import read_sources, source_files
from tmkit.termbase.table import write_table
from tmkit.termbase.tbx_format import TBX_2008, TBX_V3
from tmkit.termbase.tbx_writer import write_tbx

__all__ = ["termbase_group"]

BUILD_FORMATS = ("tbx", "tbx2", "tsv", "csv")
TERMBASE_DIR = click.Path(path_type=Path, file_okay=False)


@click.group(name="termbase")
def termbase_group() -> None:
    """The UN termbase: check the YAML source, build TBX/TSV, validate TBX files."""


@termbase_group.command()
@click.argument("directory", type=TERMBASE_DIR, required=False)
def check(directory: Path | None) -> None:
    """Check a YAML termbase (default: tmkit's own): one line per problem, exit 1 if any."""
    directory = directory or curated_path()
    if not directory.is_dir() or not source_files(directory):
        raise click.ClickException(f"{directory}: no termbase files (*.yaml) in this folder")
    concepts, problems = read_sources(directory)
    for problem in problems:
        click.echo(str(problem))
    by_subject = Counter(concept.subject for concept in concepts)
    subjects = ", ".join(f"{subject} {count}" for subject, count in sorted(by_subject.items()))
    click.echo(f"{len(concepts)} valid concepts ({subjects}); {len(problems)} problems", err=True)
    if problems:
        sys.exit(1)


@termbase_group.command()
@click.argument("directory", type=TERMBASE_DIR, required=False)
@click.option("-o", "--output", required=True, help="Output file, or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(BUILD_FORMATS),
              help="tbx: TBX v3 TBX-Basic (default); tbx2: TBX 2008 (martif); tsv/csv: one row per concept. "
                   "Default: from the extension of OUTPUT.")
def build(directory: Path | None, output: str, fmt: str | None) -> None:
    """Build the termbase (default: tmkit's own) into TBX, TSV or CSV."""
    source = directory or curated_path()
    check_outputs([output], inputs=source_files(source) if source.is_dir() else [source])
    fmt = fmt or _format_from_extension(output)
    termbase = load_termbase(directory)
    with atomic_output(output) as stream:
        if fmt in ("tsv", "csv"):
            write_table(termbase, stream, fmt)
        else:
            write_tbx(termbase, stream, TBX_V3 if fmt == "tbx" else TBX_2008)
    where = "" if output == "-" else f" to {output}"
    click.echo(f"{len(termbase)} concepts in {len(termbase.subjects)} subject fields written as {fmt}{where}",
               err=True)


def _format_from_extension(output: str) -> str:
    """tbx for .tbx/.xml (and stdout), tsv or csv; any other extension is refused, not written as TBX."""
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in ("tsv", "csv"):
        return suffix
    if output == "-" or suffix in ("tbx", "xml"):
        return "tbx"
    raise InputError(f"{output}: cannot tell the format from the extension; use .tbx, .tsv or .csv "
                     "or --format tbx|tbx2|tsv|csv")


@termbase_group.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--schemas", type=click.Path(path_type=Path, file_okay=False),
              help="Folder with TBXcoreStructV03.rng and TBX-Basic_DCA.sch/TBX-Basic_DCT.sch "
                   "(default: $TMKIT_TBX_SCHEMAS, or shared/standards/tbx beside the source checkout).")
def validate(file: Path, schemas: Path | None) -> None:
    """Validate a TBX v3 file (core RelaxNG + TBX-Basic Schematron): one line per problem, exit 1 if any."""
    from tmkit.termbase.tbx_validate import (
        validate_tbx,  # elementpath: only loaded when validating
    )

    report = validate_tbx(file, schemas)
    for problem in report.problems:
        click.echo(problem)
    for notice in report.notices:
        click.echo(notice, err=True)
    click.echo(f"{file}: {'valid' if report.valid else f'{len(report.problems)} problems'}", err=True)
    if not report.valid:
        sys.exit(1)
