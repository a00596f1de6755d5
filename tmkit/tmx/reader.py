"""Read Chinese/English units out of any tool's TMX file, streaming and safely.

Memories arrive from Trados, memoQ, OmegaT, Okapi, MT vendors and public corpora, in
TMX 1.1 to 1.4b, sometimes multilingual, sometimes UTF-16, some of them millions of
units long. The reader therefore

* never holds more than a few megabytes of the file: a UTF-8 body is cut into runs
  of whole ``<tu>`` elements (:mod:`~tmkit.tmx.fragments`), each parsed as a small
  document of its own, here or, for large files and when asked (``workers``), in
  worker processes; any other file is streamed with ``lxml.etree.iterparse``, and
  so is a file whose runs do not parse alone, so that the streaming parser has the
  last word on what is well-formed and names the line of an error. Either way
  memory stays flat whatever the file's size, and the units are the same;
* never expands an entity, loads a DTD or touches the network, so a hostile file
  (billion laughs, external entities) can neither exhaust memory nor read local
  files; an entity reference in a segment is refused rather than dropped;
* picks the Chinese and English variants by language (``zh-CN``, ``ZH``, ``zh_TW``
  and ``zh-Hans`` are all Chinese), preferring an exact match of the code asked for;
* keeps inline codes (``<bpt>``, ``<ph>``, …) as their text, so no character of
  the segment is lost, and marks such units with an ``x-text-changed`` property;
* reports a malformed file as one :class:`~tmkit.errors.InputError` naming the file
  and line.

Units that lack a Chinese or an English variant cannot become zh→en units; they are
counted in :class:`ReadStats`, never silently dropped.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from tmkit.errors import InputError
from tmkit.io.language_tags import language_matches, primary_subtag
from tmkit.io.progress_bar import ReadProgress
from tmkit.io.safe_xml import SAFE_XML, safe_parser
from tmkit.processes import can_start_workers, ordered_map, usable_cores
from tmkit.tmx.fragments import BodyStart, Fragment, body_fragments, find_body
from tmkit.tmx.writer import (
    TEXT_CHANGED_PROP,
    TU_ATTRIBUTES,
    PropValue,
    TranslationUnit,
)

__all__ = [
    "TmxHeader",
    "ReadStats",
    "TmxReader",
    "read_tmx",
    "units_and_languages",
    "language_matches",
    "INLINE_CODES_VALUE",
]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: ``x-text-changed`` value of a unit whose segment held inline codes (kept as text).
INLINE_CODES_VALUE = "inline codes kept as text"

_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[")
#: Comments and processing instructions are dropped: they are no part of a unit's text.
_UNIT_PARSING = {"remove_comments": True, "remove_pis": True}


#: Files smaller than this are parsed in this process: they take about a second, and
#: starting worker processes would save little of it.
PARALLEL_MIN_BYTES = 32 << 20
#: Parsing workers beyond this gain little: this process must still take every unit.
MAX_READ_WORKERS = 4


#: zh, en, tuid, props, notes, attributes: what a :class:`TranslationUnit` is made of.
UnitFields = tuple[str, str, str, dict[str, PropValue], tuple[str, ...], dict[str, str]]


class _RunNotParsed(Exception):
    """A run of units is not a well-formed document on its own: read the file streaming."""


def _unit_parser() -> etree.XMLParser:
    return safe_parser(**_UNIT_PARSING)


@dataclass
class TmxHeader:
    """What a file's ``<header>`` says: its attributes, properties and notes."""

    version: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    props: dict[str, PropValue] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@dataclass
class ReadStats:
    """What reading a file found, including what could not become a zh/en unit."""

    units: int = 0  #: units yielded (both a Chinese and an English variant)
    missing_zh: int = 0  #: ``<tu>`` without a Chinese variant (or with only empty ones)
    missing_en: int = 0  #: ``<tu>`` without an English variant (or with only empty ones)
    inline_codes: int = 0  #: units whose segments held inline codes
    zh_codes: Counter[str] = field(default_factory=Counter)  #: Chinese language codes used
    en_codes: Counter[str] = field(default_factory=Counter)  #: English language codes used
    other_codes: Counter[str] = field(default_factory=Counter)  #: other languages seen

    @property
    def skipped(self) -> int:
        """``<tu>`` elements that did not yield a unit."""
        return self.missing_zh + self.missing_en

    def add(self, other: ReadStats) -> None:
        """Count ``other`` in too (what a worker process found in its part of the file)."""
        self.units += other.units
        self.missing_zh += other.missing_zh
        self.missing_en += other.missing_en
        self.inline_codes += other.inline_codes
        self.zh_codes.update(other.zh_codes)
        self.en_codes.update(other.en_codes)
        self.other_codes.update(other.other_codes)


