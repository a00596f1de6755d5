"""English sentence splitting: the Moses ``split-sentences.perl`` rules over sacremoses'
non-breaking-prefix list, extended with the abbreviations of UN English.

Why Moses rules: they are what most MT and TM tools were built with, they never cut
decimals or document symbols (no whitespace inside), and their prefix list marks
the "numeric only" prefixes (``No. 5``, ``Art. 3``) that UN text is full of.

The rule, as in Moses: whitespace is a boundary only when the word before it ends in
``.``, ``?``, ``!`` or an ellipsis (possibly followed by closing quotes or brackets,
which stay with the sentence) and the word after it starts, after any opening
punctuation, with a capital letter or a digit. A lowercase start never begins a
sentence, so ``e.g.``, ``i.e.``, ``etc.``, ``a.m.`` before lowercase never split.

What a word before the full stop can say (:class:`Kind`):

- ``NEVER`` - titles and name parts (``Mr.``, ``Dr.``, ``H.E.``, ``Lt.``, initials
  ``J. K.``), ``e.g.``, ``i.e.``, ``et al.``, ``vol.``: never end a sentence;
- ``NUMERIC`` - ``No. 5``, ``para. 12``, ``chap. IV``, ``Add. 1``: not before a number
  or a Roman numeral, but ``... said No. The ...`` does end;
- ``WEAK`` - ``a.m.``, ``p.m.``, ``Inc.``, ``Jr.`` and dotted acronyms (``U.N.``,
  ``U.S.``, ``S.A.``): UN text writes ``10 a.m. New York`` and ``the U.N. General
  Assembly``, so they end a sentence only before an unmistakable sentence opener
  (``The``, ``It``, ``In``, ``However`` ...);
- ``LIST_END`` - ``etc.``: ends a sentence before any capitalised word (a list
  closed by ``etc.`` is followed by a capital only at a sentence start), except
  inside an open parenthesis (``(food, water, etc. Member States ...``).

A sentence glued to the next without a space (``therapy.Recommended``, as merged
paragraphs and some PDF text have it) is cut apart when a word or a number ends in a
stop and a capitalised word follows, and the same rules decide (``Mrs.Smith`` stays);
never inside tokens with ``/``, ``@`` or ``www.``, so document symbols and links stay.

A single capital letter is an initial (``NEVER``) unless the word before it is a
designator such as ``annex`` or ``category`` (``see annex I. The Council ...``).
Paragraph labels at the start of a sentence (``1.``, ``14.``, ``IV.``, ``A.``,
``(a)``) and numbered headings (``Goal 16.``, ``Article 5.``) never end it.
"""

from __future__ import annotations

import re
from enum import IntEnum
from functools import lru_cache


class Kind(IntEnum):
    """What a word ending in a full stop says about a sentence boundary after it."""

    NEVER = 1
    NUMERIC = 2
    WEAK = 3
    LIST_END = 4


_N, _NUM, _W, _L = Kind.NEVER, Kind.NUMERIC, Kind.WEAK, Kind.LIST_END

# UN English abbreviations; they override the Moses list where both have a word.
UN_PREFIXES: dict[str, Kind] = {
    # References inside documents: paragraphs, articles, chapters, volumes, pages.
    "para": _NUM, "paras": _NUM, "Para": _NUM, "Paras": _NUM, "subpara": _NUM,
    "subparas": _NUM, "Subpara": _NUM, "art": _NUM, "arts": _NUM, "Art": _NUM, "Arts": _NUM,
    "no": _NUM, "nos": _NUM, "No": _NUM, "Nos": _NUM, "Corr": _NUM, "Add": _NUM,
    "Amend": _NUM, "Suppl": _NUM, "Supp": _NUM, "sect": _NUM, "Sect": _NUM, "sec": _NUM,
    "Sec": _NUM, "ch": _NUM, "Ch": _NUM, "chap": _NUM, "Chap": _NUM, "chaps": _NUM,
    "fig": _NUM, "Fig": _NUM, "figs": _NUM, "Figs": _NUM, "p": _NUM, "pp": _NUM,
    "n": _NUM, "nn": _NUM, "fn": _NUM, "reg": _NUM, "regs": _NUM, "ibid": _NUM,
    "Ibid": _NUM, "Ref": _NUM, "ref": _NUM,
    "vol": _N, "Vol": _N, "vols": _N, "Vols": _N, "Doc": _N, "doc": _N,
    # Titles and ranks of the people UN documents name.
    "Amb": _N, "Excy": _N, "H.E": _N, "Mses": _N, "Mmes": _N, "Messrs": _N, "Esq": _N,
    "Pres": _N, "Gen": _N, "Lt": _N, "Col": _N, "Maj": _N, "Cdr": _N, "Gov": _N,
    "Dept": _N, "Govt": _N, "Univ": _N, "Assoc": _N, "Mt": _N, "Sept": _N,
    # Scholarly apparatus.
    "cf": _N, "Cf": _N, "al": _N, "viz": _N, "approx": _N, "ca": _N, "seq": _N,
    "op": _N, "loc": _N, "ed": _N, "eds": _N, "Ed": _N, "Eds": _N, "e.g": _N, "i.e": _N,
    "E.g": _N, "I.e": _N,
    # Often at a sentence end too: only before a clear sentence opener.
    "a.m": _W, "p.m": _W, "Inc": _W, "Ltd": _W, "Co": _W, "Corp": _W, "Bros": _W,
    "Jr": _W, "Sr": _W, "U.N": _W, "U.S": _W, "U.K": _W, "S.A": _W,
    "etc": _L,
}

