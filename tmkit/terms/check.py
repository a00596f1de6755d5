"""Term QA of a memory against the termbase: missing equivalents and terms not to use.

Two findings, as in the terminology checks of CAT tools (Trados, memoQ, Xbench):

* ``missing``: a Chinese term of a concept occurs in the unit, but none of the
  concept's preferred or admitted English terms does (case-insensitive, plural and
  singular alike, hyphen or space alike);
* ``deprecated``: the unit uses a deprecated or superseded term, in Chinese or English;
  the preferred term is suggested.

Chinese terms are found leftmost-longest without overlaps, so ``联合国南苏丹特派团`` is
one finding, not also one for ``南苏丹特派团`` inside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tmkit.termbase.model import Concept, Term, Termbase
from tmkit.terms.english import phrase_key
from tmkit.tmx.writer import TranslationUnit

__all__ = ["Finding", "TermChecker", "COLUMNS", "finding_row", "summarize"]

COLUMNS = ("tuid", "issue", "concept", "lang", "found", "expected", "zh", "en")


@dataclass(frozen=True)
class Finding:
    """One term problem in one unit."""

    tuid: str
    issue: str  #: "missing" or "deprecated"
    concept: str
    lang: str  #: language of the term found
    found: str  #: the term found in the unit
    expected: tuple[str, ...]  #: what the unit should contain (English usable terms, or the preferred term)
    zh: str
    en: str


def finding_row(finding: Finding) -> list[str]:
    """The TSV row of a finding, in :data:`COLUMNS` order."""
    return [finding.tuid, finding.issue, finding.concept, finding.lang, finding.found,
            " | ".join(finding.expected), " ".join(finding.zh.split()), " ".join(finding.en.split())]


class TermChecker:
    """Checks units against one termbase; build once, call :meth:`check` per unit."""

    def __init__(self, termbase: Termbase):
        self._zh_index: dict[str, list[tuple[str, Concept, Term]]] = {}
        self._en_rejected: list[tuple[tuple[str, ...], Concept, Term]] = []
        self._usable_en: dict[str, list[tuple[str, ...]]] = {}
        for concept in termbase:
            for term in concept.zh:
                self._zh_index.setdefault(term.text[0], []).append((term.text, concept, term))
            self._usable_en[concept.id] = [key for key in (phrase_key(t.text) for t in concept.en if t.usable) if key]
            self._en_rejected.extend((phrase_key(t.text), concept, t) for t in concept.en
                                     if not t.usable and phrase_key(t.text))
        for entries in self._zh_index.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        # A rejected English term inside a longer usable one (of any concept) is not a use of it.
        usable = {key for keys in self._usable_en.values() for key in keys}
        self._covering = {key: [longer for longer in usable if len(longer) > len(key) and _contains(longer, key)]
                          for key, _, _ in self._en_rejected}

    def _zh_matches(self, text: str) -> list[tuple[Concept, Term]]:
        found = []
        position = 0
        while position < len(text):
            for term_text, concept, term in self._zh_index.get(text[position], ()):
                if text.startswith(term_text, position):
                    found.append((concept, term))
                    position += len(term_text)
                    break
            else:
                position += 1
        return found

    def check(self, unit: TranslationUnit) -> list[Finding]:
        """The findings of one unit, in the order their terms occur (Chinese first)."""
        en_key = phrase_key(unit.en)
        findings = []
        reported: set[tuple[str, str]] = set()
        for concept, term in self._zh_matches(unit.zh):
            if term.usable:
                expected = self._usable_en[concept.id]
                if expected and not any(_contains(en_key, key) for key in expected) \
                        and ("missing", concept.id) not in reported:
                    reported.add(("missing", concept.id))
                    findings.append(self._finding(unit, "missing", concept, "zh", term.text,
                                                  tuple(t.text for t in concept.en if t.usable)))
            elif ("deprecated", term.text) not in reported:
                reported.add(("deprecated", term.text))
                findings.append(self._finding(unit, "deprecated", concept, "zh", term.text,
                                              (concept.preferred("zh").text,)))
        for key, concept, term in self._en_rejected:
            if _contains(en_key, key) and not any(_contains(en_key, longer) for longer in self._covering[key]):
                findings.append(self._finding(unit, "deprecated", concept, "en", term.text,
                                              (concept.preferred("en").text,)))
        return findings

    @staticmethod
    def _finding(unit: TranslationUnit, issue: str, concept: Concept, lang: str, found: str,
                 expected: tuple[str, ...]) -> Finding:
        return Finding(unit.tuid, issue, concept.id, lang, found, expected, unit.zh, unit.en)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether the word sequence ``needle`` occurs in ``haystack``."""
    size = len(needle)
    first = needle[0]
    return any(haystack[i] == first and haystack[i:i + size] == needle for i in range(len(haystack) - size + 1))


def summarize(units: int, findings: Iterable[Finding]) -> str:
    """A few lines for the translator: how many units have problems, of which kinds, and the commonest."""
    findings = list(findings)
    kinds = Counter(f"{finding.issue} ({finding.lang})" for finding in findings)
    flagged = len({finding.tuid for finding in findings})
    lines = [f"{units} units checked; {flagged} with term issues; {len(findings)} findings"
             + (f": {', '.join(f'{kind} {n}' for kind, n in kinds.most_common())}" if findings else "")]
    common = Counter((finding.issue, finding.found) for finding in findings).most_common(5)
    if common:
        lines.append("most frequent: " + "; ".join(f"{found} ({issue}) {n}" for (issue, found), n in common))
    return "\n".join(lines)
