"""Read a document file into the document model, whatever its format.

Dispatch only: the file's extension picks a reader. Plain text and PDF give
line-wrapped text with page furniture, which the cleaner turns into blocks; Word and
HTML give structure directly. Every format then gets the same language check, so a
swapped Chinese/English pair fails early whatever the files are.
"""

from __future__ import annotations

from pathlib import Path

from tmkit.clean import clean_extracted_text
from tmkit.document import Block, Document
from tmkit.errors import InputError
from tmkit.io.decode import read_text_file
from tmkit.langid import check_language

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
DOCX_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED = ".txt, .docx, .html/.htm/.xhtml and .pdf"
# Formats people try, and what to do instead.
_ADVICE = {
    ".doc": "save it as .docx",
    ".rtf": "save it as .docx",
    ".odt": "save it as .docx",
    ".wpd": "save it as .docx",
    ".mht": "save it as .html",
    ".mhtml": "save it as .html",
}


def read_document(path: Path, lang: str) -> Document:
    """Read ``path`` as a ``lang`` document; raise :class:`InputError` on bad input."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        blocks = _from_extracted_text(read_text_file(path), path, lang)
    elif suffix in PDF_SUFFIXES:
        from tmkit.io.pdf_reader import extract_pdf_text

        blocks = _from_extracted_text(extract_pdf_text(path), path, lang)
    elif suffix in DOCX_SUFFIXES:
        from tmkit.io.docx_reader import docx_blocks

        blocks = _checked(docx_blocks(path), path, lang)
    elif suffix in HTML_SUFFIXES:
        from tmkit.io.html_reader import html_blocks

        blocks = _checked(html_blocks(path), path, lang)
    else:
        raise InputError(unsupported_message(path))
    if not blocks:
        raise InputError(f"{path}: no text left after removing page headers, footers and page numbers")
    return Document(lang=lang, blocks=blocks, source=str(path))


def unsupported_message(path: Path) -> str:
    """One line saying what tmkit reads, and how to get there from this file."""
    suffix = path.suffix.lower()
    advice = _ADVICE.get(suffix)
    message = f"{path}: cannot read {suffix} files; tmkit reads {SUPPORTED}"
    return f"{message} ({advice})" if advice else message


def _from_extracted_text(text: str, path: Path, lang: str) -> list[Block]:
    """Line-wrapped text (a text file, a PDF's text layer) into clean blocks."""
    check_language(text, lang, str(path))
    return clean_extracted_text(text, lang)


def _checked(blocks: list[Block], path: Path, lang: str) -> list[Block]:
    """Blocks a structured reader made, after the same checks a text file gets."""
    if not blocks:
        raise InputError(f"{path}: the document has no text")
    check_language("\n".join(block.text for block in blocks), lang, str(path))
    return blocks


def read_lines(path: Path, lang: str) -> list[str]:
    """Read a pre-segmented file: one sentence a line, blank lines ignored."""
    text = read_text_file(path)
    check_language(text, lang, str(path))
    return [line.strip() for line in text.splitlines() if line.strip()]
