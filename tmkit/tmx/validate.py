"""Check a TMX file against the TMX 1.4b DTD and against what tmkit promises of a memory.

The DTD says what any CAT tool may rely on; tmkit's rules add what makes a memory
import without a dialog and be trusted by a translator: language codes spelled the
same in the header and every variant, Chinese as the source language, a unique
``tuid`` per unit, both languages in every unit, no stray whitespace around segments,
``x-`` properties with sensible values, UTC dates. Each problem is reported with its
line and unit so it can be found in the file, as an *error* (the DTD is broken, or a
unit cannot serve as a zh→en unit) or a *warning* (CAT tools accept it, but tmkit
would not write it: other tools' memories carry such conventions on every unit).

Validation streams like the reader: each ``<tu>`` is checked against the DTD on its
own and then freed, and the skeleton (``<tmx>``, ``<header>``, ``<body>``) is checked
at the end, so a file of millions of units validates in flat memory (apart from one
small hash per ``tuid``, to find duplicates). The DTD is tmkit's own copy of the
TMX 1.4b declarations (``tmkit/data/tmx14.dtd``); the one a file names in its
DOCTYPE is never loaded, nor is any entity expanded.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from tmkit.io.language_tags import primary_subtag
from tmkit.io.progress_bar import ReadProgress
from tmkit.io.safe_xml import SAFE_XML
from tmkit.tmx.reader import XML_LANG

__all__ = ["Problem", "validate_tmx", "tmx_dtd", "DTD_PATH", "ERROR", "WARNING"]

DTD_PATH = Path(str(resources.files("tmkit") / "data" / "tmx14.dtd"))
TMX_DATE = re.compile(r"\d{8}T\d{6}Z")
LINK = re.compile(r"[1-9]\d*-[1-9]\d*")
DATE_ATTRIBUTES = ("creationdate", "changedate", "lastusagedate")
#: Trados (Cloud) skips units whose source or target segment is longer than this.
LONGEST_SEGMENT = 2000
REQUIRED_HEADER = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")
# lxml validates a subtree inside a fake document that declares the xml: prefix.
_FAKE_DOCUMENT_NOISE = "No declaration for attribute xmlns:xml"


ERROR = "error"
#: What breaks no CAT tool's import but departs from what tmkit writes or TMX
#: recommends (an English source language, props without ``x-``, stray spaces):
#: other tools' memories have such things on every unit.
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, where it is, in which unit, and how bad."""

    line: int
    message: str
    tuid: str | None = None
    severity: str = ERROR

    def format(self, path: str | os.PathLike[str]) -> str:
        """``FILE:LINE: [tu TUID:] error|warning: message``: one line, as compilers report."""
        where = f"tu {self.tuid}: " if self.tuid else ""
        return f"{path}:{self.line}: {where}{self.severity}: {self.message}"


def tmx_dtd(path: str | os.PathLike[str] | None = None) -> etree.DTD:
    """The TMX 1.4b DTD: tmkit's copy, or the one at ``path``."""
    return etree.DTD(str(path or DTD_PATH))


