"""Anchors: tokens a sentence and its translation share without any dictionary.

Numbers, dates, percentages, UN document symbols, paragraph labels, Latin-script
tokens (acronyms, codes, URLs) and some punctuation survive translation. Each is
normalised to one spelling for both languages, so that ``2009年7月31日`` and
``31 July 2009`` both give ``#2009 date:7-31``, ``3.5亿`` and ``350 million`` both give
``#350000000``, and ``百分之十二`` and ``12 per cent`` both give ``%12``. The aligner
compares these token bags; a shared anchor is strong evidence of a link.

Tokens carry a kind prefix so they never collide with words:

=================  ============================================================
``#N``             a number (cardinal or ordinal), canonical: ``#100000``, ``#3.5``,
                   ``#16.1.1`` (dotted references kept whole)
``%N``             a percentage
``frac:A/B``       a fraction (``三分之二``, ``two thirds``; ``half`` is ``frac:1/2``)
``date:M-D``       a month and day (the year, when given, is a separate ``#YYYY``)
``mon:M``          a month without a day
``sym:…``          a document symbol (``sym:s/2018/184``) or numeric reference
                   (``sym:70/1`` of ``resolution 70/1``), never split into numbers
``lab:…``          the paragraph label opening a sentence (``lab:16.1``, ``lab:(a)``,
                   ``lab:1`` for ``I.`` and ``一、``)
``acr:…``          an acronym in capitals (``acr:unmiss``); UN Chinese usually spells
                   these out (南苏丹特派团), so an unmatched one is weak counter-evidence
``lat:…``          a Latin-script code that Chinese text keeps as is: with digits
                   (``lat:covid-19``, ``lat:p-5``) or inner capitals (``lat:un-women``)
``url:…``          a URL, domain or e-mail address (lower case, without scheme)
``q``              a quotation (one per opening quotation mark)
``(``              an opening parenthesis
``?``              a question mark
``$``              US dollars (``美元``, ``$``, ``US$``, ``dollars``)
=================  ============================================================

Which kinds to emit, and where a Chinese numeral is a number (``三个``, ``第三``,
``一百二十五``) rather than part of a word (``一些``, ``统一``, ``十分``), was decided by
measuring, on aligned data, how often true pairs share a token of the kind and how
often unrelated pairs do (``python bench/anchors.py``). Bare ``一``/``one`` are left out
(they mostly mean "a"), and so are ``第一`` and ``first`` alone (``first`` is as often
首先/首次 as 第一). Chinese ``《…》`` titles are no quotation: English sets titles in
italics or capitals, not quotes.

Both functions are pure, deterministic and total (any string, including binary junk
and numbers with thousands of digits), and cost some microseconds per sentence: every
pattern is compiled once and each sentence is scanned by one regular expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Context, Decimal, InvalidOperation

__all__ = ["chinese_anchors", "english_anchors"]

# --- normalisation ---------------------------------------------------------------------

# Full-width ASCII (digits, letters, %, (, ?, /, …) to half-width, odd spaces to a plain
# space. The full-width comma stays: "5，100" in Chinese is a list, not five thousand one hundred.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF0C}
_WIDTH.update({0x3000: " ", 0x00A0: " ", 0x2009: " ", 0x202F: " ", 0x2007: " ", 0x200B: None})
_NORMALISE = str.maketrans(_WIDTH)
_NEEDS_NORMALISING = re.compile("[\uff01-\uff0b\uff0d-\uff5e\u3000\u00a0\u2009\u202f\u2007\u200b]")

# --- numbers ---------------------------------------------------------------------------

MAX_DIGITS = 40  # longer digit strings are kept as written, never scaled or parsed
_CONTEXT = Context(prec=2 * MAX_DIGITS + 30)


def _plain(number: str) -> str:
    """Canonical spelling of an Arabic number with its separators already removed.

    ``007`` → ``7``, ``1.50`` → ``1.5``; dotted references (``16.1.1``) are kept whole.
    """
    head, dot, tail = number.partition(".")
    head = head.lstrip("0") or "0"
    if not dot:
        return head
    if "." in tail:
        return f"{head}.{tail}"
    tail = tail.rstrip("0")
    return f"{head}.{tail}" if tail else head


def _scaled(number: str, factor: int) -> str:
    """``number`` (canonical, at most one dot) times ``factor``, canonical."""
    if factor == 1 or len(number) > MAX_DIGITS or number.count(".") > 1:
        return number
    try:
        value = _CONTEXT.multiply(Decimal(number), Decimal(factor))
    except InvalidOperation:  # pragma: no cover - the patterns only pass digits and one dot
        return number
    return _decimal_text(value)


def _decimal_text(value: Decimal) -> str:
    if value == value.to_integral_value(context=_CONTEXT):
        return str(int(value))
    return format(_CONTEXT.reduce(value), "f")


def _arabic(text: str) -> str:
    """An Arabic number as written (``100,000``, ``100 000``, ``3.50``), canonical."""
    return _plain(text.replace(",", "").replace(" ", ""))


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10**4, "亿": 10**8}
MAX_CHINESE_NUMERAL = 16  # longer runs of numeral characters are not read as numbers


def _chinese_integer(text: str) -> int | None:
    """The value of a Chinese numeral with units (``一百二十五``, ``两千五百万``, ``三亿五千万``).

    None when ``text`` is not a well-formed numeral: two digits in a row (``一五一十``),
    units out of order (``千千万万``, ``亿万``), or a digit trailing a unit other than ten
    without ``零`` (``万一`` is "in case", not 10,001; colloquial ``一百五`` is rare in
    writing). Digit-by-digit numbers (``二〇一九``) are read by the caller.
    """
    total = section = 0
    digit: int | None = None
    last_small: int | None = None  # smallest of 十百千 used in the current section
    after_zero = False
    for ch in text:
        if ch in _CN_DIGIT:
            value = _CN_DIGIT[ch]
            if value == 0:
                after_zero = True
            elif digit is not None:
                return None
            else:
                digit = value
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if last_small is not None and unit >= last_small:
                return None
            if digit is None and (section or total or (unit != 10 and after_zero)):
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small, after_zero = None, unit, False
        else:
            unit = _CN_LARGE[ch]
            section += digit or 0
            if unit == 10**8 and section == 0 and 0 < total < 10**8:
                total *= unit  # 一万亿
            elif section == 0 and total:
                return None
            elif unit == 10**8:
                total = (total + (section or 1)) * unit
            else:
                if total % 10**8 or (section or 1) >= 10**4:
                    return None
                total += (section or 1) * unit
            section, digit, last_small, after_zero = 0, None, None, False
    if digit is not None and not (after_zero or last_small == 10 or (last_small is None and not total)):
        return None
    return total + section + (digit or 0)


def _chinese_number(text: str, year_follows: bool = False) -> str | None:
    """Canonical value of a run of Chinese numerals, with an optional ``点`` decimal part.

    Runs without units (``二〇一九``) are digit-by-digit numbers, accepted only before
    ``年`` (``二〇一九年``): elsewhere they are idioms or approximations (``三四``).
    """
    if len(text) > MAX_CHINESE_NUMERAL:
        return None
    whole, point, fraction = text.partition("点")
    if not any(ch in _CN_SMALL or ch in _CN_LARGE for ch in whole):
        if len(whole) == 1:
            integer: int | None = _CN_DIGIT[whole]
        elif year_follows and not point and "两" not in whole:
            return "".join(str(_CN_DIGIT[ch]) for ch in whole)
        else:
            return None
    else:
        integer = _chinese_integer(whole)
    if integer is None:
        return None
    if not point:
        return str(integer)
    scale = 1
    while fraction and fraction[-1] in _CN_LARGE:
        scale *= _CN_LARGE[fraction[-1]]
        fraction = fraction[:-1]
    if not fraction or any(ch not in _CN_DIGIT or ch == "两" for ch in fraction):
        return None
    digits = "".join(str(_CN_DIGIT[ch]) for ch in fraction)
    return _scaled(_plain(f"{integer}.{digits}"), scale)


# --- months and English number words ----------------------------------------------------

_MONTHS = {name: index for index, names in enumerate((
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec")), start=1) for name in names}

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_WORD_VALUE: dict[str, int] = {}
for _i, _w in enumerate(_UNITS):
    _WORD_VALUE[_w] = _i
for _i, _w in enumerate(_ORDINAL_UNITS):
    _WORD_VALUE[_w] = _i
for _i, _w in enumerate(_TENS, start=2):
    _WORD_VALUE[_w] = 10 * _i
    _WORD_VALUE[_w[:-1] + "ieth"] = 10 * _i
_WORD_VALUE.update({"hundred": 100, "hundredth": 100, "thousand": 1000, "thousandth": 1000,
                    "million": 10**6, "millionth": 10**6, "billion": 10**9, "billionth": 10**9,
                    "trillion": 10**12})
del _WORD_VALUE["zero"], _WORD_VALUE["zeroth"]
_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

# Words that stand for a number only in company: alone, "one" is mostly "a", and "first"
# is as often 首先/首次/最初 as 第一 (measured with bench/anchors.py: leaving out "first" and
# 第一 raises the share of true pairs sharing a number on all four corpora).
_NOT_ALONE = frozenset({"one", "first", "hundred", "thousand", "million", "billion", "trillion",
                        "hundredth", "thousandth", "millionth", "billionth"})
_WORD_SPLIT = re.compile(r"[\s-]+")


def _english_number_words(run: str) -> list[str]:
    """Values of a run of English number words (``twenty-five``, ``two thousand five hundred``).

    A run can hold several numbers (``two or three`` is split by the pattern, ``two and
    three`` here): a word that cannot continue the number being read starts a new one.
    Numbers of one word from :data:`_NOT_ALONE` (``one``, ``a thousand``) are dropped.
    """
    words = [w for w in _WORD_SPLIT.split(run.lower()) if w and w != "and"]
    numbers: list[str] = []
    total = current = 0
    last_large: int | None = None
    read: list[str] = []

    def flush() -> None:
        nonlocal total, current, last_large
        if read and not (len(read) == 1 and read[0] in _NOT_ALONE):
            numbers.append(str(total + current))
        total = current = 0
        last_large = None
        read.clear()

    for word in words:
        value = _WORD_VALUE[word]
        if value < 100:
            small = current % 100
            if read and not (small == 0 or (small % 10 == 0 and small >= 20 and value < 10)):
                flush()
            current += value
        elif value == 100:
            if current % 100 == 0 and current:
                flush()
            current = (current or 1) * 100
        else:
            if last_large is not None and value >= last_large:
                flush()
            total += (current or 1) * value
            current, last_large = 0, value
        read.append(word)
    flush()
    return numbers


# --- Latin-script tokens -----------------------------------------------------------------

_ROMAN = re.compile(r"(?=[IVXL])(L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(text: str) -> int | None:
    """Value of a Roman numeral of I, V, X and L (up to 89), else None."""
    if not _ROMAN.fullmatch(text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN_VALUE[ch]
        if index + 1 < len(text) and _ROMAN_VALUE[text[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


_PARTS = re.compile(r"[-&]")
_CODE_PART = re.compile(r"[A-Za-z]*(?:[A-Z][A-Za-z]*[A-Z]|[a-z][A-Z]|\d)[A-Za-z0-9]*")


def _latin_token(word: str) -> str | None:
    """The anchor of a Latin-script word, if Chinese text would keep it unchanged.

    Acronyms of capitals only (``acr:unmiss``), codes with digits or inner capitals
    (``lat:covid-19``, ``lat:p-5``, ``lat:mrna``, ``lat:un-women``) and Roman numerals
    (``Part II`` ↔ ``第二部分``). Ordinary words, capitalised or not (``Secretary-General``),
    are translated, so they are no anchors. Acronyms are a kind of their own because UN
    Chinese mostly translates them (UNMISS is 南苏丹特派团) while codes survive.
    """
    if word.isdigit():
        return None
    if len(word) > 1 and word.isalpha() and word.isupper():
        roman = _roman_value(word)
        return f"#{roman}" if roman is not None else "acr:" + word.lower()
    if any(_CODE_PART.fullmatch(part) for part in _PARTS.split(word)):
        return "lat:" + word.lower()
    return None


_KEYWORD_ROMAN = re.compile(r"(?:Chapter|Part|Annex|Section|Article|Title|Volume|Phase|Table|Figure|"
                            r"Appendix|Schedule|Protocol|Book|Category|Class|Rule|Level|Principle)"
                            r"s?\s+$", re.IGNORECASE)


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def _is_shouting(text: str) -> bool:
    """A heading in capitals (THE THIRD PART OF MAN): its words are no acronyms."""
    upper = len(_UPPER.findall(text))
    return upper >= 8 and 4 * len(_LOWER.findall(text)) < upper


# --- shared pieces of the patterns -------------------------------------------------------

_URL = (r"(?P<url>(?:https?://|www\.)[!#-'*-;=?-~]*[A-Za-z0-9/]"
        r"|[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
        r"|(?<![A-Za-z0-9.@-])(?:[A-Za-z0-9-]+\.)+(?:org|com|net|int|edu|gov|info|io|cn)"
        r"(?![A-Za-z0-9-])(?:/[!#-'*-;=?-~]*[A-Za-z0-9/])?)")
_SYMBOL = r"(?P<sym>(?<![A-Za-z0-9/.])[A-Z][A-Za-z]{0,9}(?:\.\d+)?(?:/[A-Za-z0-9.-]*[A-Za-z0-9])+)"
_REFERENCE = r"(?P<ref>(?<![A-Za-z0-9/.])\d+(?:/\d+)+(?![\d/]))"  # resolution 70/1, 2019/20
_LATIN = r"(?P<lat>(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)*)"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!,?\d)|\d{1,3}(?: \d{3})+(?! ?\d)|\d+)(?:\.\d+)*"
_SPLIT_SYMBOLS = re.compile(r"-(?=[A-Z]{1,9}/)")
_UNDOCS = re.compile(r"(?:https?://)?(?:www\.)?undocs\.org/(?:(?:en|ch|zh|fr|es|ru|ar)/)?(.+)", re.IGNORECASE)


def _symbol_tokens(text: str) -> list[str]:
    """``A/70/95-S/2015/446`` → two symbols; without a digit it is no symbol (``and/or``)."""
    if not any(ch.isdigit() for ch in text):
        return [token for part in text.split("/") if part and (token := _latin_token(part))]
    return ["sym:" + part.lower().rstrip(".") for part in _SPLIT_SYMBOLS.split(text)]


def _url_tokens(text: str) -> list[str]:
    """A URL as ``url:`` (no scheme, no ``www.``); undocs.org links as their symbol."""
    undocs = _UNDOCS.fullmatch(text)
    if undocs:
        return _symbol_tokens(undocs.group(1))
    text = text.lower()
    for prefix in ("https://", "http://", "www."):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return ["url:" + text.rstrip("/")]


# --- paragraph labels --------------------------------------------------------------------

_LABELS = {
    "zh": re.compile(
        r"\s*(?:(?P<num>\d{1,3}(?:\.\d{1,3}){0,3})(?:\.(?![\d万亿千百%])"
        r"|(?=\s*[\u4e00-\u9fff(“])(?!\s*[万亿千百年月日个倍元%]))"
        r"|\((?P<item>[a-z]{1,2}|[ivxl]{1,6}|[A-Z]|\d{1,3})\)"
        r"|(?P<cn>[一二三四五六七八九十]{1,3})[、.]"
        r"|\((?P<cnitem>[一二三四五六七八九十]{1,3})\)"
        r"|(?P<roman>[IVXL]{1,6})\.(?=\s|[^\x00-\x7f])"
        r"|(?P<letter>[A-Z])\.(?=\s|[^\x00-\x7f]))"),
    "en": re.compile(
        r"\s*(?:(?P<num>\d{1,3}(?:\.\d{1,3}){0,3})(?:\.(?!\d)|(?=\s+[A-Z(“\"]))"
        r"|\((?P<item>[a-z]{1,2}|[ivxl]{1,6}|[A-Z]|\d{1,3})\)"
        r"|(?P<roman>[IVXL]{1,6})\.(?=\s)"
        r"|(?P<letter>[A-Z])\.(?=\s))"),
}


def _label(text: str, lang: str) -> tuple[str | None, int]:
    """The label token opening ``text`` (or None) and where the rest of the text starts.

    Numeric labels need a final dot (``1.``) or an inner one (``16.1 ``), so that a
    sentence opening with a number (``16 countries``) has no label. Roman ``I.`` and
    Chinese ``一、`` both give ``lab:1``: UN Chinese numbers its chapters ``一.`` where
    English has ``I.``.
    """
    match = _LABELS[lang].match(text)
    if not match:
        return None, 0
    kind = match.lastgroup
    value = match.group(kind)
    if kind == "num":
        if "." not in value and not match.group().endswith("."):
            return None, 0
        return "lab:" + ".".join(part.lstrip("0") or "0" for part in value.split(".")), match.end()
    if kind == "item":
        return f"lab:({value.lower()})", match.end()
    if kind in ("cn", "cnitem"):
        number = _chinese_number(value)
        if number is None:
            return None, 0
        return (f"lab:({number})" if kind == "cnitem" else f"lab:{number}"), match.end()
    if kind == "roman":
        roman = _roman_value(value)
        if roman is None:
            return None, 0
        return f"lab:{roman}", match.end()
    return f"lab:{value.lower()}", match.end()


# --- scanning ----------------------------------------------------------------------------


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, factored by prefix.

    ``re`` tries the branches of a plain alternation one by one; a prefix tree lets it
    reject a word after a letter or two, which keeps the scan of every sentence cheap.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


def _scanner(skip: str, alternatives: Sequence[str]) -> re.Pattern[str]:
    """One pattern that skips what cannot start an anchor, then reads one candidate.

    The candidate is an anchor (a named group) or, when it turns out to be none, a word or
    a character (``other``); ``end`` matches at the end of the text. So the pattern matches
    wherever it is tried, and a sentence costs one match per candidate rather than one
    attempt of every alternative at every character.
    """
    return re.compile(f"{skip}(?:{'|'.join(alternatives)}|(?P<other>[A-Za-z]+|.)|(?P<end>\\Z))", re.DOTALL)


def _candidates(pattern: re.Pattern[str], text: str, position: int) -> Iterator[re.Match[str]]:
    """The anchor matches of ``pattern`` (see :func:`_scanner`) from ``position`` on."""
    while True:
        match = pattern.match(text, position)
        kind = match.lastgroup if match else "end"
        if kind == "end" or match is None:
            return
        if kind != "other":
            yield match
        position = match.end()


# --- Chinese -----------------------------------------------------------------------------

_CN_DAY = r"[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_CN_RANGE = r"\s*[至到~\-–—]\s*"
_ZH = _scanner(r'[^0-9A-Za-z零〇一二两三四五六七八九十百千万亿半美“「『"(?]*', (
    r"(?=[0-9零〇一二两三四五六七八九十百千万亿半])(?:" + "|".join((
        _REFERENCE,
        r"(?P<date>(?:(?P<year>\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?"
        r"(?<![\d零〇一二两三四五六七八九十百千万亿])(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
        rf"\s*月份?(?:\s*(?P<day>{_CN_DAY})\s*[日号](?:{_CN_RANGE}(?P<day2>{_CN_DAY})\s*[日号])?)?)",
        r"(?P<decade>(?P<century>二十一|二十|十九|21|20|19)\s*世纪\s*(?P<decades>[一二三四五六七八九]十|[1-9]0)\s*年代)",
        r"(?P<cnpct>百分之(?P<cnpv>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千点]+))",
        r"(?P<frac>(?P<den>\d+|[二两三四五六七八九十百千]+)分之(?P<nume>\d+|[一二两三四五六七八九十]+))",
        r"(?P<half>一半|半数|半个)",
        rf"(?P<num>(?<![A-Za-z0-9.])(?P<nv>{_NUMBER})\s*(?:(?P<pc>%)|(?P<scale>[百千](?![米克瓦卡分])[万亿]*|[万亿]+))?)",
        r"(?P<cn>[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+[万亿]*)?)",
    )) + ")",
    r"(?=[A-Za-z])(?:" + "|".join((_URL, _SYMBOL, _LATIN)) + ")",
    r"(?P<dollar>美元)",
    r"(?P<item>(?<![A-Za-z])\((?:[a-z]{1,2}|[ivx]{1,5})\)(?![A-Za-z0-9]))",
    r"(?P<q>[“「『]|(?<![A-Za-z0-9.,!?;:)'])\"(?=\S))",
    r"(?P<paren>\()",
    r"(?P<qmark>\?)",
))
_ZH_RANGE = re.compile(_CN_RANGE)

# What may follow a Chinese numeral for it to be a number: measure words and units.
_CLASSIFIER = re.compile(
    r"\s*(?:个|名|位|人|次|项|年|月|日|天|周|岁|种|类|条|段|章|节|款|份|件|起|家|国|所|座|支|架|艘|辆|倍|层|级|"
    r"批|轮|届|期|部|页|篇|场|张|枚|省|县|委|匹|只|块|根|头|棵|颗|把|对|双|套|台|股|笔|句|首|道|片|本|间|遍|世纪|小时|分钟|秒|公里|千米|米|吨|公斤|千克|美元|元|"
    r"欧元|点|票|例|组|队|营|户|口|成员|星期|季度|方面|大洲|亿|万)")
# After these a numeral always counts: ordinals and numbered parts (第三, 附件二).
_NUMBERING = ("第", "附件", "附录", "附表", "表", "图", "卷", "编")
# Numbered parts of a document: 第一章 is "chapter I", 第一条 "article 1".
_PART = re.compile(r"章|节|条|款|段|部分|项|卷|编|册|篇|阶段")
# Before these, a leading unit is an approximation (数百名 "hundreds of", 上千 "thousands").
_APPROXIMATE = "数几上成逾近"
_LARGE_UNIT = {"万": 10**4, "亿": 10**8, "百": 100, "千": 1000}
# A Roman numeral letter in Chinese text is a number before these (I 期试验 "phase I trials").
_ROMAN_NOUN = re.compile(r"\s*(?:期|类|级|型|号|部分|章|阶段)")
_SINGLE_ROMAN = {"I": 1, "V": 5, "X": 10}
_KILO = ("米", "克", "瓦", "卡")


def _scale_factor(units: str) -> int:
    factor = 1
    for ch in units:
        factor *= _LARGE_UNIT[ch]
    return factor


def _zh_value(text: str) -> str | None:
    """A month or day as written in a Chinese date (``7``, ``07``, ``十二``), canonical."""
    return _plain(text) if text[0].isdigit() else _chinese_number(text)


def _chinese_numeral(text: str, match: re.Match[str]) -> str | None:
    """The value of a run of Chinese numerals, if here it is a number and not part of a word."""
    run, start, end = match.group("cn"), match.start("cn"), match.end()
    if run[-1] == "千" and text.startswith(_KILO, end):  # 五千米 is five kilometres
        run, end = run[:-1], end - 1
        if not run:
            return None
    value = _chinese_number(run, year_follows=text.startswith("年", end))
    if value is None:
        return None
    if text.endswith(_NUMBERING, 0, start):
        if run == "一" and text[start - 1] == "第" and not _PART.match(text, end):
            return None  # 第一 is mostly "first", which is left out in English too
        return value
    if run[0] in "十百千万亿" and start and text[start - 1] in _APPROXIMATE:
        return None
    if run[0] in "一零〇" and len(run) == 1:
        return None
    if len(run) > 1 and run != "千万":
        return value
    return value if _CLASSIFIER.match(text, end) else None


class _Tokens(list[str]):
    """Anchor tokens of one sentence, remembering the last plain number for ranges.

    ``10至20%`` and ``10 to 20 per cent`` are two percentages: when a percentage follows
    a number across a range word, the number becomes a percentage too.
    """

    def __init__(self, label: str | None, text: str, range_link: re.Pattern[str]):
        super().__init__([label] if label else [])
        self.text, self.range_link = text, range_link
        self.number_at, self.number_end = -1, -1

    def number(self, value: str, match: re.Match[str], percent: bool) -> None:
        """Add ``#value`` (or ``%value``) for the number ``match`` (a :func:`_scanner` match)."""
        if percent:
            start = match.start(match.lastgroup or 0)
            if self.number_at >= 0 and self.range_link.fullmatch(self.text, self.number_end, start):
                self[self.number_at] = "%" + self[self.number_at][1:]
            self.append("%" + value)
            self.number_at = -1
        else:
            self.number_at, self.number_end = len(self), match.end()
            self.append("#" + value)


