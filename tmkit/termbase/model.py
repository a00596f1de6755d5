"""The termbase as data: concepts, their terms, and the closed value lists.

The model follows the TBX concept-oriented structure (a concept holds terms in each
language, each term with its own status, type and part of speech) so that every
format tmkit reads or writes — the YAML source, TBX v3, TBX 2008, TSV — is a view of
the same objects and a round trip can be checked with ``==``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "LANGUAGES", "STATUSES", "TERM_TYPES", "PARTS_OF_SPEECH", "USABLE_STATUSES", "REJECTED_STATUSES",
    "Term", "Concept", "Termbase",
]

#: Languages of the termbase, in the order they are written.
LANGUAGES = ("zh", "en")
#: Administrative status (TBX ``administrativeStatus`` without the ``Term-admn-sts`` suffix).
STATUSES = ("preferred", "admitted", "deprecated", "superseded")
#: Terms a translator may use; the aligner and the term check rely on these.
USABLE_STATUSES = frozenset({"preferred", "admitted"})
#: Terms a translator must not use.
REJECTED_STATUSES = frozenset({"deprecated", "superseded"})
#: TBX-Basic ``termType`` values.
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")
#: TBX-Basic ``partOfSpeech`` values plus ``properNoun`` (names of bodies, missions, States).
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")


@dataclass(frozen=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    status: str
    type: str
    pos: str
    #: When a superseded name stopped being the one to use (``YYYY-MM-DD`` or ``YYYY-MM``),
    #: so that a term check can say since when, and a unit older than that is not wrong.
    replaced: str | None = None

    @property
    def usable(self) -> bool:
        """Preferred or admitted: a translator may use it."""
        return self.status in USABLE_STATUSES


@dataclass(frozen=True)
class Concept:
    """A concept entry: one meaning, its terms in Chinese and English, and its provenance."""

    id: str
    subject: str
    zh: tuple[Term, ...]
    en: tuple[Term, ...]
    source: str
    modified: date
    definition: str | None = None
    note: str | None = None

    def terms(self, lang: str) -> tuple[Term, ...]:
        """The terms in ``lang`` (``"zh"`` or ``"en"``)."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        return self.zh if lang == "zh" else self.en

    def preferred(self, lang: str) -> Term:
        """The term to use: the preferred one, else the first admitted, else the first."""
        terms = self.terms(lang)
        for wanted in ("preferred", "admitted"):
            for term in terms:
                if term.status == wanted:
                    return term
        return terms[0]


@dataclass(frozen=True)
class Termbase:
    """All concepts, in file order (subject files sorted by name, entries as written)."""

    concepts: tuple[Concept, ...]
    _by_id: dict[str, Concept] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {concept.id: concept for concept in self.concepts})

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def get(self, concept_id: str) -> Concept | None:
        """The concept with this id, if any."""
        return self._by_id.get(concept_id)

    @property
    def subjects(self) -> list[str]:
        """Subject fields in order of first appearance."""
        return list(dict.fromkeys(concept.subject for concept in self.concepts))
