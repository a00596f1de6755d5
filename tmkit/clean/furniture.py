"""Page furniture of UN documents: what a PDF repeats on every page and a TM must not hold.

Running headers and footers (the document symbol alone on a line, the job number such
as ``18-03413 (C)`` with the page number glued to it, page counters such as ``2/6``),
and hyperlink targets that PDF extraction drops into the text (``https://undocs.org/...``).
"""

from __future__ import annotations

import re

# A UN document symbol: series letters, then slash-separated parts ("A/62/627",
# "S/2018/184", "A/70/95–S/2015/446", "S/PRST/2001/3", "A/C.5/60/26", "E/CN.6/2019/1").
SYMBOL = r"(?:[A-Z]{1,6}(?:\.\d+)?/)(?:[A-Za-z0-9.()\-]+/)*[A-Za-z0-9.()\-]+"
_SYMBOL_LINE = re.compile(rf"^{SYMBOL}(?:\s*[–—-]\s*{SYMBOL})?$")
# Job number "07-66270 (C)", Geneva "GE.18-01234 (E)", with page numbers glued either side.
_JOB_LINE = re.compile(r"^(?:\d{1,3}\s*)?(?:GE\.)?\d{2}-\d{5}\s*\([A-Z]{1,2}\)\s*(?:\d{1,3}(?:\s*/\s*\d{1,3})?)?$")
_BARCODE = re.compile(r"^\*\d{7,9}\*$")
_PAGE_COUNTER = re.compile(r"^(?:\d{1,3}\s*/\s*\d{1,3}|-\s*\d{1,3}\s*-|Page \d{1,3}(?: of \d{1,3})?|第\s*\d{1,3}\s*页)$")
_UN_LINK = re.compile(r"^https?://(?:undocs\.org|documents\.un\.org|daccess-ods\.un\.org)/\S*$")
_URL_LINE = re.compile(r"^https?://\S+$")
SEPARATOR = re.compile(r"^[_\u2014\u2015\u2500-]{8,}$")


def is_furniture(line: str) -> bool:
    """Whether a stripped line is a running header/footer or a PDF link target."""
    return bool(
        _SYMBOL_LINE.match(line)
        or _JOB_LINE.match(line)
        or _BARCODE.match(line)
        or _PAGE_COUNTER.match(line)
        or _UN_LINK.match(line)
    )


def is_url_line(line: str) -> bool:
    return bool(_URL_LINE.match(line))