def chinese_anchors(text: str) -> list[str]:
    """The anchor tokens of a Chinese sentence, in order of appearance."""
    if _NEEDS_NORMALISING.search(text):
        text = text.translate(_NORMALISE)
    label, position = _label(text, "zh")
    tokens = _Tokens(label, text, _ZH_RANGE)
    for match in _candidates(_ZH, text, position):
        kind = match.lastgroup
        if kind == "cn":
            value = _chinese_numeral(text, match)
            if value is not None:
                tokens.number(value, match, False)
        elif kind == "num":
            number = _arabic(match.group("nv"))
            scale = match.group("scale")
            tokens.number(_scaled(number, _scale_factor(scale)) if scale else number, match,
                          match.group("pc") is not None)
        elif kind == "lat":
            word = match.group(kind)
            token = _latin_token(word)
            if token is None and word in _SINGLE_ROMAN and _ROMAN_NOUN.match(text, match.end()):
                token = f"#{_SINGLE_ROMAN[word]}"
            if token:
                tokens.append(token)
        elif kind == "date":
            _date_tokens(tokens, match.group("year"), _zh_value(match.group("month")),
                         match.group("day"), match.group("day2"), _zh_value)
        elif kind == "cnpct":
            value = match.group("cnpv")
            number = _arabic(value) if value[0].isdigit() else _chinese_number(value)
            if number is not None:
                tokens.number(number, match, True)
        elif kind == "decade":  # 二十世纪九十年代 is the 1990s
            century, decades = (_zh_value(match.group(g)) or "0" for g in ("century", "decades"))
            tokens.number(str((int(century) - 1) * 100 + int(decades)), match, False)
        elif kind == "frac":
            den, nume = (_zh_value(match.group(g)) for g in ("den", "nume"))
            if den and nume:
                tokens.append(f"frac:{nume}/{den}")
        else:
            tokens += _COMMON[kind](match.group(kind))
    return list(tokens)


