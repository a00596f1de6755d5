"""Translation units to and from the other shapes a memory travels in: TSV, links files.

* **TSV** is what spreadsheets, MT training scripts and ``tmkit align -o x.tsv``
  produce. tmkit writes a header row ``zh en tuid document link score paragraph``;
  it reads any TSV whose header names a ``zh`` and an ``en`` column (so also the
  ``zh en link score zh_ids en_ids`` of ``tmkit align``), or a headerless one whose
  first two columns are Chinese and English. Several documents of a merged unit are
  joined with `` | ``. Rows with one side empty are not units: they are counted.
* **Links** (``[zh ids]:[en ids]:score``) with the two one-sentence-a-line files
  they number become the same units ``tmkit align`` makes.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tmkit.align.link import Link
from tmkit.align.links_format import read_links
from tmkit.document import Sentence
from tmkit.errors import InputError
from tmkit.io.decode import read_text_file
from tmkit.io.read import read_lines
from tmkit.langid import is_han
from tmkit.pipeline import AlignedPair
from tmkit.tmx.merge import normalise_whitespace
from tmkit.tmx.writer import PropValue, TranslationUnit, prop_values

__all__ = ["TSV_COLUMNS", "TsvStats", "write_units_tsv", "read_units_tsv", "links_pair", "add_uncovered"]

TSV_COLUMNS = ("zh", "en", "tuid", "document", "link", "score", "paragraph")
#: TSV column → unit property.
COLUMN_PROPS = {"document": "x-document", "link": "x-link", "score": "x-score", "paragraph": "x-paragraph"}
MULTI_VALUE_SEPARATOR = " | "


@dataclass
class TsvStats:
    """Rows read from a TSV file and what became of them."""

    rows: int = 0
    units: int = 0
    one_sided: int = 0  #: rows with the Chinese or the English cell empty (not units)


def _cell(value: PropValue | None) -> str:
    """A TSV cell: whitespace collapsed (tabs and newlines would break the row)."""
    values = prop_values({"v": value}, "v") if value is not None else ()
    return MULTI_VALUE_SEPARATOR.join(normalise_whitespace(v) for v in values)


def write_units_tsv(units: Iterable[TranslationUnit], stream: BinaryIO) -> int:
    """Write ``units`` as TSV with a header row; returns how many rows."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
    text.write("\t".join(TSV_COLUMNS) + "\n")
    count = 0
    for unit in units:
        cells = [_cell(unit.zh), _cell(unit.en), _cell(unit.tuid)]
        cells += [_cell(unit.props.get(COLUMN_PROPS[column])) for column in TSV_COLUMNS[3:]]
        text.write("\t".join(cells) + "\n")
        count += 1
    text.detach()
    return count


def _columns(first_row: list[str], path: Path) -> tuple[dict[str, int], bool]:
    """Column name → index, and whether the first row is a header."""
    names = [name.strip().lower() for name in first_row]
    if "zh" in names and "en" in names:
        return {name: i for i, name in enumerate(names) if name}, True
    if len(first_row) < 2:
        raise InputError(f"{path}:1: a TSV memory needs a zh and an en column (tab-separated)")
    if not any(is_han(ch) for ch in first_row[0]):
        # A header naming other columns ("source target"), or English where Chinese goes:
        # reading it as data would make a unit of the column names.
        shown = ", ".join(name.strip() for name in first_row[:4] if name.strip())
        raise InputError(f"{path}:1: the first row ({shown}) is neither a header with zh and en columns "
                         "nor a Chinese/English row; name the columns zh and en")
    return {"zh": 0, "en": 1}, False


class _Row:
    """The cells of one TSV row by column name (empty when the column is absent)."""

    def __init__(self, cells: list[str], columns: dict[str, int]):
        self.cells = cells
        self.columns = columns

    def __call__(self, name: str) -> str:
        index = self.columns.get(name)
        return self.cells[index].strip() if index is not None and index < len(self.cells) else ""


