"""``tmkit review``: open the review page on an alignment (argument parsing and messages only)."""

from __future__ import annotations

import asyncio
import threading
import webbrowser
from pathlib import Path

import click

from tmkit.errors import InputError

__all__ = ["review_command"]


def _default_output(zh_file: Path) -> Path:
    """``NAME.zh.en.xml`` in the current folder, InterText's name for an alignment of NAME.

    NAME is the Chinese file's name without its suffix and language tag: ``sdg16.zh.txt``,
    ``sdg16_zh.txt`` and ``sdg16.txt`` all give ``sdg16.zh.en.xml``.
    """
    stem = zh_file.stem
    if len(stem) > 3 and stem[-3:].lower() in (".zh", "_zh", "-zh"):
        stem = stem[:-3]
    return Path(f"{stem}.zh.en.xml")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="FILE.xml",
              help="With ZH_FILE EN_FILE: the alignment file to write and review (default: NAME.zh.en.xml "
                   "here); an existing one is resumed, not aligned again.")
@click.option("--presegmented", is_flag=True, help="With ZH_FILE EN_FILE: one sentence a line, no splitting.")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), metavar="X",
              help="With ZH_FILE EN_FILE: links under X are doubtful (default for the page: 0.8).")
@click.option("--termbase", type=click.Path(path_type=Path), metavar="PATH",
              help="Termbase to align with and to highlight (default: tmkit's UN termbase).")
@click.option("--no-terms", is_flag=True, help="Do not highlight termbase terms.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the URL but do not open a browser.")
def review_command(files: tuple[Path, ...], output: Path | None, presegmented: bool, min_score: float | None,
                   termbase: Path | None, no_terms: bool, port: int, no_browser: bool) -> None:
    """Review an alignment in the browser: ALIGNMENT.xml, or ZH_FILE EN_FILE (aligned first).

    Every change is saved at once to the InterText alignment file; `tmkit tmx convert
    FILE.xml -o FILE.tmx` makes the memory. Ctrl-C stops the server.
    """
    from tmkit.review.intertext import read_intertext
    from tmkit.review.server import serve
    from tmkit.review.session import ReviewSession

    if len(files) > 2:
        raise click.UsageError("give one alignment file, or a Chinese and an English file")
    if len(files) == 1:
        if output is not None or presegmented or min_score is not None:
            raise click.UsageError("-o, --presegmented and --min-score go with ZH_FILE EN_FILE")
        file = read_intertext(files[0])
    else:
        file = _aligned(files[0], files[1], output or _default_output(files[0]), presegmented, min_score, termbase)
    marker = None
    if not no_terms:
        from tmkit.review.terms import TermMarker
        from tmkit.termbase.load import load_termbase

        marker = TermMarker(load_termbase(termbase))
    session = ReviewSession(file, marker)
    review = file.review
    click.echo(f"Reviewing {file.path}: {len(review.links)} links, {review.reviewed_count()} reviewed", err=True)

    def ready(url: str) -> None:
        click.echo(f"Open {url}\nEvery change is saved at once; Ctrl-C stops the server.", err=True)
        if not no_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    asyncio.run(serve(session, port=port, ready=ready))
    click.echo(f"Stopped. {file.path}: {review.reviewed_count()} of {len(review.links)} links reviewed; "
               f"tmkit tmx convert {file.path} -o {file.path.with_suffix('.tmx')} makes the memory", err=True)


def _aligned(zh_file: Path, en_file: Path, output: Path, presegmented: bool, min_score: float | None,
             termbase: Path | None):
    """The alignment file for a document pair: resumed if it exists, else aligned and written."""
    from tmkit.pipeline import align_files
    from tmkit.review.intertext import read_intertext, write_intertext
    from tmkit.review.model import review_from_pair

    if output.exists():
        file = read_intertext(output)
        made_from = (file.review.zh_source, file.review.en_source)
        if all(made_from) and tuple(Path(p).resolve() for p in made_from) != (zh_file.resolve(), en_file.resolve()):
            raise InputError(f"{output} aligns {made_from[0]} with {made_from[1]}, not these files: "
                             "give another -o, or open it alone")
        click.echo(f"{output} exists: resuming its review (delete it to align again)", err=True)
        return file
    pair = align_files(zh_file, en_file, presegmented=presegmented, termbase=termbase, min_score=min_score)
    return write_intertext(review_from_pair(pair), output)