def _date_tokens(tokens: list[str], year: str | None, month: str | None, day: str | None,
                 day2: str | None, read: Callable[[str], str | None]) -> None:
    """A date as ``#YYYY`` and ``date:M-D`` (or ``mon:M``), so partial dates still match."""
    if year:
        tokens.append("#" + (year if year.isdigit() else "".join(str(_CN_DIGIT[ch]) for ch in year)))
    if not month or not 1 <= int(month) <= 12:
        return
    if not day:
        tokens.append(f"mon:{month}")
        return
    for value in (day, day2):
        number = read(value) if value else None
        if number and 1 <= int(number) <= 31:
            tokens.append(f"date:{month}-{number}")


_COMMON: dict[str, Callable[[str], list[str]]] = {
    "url": _url_tokens,
    "sym": _symbol_tokens,
    "ref": _symbol_tokens,
    "half": lambda _: ["frac:1/2"],
    "item": lambda text: [f"lab:{text.lower()}"],
    "q": lambda _: ["q"],
    "paren": lambda _: ["("],
    "qmark": lambda _: ["?"],
    "dollar": lambda _: ["$"],
    "usd": lambda _: ["$"],
}


# --- English -----------------------------------------------------------------------------


def _cased(words: Iterable[str]) -> list[str]:
    """Each word as written in running text and capitalised at the start of a sentence."""
    return [form for word in words for form in (word, word[:1].upper() + word[1:])]


