"""Turning the bytes of a text file into text, whatever encoding a translator's file is in.

UN text files come as UTF-8 (with or without BOM), UTF-16 (Windows "Unicode" from
Word) and GB18030/GBK (older Chinese systems). Declared encodings (BOMs) win; then
strict UTF-8, which almost never decodes non-UTF-8 text by accident; then GB18030 when
it reads as plain Chinese; then charset-normalizer's detection. Binary and empty files are refused with one line.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from tmkit.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls but tab, LF, FF, CR


def _control_share(text: str) -> float:
    """Share of characters that never occur in real text (C0 controls but tab/CR/LF/FF)."""
    sample = text[:200_000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))  # in C: a Python loop took 20 ms a file


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by NULs: Latin text has one every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _guess_chinese_utf16(data: bytes) -> str | None:
    """UTF-16 Chinese without a BOM, which has no NULs to give it away.

    Only asked once strict UTF-8 has failed (ASCII pairs read as UTF-16 land in the Han
    block too): such bytes that decode to mostly Han characters are UTF-16, while GBK
    bytes read as UTF-16 land in Hangul, private-use and other blocks.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:20_000].decode(encoding)
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") > 0.5 * len(sample):
            return encoding
    return None


def _guess_gb18030(data: bytes) -> str | None:
    """GB18030/GBK, the legacy encoding of Chinese files, when its reading is plain Chinese.

    Asked before the statistical detector, which on a short GBK file (one TSV row) as
    often answers cp949 or Big5 and turns Chinese into Korean, and before UTF-16 without
    NULs, as which a short GBK line also decodes to Han characters: GBK bytes that decode to
    text whose non-ASCII characters are nearly all common Han characters and Chinese
    punctuation are GBK.
    """
    if b"\x00" in data[:200_000]:
        return None  # UTF-16 or binary
    try:
        sample = data[:200_000].decode("gb18030")
    except UnicodeDecodeError:
        if len(data) <= 200_000:
            return None
        sample = data[:200_000].decode("gb18030", errors="ignore")  # cut inside a character
    wide = [ch for ch in sample if ord(ch) > 127]
    if not wide:
        return None
    chinese = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                  or "\uff00" <= ch <= "\uffef" or ch in "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7")
    return "gb18030" if chinese >= 0.95 * len(wide) else None


def decode_text(data: bytes, name: str) -> str:
    """Decode the bytes of a text file; raise :class:`InputError` for binary or empty data."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = _guess_utf16(data)
    if encoding is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        else:
            encoding = "utf-8"
    if encoding is None:
        encoding = _guess_gb18030(data)
    if encoding is None:
        encoding = _guess_chinese_utf16(data)
    if encoding is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        if best is None or b"\x00" in data:
            raise InputError(f"{name}: not a text file (binary data or unknown encoding)")
        encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{name}: cannot decode the file as {encoding}") from None
    text = text.lstrip("\ufeff")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{name}: not a text file (binary data or unknown encoding)")
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text


def read_file_bytes(path: Path) -> bytes:
    """The bytes of ``path``, with the errors a user understands."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def read_text_file(path: Path) -> str:
    """Read and decode a text file in whatever encoding it is."""
    return decode_text(read_file_bytes(path), str(path))
