"""Read a TBX file (v3 TBX-Basic, or TBX 2008 martif) into a :class:`Termbase`.

It reads what tmkit writes, losslessly, and the same data categories from TBX-Basic
files of other tools (terms, administrative status, term type, part of speech,
subject field, source, definition, note, modification date). Anything the model has
no place for is ignored; an entry tmkit cannot turn into a concept (no Chinese or no
English term) is refused with its line, so nothing is dropped unnoticed.

Parsing never resolves entities, loads a DTD or uses the network: a TBX file from
elsewhere can neither read local files nor exhaust memory.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from lxml import etree

from tmkit.errors import InputError
from tmkit.io.language_tags import primary_subtag
from tmkit.io.safe_xml import safe_parser
from tmkit.termbase.model import (
    LANGUAGES,
    PARTS_OF_SPEECH,
    TERM_TYPES,
    Concept,
    Term,
    Termbase,
)
from tmkit.termbase.tbx_format import (
    PROPER_NOUN_NOTE,
    REPLACED_NOTE_PREFIX,
    STATUS_FROM_VALUE,
    TBX_2008,
    TBX_V3,
    XML_LANG,
    Edition,
)

__all__ = ["read_tbx", "parse_tbx"]



def parse_tbx(path: Path) -> etree._ElementTree:
    """Parse ``path`` safely; a missing, empty or malformed file is an :class:`InputError`."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise InputError(f"{path}: empty file, not TBX")
    try:
        return etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}:{exc.lineno or 1}: not well-formed XML: {exc.msg}") from None


def read_tbx(path: Path) -> Termbase:
    """The concepts of a TBX file (either edition, detected from the root element)."""
    root = parse_tbx(path).getroot()
    edition = next((e for e in (TBX_V3, TBX_2008) if root.tag == e.tag(e.root)), None)
    if edition is None:
        raise InputError(f"{path}: not TBX (root element <{etree.QName(root).localname}>)")
    body = root.find(f"{edition.tag('text')}/{edition.tag('body')}")
    entries = [] if body is None else body.findall(edition.tag(edition.entry))
    return Termbase(tuple(_concept(entry, edition, path, index) for index, entry in enumerate(entries, 1)))


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _typed(parent: etree._Element, edition: Edition, local: str, kind: str) -> etree._Element | None:
    """The first ``<local type=kind>`` child of ``parent``, also inside a ``…Grp`` wrapper."""
    for element in parent.iter(edition.tag(local)):
        owner = element.getparent()
        if owner is parent or (owner.getparent() is parent and owner.tag.endswith("Grp")):
            if element.get("type") == kind:
                return element
    return None


def _concept(entry: etree._Element, edition: Edition, path: Path, index: int) -> Concept:
    where = f"{path}:{entry.sourceline}"
    concept_id = entry.get("id") or f"c{index}"
    terms: dict[str, list[Term]] = {lang: [] for lang in LANGUAGES}
    definition = None
    for section in entry.findall(edition.tag(edition.lang_section)):
        lang = _language(section.get(XML_LANG, ""))
        if lang is None:
            continue
        terms[lang].extend(_term(term_section, edition) for term_section in section.iter(edition.tag(edition.term_section)))
        if lang == "en":
            definition = _text(_typed(section, edition, "descrip", "definition")) or definition
    definition = definition or _text(_typed(entry, edition, "descrip", "definition"))
    missing = [lang for lang in LANGUAGES if not terms[lang]]
    if missing:
        raise InputError(f"{where}: entry {concept_id} has no {' or '.join(missing)} term")
    return Concept(
        id=concept_id,
        subject=_text(_typed(entry, edition, "descrip", "subjectField")) or "general",
        zh=tuple(terms["zh"]),
        en=tuple(terms["en"]),
        source=_text(_typed(entry, edition, "admin", "source")) or "",
        modified=_modified(entry, edition),
        definition=definition,
        note=_text(entry.find(edition.tag("note"))),
    )


def _language(code: str) -> str | None:
    primary = primary_subtag(code)
    return primary if primary in LANGUAGES else None


def _term(section: etree._Element, edition: Edition) -> Term:
    notes = {note.get("type"): _text(note) for note in section.iter(edition.tag("termNote"))}
    status = STATUS_FROM_VALUE.get(notes.get("administrativeStatus") or "", "admitted")
    term_type = notes.get("termType") if notes.get("termType") in TERM_TYPES else "fullForm"
    pos = notes.get("partOfSpeech") if notes.get("partOfSpeech") in PARTS_OF_SPEECH else "other"
    term_notes = [_text(note) or "" for note in section.findall(edition.tag("note"))]
    if pos == "noun" and PROPER_NOUN_NOTE in term_notes:
        pos = "properNoun"
    replaced = next((note[len(REPLACED_NOTE_PREFIX):] for note in term_notes
                     if note.startswith(REPLACED_NOTE_PREFIX) and status == "superseded"), None)
    return Term(text=_text(section.find(edition.tag("term"))) or "", status=status, type=term_type, pos=pos,
                replaced=replaced)


def _modified(entry: etree._Element, edition: Edition) -> date:
    """The latest modification (or origination) date of the entry; 1970-01-01 if none is given."""
    dates = []
    for group in entry.findall(edition.tag("transacGrp")):
        value = _text(group.find(edition.tag("date"))) or ""
        try:
            dates.append(date.fromisoformat(value[:10]))
        except ValueError:
            continue
    return max(dates, default=date(1970, 1, 1))