_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
_DENOMINATOR = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
_FRACTION_WORDS = [f"{n}{s}" for n in _DENOMINATOR for s in ("", "s") if not n.startswith("hal")]
_WORDS = _trie(_cased(_WORD_VALUE))
_EN_ANY_MONTH = _trie(_MONTHS)
_EN_FULL_MONTH = _trie(m for m in _MONTHS if len(m) > 4 or m in ("May", "June", "July"))
# Words that can start an anchor; every other lowercase or capitalised word is skipped whole.
_TRIGGERS = _trie(_cased([*_WORD_VALUE, "half", "halves", "http", "https", "www", "dollar", "dollars",
                          *(f"a {d}" for d in _FRACTION_WORDS)]) + list(_MONTHS) + list(_SINGLE_ROMAN))
_PLAIN_WORD = rf"(?!(?:{_TRIGGERS})\b)[A-Za-z][a-z]*+(?![.@/:&-]?[A-Za-z0-9])"
_EN_NUMBER = r"(?<![A-Za-z0-9_.])" + _NUMBER
_EN = _scanner(rf'(?:[^0-9A-Za-z$“「"(?]++|{_PLAIN_WORD})*', (
    r"(?=[0-9])(?:" + "|".join((
        _REFERENCE,
        rf"(?P<dmy>(?<![A-Za-z0-9_.])(?P<d1>\d{{1,2}}){_ORDINAL_SUFFIX}?(?:\s*(?:-|–|to|and)\s*(?P<d2>\d{{1,2}})"
        rf"{_ORDINAL_SUFFIX}?)?\s+(?:of\s+)?(?P<m1>{_EN_ANY_MONTH})\b\.?(?:,?\s+(?P<y1>\d{{4}})(?!\d))?)",
        rf"(?P<num>(?P<nv>{_EN_NUMBER})(?:\s*(?P<pc>%|per\s?cent\b|percent\b)|{_ORDINAL_SUFFIX}\b|s\b"
        r"|\s*(?P<scale>thousand|million|billion|trillion)\b)?)",
    )) + ")",
    r"(?=[A-Za-z])(?:" + "|".join((
        _URL,
        _SYMBOL,
        rf"(?P<mdy>\b(?P<m2>{_EN_ANY_MONTH})\.?\s+(?P<d3>\d{{1,2}}){_ORDINAL_SUFFIX}?(?![\d,.]\d)"
        rf"(?:\s*(?:-|–)\s*(?P<d4>\d{{1,2}})(?!\d))?(?:,?\s+(?P<y2>\d{{4}})(?!\d))?)",
        rf"(?P<my>\b(?P<m3>{_EN_FULL_MONTH})\b(?:,?\s+(?P<y3>\d{{4}})(?!\d))?)",
        r"(?P<frac>\b(?P<nume>[Oo]ne|[Aa]|[Tt]wo|[Tt]hree|[Ff]our)[\s-]+(?P<den>" + _trie(_FRACTION_WORDS)
        + r"|halves|half)\b)",
        r"(?P<half>\b[Hh]alf\b)",
        r"(?P<usd>US\$|USD\b|dollars?\b)",
        rf"(?P<words>\b(?:{_WORDS})(?:(?:\s+and\s+|[\s-]+)(?:{_WORDS}))*\b)",
        _LATIN,
    )) + ")",
    r"(?P<dollar>\$)",
    r"(?P<item>(?<![A-Za-z])\((?:[a-z]{1,2}|[ivx]{1,5})\)(?![A-Za-z0-9]))",
    r"(?P<q>[“「]|(?<![A-Za-z0-9.,!?;:)'])\"(?=\S))",
    r"(?P<paren>\()",
    r"(?P<qmark>\?)",
))
_EN_RANGE = re.compile(r"\s*(?:-|–|to|and)\s*")