# Capitalised words that open a sentence and never continue a name or abbreviation.
SENTENCE_OPENERS = frozenset(
    "The This These That Those There Their It Its In On At As By For From With Without "
    "Within Under Over During After Before Since Until While When Where Whereas If "
    "Although Though Despite However Moreover Furthermore Further Nevertheless "
    "Nonetheless Accordingly Consequently Therefore Thus Hence Finally Meanwhile Also "
    "Such Some Many Most Several All Each Every Both Another Any A An He She They We I "
    "You Our His Her My Only Not Given Following According Among Between Through "
    "Throughout Upon Against".split()
)

# Words that name a part or class, after which "I." or "B." is a designator, not an initial.
DESIGNATORS = frozenset(
    "annex annexes appendix part section chapter schedule table figure category group "
    "option class type phase plan model list box volume item level tier round sector "
    "zone grade protocol vitamin".split()
)

# Words that open numbered headings in UN documents ("Goal 16.", "Article 5.").
HEADING_WORDS = frozenset(
    "Goal Target Indicator Article Chapter Part Section Annex Appendix Rule Principle "
    "Recommendation Resolution Decision Table Figure Box Step Phase Objective Action "
    "Commitment Paragraph Enclosure Attachment Volume Book Title Schedule Protocol".split()
)

_OPEN = "'\"([¿¡\u2018\u201c\u00ab"  # sentence-starting punctuation (Moses' IsPi and friends)
# Closing punctuation after a full stop (Moses' IsPf and friends) and superscript
# footnote numbers ("peace.¹⁵"): they stay with the sentence they follow.
_CLOSE = "'\")]\u2019\u201d\u00bb%\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_QUOTES = frozenset("'\"\u2019\u201d\u00bb")
_OPEN_RE = re.escape(_OPEN)
_CLOSE_RE = re.escape(_CLOSE)
_STARTER_UPPER = re.compile(rf"^[{_OPEN_RE}]*(?:[^\W\d_a-z]|\d)")
_CAPITALISED = re.compile(r"^[\"'\u2018\u201c\u00ab]*([^\W\d_]\w*)")
_PERIOD_WORD = re.compile(rf"([\w.\-]*)([{_CLOSE_RE}]*)(\.+)$")
_PERIOD_THEN_CLOSE = re.compile(rf"([\w.\-]*)\.([{_CLOSE_RE}]+)$")
_OTHER_END = re.compile(rf"(?:[?!]+|\.{{2,}}|\u2026)[{_CLOSE_RE}]*$")
_ACRONYM = re.compile(r"^(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}$")
_NUMBER_START = re.compile(r"^[(\[]?(?:\d|[IVXLCivxlc]+(?![^\W\d_]))")
# A sentence glued to the next without a space, as merged paragraphs and some PDF text
# have it ("therapy.Recommended", "2020).Other", "soap.A"): two letters or a digit, a
# stop (a closing quote or bracket before or after it), a capitalised word. The usual
# rules then decide, so "Mrs.Smith" and "Ph.D" are joined back.
# Never inside symbols, addresses or links, which keep their dots ("A/61/255/Add.1").
_GLUED = re.compile(
    "|".join(
        rf"(?<={left}{stop})(?=[A-Z](?:[a-z]|$))"
        for left in ("[A-Za-z]{2}", r"\d")
        for stop in ("[.?!]", rf"[.?!][{_CLOSE_RE}]", rf"[{_CLOSE_RE}][.?!]")
    )
)
_NOT_GLUED = re.compile(r"[/@\\]|www\.|://")
_LABEL = re.compile(
    r"^(?:\d{1,3}(?:\.(?:\d{1,3}|[a-z]))*\.?|\(?[a-zA-Z]{1,4}\)|[A-Za-z]\.|[IVXLC]+\.|[ivxlc]+\.)$"
)


