"""The text layer of a PDF, line by line and page by page.

Most UN documents a translator has are the official PDFs. This module only gets the
text out, with pdfminer.six's layout analysis (which puts characters into lines and
lines into text boxes in reading order); it leaves the page furniture (running
headers, footers, page numbers, footnotes at the foot of the page) in place, because
recognising it is the cleaner's job (:mod:`tmkit.clean`) and needs the page breaks,
which are kept as form feeds. pdfminer.six is MIT-licensed (no AGPL PyMuPDF).

What cannot be read is said in one line: an encrypted PDF, a scanned one (images,
no text layer), or a file that is not a PDF at all.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTContainer, LTPage, LTText, LTTextBox
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import PDFException
from pdfminer.psparser import PSException

from tmkit.errors import InputError
from tmkit.io.decode import read_file_bytes

# PDFException and PSException come from the modules where old and new pdfminer.six
# releases both have them.

# pdfminer logs a warning for every harmless oddity of real-world PDFs; users only need
# our one-line errors.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CID = re.compile(r"\(cid:\d+\)")
# all_texts: also analyse text inside form XObjects (figures), where some PDF makers put
# whole pages; otherwise their characters come out as one run-on line.
LAYOUT = LAParams(all_texts=True)


def extract_pdf_text(path: Path) -> str:
    """The PDF's text, its lines as laid out, pages separated by ``"\\f"``.

    Raises :class:`InputError` for a file that is not a PDF, is damaged, is encrypted
    with a password, or has no text layer.
    """
    data = read_file_bytes(path)
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{path}: not a PDF file")
    try:
        pages = [page_text(page) for page in extract_pages(io.BytesIO(data), laparams=LAYOUT)]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{path}: the PDF is encrypted") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, IndexError, AssertionError,
            AttributeError, ZeroDivisionError, RecursionError) as exc:
        # pdfminer reports damage in many shapes; none of them is a tmkit bug.
        raise InputError(f"{path}: cannot read the PDF, it may be damaged ({type(exc).__name__})") from None
    text = "\f".join(pages)
    if not text.strip():
        raise InputError(f"{path}: the PDF has no text layer (scanned?); run OCR first")
    if not _CID.sub("", text).strip():
        raise InputError(f"{path}: the PDF's fonts have no Unicode mapping, so its text cannot be "
                         "extracted; run OCR first")
    return text


def page_text(page: LTPage) -> str:
    """One page's text: text boxes in pdfminer's reading order, a blank line after each box.

    This is the shape ``pdfminer.high_level.extract_text`` gives (and the seeds in
    ``../shared`` have): wrapped lines kept, boxes apart. The page ends with one newline.
    """
    parts: list[str] = []

    def render(item: object) -> None:
        if isinstance(item, LTContainer):
            for child in item:
                render(child)
        elif isinstance(item, LTText):
            parts.append(item.get_text())
        if isinstance(item, LTTextBox):
            parts.append("\n")

    render(page)
    text = "".join(parts).rstrip()
    return text + "\n" if text else ""