def english_anchors(text: str) -> list[str]:
    """The anchor tokens of an English sentence, in order of appearance."""
    if _NEEDS_NORMALISING.search(text):
        text = text.translate(_NORMALISE)
    label, position = _label(text, "en")
    tokens = _Tokens(label, text, _EN_RANGE)
    shouting: bool | None = None
    for match in _candidates(_EN, text, position):
        kind = match.lastgroup
        if kind == "num":
            number = _arabic(match.group("nv"))
            scale = match.group("scale")
            tokens.number(_scaled(number, _SCALE_WORDS[scale]) if scale else number, match,
                          match.group("pc") is not None)
        elif kind == "lat":
            word = match.group(kind)
            token = _latin_token(word)
            if token is None and word in _SINGLE_ROMAN and _KEYWORD_ROMAN.search(text, 0, match.start(kind)):
                token = f"#{_SINGLE_ROMAN[word]}"
            if token and token.startswith("acr:"):
                if shouting is None:
                    shouting = _is_shouting(text)
                if shouting:  # a heading in capitals: its words are words
                    for value in _english_number_words(word) if word.lower() in _WORD_VALUE else ():
                        tokens.number(value, match, False)
                    continue
            if token:
                tokens.append(token)
        elif kind == "words":
            for value in _english_number_words(match.group(kind)):
                tokens.number(value, match, False)
        elif kind == "dmy":
            _date_tokens(tokens, match.group("y1"), str(_MONTHS[match.group("m1")]),
                         match.group("d1"), match.group("d2"), _plain)
        elif kind == "mdy":
            _date_tokens(tokens, match.group("y2"), str(_MONTHS[match.group("m2")]),
                         match.group("d3"), match.group("d4"), _plain)
        elif kind == "my":
            month, year = match.group("m3"), match.group("y3")
            if month != "May" or year:
                _date_tokens(tokens, year, str(_MONTHS[month]), None, None, _plain)
        elif kind == "frac":
            nume, den = match.group("nume").lower(), match.group("den")
            count = 1 if nume in ("one", "a") else _WORD_VALUE[nume]
            tokens.append(f"frac:{count}/{_DENOMINATOR[den if den in _DENOMINATOR else den[:-1]]}")
        else:
            tokens += _COMMON[kind](match.group(kind))
    return list(tokens)
