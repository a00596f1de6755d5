"""What tmkit's TBX files look like: element names of the two TBX editions and value mappings.

Writer and reader share this module so that what one writes the other reads back.

* **TBX v3** (ISO 30042:2019), dialect TBX-Basic, DCA style: ``tbx``/``conceptEntry``/
  ``langSec``/``termSec`` in the ``urn:iso:std:iso:30042:ed-2`` namespace.
* **TBX 2008** (ISO 30042:2008, "martif"): ``martif``/``termEntry``/``langSet``/``tig``
  without a namespace, the edition OmegaT, translate-toolkit and older CAT tools read.

Both carry the same data categories, placed where TBX-Basic allows them
(``TBX-Basic_DCA.sch``): ``subjectField``, ``source`` and the ``modification``
transaction at concept level, ``definition`` in the English language section,
``administrativeStatus``/``termType``/``partOfSpeech`` as term notes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Edition", "TBX_V3", "TBX_2008", "EDITIONS", "STATUS_VALUES", "STATUS_FROM_VALUE",
           "PROPER_NOUN_NOTE", "REPLACED_NOTE_PREFIX", "XML_LANG", "TBX_NAMESPACE"]

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Source status → TBX ``administrativeStatus`` picklist value.
STATUS_VALUES = {status: f"{status}Term-admn-sts" for status in ("preferred", "admitted", "deprecated", "superseded")}
STATUS_FROM_VALUE = {value: status for status, value in STATUS_VALUES.items()}

#: TBX-Basic's ``partOfSpeech`` picklist has no ``properNoun``: such terms are written as
#: ``noun`` with this term-level note, which the reader turns back into ``properNoun``
#: and a translator's CAT tool shows as it is.
PROPER_NOUN_NOTE = "proper noun"
#: TBX-Basic has no data category for the date a superseded term was replaced: it is a
#: term-level note ``replaced YYYY-MM-DD``, readable as it is in a CAT tool and read back.
REPLACED_NOTE_PREFIX = "replaced "


@dataclass(frozen=True)
class Edition:
    """Element names of one TBX edition (``None`` namespace = no namespace)."""

    name: str
    namespace: str | None
    root: str
    header: str
    entry: str
    lang_section: str
    term_section: str

    def tag(self, local: str) -> str:
        """The qualified tag of ``local`` in this edition."""
        return f"{{{self.namespace}}}{local}" if self.namespace else local


TBX_V3 = Edition("TBX v3", TBX_NAMESPACE, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
TBX_2008 = Edition("TBX 2008", None, "martif", "martifHeader", "termEntry", "langSet", "tig")
EDITIONS = (TBX_V3, TBX_2008)