def read_units_tsv(path: Path, stats: TsvStats | None = None, *, document: str | None = None) -> Iterator[TranslationUnit]:
    """The units of a TSV file (see the module docstring); ``stats`` counts the rows.

    Units without a ``document`` column cite ``document`` (default: the file's stem);
    without a ``tuid`` they get ``document:N``, N the Chinese sentence number when
    the file has ``zh_ids`` (as ``tmkit align`` writes it), else the row number.
    """
    stats = stats if stats is not None else TsvStats()
    document = document or path.stem
    lines = read_text_file(path).split("\n")
    columns, has_header = _columns(lines[0].rstrip("\r").split("\t"), path)
    for line in lines[1:] if has_header else lines:
        line = line.rstrip("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        stats.rows += 1
        cell = _Row(cells, columns)
        zh, en = cell("zh"), cell("en")
        if not zh or not en:
            stats.one_sided += 1
            continue
        props: dict[str, PropValue] = {}
        for column, prop in COLUMN_PROPS.items():
            values = [v.strip() for v in cell(column).split(MULTI_VALUE_SEPARATOR.strip()) if v.strip()]
            if column == "document" and not values:
                values = [document]
            if values:
                props[prop] = values[0] if len(values) == 1 else tuple(values)
        zh_ids = cell("zh_ids")
        number = int(zh_ids.split(",")[0]) + 1 if zh_ids.split(",")[0].isdigit() else stats.rows
        stats.units += 1
        yield TranslationUnit(zh=zh, en=en, tuid=cell("tuid") or f"{prop_values(props, 'x-document')[0]}:{number}",
                              props=props)
    if stats.rows == 0:
        raise InputError(f"{path}: no rows")


def links_pair(links_path: Path, zh_path: Path, en_path: Path) -> AlignedPair:
    """A links file with its two one-sentence-a-line files, as ``tmkit align`` would have aligned them.

    The ids count non-blank lines from 0, as in ``tmkit align --presegmented -o x.links``.
    """
    zh = [Sentence(text=line, block=i) for i, line in enumerate(read_lines(zh_path, "zh"))]
    en = [Sentence(text=line, block=i) for i, line in enumerate(read_lines(en_path, "en"))]
    links = read_links(links_path)
    for link in links:
        if any(i >= len(zh) for i in link.zh) or any(j >= len(en) for j in link.en):
            raise InputError(
                f"{links_path}: link {link.kind} {list(link.zh)}:{list(link.en)} points past the end of "
                f"{zh_path.name} ({len(zh)} sentences) or {en_path.name} ({len(en)} sentences)"
            )
    return AlignedPair(zh=zh, en=en, links=links, zh_source=str(zh_path), en_source=str(en_path))


def add_uncovered(pair: AlignedPair) -> tuple[int, int]:
    """Give every sentence no link names a one-sided link; how many Chinese and English ones.

    A links file may cover only part of its sentence files (a partial gold file, a
    truncated run). The sentences it leaves out are still the user's text: as one-sided
    links they are counted and written with ``--unaligned`` like any unmatched sentence.
    """
    covered_zh = {i for link in pair.links for i in link.zh}
    covered_en = {j for link in pair.links for j in link.en}
    missing_zh = [Link(zh=(i,), en=(), score=0.0) for i in range(len(pair.zh)) if i not in covered_zh]
    missing_en = [Link(zh=(), en=(j,), score=0.0) for j in range(len(pair.en)) if j not in covered_en]
    pair.links = pair.links + missing_zh + missing_en
    return len(missing_zh), len(missing_en)


def file_kind(path: str | os.PathLike[str]) -> str:
    """``tmx``, ``tsv``, ``links`` or ``intertext`` from a file name's extension (``.align`` is links)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    kinds = {"tmx": "tmx", "tsv": "tsv", "links": "links", "align": "links", "xml": "intertext"}
    if suffix not in kinds:
        raise InputError(f"{path}: cannot tell the format from the extension (.tmx, .tsv, .links, .align or .xml)")
    return kinds[suffix]
