"""Read and check the curated YAML source of the termbase (``termbase/<subject>.yaml``).

Terminologists edit these files by hand and review them in git, so every problem is
reported as ``file:line: concept-id: problem`` with the line of the entry in the YAML
(PyYAML's node marks), and *all* problems are reported at once rather than the first
one: a review round should not turn into a dozen edit-run cycles.

The schema (documented in ``termbase/README.md``)::

    subject: peacekeeping
    concepts:
      - id: peacekeeping-operation      # ^[a-z][a-z0-9-]*$, unique in the termbase
        definition: ...                 # optional
        note: ...                       # optional
        source: S/2018/184; UNTERM      # required
        modified: 2026-11-22            # required, ISO date
        zh: [{term: 维持和平行动, status: preferred, type: fullForm, pos: noun}]
        en: [{term: peacekeeping operation, status: preferred, type: fullForm, pos: noun}]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from tmkit.langid import count_scripts, is_han, is_wide
from tmkit.termbase.model import (
    LANGUAGES,
    PARTS_OF_SPEECH,
    STATUSES,
    TERM_TYPES,
    Concept,
    Term,
)

__all__ = ["Problem", "read_sources", "source_files", "normalize_term"]

ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
CONCEPT_KEYS = {"id", "definition", "note", "source", "modified", *LANGUAGES}
REQUIRED_CONCEPT_KEYS = ("id", "source", "modified", *LANGUAGES)
TERM_KEYS = ("term", "status", "type", "pos")
#: Optional term keys: ``replaced`` is the date a superseded term was replaced.
OPTIONAL_TERM_KEYS = ("replaced",)
REPLACED_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
ALLOWED_VALUES = {"status": STATUSES, "type": TERM_TYPES, "pos": PARTS_OF_SPEECH}
FILE_KEYS = {"subject", "concepts"}
NO_ID = "-"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a terminologist has to fix, located in the source."""

    file: str
    line: int
    concept: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.concept}: {self.message}"


class _MarkedDict(dict):
    """A mapping that remembers where it and each of its keys stand in the YAML."""

    line: int
    key_lines: dict[str, int]
    repeated_keys: list[tuple[str, int]]


class _MarkedList(list):
    line: int


class _MarkedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """``safe_load`` semantics, plus line numbers and repeated keys (PyYAML keeps the last silently).

    On libyaml's parser when PyYAML has it (its wheels do): five times faster than the
    pure-Python one, and reading the termbase is part of a user's first ``tmkit align``.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _MarkedDict:
        mapping = _MarkedDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        mapping.repeated_keys = []
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if isinstance(key, str) and key in mapping.key_lines:
                mapping.repeated_keys.append((key, line))
            elif isinstance(key, str):
                mapping.key_lines[key] = line
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> _MarkedList:
        sequence = _MarkedList(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        return sequence


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _MarkedLoader.construct_mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _MarkedLoader.construct_sequence)


def normalize_term(text: str, lang: str) -> str:
    """The form two terms are compared in: NFKC, single spaces, English case-folded."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return text.casefold() if lang == "en" else text


def source_files(directory: Path) -> list[Path]:
    """The subject files of a termbase folder, sorted so the build is reproducible."""
    return sorted(path for path in directory.iterdir() if path.suffix in (".yaml", ".yml") and path.is_file())


def read_sources(directory: Path) -> tuple[list[Concept], list[Problem]]:
    """Every concept that is valid, and every problem found, over all subject files.

    Cross-file checks (duplicate ids, conflicting terms) run on all entries, so a
    duplicate is reported even when one of its two copies has other problems.
    """
    concepts: list[Concept] = []
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    usable: dict[tuple[str, str, str], tuple[str, str]] = {}
    for path in source_files(directory):
        file = _display(path)
        data, error = _load(path, file)
        if error:
            problems.append(error)
            continue
        subject = _check_file(data, file, path.stem, problems)
        if subject is None:
            continue
        for entry in data.get("concepts") or []:
            concept_problems: list[Problem] = []
            concept = _read_concept(entry, subject, file, concept_problems)
            concept_id = entry.get("id") if isinstance(entry, dict) else None
            line = getattr(entry, "line", data.line)
            if isinstance(concept_id, str):
                if concept_id in seen_ids:
                    concept_problems.append(Problem(file, line, concept_id,
                                                    f"duplicate id (first at {seen_ids[concept_id]})"))
                else:
                    seen_ids[concept_id] = f"{file}:{line}"
                if isinstance(entry, dict):
                    _check_conflicts(entry, subject, concept_id, file, usable, concept_problems)
            problems.extend(concept_problems)
            if concept is not None and not concept_problems:
                concepts.append(concept)
    return concepts, sorted(problems, key=lambda p: (p.file, p.line))


