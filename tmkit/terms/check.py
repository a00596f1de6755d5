"""Term QA of a memory against the termbase: findings a terminologist can act on.

For each unit (Chinese source, English translation):

* ``missing``: a Chinese term occurs as a word of the source, in a word class that fits
  the term (:func:`~tmkit.terms.chinese_occurrences.fits`), and the English holds none of
  the English terms a translator may use for it: the preferred and admitted terms of every
  concept that has this Chinese term, inflected or not
  (:mod:`~tmkit.terms.english_forms`), and an adjective variant ("Chinese" for 中国) where
  the Chinese term is used attributively (中国政府), and, for the Chinese short form of a
  body (安理会, 南苏丹特派团) or a name Chinese has no short form of (大会), the English second
  reference by its head noun ("the Council", "the Mission", "the Assembly":
  :func:`second_reference`). A name missing is an ``error``, any other term
  a ``warning``;
* ``superseded`` / ``deprecated``: the English (or Chinese) uses a term the termbase
  rejects, as a term (case-sensitive for names, so the bird "turkey" is not the old name
  of Türkiye; a name opening a sentence only when the Chinese names the same State or
  body) and not as part of a longer usable term. The finding names the term to use
  instead and, for a superseded name, the date it changed; a unit created before that
  date (TMX ``creationdate``) is not wrong, only noted (``info``).

Every finding says why in words (:attr:`Finding.why`); :meth:`TermChecker.explain` lists
every term occurrence of a unit with what the check made of it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tmkit.termbase.model import Concept, Term, Termbase
from tmkit.terms.chinese_occurrences import ChineseOccurrence, ChineseTermFinder, fits, normalize
from tmkit.terms.english_forms import EnglishIndex, EnglishOccurrence, TermPattern
from tmkit.tmx.writer import TranslationUnit

__all__ = ["Finding", "TermChecker", "COLUMNS", "SEVERITIES", "BODY_HEADS", "finding_row", "second_reference",
           "summarize"]

COLUMNS = ("tuid", "severity", "issue", "lang", "concept", "term", "expected", "found", "why", "zh", "en")
#: Severities, gravest first.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One term problem in one unit."""

    tuid: str
    severity: str  #: "error", "warning" or "info"
    issue: str  #: "missing", "superseded" or "deprecated"
    lang: str  #: language of the term the finding is about
    concept: str
    term: str  #: the termbase term found (the Chinese term for "missing", the rejected term otherwise)
    expected: tuple[str, ...]  #: what the unit should use
    found: str  #: what the unit has instead, where something near was found ("" for nothing)
    why: str  #: the reason, in words
    zh: str
    en: str


def finding_row(finding: Finding) -> list[str]:
    """The TSV row of a finding, in :data:`COLUMNS` order."""
    return [finding.tuid, finding.severity, finding.issue, finding.lang, finding.concept, finding.term,
            " | ".join(finding.expected), finding.found, finding.why, " ".join(finding.zh.split()),
            " ".join(finding.en.split())]


#: Head nouns by which UN English refers back to a body already named ("the Council",
#: "the Mission", "the Committee"): the usual rendering of a Chinese short form (安理会,
#: 南苏丹特派团, 特别委员会), which the termbase cannot list (one concept per term and subject).
BODY_HEADS = frozenset("""
Council Assembly Committee Subcommittee Commission Mission Office Department Programme Fund Panel Group Court
Tribunal Secretariat Organization Force Operation Conference Board Agency Unit Division Section Team Forum Bank
Service Centre Institute Entity Facility Network
""".split())
_NAME_LINKS = frozenset({"of", "in", "for", "on", "to", "at"})
_SHORT_TYPES = frozenset({"shortForm", "acronym", "abbreviation"})


@dataclass(frozen=True)
class _EnglishTerm:
    concept: Concept
    term: Term
    second_reference: bool = False  #: "the Council" for a body: accepted for Chinese short forms only


def second_reference(concept: Concept) -> str | None:
    """``the Council`` for the Security Council, ``the Mission`` for UNMISS; None for other concepts.

    The head is the last word of the preferred English name before its first preposition
    (United Nations *Mission* in South Sudan, *Office* for the Coordination of …), when it is a
    noun that names a body (:data:`BODY_HEADS`). States are not referred to so.
    """
    name = concept.preferred("en")
    if name.pos != "properNoun" or concept.subject == "countries":
        return None
    words = name.text.split()
    for index, word in enumerate(words):
        if word in _NAME_LINKS:
            words = words[:index]
            break
    return f"the {words[-1]}" if words and words[-1] in BODY_HEADS else None


