"""Is this text in the language the user said it is?

Swapped or wrong files are the commonest batch mistake. Script counts settle it for
Chinese versus English without any model: UN Chinese text is mostly Han characters
(with some Latin document symbols), English has none. Two look-alikes need more:
Japanese is written with Han characters too, but always with kana among them, which
Chinese never has; French, Spanish, Portuguese, German and Italian are Latin script
like English, and are told apart by their commonest function words (le/la/des,
el/los/del, der/die/und …), which English prose uses a dozen times a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tmkit.errors import InputError

LANGUAGE_NAMES = {"zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean", "fr": "French",
                  "es": "Spanish", "pt": "Portuguese", "de": "German", "it": "Italian"}

#: Frequent function words of each Latin-script language, none of them an English word
#: (no "a", "en", "in", "on", "per", "con", "no", "do" …), so English prose scores ~0 on the others.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to is that for with by be are this which it was from at has have not or its "
                    "were been their will".split()),
    "fr": frozenset("le la les des du et est une dans pour par sur au aux qui que avec cette sont ont été pas "
                    "ne ses leur leurs également".split()),
    "es": frozenset("el los las del y es una para por que se su sus como más fue también sobre está han "
                    "entre".split()),
    "pt": frozenset("os da das dos uma para com não mais pelo pela são foi também sobre".split()),
    "de": frozenset("der die das und ist nicht mit von zu den dem des ein eine auf für sich wird werden "
                    "auch".split()),
    "it": frozenset("il della delle di che una sono nel alla anche degli gli".split()),
}
#: A Latin-script text is another language than English only on this many function words,
#: and that many times as many as English ones: short or mixed texts stay English.
MIN_FUNCTION_WORDS = 20
FUNCTION_WORD_RATIO = 3
#: Japanese has kana in every sentence; Chinese has none (a stray one is a quoted name).
KANA_SHARE = 0.05
_WORD = re.compile(r"[^\W\d_]+")


def is_han(ch: str) -> bool:
    """Han ideograph (CJK unified ideographs, extension A, compatibility)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


def is_wide(ch: str) -> bool:
    """CJK characters and full-width punctuation, which are never separated by spaces."""
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x3000 <= code <= 0x303F)


def is_kana(ch: str) -> bool:
    """Hiragana or katakana (also half-width): Japanese, never Chinese."""
    code = ord(ch)
    return 0x3040 <= code <= 0x30FF or 0xFF66 <= code <= 0xFF9F or 0x31F0 <= code <= 0x31FF


def is_hangul(ch: str) -> bool:
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


@dataclass(frozen=True)
class ScriptCounts:
    han: int
    latin: int
    other_letters: int  # kana and Hangul included
    kana: int = 0
    hangul: int = 0

    @property
    def letters(self) -> int:
        return self.han + self.latin + self.other_letters


def count_scripts(text: str, limit: int = 500_000) -> ScriptCounts:
    """Count Han characters, Latin letters and other letters in (the start of) ``text``."""
    han = latin = other = kana = hangul = 0
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
                kana += is_kana(ch)
                hangul += is_hangul(ch)
    return ScriptCounts(han, latin, other, kana, hangul)


def latin_language(text: str, limit: int = 200_000) -> str:
    """Which Latin-script language ``text`` is, by function words; ``"en"`` unless clearly another."""
    hits: Counter[str] = Counter()
    for word in _WORD.findall(text[:limit].lower()):
        for lang, words in FUNCTION_WORDS.items():
            if word in words:
                hits[lang] += 1
    english = hits.pop("en", 0)
    if hits:
        lang, count = hits.most_common(1)[0]
        if count >= MIN_FUNCTION_WORDS and count > FUNCTION_WORD_RATIO * english:
            return lang
    return "en"


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
    """``"zh"``, ``"en"``, another code of :data:`LANGUAGE_NAMES` or ``None`` (no letters,
    or a script tmkit does not name); a long text is judged on a sample of it."""
    sample = language_sample(text)
    counts = count_scripts(sample)
    if counts.letters == 0:
        return None
    if counts.kana > KANA_SHARE * (counts.han + counts.kana):
        return "ja"
    if counts.hangul > 0.3 * counts.letters:
        return "ko"
    # One Han character carries about as much as 3-4 Latin letters.
    weighted = counts.han * 3 + counts.latin + counts.other_letters
    if counts.han * 3 >= 0.5 * weighted:
        return "zh"
    if counts.latin >= 0.8 * counts.letters:
        return latin_language(sample)
    return None


def check_language(text: str, lang: str, name: str) -> None:
    """Raise :class:`InputError` when ``text`` is not in ``lang``."""
    found = detect_language(text)
    if found != lang:
        what = LANGUAGE_NAMES.get(found, "no recognisable language") if found else "no Chinese or English text"
        raise InputError(f"{name}: expected {LANGUAGE_NAMES[lang]} text but found {what}")