def _display(path: Path) -> str:
    """The path as the user will want to open it: relative to the working folder when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _load(path: Path, file: str) -> tuple[Any, Problem | None]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, Problem(file, 1, NO_ID, f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except OSError as exc:
        return None, Problem(file, 1, NO_ID, f"cannot read: {exc.strerror}")
    try:
        return yaml.load(text, Loader=_MarkedLoader), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, Problem(file, line, NO_ID, f"YAML error: {reason}")


def _check_file(data: Any, file: str, stem: str, problems: list[Problem]) -> str | None:
    """The file's subject field, or ``None`` when the file cannot be read further."""
    if not isinstance(data, dict):
        problems.append(Problem(file, 1, NO_ID, "expected a mapping with 'subject' and 'concepts'"))
        return None
    for key in sorted(set(data) - FILE_KEYS, key=str):
        problems.append(Problem(file, data.key_lines.get(key, data.line), NO_ID, f"unknown key {key!r}"))
    subject = data.get("subject")
    if not isinstance(subject, str) or not subject.strip():
        problems.append(Problem(file, data.line, NO_ID, "missing 'subject'"))
        return None
    if subject != stem:
        problems.append(Problem(file, data.key_lines["subject"], NO_ID,
                                f"subject {subject!r} differs from the file name {stem!r}"))
    concepts = data.get("concepts")
    if not isinstance(concepts, list):
        problems.append(Problem(file, data.key_lines.get("concepts", data.line), NO_ID,
                                "'concepts' must be a list of concept entries"))
        return None
    return subject


def _read_concept(entry: Any, subject: str, file: str, problems: list[Problem]) -> Concept | None:
    """Check one entry; the :class:`Concept` when it has all it needs to be built."""
    line = getattr(entry, "line", 1)
    if not isinstance(entry, dict):
        problems.append(Problem(file, line, NO_ID, "a concept entry must be a mapping"))
        return None
    concept_id = entry.get("id")
    label = concept_id if isinstance(concept_id, str) and concept_id else NO_ID

    def report(key: str | None, message: str) -> None:
        problems.append(Problem(file, entry.key_lines.get(key, line) if key else line, label, message))

    for key, key_line in entry.repeated_keys:
        problems.append(Problem(file, key_line, label, f"key {key!r} given twice"))
    for key in sorted(set(entry) - CONCEPT_KEYS, key=str):
        report(key, f"unknown key {key!r}")
    for key in REQUIRED_CONCEPT_KEYS:
        if entry.get(key) in (None, "", []):
            report(None, f"missing required field {key!r}")
    if isinstance(concept_id, str) and concept_id and not ID_PATTERN.match(concept_id):
        report("id", f"id {concept_id!r} must match {ID_PATTERN.pattern}")
    elif concept_id is not None and not isinstance(concept_id, str):
        report("id", "id must be a string")
    texts = {key: _optional_text(entry, key, report) for key in ("definition", "note", "source")}
    modified = entry.get("modified")
    if isinstance(modified, str):
        try:
            modified = date.fromisoformat(modified)
        except ValueError:
            report("modified", f"'modified' must be an ISO date (YYYY-MM-DD), not {modified!r}")
    elif modified is not None and not isinstance(modified, date):
        report("modified", "'modified' must be an ISO date (YYYY-MM-DD)")
    terms = {lang: _read_terms(entry, lang, report, file, label, problems) for lang in LANGUAGES}
    if problems:
        return None
    return Concept(id=concept_id, subject=subject, zh=terms["zh"], en=terms["en"], source=texts["source"],
                   modified=modified, definition=texts["definition"], note=texts["note"])


def _optional_text(entry: dict, key: str, report) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        report(key, f"{key!r} must be text")
        return None
    value = " ".join(value.split())
    return value or None


