"""Write translation units as a TMX 1.4b file, streaming.

A memory built from a large UN corpus can hold millions of units, so the writer
never holds more than one unit in memory: units come from any iterable (typically a
generator fed by the aligner) and each ``<tu>`` is serialised and released before the
next one is read (``lxml.etree.xmlfile``).

Two promises matter to users:

* The file is valid against the TMX 1.4b DTD and readable by CAT tools. Text that XML
  cannot carry (control characters, lone surrogates) is removed rather than crashing
  the run hours in, and the unit says so in an ``x-text-changed`` property.
* Writing to a path is atomic: the memory appears complete or not at all, so a failed
  or interrupted run never leaves a truncated ``.tmx`` that looks usable.
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import BinaryIO

from lxml import etree

from tmkit import __version__
from tmkit.io.atomic import atomic_output
from tmkit.io.xml_text import clean_xml_text

__all__ = [
    "TranslationUnit",
    "write_tmx",
    "clean_xml_text",
    "TEXT_CHANGED_PROP",
    "TU_ATTRIBUTES",
    "PropValue",
    "prop_values",
]

PathOrStream = str | os.PathLike[str] | BinaryIO
#: A property's value; a tuple is a property given several times (``x-document`` of a
#: unit found in several documents), the way TMX carries multi-valued fields.
PropValue = str | tuple[str, ...]

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TMX_DATE_FORMAT = "%Y%m%dT%H%M%SZ"
INDENT = "  "

#: Property added to a unit whose text lost characters XML 1.0 cannot represent.
TEXT_CHANGED_PROP = "x-text-changed"
TEXT_CHANGED_VALUE = "removed invalid XML characters"

#: ``<tu>`` attributes a unit may carry over from another tool's memory (dates and
#: authors: CAT tools rank and filter matches by them). ``tuid`` has its own field;
#: the others the DTD allows describe how *this* file was made and are not copied.
TU_ATTRIBUTES = (
    "creationdate",
    "creationid",
    "changedate",
    "changeid",
    "usagecount",
    "lastusagedate",
)

@dataclass(slots=True)
class TranslationUnit:
    """One Chinese/English segment pair, as it will appear in the memory.

    ``tuid`` should be stable and unique within the file (e.g. ``"A-RES-70-1:12"``) so
    that a reviewer's remarks can point back to a unit. ``props`` become
    ``<prop type=...>`` elements; TMX reserves no names, so use the ``x-`` prefix
    (``x-document``, ``x-link``, ``x-score``); a tuple value is written as one
    ``<prop>`` per item. ``notes`` become ``<note>`` elements (free text for the
    translator) and ``attributes`` the ``<tu>`` attributes in :data:`TU_ATTRIBUTES`.

    Not frozen: a frozen dataclass takes three times as long to create, and readers
    and writers create one per unit of memories with millions of them.
    """

    zh: str
    en: str
    tuid: str
    props: dict[str, PropValue] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)


def prop_values(props: Mapping[str, PropValue], prop_type: str) -> tuple[str, ...]:
    """Every value of one property, whether it was given once or several times."""
    value = props.get(prop_type)
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def tmx_date(moment: datetime) -> str:
    """``YYYYMMDDThhmmssZ`` in UTC, the only date form TMX allows.

    A naive datetime is taken to be UTC already: callers pinning the date for a
    reproducible build mean the literal value, not the machine's local time.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime(TMX_DATE_FORMAT)


def _segment_xml(text: str) -> tuple[str, bool]:
    """The segment as escaped XML text, and whether it changed beyond trimming outer whitespace.

    Most segments need nothing but the trim, and one search tells.
    """
    stripped = text.strip()
    if not _NEEDS_ESCAPING.search(stripped):
        return stripped, False
    cleaned = clean_xml_text(stripped)
    changed = cleaned != stripped
    if changed:
        cleaned = cleaned.strip()
    return escape_text(cleaned), changed


def escape_text(text: str) -> str:
    """Character data as XML needs it: ``&``, ``<`` and ``>`` as entities, CR kept as ``&#13;``.

    A parser turns a literal CR into LF; the reference keeps it, as lxml would.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;") if "\r" in text else text


def escape_attribute(value: str) -> str:
    """An attribute value in double quotes; tabs and line breaks as references (a parser would normalise them)."""
    value = escape_text(value).replace('"', "&quot;")
    if "\n" in value or "\t" in value:
        value = value.replace("\n", "&#10;").replace("\t", "&#9;")
    return value


def _add_props(parent: etree._Element, props: Mapping[str, PropValue]) -> None:
    """Append ``<prop>`` children in the mapping's order (stable, diffable output)."""
    for prop_type in props:
        for value in prop_values(props, prop_type):
            prop = etree.SubElement(parent, "prop", type=clean_xml_text(prop_type))
            prop.text = clean_xml_text(value)


def build_header(
    zh_lang: str, props: Mapping[str, PropValue], creation_date: datetime
) -> etree._Element:
    """The ``<header>``: every attribute the DTD requires, plus the memory's signature.

    ``props`` should record the options that produced the memory (aligner, version,
    thresholds), so the file itself says how to make it again.
    """
    header = etree.Element(
        "header",
        {
            "creationtool": "tmkit",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "tmkit",
            "adminlang": "en-US",
            "srclang": zh_lang,
            "datatype": "plaintext",
            "creationdate": tmx_date(creation_date),
        },
    )
    _add_props(header, props)
    return header


