"""Will this alignment fit in memory? Asked before the work, answered with figures.

The aligner holds both texts' sentences and its tables for all of them at once: a
pair too large for the machine is killed by the kernel after minutes of work, with no
output and no message. tmkit estimates the need and refuses such a pair at once,
naming the figures: first from the files' sizes (before reading them: a lower bound,
with generous bytes per sentence), then from the sentence counts (after segmenting,
before aligning).

The estimate is measured, not guessed: ``tmkit align --presegmented`` (sentence
embeddings on, the default and the larger) on the Bible (6,301 + 5,000 sentences) and the
same text two and four times over peaked at 306, 358 and 506 MB, about 6 KB per sentence
(both sides counted; 4.6 KB from once to twice, 6.5 KB from twice to four times) over some
240 MB for Python, dictionary, termbase and encoder; the estimate rounds both up.
``--no-semantic`` needs less (159, 185 and 245 MB: 2.6 KB per sentence). The
memory available is the kernel's ``MemAvailable``, or less where a cgroup (a container, a
batch scheduler's job) sets a lower limit;
``TMKIT_MEMORY_LIMIT`` (``8G``, ``500MB``, bytes) overrides it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tmkit.errors import InputError

__all__ = ["BYTES_PER_SENTENCE", "BASE_BYTES", "available_memory", "alignment_bytes", "check_file_sizes",
           "check_sentences"]

BYTES_PER_SENTENCE = 7_000
BASE_BYTES = 250 * 2**20
#: More bytes than almost any sentence takes in a text file (UN sentences: 100-200 bytes
#: of UTF-8), so that the size check before reading never refuses what would have fit.
MAX_FILE_BYTES_PER_SENTENCE = 600
#: Formats whose size says how much text they hold (a PDF or DOCX may be mostly images).
TEXT_SUFFIXES = frozenset({".txt", ".text", "", ".html", ".htm", ".xhtml"})
_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 2**10, "m": 2**20, "mb": 2**20, "g": 2**30, "gb": 2**30,
          "t": 2**40, "tb": 2**40}


def parse_size(text: str) -> int:
    """``8G``, ``500MB``, ``1048576`` → bytes; :class:`InputError` otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", text)
    if not match or match.group(2).lower() not in _UNITS:
        raise InputError(f"TMKIT_MEMORY_LIMIT={text!r} is not a size such as 8G or 500MB")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def _meminfo_available() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _cgroup_available() -> int | None:
    """What the cgroup v2 limit leaves (``memory.max`` minus ``memory.current``), if there is one."""
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        current = Path("/sys/fs/cgroup/memory.current").read_text().strip()
    except OSError:
        return None
    if not limit.isdigit() or not current.isdigit():
        return None  # "max": no limit
    return max(0, int(limit) - int(current))


def available_memory() -> int | None:
    """Bytes this process may still use, or None when the system does not say."""
    override = os.environ.get("TMKIT_MEMORY_LIMIT")
    if override:
        return parse_size(override)
    known = [value for value in (_meminfo_available(), _cgroup_available()) if value is not None]
    return min(known) if known else None


def alignment_bytes(sentences: int) -> int:
    """Estimated peak memory of aligning ``sentences`` sentences (both sides together)."""
    return BASE_BYTES + BYTES_PER_SENTENCE * sentences


def _size(count: int) -> str:
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:,.0f} MB"


def _refuse(what: str, sentences: int, available: int, bound: str = "about") -> InputError:
    return InputError(
        f"{what}: {bound} {sentences:,} sentences would need {bound} {_size(alignment_bytes(sentences))} of memory "
        f"to align, and {_size(available)} is available; split the documents (tmkit batch aligns the parts) "
        "or set TMKIT_MEMORY_LIMIT if this is wrong")


def check_file_sizes(paths: list[Path]) -> None:
    """Refuse, before reading them, text files too big to align here whatever their sentences."""
    available = available_memory()
    if available is None:
        return
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size if path.suffix.lower() in TEXT_SUFFIXES and path.is_file() else 0)
        except OSError:
            sizes.append(0)  # the reader reports a missing file better
    fewest = sum(sizes) // MAX_FILE_BYTES_PER_SENTENCE
    if alignment_bytes(fewest) > available:
        raise _refuse(" + ".join(str(path) for path in paths), fewest, available, bound="at least")


def check_sentences(zh: int, en: int, what: str) -> None:
    """Refuse a pair whose segmented sentences will not fit in memory when aligned."""
    available = available_memory()
    if available is not None and alignment_bytes(zh + en) > available:
        raise _refuse(f"{what} ({zh:,} zh + {en:,} en sentences)", zh + en, available)