def _read_terms(entry: _MarkedDict, lang: str, report, file: str, label: str,
                problems: list[Problem]) -> tuple[Term, ...]:
    items = entry.get(lang)
    if items is None:
        return ()
    if not isinstance(items, list):
        report(lang, f"{lang!r} must be a list of terms")
        return ()
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for item in items:
        line = getattr(item, "line", entry.key_lines.get(lang, entry.line))
        term_problems = _term_problems(item, lang)
        problems.extend(Problem(file, line, label, message) for message in term_problems)
        if term_problems:
            continue
        replaced = item.get("replaced")
        term = Term(text=" ".join(item["term"].split()), status=item["status"], type=item["type"], pos=item["pos"],
                    replaced=replaced.isoformat() if isinstance(replaced, date) else replaced)
        key = normalize_term(term.text, lang)
        if key in seen:
            problems.append(Problem(file, line, label, f"{lang} term {term.text!r} listed twice (line {seen[key]})"))
        seen[key] = line
        terms.append(term)
    preferred = sum(term.status == "preferred" for term in terms)
    if preferred > 1:
        report(lang, f"{preferred} preferred {lang} terms; a concept has at most one per language")
    elif terms and preferred == 0 and not any(term.status == "admitted" for term in terms):
        report(lang, f"no preferred or admitted {lang} term")
    return tuple(terms)


def _term_problems(item: Any, lang: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"a {lang} term must be a mapping with {', '.join(TERM_KEYS)}"]
    messages = [f"key {key!r} given twice" for key, _ in item.repeated_keys]
    messages += [f"unknown key {key!r} in a term"
                 for key in sorted(set(item) - set(TERM_KEYS) - set(OPTIONAL_TERM_KEYS), key=str)]
    for key in TERM_KEYS:
        value = item.get(key)
        if value in (None, ""):
            messages.append(f"{lang} term missing required field {key!r}")
        elif not isinstance(value, str):
            messages.append(f"{lang} term field {key!r} must be text, not {value!r}")
        elif key in ALLOWED_VALUES and value not in ALLOWED_VALUES[key]:
            messages.append(f"unknown {key} {value!r} (one of: {', '.join(ALLOWED_VALUES[key])})")
    messages += _replaced_problems(item)
    text = item.get("term")
    if isinstance(text, str) and text:
        messages += _script_problems(text, lang, item.get("type"))
    return messages


def _replaced_problems(item: dict) -> list[str]:
    """``replaced`` dates a superseded term; YAML reads an unquoted full date as a date."""
    if "replaced" not in item:
        return []
    value = item["replaced"]
    text = value.isoformat() if isinstance(value, date) else value
    if not isinstance(text, str) or not REPLACED_PATTERN.match(text):
        return [f"'replaced' must be a date (YYYY-MM-DD or YYYY-MM), not {value!r}"]
    if item.get("status") != "superseded":
        return ["'replaced' belongs to superseded terms only"]
    return []


def _script_problems(text: str, lang: str, term_type: Any) -> list[str]:
    """Chinese terms must be Chinese (Latin only as acronyms), English terms free of CJK."""
    if text != text.strip() or "  " in text:
        return [f"{lang} term {text!r} has leading, trailing or repeated spaces"]
    if lang == "en":
        if any(is_wide(ch) for ch in text):
            return [f"English term {text!r} contains Chinese characters or full-width punctuation"]
        return []
    counts = count_scripts(text)
    if term_type == "acronym":
        return [] if counts.han or counts.latin else [f"Chinese acronym {text!r} has no letters"]
    if not any(is_han(ch) for ch in text):
        return [f"Chinese term {text!r} has no Han characters (Latin-only terms need type: acronym)"]
    if counts.latin > counts.han:
        return [f"Chinese term {text!r} is mostly Latin (Latin-only terms need type: acronym)"]
    return []


def _check_conflicts(entry: dict, subject: str, concept_id: str, file: str,
                     usable: dict[tuple[str, str, str], tuple[str, str]], problems: list[Problem]) -> None:
    """The same preferred/admitted term in two concepts of one subject field is a conflict."""
    for lang in LANGUAGES:
        for item in _iter_term_items(entry.get(lang)):
            if item.get("status") not in ("preferred", "admitted") or not isinstance(item.get("term"), str):
                continue
            key = (subject, lang, normalize_term(item["term"], lang))
            where = f"{file}:{item.line}"
            other = usable.setdefault(key, (concept_id, where))
            if other[0] != concept_id:
                problems.append(Problem(file, item.line, concept_id,
                                        f"{lang} term {item['term']!r} is also preferred or admitted "
                                        f"in concept {other[0]} ({other[1]}) of subject {subject!r}"))


def _iter_term_items(items: Any) -> Iterable[_MarkedDict]:
    if isinstance(items, list):
        yield from (item for item in items if isinstance(item, dict))