def _choose(variants: list[tuple[str, str]], language: str, preferred: str | None) -> tuple[str, str] | None:
    """The (code, text) variant of ``language``: the preferred code if present, else the first."""
    first = None
    for candidate in variants:
        if primary_subtag(candidate[0]) != language or candidate[1].isspace() or not candidate[1]:
            continue
        if not preferred or language_matches(candidate[0], preferred):
            return candidate
        first = first or candidate
    return first


def _zh_en(
    variants: list[tuple[str, str]], zh_lang: str | None, en_lang: str | None
) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The Chinese and the English variant; a plain zh + en pair (nearly every unit) decided at once."""
    if len(variants) == 2 and zh_lang is None and en_lang is None:
        first, second = variants
        languages = primary_subtag(first[0]), primary_subtag(second[0])
        if languages == ("en", "zh"):
            first, second = second, first
        if languages in (("zh", "en"), ("en", "zh")):
            return (first if first[1].strip() else None), (second if second[1].strip() else None)
    return _choose(variants, "zh", zh_lang), _choose(variants, "en", en_lang)


def _add_prop(props: dict[str, PropValue], prop_type: str, value: str) -> None:
    """A repeated property keeps all its values, in file order."""
    earlier = props.get(prop_type)
    if earlier is None:
        props[prop_type] = value
    elif isinstance(earlier, str):
        props[prop_type] = (earlier, value)
    else:
        props[prop_type] = (*earlier, value)


class TmxReader:
    """Iterate the zh/en units of one TMX file; ``header`` and ``stats`` fill as it goes.

    ``zh_lang``/``en_lang`` choose among several Chinese or English variants of a unit
    (say ``zh-TW`` over ``zh-CN``); any code of the same language is taken when the
    preferred one is absent. The file is read once per iteration.

    ``workers`` is how many processes parse the file: 1 (the default) reads in this
    process; None decides by the file's size and the cores at hand (see
    :func:`read_workers`), which is what the command line does. Worker processes
    start with ``forkserver``, so a script that asks for them must guard its main
    code with ``if __name__ == "__main__":``, as :mod:`multiprocessing` requires.
    The units and statistics are the same either way.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        zh_lang: str | None = None,
        en_lang: str | None = None,
        workers: int | None = 1,
        progress: bool = False,
    ):
        self.path = Path(path)
        self.zh_lang = zh_lang
        self.en_lang = en_lang
        self.workers = workers
        self.progress = progress  # a bar on a terminal for a big file (tmkit.io.progress_bar)
        self.header = TmxHeader()
        self.stats = ReadStats()
        self._line_offset = 0

    def __iter__(self) -> Iterator[TranslationUnit]:
        self.header = TmxHeader()
        self.stats = ReadStats()
        self._line_offset = 0
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read: {exc.strerror}") from None
        bar = ReadProgress(self.path, handle, self.progress)
        with handle, closing(bar):
            if not handle.read(1):
                raise InputError(f"{self.path}: empty file, not a TMX memory")
            handle.seek(0)
            yielded = 0
            try:
                start = self._start_of_runs(handle)
                if start is not None:
                    for unit in self._units_in_runs(handle, start):
                        yielded += 1
                        bar.tick()
                        yield unit
                    return
            except _RunNotParsed:
                # Not well-formed, or well-formed only as a whole (units nested in
                # another element): the streaming parser decides, and names the line.
                self.header, self.stats = TmxHeader(), ReadStats()
            handle.seek(0)
            self._line_offset = 0
            try:
                for unit in itertools.islice(self._streamed_units(handle), yielded, None):
                    bar.tick()
                    yield unit
            except etree.XMLSyntaxError as exc:
                raise InputError(f"{self.path}:{exc.lineno or 1}: not well-formed XML: {exc.msg}") from None

    def _fail(self, element: etree._Element, message: str) -> InputError:
        return InputError(f"{self.path}:{(element.sourceline or 0) + self._line_offset}: {message}")

    # --- files whose body can be cut into runs of units (nearly all) -------------------

    def _start_of_runs(self, handle: BinaryIO) -> BodyStart | None:
        """Where the body starts, if it can be read in runs of units (see :mod:`~tmkit.tmx.fragments`).

        The prolog is parsed on its own (closed by ``</body></tmx>``): that reads the
        header, and shows whether the body depends on it (an encoding other than
        UTF-8, a DTD subset that may declare entities, namespaces). None sends the
        file to the streaming parser, which reads everything and reports every error.
        """
        start = find_body(handle)
        if start is None or _INTERNAL_SUBSET.search(start.prolog):
            return None
        try:
            root = etree.fromstring(start.prolog + b"</body></tmx>", _unit_parser())
        except etree.XMLSyntaxError:
            return None
        encoding = (root.getroottree().docinfo.encoding or "UTF-8").upper()
        if root.tag != "tmx" or root.nsmap or encoding not in ("UTF-8", "UTF8", "ASCII", "US-ASCII"):
            return None
        self._check_root(root)
        header = root.find("header")
        if header is not None:
            self._read_header(header)
        return start

    def _units_in_runs(self, handle: BinaryIO, start: BodyStart) -> Iterator[TranslationUnit]:
        """The units of a body cut into runs, each parsed as a document of its own,
        here or (large files) by worker processes; the end of the file is checked here."""
        fragments = body_fragments(handle, start)
        end: list[Fragment] = []

        def runs() -> Iterator[Fragment]:
            for fragment in fragments:
                if fragment.last:
                    end.append(fragment)
                    return
                yield fragment

        workers = self.workers or read_workers(self.path)
        if workers > 1:
            settings = (str(self.path), self.zh_lang, self.en_lang)
            for columns, stats in ordered_map(functools.partial(_read_run, settings), runs(), workers,
                                              preload=[__name__]):
                self.stats.add(stats)
                for fields in zip(*columns):
                    yield TranslationUnit(*fields)
        else:
            for fragment in runs():
                for fields in self._run(fragment):
                    yield TranslationUnit(*fields)
        try:  # the closing tags, and anything after the last unit, must make a well-formed end
            etree.fromstring(b"<tmx><body>" + end[0].data, _unit_parser())
        except etree.XMLSyntaxError:
            raise _RunNotParsed from None

    def _run(self, fragment: Fragment) -> list[UnitFields]:
        """The units of one run of whole ``<tu>`` elements, as the fields of
        :class:`~tmkit.tmx.writer.TranslationUnit`; errors name lines of the file."""
        self._line_offset = fragment.line - 1
        try:
            body = etree.fromstring(b"<body>" + fragment.data + b"</body>", _unit_parser())
        except etree.XMLSyntaxError:
            raise _RunNotParsed from None
        return [fields for fields in map(self._unit_fields, body.iter("tu")) if fields is not None]

    # --- any other file: streamed -------------------------------------------------------

    def _streamed_units(self, handle: BinaryIO) -> Iterator[TranslationUnit]:
        # Only the elements the reader acts on raise events, and each <tu> is freed
        # once read, so memory stays flat whatever the file's size.
        events = etree.iterparse(handle, events=("end",), tag=("header", "tu", "body"), **SAFE_XML,
                                 **_UNIT_PARSING)
        seen_body = False
        checked_root = False
        read = 0
        for _, element in events:
            if not checked_root:
                self._check_root(element.getroottree().getroot())
                checked_root = True
            tag = element.tag
            if tag == "tu":
                unit = self._unit(element)
                element.clear(keep_tail=False)
                read += 1
                if read % 512 == 0:  # drop the cleared units before this one, in bulk
                    parent = element.getparent()
                    if parent is not None:
                        del parent[: parent.index(element)]
                if unit is not None:
                    yield unit
            elif tag == "header":
                self._read_header(element)
            else:
                seen_body = True
        if not checked_root:
            self._check_root(events.root)
        if not seen_body:
            raise InputError(f"{self.path}: not a TMX file: no <body>")

    # --- elements -----------------------------------------------------------------------

    def _check_root(self, root: etree._Element) -> None:
        if root.tag != "tmx":
            raise self._fail(root, f"not a TMX file (root element <{root.tag}>, expected <tmx>)")
        self.header.version = root.get("version", "")

    def _read_header(self, header: etree._Element) -> None:
        self.header.attributes = {name: value for name, value in header.attrib.items()}
        props: dict[str, PropValue] = {}
        notes = []
        for child in header:
            if child.tag == "prop":
                _add_prop(props, child.get("type", ""), self._text(child))
            elif child.tag == "note":
                notes.append(self._text(child))
        self.header.props = props
        self.header.notes = tuple(notes)

    def _text(self, element: etree._Element) -> str:
        """All the text of ``element``, inline codes included; entity references refused."""
        if not len(element):
            return element.text or ""
        for node in element.iter():
            if isinstance(node, etree._Entity):
                raise self._fail(node, f"entity reference {node.text} is not expanded (entities are refused for safety)")
        return "".join(element.itertext())

    def _unit(self, tu: etree._Element) -> TranslationUnit | None:
        """One ``<tu>`` as a unit, or None (counted) when it lacks Chinese or English."""
        fields = self._unit_fields(tu)
        return None if fields is None else TranslationUnit(*fields)

    def _unit_fields(self, tu: etree._Element) -> UnitFields | None:
        """The fields of one ``<tu>``'s unit, or None (counted) when it lacks Chinese or English.

        Fields rather than the unit, so that worker processes send back plain data.

        This runs once per unit of files with millions of them, and each call into
        lxml costs about as much as a few lines of Python: attributes are read in one
        ``items()`` call, each element once, and text with children (inline codes,
        entities) takes the long path only when there are children.
        """
        props: dict[str, PropValue] = {}
        notes: list[str] = []
        variants: list[tuple[str, str]] = []
        inline_codes = False
        attributes: dict[str, str] = {}
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                xml_lang = lang = None
                for name, value in child.items():
                    if name == XML_LANG:
                        xml_lang = value
                    elif name == "lang":  # TMX 1.1
                        lang = value
                    elif value and name in TU_ATTRIBUTES:
                        attributes.setdefault(name, value)
                code = xml_lang or lang
                if not code:
                    raise self._fail(child, "<tuv> without xml:lang")
                seg = child[-1] if len(child) else None  # the DTD puts <seg> last
                if seg is None or seg.tag != "seg":
                    seg = child.find("seg")
                    if seg is None:
                        raise self._fail(child, f"<tuv xml:lang=\"{code}\"> without <seg>")
                if len(seg):
                    inline_codes = True
                    variants.append((code, self._text(seg)))
                else:
                    variants.append((code, seg.text or ""))
            elif tag == "prop":
                prop_type = child.get("type", "")
                value = self._text(child) if len(child) else (child.text or "")
                if prop_type in props:
                    _add_prop(props, prop_type, value)
                else:
                    props[prop_type] = value
            elif tag == "note":
                notes.append(self._text(child))
        zh, en = _zh_en(variants, self.zh_lang, self.en_lang)
        stats = self.stats
        if len(variants) > 2 or zh is None or en is None:
            for code, _ in variants:
                if primary_subtag(code) not in ("zh", "en"):
                    stats.other_codes[code] += 1
        if zh is None or en is None:
            if zh is None:
                stats.missing_zh += 1
            else:
                stats.missing_en += 1
            return None
        stats.units += 1
        stats.zh_codes[zh[0]] += 1
        stats.en_codes[en[0]] += 1
        if inline_codes:
            stats.inline_codes += 1
            _add_prop(props, TEXT_CHANGED_PROP, INLINE_CODES_VALUE)
        tuid = ""
        for name, value in tu.items():
            if name == "tuid":
                tuid = value
            elif value and name in TU_ATTRIBUTES:
                # Dates and authors are tu attributes in TMX 1.4, but some tools put
                # them on the variants; the tu's own win.
                attributes[name] = value
        return zh[1], en[1], tuid, props, tuple(notes), attributes


