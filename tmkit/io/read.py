"""Read a document file into the document model, whatever its format."""

from __future__ import annotations

from pathlib import Path

from tmkit.document import Document
from tmkit.errors import InputError
from tmkit.io.decode import read_text_file
from tmkit.langid import check_language
from tmkit.segment.plaintext import blocks_from_text

TEXT_SUFFIXES = {".txt", ".text", ""}


def read_document(path: Path, lang: str) -> Document:
    """Read ``path`` as a ``lang`` document; raise :class:`InputError` on bad input."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(f"{path}: unsupported file type {suffix!r} (expected a .txt file)")
    text = read_text_file(path)
    check_language(text, lang, str(path))
    return Document(lang=lang, blocks=blocks_from_text(text), source=str(path))


def read_lines(path: Path, lang: str) -> list[str]:
    """Read a pre-segmented file: one sentence a line, blank lines ignored."""
    text = read_text_file(path)
    check_language(text, lang, str(path))
    return [line.strip() for line in text.splitlines() if line.strip()]
