"""The ``tmkit`` command line: parses arguments and calls the library, nothing more.

Exit status: 0 success, 1 bad input (one line on stderr), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections import Counter
from pathlib import Path

import click

from tmkit import __version__
from tmkit.align import DEFAULT_MAX_LINK
from tmkit.align.search import MAX_LINK_SENTENCES
from tmkit.align.verdict import translation_doubt
from tmkit.command_options import resolve_segmenter, segmenter_options
from tmkit.errors import INTERRUPTED_EXIT, InputError
from tmkit.io.atomic import atomic_output, check_outputs
from tmkit.io.console import silence
from tmkit.io.progress_bar import elapsed_display
from tmkit.io.read import read_document
from tmkit.language_codes import check_language_codes
from tmkit.output import FORMATS, format_for, write_aligned
from tmkit.pipeline import AlignedPair, align_files
from tmkit.segment import segment_document
from tmkit.tmx.unaligned import write_unaligned

LANGS = click.Choice(["zh", "en"])


#: Commands imported when they are run (or listed by --help): they pull in modules that
#: ``tmkit align``, the command run most, never needs (a tenth of a second at every start).
LAZY_COMMANDS = {
    "tmx": ("tmkit.tmx.commands", "tmx_group"),
    "termbase": ("tmkit.termbase.cli", "termbase_group"),
    "terms": ("tmkit.terms.cli", "terms_group"),
    "batch": ("tmkit.batch.command", "batch"),
    "review": ("tmkit.review.command", "review_command"),
}


class InputErrorAware(click.Group):
    """What a user did or met becomes one line on stderr and an exit status, never a traceback.

    :class:`InputError` and operating-system errors (a full disk, a file that vanished)
    exit 1; Ctrl-C exits 130 whatever the command was doing; a closed stdout pipe
    (``tmkit tmx stats big.tmx | head``) ends the command quietly.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in LAZY_COMMANDS:
            module, attribute = LAZY_COMMANDS[name]
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, name)
        return command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("\ninterrupted: no output was written", err=True)
            sys.exit(INTERRUPTED_EXIT)
        except BrokenPipeError:
            silence(sys.stdout)
            sys.exit(1)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None


@click.group(cls=InputErrorAware, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tmkit")
def cli() -> None:
    """Chinese-English translation memories from UN documents."""


def summary(pair: AlignedPair, seconds: float) -> str:
    """One line a batch log or a translator can read: what was aligned and how well."""
    kinds = Counter(link.kind for link in pair.links)
    matched = [link for link in pair.links if link.zh and link.en]
    unmatched = len(pair.links) - len(matched)
    mean = sum(link.score for link in matched) / len(matched) if matched else 0.0
    flagged = sum(1 for link in matched if pair.low_score(link))
    flags = f"; {flagged} under min score {pair.min_score:g}" if pair.min_score is not None else ""
    by_type = ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items(), key=lambda kv: -kv[1]))
    return (
        f"{len(pair.zh)} zh / {len(pair.en)} en sentences; {len(matched)} links ({by_type}); "
        f"{unmatched} unmatched; mean score {mean:.3f}{flags}; {seconds:.2f} s"
    )


@cli.command()
@click.argument("zh_file", type=click.Path(path_type=Path))
@click.argument("en_file", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True,
              help="Output file (.tmx, .tsv, .links, or .xml: InterText, for tmkit review), or - for stdout.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Output format (default: from the extension).")
@click.option("--presegmented", is_flag=True, help="Inputs are one sentence a line: no cleaning or splitting.")
@click.option("--max-link", type=click.IntRange(1, MAX_LINK_SENTENCES - 1), default=DEFAULT_MAX_LINK,
              show_default=True, help="Most sentences on one side of a link (links hold at most 8 in all).")
@click.option("--zh-lang", default="zh-CN", show_default=True, help="Language code of the Chinese side in TMX.")
@click.option("--en-lang", default="en-US", show_default=True, help="Language code of the English side in TMX.")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), metavar="X",
              help="Flag links scoring under X (x-flag=low-score in TMX, flag column in TSV); they are kept.")
@click.option("--termbase", type=click.Path(path_type=Path), metavar="PATH",
              help="Termbase (YAML folder or .tbx) whose terms help the aligner; default: tmkit's UN termbase.")
@click.option("--no-termbase", is_flag=True, help="Align with CC-CEDICT alone, without termbase terms.")
@click.option("--semantic/--no-semantic", default=True, show_default=True,
              help="Multilingual sentence embeddings as evidence (the default); --no-semantic aligns on "
                   "dictionary, length and anchors alone, ~10x faster.")
