"""Merge TMX memories into one, without duplicates and without losing provenance.

A team aligning thousands of UN documents ends up with thousands of small memories
that repeat the same sentences (standard paragraphs of resolutions, agenda items).
Translators want one memory where each translation appears once, with the best
alignment score any document gave it and the list of documents it came from.

Two units are the same when their Chinese and their English text are equal after
whitespace normalisation (runs of spaces collapsed, ends trimmed). Of a group of
duplicates the merged memory keeps the unit with the highest ``x-score`` (the first
one on a tie or when none has a score), at the place where the text first appeared,
with the ``x-document`` values and notes of the whole group.

De-duplication needs to see every unit before writing any, so the units go through
a temporary SQLite database on disk instead of a Python dict: memory stays flat
however many units are merged (a million units need a few hundred MB of disk, not
of RAM), and the inputs are parsed once.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tmkit.errors import InputError
from tmkit.io.progress_bar import counted
from tmkit.tmx.reader import TmxReader
from tmkit.tmx.writer import PropValue, TranslationUnit, prop_values, write_tmx

__all__ = ["MergeStats", "DedupStore", "merge_tmx", "unit_key", "best_score", "normalise_whitespace"]

DOCUMENT_PROP = "x-document"
SCORE_PROP = "x-score"
DEFAULT_ZH_LANG = "zh-CN"
DEFAULT_EN_LANG = "en-US"
_BATCH = 5000

_SCHEMA = """
CREATE TABLE units (
    seq INTEGER PRIMARY KEY, key BLOB NOT NULL, score REAL,
    tuid TEXT, zh TEXT, en TEXT, props TEXT, docs TEXT, notes TEXT, attrs TEXT
);
CREATE TABLE groups (first_seq INTEGER PRIMARY KEY, best_seq INTEGER NOT NULL, docs TEXT, notes TEXT);
"""


@dataclass
class MergeStats:
    """What a merge read and wrote; ``duplicates`` were folded into other units."""

    inputs: int = 0
    read: int = 0  #: zh/en units read from all inputs
    written: int = 0  #: units in the merged memory
    skipped: int = 0  #: ``<tu>`` without a Chinese or an English variant (not mergeable)
    zh_lang: str = DEFAULT_ZH_LANG
    en_lang: str = DEFAULT_EN_LANG

    @property
    def duplicates(self) -> int:
        return self.read - self.written


def normalise_whitespace(text: str) -> str:
    """Collapse every run of whitespace (any Unicode space) to one space and trim."""
    return " ".join(text.split())


def unit_key(unit: TranslationUnit) -> bytes:
    """What makes two units the same: their whitespace-normalised zh and en text."""
    text = f"{normalise_whitespace(unit.zh)}\x00{normalise_whitespace(unit.en)}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def best_score(unit: TranslationUnit) -> float | None:
    """The unit's ``x-score`` as a number (the highest if given several), or None."""
    scores = []
    for value in prop_values(unit.props, SCORE_PROP):
        try:
            score = float(value)
        except ValueError:
            continue
        if math.isfinite(score):  # "nan" and "inf" parse, but say nothing about the unit
            scores.append(score)
    return max(scores) if scores else None


def _union(*lists: Iterable[str]) -> list[str]:
    """Every distinct value, in order of first appearance."""
    return list(dict.fromkeys(value for values in lists for value in values))


# Rows keep lists and properties as text joined with two control characters that XML
# 1.0 cannot carry, so no text read from a TMX file can contain them (and JSON would
# cost more than the rest of the row together).
_ITEM, _PAIR = "\x1f", "\x1e"


def _join(values: Iterable[str]) -> str:
    return _ITEM.join(values)


def _split(text: str | None) -> list[str]:
    return text.split(_ITEM) if text else []


def _encode_props(props: dict[str, PropValue]) -> str:
    return _ITEM.join(
        f"{prop_type}{_PAIR}{value}"
        for prop_type in props
        if prop_type != DOCUMENT_PROP
        for value in prop_values(props, prop_type)
    )


def _decode_props(text: str, documents: list[str]) -> dict[str, PropValue]:
    props: dict[str, PropValue] = {}
    if documents:
        props[DOCUMENT_PROP] = documents[0] if len(documents) == 1 else tuple(documents)
    for pair in _split(text):
        prop_type, value = pair.split(_PAIR, 1)
        earlier = props.get(prop_type)
        if earlier is None:
            props[prop_type] = value
        else:
            props[prop_type] = (earlier, value) if isinstance(earlier, str) else (*earlier, value)
    return props


def _row(seq: int, unit: TranslationUnit) -> tuple:
    attributes = _join(f"{name}{_PAIR}{value}" for name, value in unit.attributes.items())
    return (
        seq,
        unit_key(unit),
        best_score(unit),
        unit.tuid,
        unit.zh,
        unit.en,
        _encode_props(unit.props),
        _join(prop_values(unit.props, DOCUMENT_PROP)),
        _join(unit.notes) or None,
        attributes or None,
    )


def _group(db: sqlite3.Connection) -> None:
    """One row in ``groups`` per distinct text: where it first appeared, its best unit, merged provenance."""
    rows = db.execute("SELECT key, seq, score, docs, notes FROM units ORDER BY key, seq")
    batch: list[tuple] = []

    def flush(group: list[tuple]) -> None:
        if len(group) == 1:
            batch.append((group[0][1], group[0][1], None, None))
        else:
            best = max(group, key=lambda row: (row[2] if row[2] is not None else float("-inf"), -row[1]))
            docs = _union(*(_split(row[3]) for row in group))
            notes = _union(_split(best[4]), *(_split(row[4]) for row in group))
            batch.append((group[0][1], best[1], _join(docs), _join(notes) or None))
        if len(batch) >= _BATCH:
            db.executemany("INSERT INTO groups VALUES (?,?,?,?)", batch)
            batch.clear()

    group: list[tuple] = []
    for row in rows:
        if group and row[0] != group[0][0]:
            flush(group)
            group = []
        group.append(row)
    if group:
        flush(group)
    db.executemany("INSERT INTO groups VALUES (?,?,?,?)", batch)