@lru_cache(maxsize=1)
def nonbreaking_prefixes() -> dict[str, Kind]:
    """Moses English prefixes (NEVER, or NUMERIC when marked so) with the UN table on top."""
    from sacremoses.corpus import NonbreakingPrefixes  # here: importing sacremoses takes 0.3 s

    table: dict[str, Kind] = {}
    for line in NonbreakingPrefixes().words("en"):
        word, _, marker = line.partition(" ")
        table[word] = Kind.NUMERIC if "NUMERIC_ONLY" in marker else Kind.NEVER
    table.update(UN_PREFIXES)
    return table


def _is_upper_start(word: str) -> bool:
    return bool(_STARTER_UPPER.match(word)) and not word[:1].islower()


def _is_block_label(words: list[str]) -> bool:
    """The words so far are a paragraph label: "1.", "IV.", "(a)", or a heading's "Goal 16."."""
    if len(words) == 1:
        return bool(_LABEL.match(words[0]))
    return len(words) == 2 and words[0] in HEADING_WORDS and bool(_LABEL.match(words[1]))


def _is_opener(word: str) -> bool:
    match = _CAPITALISED.match(word)
    return bool(match) and match.group(1) in SENTENCE_OPENERS


def _open_parenthesis(words: list[str]) -> bool:
    text = " ".join(words)
    return text.count("(") > text.count(")")


def _kind(prefix: str, previous: str | None, prefixes: dict[str, Kind]) -> Kind | None:
    """The kind of the word ``prefix`` (the text before its final full stop), if any."""
    kind = prefixes.get(prefix)
    if kind is None and _ACRONYM.match(prefix):
        return Kind.WEAK
    if (
        kind is Kind.NEVER
        and len(prefix) == 1
        and prefix.isupper()
        and previous is not None
        and previous.strip(_OPEN + _CLOSE + ",;:").lower() in DESIGNATORS
    ):
        return None  # "annex I.", "category B.": a designator, an ordinary word
    return kind


def _abbreviation_ends(kind: Kind | None, following: str, so_far: list[str]) -> bool:
    """Whether a full stop after a word of ``kind`` ends the sentence before ``following``."""
    if kind is None:
        return True
    if kind is Kind.NUMERIC:
        return not _NUMBER_START.match(following)
    if kind is Kind.WEAK:
        return _is_opener(following)
    if kind is Kind.LIST_END:
        return not _open_parenthesis(so_far)
    return False


def _ends_sentence(following: str, so_far: list[str], prefixes: dict[str, Kind]) -> bool:
    """Whether the whitespace after the last word of ``so_far`` is a sentence break."""
    if not _is_upper_start(following):
        return False
    if _is_block_label(so_far):
        return False  # "1. The Council ...", "Article 5. Everyone ..."
    word = so_far[-1]
    previous = so_far[-2] if len(so_far) > 1 else None
    if _OTHER_END.search(word):
        return True
    match = _PERIOD_THEN_CLOSE.search(word)
    if match:
        prefix, closing = match.groups()
        if any(ch in _QUOTES for ch in closing):
            return True  # '... peace."' ends a quoted sentence
        # '(U.N.) General Assembly' continues; '(see para. 5.) The' ends.
        return _abbreviation_ends(_kind(prefix, previous, prefixes), following, so_far)
    match = _PERIOD_WORD.search(word)
    if not match:
        return False
    prefix, closing, _ = match.groups()
    if closing or not prefix:
        return True  # "(2000). The", '"Peace". The'
    return _abbreviation_ends(_kind(prefix, previous, prefixes), following, so_far)


def _tokens(text: str) -> tuple[list[str], list[bool]]:
    """Whitespace-separated words, with glued sentences ("therapy.Recommended") cut apart.

    The second list says which tokens were glued to the next one, so that a cut that
    turns out not to be a boundary ("Mrs.Smith") is joined back without a space.
    """
    tokens: list[str] = []
    glued: list[bool] = []
    for word in text.split():
        if _NOT_GLUED.search(word):
            parts = [word]
        else:
            parts = _GLUED.split(word)
        tokens.extend(parts)
        glued.extend([True] * (len(parts) - 1) + [False])
    return tokens, glued


def _join(tokens: list[str], glued: list[bool]) -> str:
    return "".join(token + ("" if glue else " ") for token, glue in zip(tokens, glued)).rstrip()


def split_english(text: str) -> list[str]:
    """Split one block of English text into sentences (whitespace normalised)."""
    tokens, glued = _tokens(text)
    prefixes = nonbreaking_prefixes()
    sentences: list[str] = []
    start = 0
    current: list[str] = []
    for i, token in enumerate(tokens):
        current.append(token)
        if i + 1 < len(tokens) and _ends_sentence(tokens[i + 1], current, prefixes):
            sentences.append(_join(current, glued[start:i + 1]))
            start, current = i + 1, []
    if current:
        sentences.append(_join(current, glued[start:]))
    return sentences