@click.option("--unaligned", type=click.Path(path_type=Path), metavar="FILE",
              help="Also write the unmatched (1-0, 0-1) sentences to this TSV file.")
@segmenter_options
def align(zh_file: Path, en_file: Path, output: str, fmt: str | None, presegmented: bool, max_link: int,
          zh_lang: str, en_lang: str, min_score: float | None, termbase: Path | None, no_termbase: bool, semantic: bool,
          unaligned: Path | None, segmenter: str | None, srx_rules: Path | None) -> None:
    """Align a Chinese document with its English equivalent and write a memory."""
    if termbase is not None and no_termbase:
        raise click.UsageError("--termbase cannot be used with --no-termbase")
    check_outputs([output, unaligned], inputs=[zh_file, en_file, srx_rules, termbase])
    fmt = format_for(output, fmt)
    segmenter = resolve_segmenter(segmenter, srx_rules)
    check_language_codes(zh_lang, en_lang)
    start = time.perf_counter()
    with elapsed_display(f"aligning {zh_file.name} and {en_file.name}"):
        pair = align_files(zh_file, en_file, presegmented=presegmented, max_link=max_link,
                           segmenter=segmenter, srx_rules=srx_rules, termbase=termbase,
                           use_termbase=not no_termbase, min_score=min_score, semantic=semantic)
    if fmt == "intertext":
        from tmkit.review.intertext import write_intertext
        from tmkit.review.model import review_from_pair

        if output == "-":
            raise click.UsageError("--format intertext writes three files: give -o FILE.xml, not -")
        write_intertext(review_from_pair(pair), Path(output))
    else:
        with atomic_output(output) as stream:
            write_aligned(pair, stream, fmt, zh_lang=zh_lang, en_lang=en_lang)
    if unaligned is not None:
        click.echo(f"{write_unaligned(pair, unaligned)} unaligned sentences written to {unaligned}", err=True)
    doubt = translation_doubt(pair.links)
    if doubt:
        click.echo(f"warning: {doubt}", err=True)
    line = summary(pair, time.perf_counter() - start)
    click.echo(f"{line}\n{fmt.upper()} written to {output}" if output != "-" else line, err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", type=LANGS, required=True, help="Language of the document.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for stdout.")
@click.option("--blocks", is_flag=True, help="Show the block structure (kind, label, text) instead of sentences.")
@segmenter_options
def segment(file: Path, lang: str, output: str, blocks: bool, segmenter: str | None, srx_rules: Path | None) -> None:
    """Clean and segment a document: one sentence a line."""
    segmenter = resolve_segmenter(segmenter, srx_rules)
    check_outputs([output], inputs=[file, srx_rules])
    document = read_document(file, lang)
    if blocks:
        lines = [f"{block.kind.value}\t{block.label or ''}\t{block.text}" for block in document.blocks]
    else:
        lines = [sentence.text for sentence in segment_document(document, segmenter, srx_rules)]
    with atomic_output(output) as stream:
        stream.write("".join(line + "\n" for line in lines).encode("utf-8"))


@cli.command(name="eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("test", type=click.Path(path_type=Path))
@click.option("--swap-gold", is_flag=True, help="The gold links are [en]:[zh] (as vecalign's en-zh gold is written).")
def evaluate(gold: Path, test: Path, swap_gold: bool) -> None:
    """Score links against gold links (files or folders): strict and lax P/R/F1."""
    from tmkit.align.evaluate import score_links
    from tmkit.eval_inputs import orientation_hint, read_scored_links, swapped

    gold_links, test_links = read_scored_links(gold, test)
    if swap_gold:
        gold_links = swapped(gold_links)
    scores = score_links(gold_links, test_links)
    click.echo("        precision  recall  f1")
    click.echo(f"strict  {scores.precision_strict:9.4f}  {scores.recall_strict:6.4f}  {scores.f1_strict:.4f}")
    click.echo(f"lax     {scores.precision_lax:9.4f}  {scores.recall_lax:6.4f}  {scores.f1_lax:.4f}")
    hint = None if swap_gold else orientation_hint(gold_links, test_links, scores)
    if hint:
        click.echo(hint, err=True)




def main() -> None:
    """Console-script entry point; ``kill`` (SIGTERM) stops a command as Ctrl-C does (exit 130)."""
    from tmkit.processes import stopped_by_sigterm

    with stopped_by_sigterm():
        cli(prog_name="tmkit")
