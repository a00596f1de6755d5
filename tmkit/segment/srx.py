"""Sentence splitting from SRX 2.0 rules, through the ``choppa-srx`` package.

Why SRX: it is the exchange format of CAT-tool segmentation rules (Trados, memoQ,
OmegaT and Okapi export or read it). A translator whose memory must match the way
their tool segments new documents can hand tmkit the same rules file, and get the
same segments on both sides of the memory.

Without a file, the LanguageTool ``segment.srx`` that choppa bundles is used (rules
``Ideographic`` for zh, ``English`` for en, on top of ``GeneralImportant`` and
``Default``). Parsing a file and compiling its patterns takes 0.1-0.3 s (0.7 s for a
user file as big as LanguageTool's, which is checked whole), so parsed rule sets are
cached per file and language (and per modification time, so an edited file is re-read).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tmkit.errors import InputError

# Codes tried against a file's <languagemap languagepattern="..."> regexes: tmkit's own
# code first, then the spellings CAT tools use (OmegaT "ZH.*", Trados "zh-CN", Okapi "zh_CN").
LANGUAGE_CODES: dict[str, tuple[str, ...]] = {
    "zh": ("zh", "ZH", "zh-CN", "zh_CN", "ZH-CN", "zh-Hans", "zh-Hans-CN", "zh-TW"),
    "en": ("en", "EN", "en-US", "en_US", "EN-US", "en-GB", "en_GB"),
}
BUNDLED = "languagetool"  # how the bundled rules are named in TMX headers and messages


@dataclass(frozen=True)
class SrxRules:
    """A parsed SRX file ready to split one language: the document and its language code."""

    document: Any  # choppa.SrxDocument
    code: str
    source: str


def _choppa() -> Any:
    try:
        import choppa
    except ImportError:  # pragma: no cover - choppa-srx is a dependency
        raise InputError("SRX segmentation needs the choppa-srx package (pip install choppa-srx)") from None
    return choppa


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _refuse_entities(path: Path, source: str) -> None:
    """An entity in a rule would reach choppa unexpanded, making a pattern that breaks at
    every space: such a file is refused (the bundled rules have none)."""
    from lxml import etree

    from tmkit.io.safe_xml import refuse_entities, safe_parser

    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (etree.XMLSyntaxError, OSError):
        return  # choppa reports what is wrong with the file, as before
    refuse_entities(root, source)


def _parse(path: Path, source: str) -> Any:
    """Parse ``path`` into a choppa document; any failure is the user's file's fault."""
    _refuse_entities(path, source)
    choppa = _choppa()
    try:
        document = choppa.SrxDocument(ruleset=str(path))
    except Exception as exc:  # noqa: BLE001 - whatever the parser trips on is the file's fault
        # Not XML (SAXParseException), a <rule> outside a <languagerule> or a map
        # without a pattern (AttributeError/TypeError), a bad languagepattern (regex.error).
        raise InputError(f"{source}: not a usable SRX file: {_one_line(exc)}") from None
    if not document.language_map_list:
        raise InputError(f"{source}: not a usable SRX file: no <languagemap> elements")
    for language_map in document.language_map_list:
        if language_map.language_rule is None:
            raise InputError(f"{source}: not a usable SRX file: a <languagemap> names a missing <languagerule>")
    return document


def _language_code(document: Any, lang: str, source: str) -> str:
    """The spelling of ``lang`` that the file's language maps select the most rules for."""
    candidates = LANGUAGE_CODES.get(lang, (lang, lang.upper()))
    best, best_count = candidates[0], -1
    for code in candidates:
        count = sum(len(rule.rules) for rule in document.get_language_rule_list(code))
        if count > best_count:
            best, best_count = code, count
    if best_count <= 0:
        raise InputError(f"{source}: the SRX file has no segmentation rules for language {lang!r}")
    return best


def _compile_all(document: Any, code: str, source: str, every_language: bool) -> None:
    """Compile the patterns now, so a bad regex is an input error, not a crash mid-file.

    A user's file is checked whole (it is one file for both languages, and a typo in its
    English rules is worth reporting even when splitting Chinese); the bundled file is
    trusted, and only the rules for ``code`` are compiled.
    """
    try:
        if every_language:
            for language_map in document.language_map_list:
                for rule in language_map.language_rule.rules:
                    document.compile(rule.before_pattern)
                    document.compile(rule.after_pattern)
        manager = document.get_rule_manager(document.get_language_rule_list(code), 100)
        for rule in manager.break_rule_list:
            document.compile(rule.before_pattern)
            document.compile(rule.after_pattern)
    except Exception as exc:  # noqa: BLE001 - regex.error and friends: the file's patterns are bad
        raise InputError(f"{source}: bad regular expression in SRX rules: {_one_line(exc)}") from None


@lru_cache(maxsize=16)
def _load(path: str, lang: str, mtime_ns: int, size: int) -> SrxRules:
    """Parse and compile once per (file version, language); see :func:`load_rules`."""
    choppa = _choppa()
    bundled = path == str(choppa.DEFAULT_SRX_RULESET)
    source = BUNDLED if bundled else path
    document = _parse(Path(path), source)
    code = _language_code(document, lang, source)
    _compile_all(document, code, source, every_language=not bundled)
    return SrxRules(document=document, code=code, source=source)


def load_rules(lang: str, rules_path: Path | str | None = None) -> SrxRules:
    """The SRX rules for ``lang``: the bundled LanguageTool ones or those in ``rules_path``."""
    path = Path(rules_path) if rules_path is not None else Path(_choppa().DEFAULT_SRX_RULESET)
    try:
        stat = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read SRX file: {exc.strerror or _one_line(exc)}") from None
    if not path.is_file():
        raise InputError(f"{path}: cannot read SRX file: not a file")
    return _load(str(path), lang, stat.st_mtime_ns, stat.st_size)


def split_srx(text: str, lang: str, rules_path: Path | str | None = None) -> list[str]:
    """Split one block of text with SRX rules; segments are stripped, empty ones dropped."""
    rules = load_rules(lang, rules_path)
    if not text.strip():
        return []
    iterator = _choppa().SrxTextIterator(rules.document, rules.code, text)
    return [segment.strip() for segment in iterator if segment.strip()]


def rules_name(rules_path: Path | str | None) -> str:
    """How a rule set is named in TMX headers: the file given, or the bundled rules."""
    return str(rules_path) if rules_path is not None else BUNDLED