def read_workers(path: Path) -> int:
    """How many processes should parse ``path``: one for files read in about a second or
    less, where starting workers would cost more than it saves; else one per core."""
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    if size < PARALLEL_MIN_BYTES or not can_start_workers():
        return 1
    return min(usable_cores(), MAX_READ_WORKERS)


def _read_run(settings: tuple[str, str | None, str | None], fragment: Fragment) -> tuple[tuple, ReadStats]:
    """A run of units read in a worker process, sent back as columns (zh, en, tuid, props,
    notes, attributes): fewer objects to pickle and unpickle than one tuple per unit."""
    path, zh_lang, en_lang = settings
    reader = TmxReader(path, zh_lang=zh_lang, en_lang=en_lang, workers=1)
    return tuple(zip(*reader._run(fragment))), reader.stats


def read_tmx(
    path: str | os.PathLike[str], *, zh_lang: str | None = None, en_lang: str | None = None
) -> Iterator[TranslationUnit]:
    """The zh/en units of ``path`` in file order (see :class:`TmxReader`)."""
    return iter(TmxReader(path, zh_lang=zh_lang, en_lang=en_lang))


def units_and_languages(
    reader: TmxReader, *, zh_lang: str | None = None, en_lang: str | None = None
) -> tuple[Iterator[TranslationUnit], str, str]:
    """The reader's units, and the language codes to write them with.

    A writer needs the codes before the first unit (they go in the header): they are
    ``zh_lang``/``en_lang`` when given, else those of the file's first unit (or
    ``zh-CN``/``en-US`` for a file without units). Only that first unit is read ahead.
    """
    units = iter(reader)
    first = next(units, None)
    zh = zh_lang or next(iter(reader.stats.zh_codes), "zh-CN")
    en = en_lang or next(iter(reader.stats.en_codes), "en-US")
    return (itertools.chain([first], units) if first is not None else units), zh, en
