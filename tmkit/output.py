"""Writing an aligned pair in the format the user asked for: TMX, TSV or links."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from tmkit.align.links_format import write_links
from tmkit.errors import InputError
from tmkit.pipeline import AlignedPair
from tmkit.tmx.units import join_sentences, translation_units
from tmkit.tmx.writer import write_tmx

FORMATS = ("tmx", "tsv", "links", "intertext")
#: Output file extensions that name a format other than their own.
SUFFIX_FORMATS = {"xml": "intertext"}
TSV_HEADER = ("zh", "en", "link", "score", "zh_ids", "en_ids", "flag")


def format_for(output: str, explicit: str | None) -> str:
    """The output format: ``--format`` if given, else the output file's extension."""
    if explicit:
        return explicit
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    if output == "-":
        return "tmx"
    raise InputError(f"{output}: cannot tell the output format from the extension; use --format tmx|tsv|links|intertext")


def _tsv_field(text: str) -> str:
    return " ".join(text.split())


def write_tsv(pair: AlignedPair, stream: BinaryIO) -> None:
    """Every link, unmatched ones included (one side empty), so nothing is lost.

    ``flag`` is ``low-score`` for links under the run's ``--min-score``, else empty.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
    text.write("\t".join(TSV_HEADER) + "\n")
    for link in pair.links:
        zh = join_sentences([pair.zh[i].text for i in link.zh], "zh")
        en = join_sentences([pair.en[j].text for j in link.en], "en")
        ids = (",".join(map(str, link.zh)), ",".join(map(str, link.en)))
        flag = "low-score" if pair.low_score(link) else ""
        text.write("\t".join((_tsv_field(zh), _tsv_field(en), link.kind, f"{link.score:.4f}", *ids, flag)) + "\n")
    text.detach()


def write_aligned(
    pair: AlignedPair, stream: BinaryIO, fmt: str, *, zh_lang: str = "zh-CN", en_lang: str = "en-US",
    creation_date: datetime | None = None,
) -> int:
    """Write ``pair`` to ``stream`` as ``fmt``; returns the number of records written.

    ``creation_date`` pins the TMX header date (default: now), for reproducible output.
    """
    if fmt == "tmx":
        signature = {f"x-tmkit-{key}": value for key, value in pair.options.items()}
        return write_tmx(translation_units(pair), stream, zh_lang=zh_lang, en_lang=en_lang, header_props=signature,
                         creation_date=creation_date)
    if fmt == "tsv":
        write_tsv(pair, stream)
        return len(pair.links)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
    write_links(pair.links, text)
    text.detach()
    return len(pair.links)