class TermChecker:
    """Checks units against one termbase; build once (it loads jieba), call :meth:`check` per unit."""

    def __init__(self, termbase: Termbase):
        self._usable_zh: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
        self._rejected_zh: dict[str, list[tuple[Concept, Term]]] = defaultdict(list)
        entries = []
        for concept in termbase:
            for term in concept.zh:
                key = normalize(term.text)
                (self._usable_zh if term.usable else self._rejected_zh)[key].append((concept, term))
            for term in concept.en:
                pattern = TermPattern.of(term.text, term.pos, term.type)
                if pattern:
                    entries.append((_EnglishTerm(concept, term), pattern))
            reference = second_reference(concept)
            if reference:
                term = Term(reference, "admitted", "shortForm", "properNoun")
                entries.append((_EnglishTerm(concept, term, second_reference=True),
                                TermPattern.of(reference, term.pos, term.type)))
        self._zh = ChineseTermFinder((text, pairs[0][1].pos) for table in (self._usable_zh, self._rejected_zh)
                                     for text, pairs in table.items())
        self._en = EnglishIndex(entries)

    def check(self, unit: TranslationUnit) -> list[Finding]:
        """The findings of one unit: Chinese terms in source order, then rejected English terms."""
        return self._examine(unit)[0]

    def chinese_occurrences(self, text: str) -> list[tuple[ChineseOccurrence, bool]]:
        """The usable Chinese terms in ``text``, each with whether its word class lets it be checked."""
        return [(o, any(fits(term.pos, o) for _, term in self._usable_zh[o.term]))
                for o in self._zh.find(text) if o.term in self._usable_zh]

    def explain(self, unit: TranslationUnit) -> list[str]:
        """Every term occurrence in the unit and what the check made of it, one line each."""
        return self._examine(unit)[1]

    def _examine(self, unit: TranslationUnit) -> tuple[list[Finding], list[str]]:
        zh_found = self._zh.find(unit.zh)
        en_found = self._en.find(unit.en)
        usable_en = [o for o in en_found if o.key.term.usable and o.exact_case]
        findings: list[Finding] = []
        notes: list[str] = []
        rejected_en = []
        for occurrence in _uncovered([o for o in en_found if not o.key.term.usable and o.exact_case], usable_en):
            if self._named_in_source(occurrence, zh_found):
                rejected_en.append(occurrence)
            else:
                notes.append(f"en {occurrence.surface!r} opens the sentence and the Chinese does not name "
                             f"{occurrence.key.concept.preferred('zh').text}: perhaps not the name, not reported")
        reported: set[str] = set()
        for occurrence in zh_found:
            if occurrence.term in self._rejected_zh and occurrence.term not in self._usable_zh:
                concept, term = self._rejected_zh[occurrence.term][0]
                notes.append(f"zh {occurrence.term} [{occurrence.context}]: {term.status} term; "
                             f"use {concept.preferred('zh').text}")
                if occurrence.term not in reported:
                    reported.add(occurrence.term)
                    findings.append(self._rejected(unit, concept, term, "zh", occurrence.term, "warning"))
                continue
            finding, note = self._missing(unit, occurrence, en_found, usable_en, rejected_en, reported)
            notes.append(note)
            if finding:
                reported.add(finding.concept)
                findings.append(finding)
        for occurrence in rejected_en:
            concept, term = occurrence.key.concept, occurrence.key.term
            finding = self._rejected(unit, concept, term, "en", occurrence.surface, _severity(term, unit))
            findings.append(finding)
            notes.append(f"en {occurrence.surface!r}: {finding.why}")
        for occurrence in en_found:
            if not occurrence.exact_case and not occurrence.key.term.usable:
                notes.append(f"en {occurrence.surface!r}: not the {occurrence.key.term.status} name "
                             f"{occurrence.key.term.text!r} (names are compared with their case)")
        return findings, notes

    def _named_in_source(self, occurrence: EnglishOccurrence, zh_found: list[ChineseOccurrence]) -> bool:
        """Whether a rejected English name is surely the name: not capitalised only by the sentence
        ("Turkey is a bird" opening a sentence is not the old name of Türkiye), or named in the Chinese."""
        if not occurrence.sentence_start or occurrence.key.term.pos != "properNoun":
            return True
        concept = occurrence.key.concept.id
        return any(concept in {c.id for c, _ in self._usable_zh.get(o.term, []) + self._rejected_zh.get(o.term, [])}
                   for o in zh_found)

    def _missing(self, unit: TranslationUnit, occurrence: ChineseOccurrence, en_found: list[EnglishOccurrence],
                 usable_en: list[EnglishOccurrence], rejected_en: list[EnglishOccurrence],
                 reported: set[str]) -> tuple[Finding | None, str]:
        pairs = self._usable_zh[occurrence.term]
        head = f"zh {occurrence.term} [{occurrence.context}] ({occurrence.tag or 'several words'})"
        fitting = [(concept, term) for concept, term in pairs if fits(term.pos, occurrence)]
        if not fitting:
            return None, f"{head}: not checked, used as another word class than the term's ({pairs[0][1].pos})"
        concepts = {concept.id for concept, _ in fitting}
        # "the Council" renders a short Chinese form, or a name Chinese has no shorter form of (大会).
        referable = {concept.id for concept, term in fitting
                     if term.type in _SHORT_TYPES or not any(t.type in _SHORT_TYPES for t in concept.zh)}
        formal = {concept.id for concept, term in fitting if _formal_only(concept, term)}
        matches = [o for o in usable_en if o.key.concept.id in concepts
                   and (o.key.concept.id in referable or not o.key.second_reference)
                   and not (o.key.concept.id in formal and o.key.term.type == "shortForm")]
        full = [o for o in matches if o.key.term.pos != "adjective" or occurrence.attributive]
        if full:
            return None, f"{head}: found {full[0].surface!r}"
        concept, term = fitting[0]
        if concept.id in reported:
            return None, f"{head}: already reported"
        old = [o for o in rejected_en if o.key.concept.id in concepts]
        if old:
            return None, f"{head}: the English has the {old[0].key.term.status} {old[0].surface!r} (reported below)"
        expected = tuple(dict.fromkeys(t.text for c, _ in fitting for t in c.en if t.usable and t.pos != "adjective"
                                       and not (c.id in formal and t.type == "shortForm")))
        adjectives = tuple(t.text for c, _ in fitting for t in c.en if t.usable and t.pos == "adjective")
        near = [o for o in matches if o not in full] + [o for o in en_found if o.key.concept.id in concepts
                                                       and not o.exact_case]
        if near and not near[0].exact_case:
            found, why = near[0].surface, (f"{near[0].surface!r} differs in case from {near[0].key.term.text!r}, "
                                           f"and names are compared with their case")
        elif near:
            found, why = near[0].surface, (f"the adjective {near[0].surface!r} renders {occurrence.term} only where "
                                           f"it modifies a noun, and here it does not")
        else:
            found, why = "", f"none of the English terms for {occurrence.term} is in the translation"
        if adjectives and occurrence.attributive:
            expected += adjectives
        severity = "error" if term.pos == "properNoun" else "warning"
        finding = Finding(unit.tuid, severity, "missing", "zh", concept.id, occurrence.term, expected, found, why,
                          unit.zh, unit.en)
        return finding, f"{head}: MISSING — {why}; expected {' | '.join(expected)}"

    @staticmethod
    def _rejected(unit: TranslationUnit, concept: Concept, term: Term, lang: str, found: str,
                  severity: str) -> Finding:
        preferred = concept.preferred(lang).text
        why = f"{term.text!r} is {term.status}; use {preferred!r}"
        if term.replaced:
            why = f"{term.text!r} was replaced by {preferred!r} on {term.replaced}"
            if severity == "info":
                why += "; this unit was created before that"
        return Finding(unit.tuid, severity, term.status, lang, concept.id, term.text, (preferred,), found, why,
                       unit.zh, unit.en)