class _Validator:
    def __init__(self, dtd: etree.DTD, zh_lang: str | None, en_lang: str | None):
        self.dtd = dtd
        self.zh_lang = zh_lang
        self.en_lang = en_lang
        self.tuids: set[bytes] = set()

    def dtd_problems(self, element: etree._Element, tuid: str | None = None) -> Iterator[Problem]:
        if self.dtd.validate(element):
            return
        for error in self.dtd.error_log.filter_from_errors():
            if not error.message.startswith(_FAKE_DOCUMENT_NOISE):
                yield Problem(error.line, f"DTD: {error.message}", tuid)

    def header(self, header: etree._Element) -> Iterator[Problem]:
        yield from self.dtd_problems(header)
        line = header.sourceline or 0
        date = header.get("creationdate")
        if date is not None and not TMX_DATE.fullmatch(date):
            yield Problem(line, f'creationdate "{date}" is not YYYYMMDDThhmmssZ (UTC)')
        srclang = header.get("srclang", "")
        if srclang and primary_subtag(srclang) != "zh":
            yield Problem(line, f'srclang "{srclang}" is not Chinese (tmkit memories are zh→en)', severity=WARNING)
        elif srclang and self.zh_lang is None:
            self.zh_lang = srclang
        if header.get("segtype") not in (None, "sentence"):
            yield Problem(line, f'segtype "{header.get("segtype")}" (tmkit writes sentence)', severity=WARNING)

    def tu(self, tu: etree._Element) -> Iterator[Problem]:
        tuid = tu.get("tuid")
        yield from self.dtd_problems(tu, tuid)
        line = tu.sourceline or 0
        if not tuid:
            yield Problem(line, "<tu> without tuid", severity=WARNING)
        else:
            digest = hashlib.blake2b(tuid.encode("utf-8"), digest_size=8).digest()
            if digest in self.tuids:
                yield Problem(line, "tuid used before", tuid)
            self.tuids.add(digest)
        for name in DATE_ATTRIBUTES:
            value = tu.get(name)
            if value is not None and not TMX_DATE.fullmatch(value):
                yield Problem(line, f'{name} "{value}" is not YYYYMMDDThhmmssZ (UTC)', tuid)
        yield from self._children(tu, tuid)
        yield from self._variants(tu, tuid)

    def _children(self, tu: etree._Element, tuid: str | None) -> Iterator[Problem]:
        seen_prop = False
        for child in tu:
            if child.tag == "prop":
                seen_prop = True
                yield from self._prop(child, tuid)
            elif child.tag == "note" and seen_prop:
                yield Problem(child.sourceline or 0, "<note> after <prop> (write notes, then props, then variants)", tuid,
                              WARNING)

    def _prop(self, prop: etree._Element, tuid: str | None) -> Iterator[Problem]:
        line = prop.sourceline or 0
        prop_type = prop.get("type", "")
        value = prop.text or ""
        if not prop_type.startswith("x-"):
            yield Problem(line, f'prop type "{prop_type}" lacks the x- prefix CAT tools filter on', tuid, WARNING)
        elif prop_type == "x-score":
            try:
                score = float(value)
            except ValueError:
                score = None
            if score is None or not 0.0 <= score <= 1.0:
                yield Problem(line, f'x-score "{value}" is not a number in [0, 1]', tuid)
        elif prop_type == "x-link" and not LINK.fullmatch(value):
            yield Problem(line, f'x-link "{value}" is not N-M with both sides non-empty', tuid)
        elif prop_type == "x-document" and not value.strip():
            yield Problem(line, "empty x-document", tuid)

    def _variants(self, tu: etree._Element, tuid: str | None) -> Iterator[Problem]:
        languages: dict[str, int] = {}
        for tuv in tu.iter("tuv"):
            line = tuv.sourceline or 0
            code = tuv.get(XML_LANG) or tuv.get("lang") or ""
            language = primary_subtag(code)
            languages[language] = languages.get(language, 0) + 1
            expected = {"zh": "zh_lang", "en": "en_lang"}.get(language)
            if expected is None:
                yield Problem(line, f'variant in "{code}", neither Chinese nor English', tuid, WARNING)
                continue
            wanted = getattr(self, expected)
            if wanted is None:
                setattr(self, expected, code)
            elif code != wanted:
                yield Problem(line, f'language "{code}" spelled differently from "{wanted}" elsewhere in the file', tuid,
                              WARNING)
            seg = tuv.find("seg")
            if seg is None:
                continue
            text = "".join(seg.itertext())
            if not text.strip():
                yield Problem(line, f"empty {code} segment", tuid)
            elif text != text.strip():
                yield Problem(line, f"{code} segment has leading or trailing whitespace", tuid, WARNING)
            if len(text) > LONGEST_SEGMENT:
                yield Problem(line, f"{code} segment longer than {LONGEST_SEGMENT:,} characters (Trados does not "
                              "import it)", tuid, WARNING)
        for language in ("zh", "en"):
            count = languages.get(language, 0)
            if count != 1:
                what = "no" if count == 0 else f"{count}"
                yield Problem(tu.sourceline or 0, f"{what} {language} variant(s); a zh→en unit needs exactly one", tuid)


def validate_tmx(
    path: str | os.PathLike[str],
    *,
    zh_lang: str | None = None,
    en_lang: str | None = None,
    dtd: etree.DTD | None = None,
    progress: bool = False,
) -> Iterator[Problem]:
    """Every problem of ``path``, in file order; none means the memory is valid.

    ``zh_lang``/``en_lang`` are the codes every variant must use; by default the
    header's ``srclang`` and the first English code in the file. A file that is
    not well-formed XML yields one problem and ends the check. ``progress`` shows a
    bar on a terminal for a big file.
    """
    checker = _Validator(dtd or tmx_dtd(), zh_lang, en_lang)
    try:
        with open(path, "rb") as handle, closing(ReadProgress(Path(path), handle, progress)) as bar:
            root = None
            events = etree.iterparse(handle, events=("start", "end"), **SAFE_XML)
            for event, element in events:
                if root is None:
                    root = element
                    if element.tag != "tmx":
                        yield Problem(element.sourceline or 1, f"root element <{element.tag}>, not <tmx>")
                        return
                    continue
                if event == "start":
                    continue
                if isinstance(element, etree._Entity) or any(isinstance(n, etree._Entity) for n in element):
                    yield Problem(element.sourceline or 0, "entity reference (only the five XML entities are allowed)")
                if element.tag == "header":
                    yield from checker.header(element)
                elif element.tag == "tu":
                    bar.tick()
                    yield from checker.tu(element)
                    element.clear(keep_tail=False)
                    body = element.getparent()
                    while element.getprevious() is not None:
                        del body[0]
            if root is not None:
                for body in root.iter("body"):
                    del body[:]
                yield from checker.dtd_problems(root)
    except OSError as exc:
        yield Problem(0, f"cannot read: {exc.strerror}")
    except etree.XMLSyntaxError as exc:
        yield Problem(exc.lineno or 1, f"not well-formed XML: {exc.msg}")
