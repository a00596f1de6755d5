"""Cut the ``<body>`` of a TMX file into runs of whole ``<tu>`` elements.

Why: libxml2 parses a few megabytes of units handed to it as one small document
faster than it streams them through ``iterparse`` (no event per element, no
bookkeeping to free what was read), and a run of units is a unit of work that can
go to another process. Each run of a well-formed TMX body is a complete document
once wrapped in ``<body>…</body>``, parsed with the same safe parser; a run that is
not (a broken file, or units nested in some other element) sends the reader back to
streaming the whole file, which reports the error with its line.

A ``</tu>`` is only cut at where it really ends a unit: text cannot contain a
literal ``<`` and attribute values cannot either, so the only places where the
characters ``</tu>`` can stand without ending a unit are comments, CDATA sections
and processing instructions. Runs that contain any of those are scanned construct
by construct; all others are cut at the last ``</tu>`` with one search.

This only works for files whose body can be read without their prolog: UTF-8 (or
ASCII), no internal DTD subset (which could declare entities used in the body) and
no namespace declarations on the root. :func:`find_body` finds where the body starts
(or gives up: UTF-16, no ``<body>`` start tag in the first megabyte); the reader then
parses the prolog to check the rest, and streams any other file with ``iterparse``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["BodyStart", "Fragment", "find_body", "body_fragments", "last_unit_end", "BLOCK_SIZE"]

#: Bytes read at a time; also about the size of each run of units.
BLOCK_SIZE = 1 << 20
#: How far into the file the ``<body>`` start tag is looked for (headers are small).
PROLOG_LIMIT = 1 << 20

_BODY_START = re.compile(rb"<body(?:[ \t\r\n][^>]*)?>")
_UNIT_END = re.compile(rb"</tu[ \t\r\n]*>")
# Left to right, a comment, CDATA section or processing instruction swallows
# everything up to its end (or the end of the data, when it is not closed yet), so
# a </tu> matched by the last alternative is one that really ends a unit.
_CONSTRUCT_OR_UNIT_END = re.compile(
    rb"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<\?.*?(?:\?>|\Z)|(</tu[ \t\r\n]*>)", re.DOTALL
)
_MARKUP_DECLARATION = re.compile(rb"<[!?]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class BodyStart:
    """The file up to its ``<body>`` start tag, and what was read past it."""

    prolog: bytes  #: from the start of the file to the end of the ``<body>`` start tag
    rest: bytes  #: bytes already read after the start tag
    line: int  #: line of the file on which ``rest`` begins


@dataclass(frozen=True)
class Fragment:
    """Whole ``<tu>`` elements (and what lies between them) from a file's body."""

    data: bytes
    line: int  #: line of the file on which ``data`` begins
    last: bool = False  #: the end of the body: the rest of the file, closing tags included


def find_body(handle: BinaryIO) -> BodyStart | None:
    """The prolog of a file whose body can be cut into runs, or None to stream it whole.

    ``handle`` is read from its start; a None answer leaves its position undefined.
    What the prolog declares (encoding, DTD subset, namespaces) is for the caller to
    check by parsing ``prolog``; this only finds where the body starts.
    """
    data = handle.read(PROLOG_LIMIT)
    if data.startswith(_UTF16_BOMS):
        return None
    match = _BODY_START.search(data)
    if match is None:
        return None
    prolog = data[: match.end()]
    return BodyStart(prolog, data[match.end():], 1 + prolog.count(b"\n"))


def last_unit_end(data: bytes) -> int:
    """Offset just past the last ``</tu>`` of ``data`` that ends a unit, or -1.

    ``data`` must begin outside any markup (at the start of the body or right after
    a unit), which is where every run begins.
    """
    if _MARKUP_DECLARATION.search(data):  # in a body, "<!" starts a comment or CDATA
        end = -1
        for match in _CONSTRUCT_OR_UNIT_END.finditer(data):
            if match.group(1) is not None:
                end = match.end()
        return end
    position = data.rfind(b"</tu")
    while position >= 0:  # skip the </tuv> of a unit cut in half
        match = _UNIT_END.match(data, position)
        if match:
            return match.end()
        position = data.rfind(b"</tu", 0, position)
    return -1


def body_fragments(handle: BinaryIO, start: BodyStart, block_size: int | None = None) -> Iterator[Fragment]:
    """Runs of whole units from ``handle`` (positioned after ``start``), then the end of the file.

    Each run is about ``block_size`` bytes (more when one unit is larger); the last
    fragment (``last=True``) is everything after the final unit: ``</body></tmx>``
    in a well-formed file, whatever else in a broken one.
    """
    block_size = block_size or BLOCK_SIZE
    pending = start.rest
    line = start.line
    while True:
        block = handle.read(block_size)
        data = pending + block if pending else block
        end = last_unit_end(data)
        if end >= 0 and block:
            fragment = data[:end]
            yield Fragment(fragment, line)
            line += fragment.count(b"\n")
            pending = data[end:]
        elif not block:
            if end >= 0:
                yield Fragment(data[:end], line)
                line += data.count(b"\n", 0, end)
                data = data[end:]
            yield Fragment(data, line, last=True)
            return
        else:
            pending = data