def _formal_only(concept: Concept, term: Term) -> bool:
    """Whether the Chinese ``term`` is a full name set against a short one (中华人民共和国, not 中国).

    Then only the full English names fit: "the Republic of Albania" for 阿尔巴尼亚共和国,
    "Security Council" for 安全理事会 — not "Albania", not "the Council".
    """
    return term.type == "fullForm" and any(t.usable and t.type == "shortForm" for t in concept.zh) \
        and any(t.usable and t.type == "fullForm" for t in concept.en)


def _uncovered(rejected: list[EnglishOccurrence], usable: list[EnglishOccurrence]) -> list[EnglishOccurrence]:
    """Rejected terms that are not part of a longer usable one, each once per term."""
    result, seen = [], set()
    for occurrence in rejected:
        inside = any(o.start <= occurrence.start and occurrence.end <= o.end and o.end - o.start >
                     occurrence.end - occurrence.start for o in usable)
        if not inside and occurrence.key.term.text not in seen:
            seen.add(occurrence.key.term.text)
            result.append(occurrence)
    return result


def _severity(term: Term, unit: TranslationUnit) -> str:
    """``error``, or ``info`` for a superseded name in a unit created before the name changed."""
    created = (unit.attributes.get("creationdate") or "")[:8]
    if term.replaced and len(created) == 8 and created.isdigit():
        changed = term.replaced.replace("-", "")
        if created < changed.ljust(8, "0"):
            return "info"
    return "error"


def summarize(units: int, findings: Iterable[Finding]) -> str:
    """A few lines for the translator: how many units have problems, of which kinds, and the commonest."""
    findings = list(findings)
    severities = Counter(finding.severity for finding in findings)
    kinds = Counter(f"{finding.issue} ({finding.lang})" for finding in findings)
    flagged = len({finding.tuid for finding in findings})
    lines = [f"{units} units checked; {flagged} with term issues; {len(findings)} findings"
             + (f" ({', '.join(f'{severities[s]} {s}' for s in SEVERITIES if severities[s])})" if findings else "")
             + (f": {', '.join(f'{kind} {n}' for kind, n in kinds.most_common())}" if findings else "")]
    common = Counter((finding.issue, finding.term) for finding in findings).most_common(5)
    if common:
        lines.append("most frequent: " + "; ".join(f"{term} ({issue}) {n}" for (issue, term), n in common))
    return "\n".join(lines)
