"""Text that XML 1.0 can carry: the one place that knows which characters it forbids.

Both the TMX writer and the TBX writer put text from PDF and Word extractions into
XML, so the rule lives here, below both of them, rather than in either.
"""

from __future__ import annotations

import re

__all__ = ["clean_xml_text"]

# Everything outside the XML 1.0 Char production: C0 controls except tab, LF and CR,
# surrogates (only lone ones can occur in a Python str), and U+FFFE/U+FFFF.
_INVALID_XML_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_xml_text(text: str) -> str:
    """Remove the characters XML 1.0 forbids, so one bad character cannot sink a file.

    PDF and Word extractions do contain stray control characters (form feeds, NULs,
    U+FFFF); they carry no meaning in a translation memory.
    """
    return _INVALID_XML_CHARS.sub("", text)
