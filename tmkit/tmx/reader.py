"""Read Chinese/English units out of any tool's TMX file, streaming and safely.

Memories arrive from Trados, memoQ, OmegaT, Okapi, MT vendors and public corpora, in
TMX 1.1 to 1.4b, sometimes multilingual, sometimes UTF-16, some of them millions of
units long. The reader therefore

* streams (``lxml.etree.iterparse``): each ``<tu>`` is turned into a
  :class:`~tmkit.tmx.writer.TranslationUnit` and dropped before the next one is
  parsed, so memory stays flat whatever the file's size;
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

import itertools
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tmkit.errors import InputError
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


def primary_subtag(code: str) -> str:
    """``zh`` of ``zh-CN``, ``ZH_tw`` or ``zh-Hans``: what decides the language."""
    return code.replace("_", "-").split("-", 1)[0].lower()


def language_matches(code: str, wanted: str) -> bool:
    """Whether ``code`` is the language ``wanted`` (case, ``_`` and ``-`` ignored)."""
    return code.replace("_", "-").lower() == wanted.replace("_", "-").lower()


def _choose(variants: list[tuple[str, str]], language: str, preferred: str | None) -> tuple[str, str] | None:
    """The (code, text) variant of ``language``: the preferred code if present, else the first."""
    candidates = [(code, text) for code, text in variants if primary_subtag(code) == language and text.strip()]
    if preferred:
        for candidate in candidates:
            if language_matches(candidate[0], preferred):
                return candidate
    return candidates[0] if candidates else None


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
    """

    def __init__(self, path: str | os.PathLike[str], *, zh_lang: str | None = None, en_lang: str | None = None):
        self.path = Path(path)
        self.zh_lang = zh_lang
        self.en_lang = en_lang
        self.header = TmxHeader()
        self.stats = ReadStats()

    def __iter__(self) -> Iterator[TranslationUnit]:
        self.header = TmxHeader()
        self.stats = ReadStats()
        try:
            handle = self.path.open("rb")
        except OSError as exc:
            raise InputError(f"{self.path}: cannot read: {exc.strerror}") from None
        with handle:
            if not handle.read(1):
                raise InputError(f"{self.path}: empty file, not a TMX memory")
            handle.seek(0)
            try:
                yield from self._units(handle)
            except etree.XMLSyntaxError as exc:
                raise InputError(f"{self.path}:{exc.lineno or 1}: not well-formed XML: {exc.msg}") from None

    def _fail(self, element: etree._Element, message: str) -> InputError:
        return InputError(f"{self.path}:{element.sourceline or 0}: {message}")

    def _units(self, handle) -> Iterator[TranslationUnit]:
        events = etree.iterparse(
            handle,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            remove_comments=True,
            remove_pis=True,
        )
        seen_root = seen_body = False
        for event, element in events:
            if not seen_root:
                if element.tag != "tmx":
                    raise self._fail(element, f"not a TMX file (root element <{element.tag}>, expected <tmx>)")
                self.header.version = element.get("version", "")
                seen_root = True
                continue
            if event == "start":
                seen_body = seen_body or element.tag == "body"
                continue
            if element.tag == "header":
                self._read_header(element)
            elif element.tag == "tu":
                unit = self._unit(element)
                # Free the parsed tree as we go: the unit is all we keep.
                element.clear(keep_tail=False)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
                if unit is not None:
                    yield unit
        if not seen_body:
            raise InputError(f"{self.path}: not a TMX file: no <body>")

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
        for node in element.iter():
            if isinstance(node, etree._Entity):
                raise self._fail(node, f"entity reference {node.text} is not expanded (entities are refused for safety)")
        return "".join(element.itertext())

    def _unit(self, tu: etree._Element) -> TranslationUnit | None:
        props: dict[str, PropValue] = {}
        notes: list[str] = []
        variants: list[tuple[str, str]] = []
        inline_codes = False
        tuv_attributes: dict[str, str] = {}
        for child in tu:
            if child.tag == "prop":
                _add_prop(props, child.get("type", ""), self._text(child))
            elif child.tag == "note":
                notes.append(self._text(child))
            elif child.tag == "tuv":
                code = child.get(XML_LANG) or child.get("lang")
                if not code:
                    raise self._fail(child, "<tuv> without xml:lang")
                seg = child.find("seg")
                if seg is None:
                    raise self._fail(child, f"<tuv xml:lang=\"{code}\"> without <seg>")
                inline_codes = inline_codes or len(seg) > 0
                variants.append((code, self._text(seg)))
                for name in TU_ATTRIBUTES:
                    if child.get(name) and name not in tuv_attributes:
                        tuv_attributes[name] = child.get(name)
        zh = _choose(variants, "zh", self.zh_lang)
        en = _choose(variants, "en", self.en_lang)
        for code, _ in variants:
            if primary_subtag(code) not in ("zh", "en"):
                self.stats.other_codes[code] += 1
        if zh is None or en is None:
            if zh is None:
                self.stats.missing_zh += 1
            else:
                self.stats.missing_en += 1
            return None
        self.stats.units += 1
        self.stats.zh_codes[zh[0]] += 1
        self.stats.en_codes[en[0]] += 1
        if inline_codes:
            self.stats.inline_codes += 1
            _add_prop(props, TEXT_CHANGED_PROP, INLINE_CODES_VALUE)
        # Dates and authors are tu attributes in TMX 1.4, but some tools put them on
        # the variants; the unit keeps whichever it has.
        attributes = {**tuv_attributes, **{n: tu.get(n) for n in TU_ATTRIBUTES if tu.get(n)}}
        return TranslationUnit(
            zh=zh[1],
            en=en[1],
            tuid=tu.get("tuid", ""),
            props=props,
            notes=tuple(notes),
            attributes=attributes,
        )


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
