"""Command-line pieces several commands share (``align``, ``segment``, ``batch``).

They live below both :mod:`tmkit.cli` and :mod:`tmkit.batch.command`, so neither of
those has to import the other to offer the same options.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from tmkit.segment import SEGMENTERS

__all__ = ["segmenter_options", "resolve_segmenter"]


def segmenter_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--segmenter`` and ``--srx``, shared by ``align``, ``segment`` and ``batch``."""
    command = click.option(
        "--srx", "srx_rules", type=click.Path(path_type=Path), metavar="FILE",
        help="SRX 2.0 segmentation rules (e.g. exported from a CAT tool); implies --segmenter srx.",
    )(command)
    return click.option(
        "--segmenter", type=click.Choice(SEGMENTERS), default=None,
        help="Sentence splitter: tmkit's rules (builtin, the default) or SRX rules (srx: "
             "LanguageTool's unless --srx is given).",
    )(command)


def resolve_segmenter(segmenter: str | None, srx_rules: Path | None) -> str:
    """``--srx`` implies srx; asking for builtin rules and an SRX file at once is a usage error."""
    if srx_rules is not None:
        if segmenter == "builtin":
            raise click.UsageError("--srx cannot be used with --segmenter builtin")
        return "srx"
    return segmenter or "builtin"