_PAD = "\n" + INDENT * 3
# Anything a segment needs more than copying for: markup characters, CR, and what
# XML 1.0 forbids. Most segments have none, and one search settles it.
_NEEDS_ESCAPING = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# An attribute value also needs its quote and the whitespace a parser would normalise.
_NEEDS_ESCAPING_ATTRIBUTE = re.compile("[&<>\"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@functools.lru_cache(maxsize=8192)
def _prop_xml(prop_type: str, value: str) -> str:
    """One ``<prop>`` line; cached, since a memory repeats its types and most values."""
    return f'{_PAD}<prop type="{escape_attribute(clean_xml_text(prop_type))}">{escape_text(clean_xml_text(value))}</prop>'


def _tuv_xml(lang: str, text: str) -> str:
    return f'{_PAD}<tuv xml:lang="{lang}">{_PAD}{INDENT}<seg>{text}</seg>{_PAD}</tuv>'


def _attribute_xml(value: str) -> str:
    """An attribute value as written: most (tuids, dates) need no change, and one search tells."""
    if _NEEDS_ESCAPING_ATTRIBUTE.search(value):
        return escape_attribute(clean_xml_text(value))
    return value


def format_tu(unit: TranslationUnit, zh_lang: str, en_lang: str) -> str:
    """One ``<tu>`` as indented XML text: notes, then props, then the zh and en variants.

    That order is the DTD's (``(note|prop)*, tuv+``) written the way every CAT tool
    writes it, so tools that read TMX with a fixed order accept it too. ``zh_lang``
    and ``en_lang`` must already be escaped for an attribute. Units are formatted
    as text rather than built as lxml elements: with a million units the element
    objects cost several times the rest of the write (``bench/tmx.py``); the
    escaping below is all XML asks here, and the tests check the result against the
    DTD and two independent readers.
    """
    zh, zh_changed = _segment_xml(unit.zh)
    en, en_changed = _segment_xml(unit.en)
    props = unit.props
    if zh_changed or en_changed:
        earlier = [v for v in prop_values(props, TEXT_CHANGED_PROP) if v != TEXT_CHANGED_VALUE]
        props = {**props, TEXT_CHANGED_PROP: "; ".join([*earlier, TEXT_CHANGED_VALUE])}
    parts = ["\n", INDENT * 2, "<tu"]
    if unit.tuid:
        parts.append(f' tuid="{_attribute_xml(unit.tuid)}"')
    if unit.attributes:
        for name in TU_ATTRIBUTES:
            if unit.attributes.get(name):
                parts.append(f' {name}="{_attribute_xml(unit.attributes[name])}"')
    parts.append(">")
    for note in unit.notes:
        parts += (_PAD, "<note>", escape_text(clean_xml_text(note)), "</note>")
    for prop_type, value in props.items():
        if isinstance(value, str):
            parts.append(_prop_xml(prop_type, value))
        else:
            parts += [_prop_xml(prop_type, item) for item in value]
    parts += (_tuv_xml(zh_lang, zh), _tuv_xml(en_lang, en), "\n", INDENT * 2, "</tu>")
    return "".join(parts)


def _write_document(
    stream: BinaryIO,
    units: Iterable[TranslationUnit],
    zh_lang: str,
    en_lang: str,
    header: etree._Element,
) -> int:
    """Serialise the whole document to ``stream``, one unit at a time, in 1 MB writes."""
    etree.indent(header, space=INDENT, level=1)
    head = etree.tostring(header, encoding="unicode")
    stream.write(XML_DECLARATION)  # lxml would write it with single quotes
    stream.write(f'{DOCTYPE}\n<tmx version="1.4">\n{INDENT}{head}\n{INDENT}<body>'.encode("utf-8"))
    zh_attr, en_attr = escape_attribute(zh_lang), escape_attribute(en_lang)
    count = 0
    chunk: list[str] = []
    size = 0
    for unit in units:
        text = format_tu(unit, zh_attr, en_attr)
        chunk.append(text)
        size += len(text)
        count += 1
        if size > 250_000:
            stream.write("".join(chunk).encode("utf-8"))
            chunk.clear()
            size = 0
    stream.write("".join(chunk).encode("utf-8"))
    stream.write((f"\n{INDENT}</body>\n</tmx>\n" if count else "</body>\n</tmx>\n").encode("utf-8"))
    return count


def write_tmx(
    units: Iterable[TranslationUnit],
    path_or_stream: PathOrStream,
    *,
    zh_lang: str = "zh-CN",
    en_lang: str = "en-US",
    header_props: Mapping[str, PropValue] | None = None,
    creation_date: datetime | None = None,
) -> int:
    """Write ``units`` as a TMX 1.4b memory and return how many were written.

    ``path_or_stream`` is a path (written atomically) or a binary stream such as
    ``sys.stdout.buffer`` (written in place and flushed, not closed; a failure leaves
    whatever was already written). Chinese is the source language: ``zh_lang`` is the
    header's ``srclang`` and every Chinese ``xml:lang``, spelled the same way. Pass
    ``creation_date`` to make the output byte-for-byte reproducible.
    """
    if zh_lang == en_lang:
        raise ValueError(f"zh_lang and en_lang must differ, both are {zh_lang!r}")
    header = build_header(
        zh_lang, header_props or {}, creation_date or datetime.now(timezone.utc)
    )
    if isinstance(path_or_stream, (str, os.PathLike)):
        with atomic_output(path_or_stream) as stream:
            return _write_document(stream, units, zh_lang, en_lang, header)
    if isinstance(path_or_stream, io.TextIOBase):
        raise TypeError("write_tmx needs a binary stream, e.g. sys.stdout.buffer")
    count = _write_document(path_or_stream, units, zh_lang, en_lang, header)
    path_or_stream.flush()
    return count
