"""Write a termbase as TBX: v3 TBX-Basic DCA (default) or TBX 2008 (martif).

The output is reproducible: no build time in the header, concepts in termbase order,
so rebuilding an unchanged termbase gives the same bytes and a diff of two builds shows
only real changes.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from tmkit import __version__
from tmkit.io.xml_text import clean_xml_text
from tmkit.termbase.model import LANGUAGES, Concept, Term, Termbase
from tmkit.termbase.tbx_format import (
    PROPER_NOUN_NOTE,
    REPLACED_NOTE_PREFIX,
    STATUS_VALUES,
    TBX_2008,
    TBX_V3,
    XML_LANG,
    Edition,
)

__all__ = ["write_tbx", "tbx_bytes"]

TITLE = "United Nations Chinese-English terminology"
#: Schema association of TBX v3 files, as in the TBX-Basic examples: the core structure
#: (RelaxNG) and the dialect's rules (Schematron).
V3_PROCESSING_INSTRUCTIONS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" '
    'type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)
#: TBX 2008 files name the TBX-Basic DTD and XCS, as TBX-Basic 2008 exports do.
V2_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'


def write_tbx(termbase: Termbase, stream: BinaryIO, edition: Edition = TBX_V3) -> None:
    """Serialise ``termbase`` to ``stream`` in the given TBX edition."""
    stream.write(tbx_bytes(termbase, edition))


def tbx_bytes(termbase: Termbase, edition: Edition = TBX_V3) -> bytes:
    """The complete TBX document as UTF-8 bytes."""
    root = _root(termbase, edition)
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="unicode")
    prolog = V3_PROCESSING_INSTRUCTIONS if edition is TBX_V3 else V2_DOCTYPE
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog + body + "\n").encode("utf-8")


def _root(termbase: Termbase, edition: Edition) -> etree._Element:
    nsmap = {None: edition.namespace} if edition.namespace else None
    root = etree.Element(edition.tag(edition.root), nsmap=nsmap)
    root.set("type", "TBX-Basic")
    if edition is TBX_V3:
        root.set("style", "dca")
    root.set(XML_LANG, "en")
    root.append(_header(termbase, edition))
    text = _sub(root, edition, "text")
    body = _sub(text, edition, "body")
    for concept in termbase.concepts:
        body.append(_entry(concept, edition))
    return root


def _sub(parent: etree._Element, edition: Edition, local: str, text: str | None = None,
         **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, edition.tag(local), attributes)
    if text is not None:
        element.text = clean_xml_text(text)
    return element


def _header(termbase: Termbase, edition: Edition) -> etree._Element:
    header = etree.Element(edition.tag(edition.header))
    file_desc = _sub(header, edition, "fileDesc")
    _sub(_sub(file_desc, edition, "titleStmt"), edition, "title", TITLE)
    subjects = ", ".join(termbase.subjects)
    _sub(_sub(file_desc, edition, "sourceDesc"), edition, "p",
         f"Built by tmkit {__version__} from its curated termbase: {len(termbase)} concepts "
         f"in the subject fields {subjects}. Sources of each concept are given in its source field.")
    if edition is TBX_2008:
        _sub(_sub(header, edition, "encodingDesc"), edition, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    return header


def _entry(concept: Concept, edition: Edition) -> etree._Element:
    entry = etree.Element(edition.tag(edition.entry), id=concept.id)
    _sub(entry, edition, "descrip", concept.subject, type="subjectField")
    _sub(entry, edition, "admin", concept.source, type="source")
    transaction = _sub(entry, edition, "transacGrp")
    _sub(transaction, edition, "transac", "modification", type="transactionType")
    _sub(transaction, edition, "date", concept.modified.isoformat())
    if concept.note:
        _sub(entry, edition, "note", concept.note)
    for lang in LANGUAGES:
        section = _sub(entry, edition, edition.lang_section)
        section.set(XML_LANG, lang)
        if lang == "en" and concept.definition:
            _sub(section, edition, "descrip", concept.definition, type="definition")
        for term in concept.terms(lang):
            section.append(_term(term, edition))
    return entry


def _term(term: Term, edition: Edition) -> etree._Element:
    section = etree.Element(edition.tag(edition.term_section))
    _sub(section, edition, "term", term.text)
    _sub(section, edition, "termNote", STATUS_VALUES[term.status], type="administrativeStatus")
    _sub(section, edition, "termNote", term.type, type="termType")
    _sub(section, edition, "termNote", "noun" if term.pos == "properNoun" else term.pos, type="partOfSpeech")
    if term.pos == "properNoun":
        _sub(section, edition, "note", PROPER_NOUN_NOTE)
    if term.replaced:
        _sub(section, edition, "note", REPLACED_NOTE_PREFIX + term.replaced)
    return section
