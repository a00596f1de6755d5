"""Is this text in the language the user said it is?

Swapped or wrong files are the commonest batch mistake. Script counts settle it for
Chinese versus English without any model: UN Chinese text is mostly Han characters
(with some Latin document symbols), English has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from tmkit.errors import InputError

LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


def is_han(ch: str) -> bool:
    """Han ideograph (CJK unified ideographs, extension A, compatibility)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def is_wide(ch: str) -> bool:
    """CJK characters and full-width punctuation, which are never separated by spaces."""
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x3000 <= code <= 0x303F)


@dataclass(frozen=True)
class ScriptCounts:
    han: int
    latin: int
    other_letters: int

    @property
    def letters(self) -> int:
        return self.han + self.latin + self.other_letters


def count_scripts(text: str, limit: int = 500_000) -> ScriptCounts:
    """Count Han characters, Latin letters and other letters in (the start of) ``text``."""
    han = latin = other = 0
    for ch in text[:limit]:
        if is_han(ch):
            han += 1
        elif ch.isascii():
            latin += ch.isalpha()
        elif ch.isalpha():
            if "LATIN" in _name(ch):
                latin += 1
            else:
                other += 1
    return ScriptCounts(han, latin, other)


def _name(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "")


SAMPLE_SPANS = 32  # detect_language reads this many stretches of a long text,
SPAN_LENGTH = 512  # each this long: 16k characters, wherever they stand in the file


def language_sample(text: str) -> str:
    """``text`` itself when short, else evenly spaced stretches of it, start and end included.

    Counting every character of a long file took a tenth of a second per file (more than
    some alignments); 16k characters from all over it decide the same, and a long file
    is judged by all its parts rather than by its first half million characters.
    """
    if len(text) <= SAMPLE_SPANS * SPAN_LENGTH:
        return text
    step = (len(text) - SPAN_LENGTH) / (SAMPLE_SPANS - 1)
    return "".join(text[round(k * step) : round(k * step) + SPAN_LENGTH] for k in range(SAMPLE_SPANS))


def detect_language(text: str) -> str | None:
    """``"zh"``, ``"en"`` or ``None`` (no letters, or another script dominates)."""
    counts = count_scripts(language_sample(text))
    if counts.letters == 0:
        return None
    # One Han character carries about as much as 3-4 Latin letters.
    weighted = counts.han * 3 + counts.latin + counts.other_letters
    if counts.han * 3 >= 0.5 * weighted:
        return "zh"
    if counts.latin >= 0.8 * counts.letters:
        return "en"
    return None


def check_language(text: str, lang: str, name: str) -> None:
    """Raise :class:`InputError` when ``text`` is not in ``lang``."""
    found = detect_language(text)
    if found != lang:
        what = LANGUAGE_NAMES.get(found, "no recognisable language") if found else "no Chinese or English text"
        raise InputError(f"{name}: expected {LANGUAGE_NAMES[lang]} text but found {what}")
