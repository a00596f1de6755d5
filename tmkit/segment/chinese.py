"""Chinese sentence splitting.

What ends a sentence
    Full-width 。！？ (and the rare half-width ideographic stop ｡), and runs of them such
    as ！？ or 。…; an ellipsis of at least two characters (…… or six ASCII dots); and
    half-width ``?``/``!`` directly after a Han character (``真的吗?``), which sloppy
    or machine-converted text uses for ？/！.

What goes with it
    Closing quotes and brackets right after the terminator (``。”``, ``。）``, ``？」``)
    and superscript footnote numbers (``。¹⁵``) belong to the sentence they close.

What never ends a sentence
    ；，：、 (UN enumerations ``(a) …；(b) …；`` are one sentence in the English too);
    ASCII ``.`` (so ``1.5``, ``一. 导言``, ``S/2018/184`` and ``A/70/95–S/2015/446``
    stay whole); full-width ``．``, which UN Chinese uses in numbers and paragraph
    labels (``41．``) rather than as a full stop; and ``?``/``!``/``.`` inside Latin
    text, so an English sentence quoted in Chinese stays one piece.

Where a candidate is not a boundary
    When what follows is continuation punctuation (``。”，他说``), when an ellipsis is
    followed by 等/的 (``水、电……等``), when only a bare number follows (a page
    number or a contents leader ``设定背景......15``), and when the text before it has
    no word character yet (``“……认识到``): a segment always holds a real sentence.

Quotes
    A full stop inside a quotation that continues (``他说：“我们来了。我们走了。”然后``)
    *is* a boundary: ``他说：“我们来了。`` / ``我们走了。”`` / ``然后…``. That is what
    CAT tools do (the LanguageTool/SRX ``Ideographic`` rules, Trados and memoQ defaults
    break after every 。), and what the English side gets from the Moses rules
    (``He said: "We came.`` / ``We left."``), so both languages cut in the same places;
    it also keeps quoted resolution paragraphs from becoming one giant segment. Unlike
    the LanguageTool rules, the closing quote stays with its sentence instead of
    starting the next one.

There are no length-based cuts: a 500-character sentence stays one segment.
"""

from __future__ import annotations

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CLOSERS = "”’」』）》〉】〕］〗｝)\\]}\"'»›⁰¹²³⁴⁵⁶⁷⁸⁹"
# Characters that continue a sentence and so can never start one.
_CONTINUATION = frozenset("，、；：,;:")
# Words that show an ellipsis marks an omission or a list, not the end of a sentence.
_AFTER_LIST_ELLIPSIS = frozenset("等的")

_TERMINATOR = rf"(?:[。！？｡]|…{{2,}}|(?<=[{_HAN}])[!?]+|\.{{6,}})"
_BOUNDARY = re.compile(rf"{_TERMINATOR}(?:{_TERMINATOR}|[!?…])*[{re.escape(_CLOSERS)}]*")
_STOP = re.compile("[。！？｡!?]")
_BARE_NUMBER = re.compile(r"\s*\d+\s*$")
_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s*")


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Whether the terminator run ``match`` really ends a sentence, given what follows."""
    after = _SPACE.match(text, match.end()).end()
    if after >= len(text):
        return False  # end of the block: the remainder is the last sentence anyway
    following = text[after]
    if following in _CONTINUATION:
        return False
    if following in _AFTER_LIST_ELLIPSIS and not _STOP.search(match.group()):
        return False  # an ellipsis before 等/的 stands for omitted list items
    # A bare number after the last stop is a page number or a table-of-contents
    # leader's target ("设定背景......15"), not a sentence.
    return not _BARE_NUMBER.match(text, after)


def split_chinese(text: str) -> list[str]:
    """Split one block of Chinese text into sentences, stripping surrounding space."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if not _is_boundary(text, match):
            continue
        piece = text[start:match.end()].strip()
        if not _WORD.search(piece):
            continue  # only punctuation so far ("“……"): not a sentence yet
        sentences.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