def _merged(db: sqlite3.Connection) -> Iterator[TranslationUnit]:
    """The merged units in order of first appearance; a tuid used twice gets a suffix."""
    rows = db.execute(
        """
        SELECT u.tuid, u.zh, u.en, u.props, CASE WHEN g.docs IS NULL THEN u.docs ELSE g.docs END,
               CASE WHEN g.best_seq = g.first_seq AND g.docs IS NULL THEN u.notes ELSE g.notes END, u.attrs,
               ROW_NUMBER() OVER (PARTITION BY u.tuid ORDER BY g.first_seq)
        FROM groups g JOIN units u ON u.seq = g.best_seq
        ORDER BY g.first_seq
        """
    )
    for tuid, zh, en, props, docs, notes, attributes, nth in rows:
        yield TranslationUnit(
            zh,
            en,
            tuid if nth == 1 or not tuid else f"{tuid}~{nth}",
            _decode_props(props, _split(docs)),
            tuple(_split(notes)),
            dict(pair.split(_PAIR, 1) for pair in _split(attributes)),
        )


class DedupStore:
    """Units on disk, grouped by text: ``add`` them all, then read them back ``merged``.

    A context manager: the temporary database is deleted on exit.
    """

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="tmkit-merge-")
        self._db = sqlite3.connect(Path(self._dir.name) / "merge.sqlite", isolation_level=None)
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; "
            "PRAGMA cache_size=-8000;" + _SCHEMA
        )
        self.count = 0
        self._grouped = False

    def __enter__(self) -> DedupStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self._db.close()
        self._dir.cleanup()

    def add(self, units: Iterable[TranslationUnit]) -> None:
        """Store ``units`` in order (the order decides where a merged unit is written)."""
        batch: list[tuple] = []
        self._db.execute("BEGIN")
        for unit in units:
            self.count += 1
            batch.append(_row(self.count, unit))
            if len(batch) == _BATCH:
                self._db.executemany("INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
                batch.clear()
        self._db.executemany("INSERT INTO units VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
        self._db.execute("COMMIT")

    def merged(self) -> Iterator[TranslationUnit]:
        """One unit per distinct text, in order of first appearance."""
        if not self._grouped:
            self._db.execute("BEGIN")
            _group(self._db)
            self._db.execute("COMMIT")
            self._grouped = True
        return _merged(self._db)

    def groups(self) -> int:
        """How many distinct units :meth:`merged` gives (after it was called)."""
        return self._db.execute("SELECT COUNT(*) FROM groups").fetchone()[0] if self._grouped else self.count


def _with_tuids(reader: TmxReader) -> Iterator[TranslationUnit]:
    """Units of one input; one without a tuid gets ``file:position`` so it stays traceable."""
    for position, unit in enumerate(reader, start=1):
        if not unit.tuid:
            unit = TranslationUnit(unit.zh, unit.en, f"{reader.path.stem}:{position}", unit.props, unit.notes, unit.attributes)
        yield unit


def merge_tmx(
    inputs: Sequence[Path],
    output: str | Path,
    *,
    zh_lang: str | None = None,
    en_lang: str | None = None,
    workers: int | None = 1,
    creation_date: datetime | None = None,
    progress: bool = False,
) -> MergeStats:
    """Merge the TMX files ``inputs`` into ``output`` (written atomically), de-duplicated.

    ``zh_lang``/``en_lang`` are the language codes of the merged memory; by default
    the codes most used in the inputs (``zh-CN``/``en-US`` if they have none). They
    also pick the variant when an input unit has several of one language. Inputs
    can be any tool's TMX 1.1–1.4b (see :class:`~tmkit.tmx.reader.TmxReader`, also for
    ``workers``); ``output`` may be one of them. ``creation_date`` pins the header's
    date (default: now), for reproducible output; ``progress`` shows a bar on a
    terminal while big inputs are read.
    """
    if not inputs:
        raise InputError("merge: no input files")
    readers = [TmxReader(path, zh_lang=zh_lang, en_lang=en_lang, workers=workers, progress=progress)
               for path in inputs]
    with DedupStore() as store:
        for reader in readers:
            store.add(_with_tuids(reader))
        zh_codes = sum((reader.stats.zh_codes for reader in readers), Counter())
        en_codes = sum((reader.stats.en_codes for reader in readers), Counter())
        stats = MergeStats(
            inputs=len(inputs),
            read=store.count,
            skipped=sum(reader.stats.skipped for reader in readers),
            zh_lang=zh_lang or (zh_codes.most_common(1)[0][0] if zh_codes else DEFAULT_ZH_LANG),
            en_lang=en_lang or (en_codes.most_common(1)[0][0] if en_codes else DEFAULT_EN_LANG),
        )
        header = {"x-tmkit-merged-files": str(len(inputs)), "x-tmkit-dedup": "whitespace-normalised zh and en text"}
        merged = counted(store.merged(), store.groups(), "writing", progress)
        stats.written = write_tmx(
            merged, output, zh_lang=stats.zh_lang, en_lang=stats.en_lang, header_props=header,
            creation_date=creation_date,
        )
    return stats
