"""Language tags as memories and termbases write them (``zh-CN``, ``ZH_tw``, ``zh-Hans``, ``en``).

TMX and TBX files both tag their text with ``xml:lang``; what decides the language is
the primary subtag, whatever the case or separator a tool wrote. The readers of both
formats use these helpers, so they live below both.
"""

from __future__ import annotations

import functools

__all__ = ["primary_subtag", "language_matches"]


@functools.lru_cache(maxsize=1024)  # a handful of codes, asked for twice per unit of huge memories
def primary_subtag(code: str) -> str:
    """``zh`` of ``zh-CN``, ``ZH_tw`` or ``zh-Hans``: what decides the language."""
    return code.replace("_", "-").split("-", 1)[0].lower()


def language_matches(code: str, wanted: str) -> bool:
    """Whether ``code`` is the language ``wanted`` (case, ``_`` and ``-`` ignored)."""
    return code.replace("_", "-").lower() == wanted.replace("_", "-").lower()
