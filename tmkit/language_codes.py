"""The language codes a memory is written with (``--zh-lang``, ``--en-lang``).

A code goes into every ``xml:lang`` of a TMX file and is how a CAT tool decides which
side is the source. An empty code, one with markup characters, or the same language
on both sides makes a memory that tmkit's own validator rejects and that no CAT tool
can use, so such codes are refused before any work.
"""

from __future__ import annotations

import re

from tmkit.errors import InputError

__all__ = ["check_language_codes"]

#: BCP 47 shape (RFC 5646 ``langtag``, loosely): letters, then subtags of letters and
#: digits; ``_`` is accepted too, as CAT tools write ``zh_CN``.
_CODE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def _primary(code: str) -> str:
    return code.replace("_", "-").split("-", 1)[0].lower()


def check_language_codes(zh_lang: str | None, en_lang: str | None) -> None:
    """Raise :class:`InputError` for a malformed code, or codes naming the wrong language.

    ``None`` means "not given" (the input's codes are used). The Chinese code must not
    be English and the English one not Chinese, and the two must differ.
    """
    for option, code in (("--zh-lang", zh_lang), ("--en-lang", en_lang)):
        if code is not None and not _CODE.fullmatch(code):
            raise InputError(f"{option} {code!r} is not a language code such as zh-CN or en-US")
    if zh_lang is not None and _primary(zh_lang) == "en":
        raise InputError(f"--zh-lang {zh_lang} is an English language code; the Chinese side needs e.g. zh-CN")
    if en_lang is not None and _primary(en_lang) == "zh":
        raise InputError(f"--en-lang {en_lang} is a Chinese language code; the English side needs e.g. en-US")
    if zh_lang is not None and en_lang is not None and _primary(zh_lang) == _primary(en_lang):
        raise InputError(f"--zh-lang {zh_lang} and --en-lang {en_lang} name the same language code; "
                         "they must differ")
