"""The "links" text format: one alignment link a line, ``[zh ids]:[en ids]:score``.

This is the format vecalign and Bertalign write and the one their gold files use, so
tmkit's alignments can be scored with the published test sets and fed to their tools
unchanged. Examples::

    [0]:[0]:0.9300
    [1]:[1,2]:0.8000
    [2]:[]:0.0000

The score is optional when reading (gold files are ``[0]:[1,2]``) and then defaults to
1.0; it is always written, with four decimals, which is ample for a confidence and
keeps files diffable. Ids are 0-based sentence indices separated by commas; whitespace
around any token is tolerated because hand-edited gold files contain it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from tmkit.align.link import Link
from tmkit.errors import InputError
from tmkit.io.decode import read_file_bytes

__all__ = ["format_link", "parse_link", "parse_links", "read_links", "write_links"]

_LINE_RE = re.compile(
    r"""^\s*
    \[(?P<zh>[^\[\]]*)\] \s*:\s*
    \[(?P<en>[^\[\]]*)\]
    (?:\s*:\s*(?P<score>[^:\s]+))?
    \s*$""",
    re.VERBOSE,
)
_ID_RE = re.compile(r"\s*([0-9]+)\s*")

_EXPECTED = "expected [zh ids]:[en ids] or [zh ids]:[en ids]:score"


def _format_ids(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(i) for i in ids) + "]"


def format_link(link: Link) -> str:
    """Render one link as a line (without newline), e.g. ``[1]:[1,2]:0.8000``."""
    return f"{_format_ids(link.zh)}:{_format_ids(link.en)}:{link.score:.4f}"


def _parse_ids(text: str) -> tuple[int, ...] | None:
    """Parse ``"1, 2"`` into ``(1, 2)``; None when malformed.

    Ids are returned sorted because :class:`Link` promises sorted sides; a sentence
    listed twice on one side is rejected since it cannot be aligned twice.
    """
    if not text.strip():
        return ()
    ids: list[int] = []
    for part in text.split(","):
        match = _ID_RE.fullmatch(part)
        if match is None:
            return None
        ids.append(int(match.group(1)))
    if len(set(ids)) != len(ids):
        return None
    return tuple(sorted(ids))


def _parse_score(text: str | None) -> float | None:
    """Parse the optional score; 1.0 when absent, None when malformed or not finite."""
    if text is None:
        return 1.0
    try:
        score = float(text)
    except ValueError:
        return None
    return score if math.isfinite(score) else None


def parse_link(line: str) -> Link:
    """Parse one line of the links format.

    Raises :class:`InputError` naming the bad text (on one line, via ``repr``) so the
    CLI can report it; :func:`read_links` adds the file and line number.
    """
    match = _LINE_RE.match(line)
    zh = en = score = None
    if match is not None:
        zh = _parse_ids(match.group("zh"))
        en = _parse_ids(match.group("en"))
        score = _parse_score(match.group("score"))
    if zh is None or en is None or score is None:
        raise InputError(f"malformed link {line.strip()!r}: {_EXPECTED}")
    return Link(zh=zh, en=en, score=score)


def parse_links(lines: Iterable[str], source: str = "<links>") -> list[Link]:
    """Parse lines of the links format, skipping blank ones.

    ``source`` names the input in error messages (``source:lineno: ...``).
    """
    links: list[Link] = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            links.append(parse_link(line))
        except InputError as exc:
            raise InputError(f"{source}:{lineno}: {exc}") from None
    return links


def read_links(path: str | Path) -> list[Link]:
    """Read a links file (UTF-8, BOM tolerated) into a list of links, in file order."""
    path = Path(path)
    try:
        text = read_file_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    # Split on "\n" only: str.splitlines also breaks on U+2028 and friends, which
    # would make the reported line numbers disagree with the user's editor.
    return parse_links(text.split("\n"), source=str(path))


def write_links(links: Iterable[Link], stream: TextIO) -> None:
    """Write links to ``stream``, one line each, in the order given."""
    for link in links:
        stream.write(format_link(link) + "\n")
