"""Write a termbase as a spreadsheet (TSV or CSV) for tools that import only tables.

One row per concept. ``zh``/``en`` hold the term to use (the preferred one, else the
first admitted); the other usable terms and the terms not to use (deprecated or
superseded) follow in their own columns, several terms separated by ``" | "``. Term
type and part of speech are not kept: a table is a view, TBX is the exchange format.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

from tmkit.termbase.model import LANGUAGES, REJECTED_STATUSES, Concept, Termbase

__all__ = ["COLUMNS", "write_table", "concept_row"]

COLUMNS = ("id", "subject", "zh", "en", "zh_admitted", "en_admitted", "zh_deprecated", "en_deprecated",
           "definition", "note", "source", "modified")
SEPARATOR = " | "


def concept_row(concept: Concept) -> dict[str, str]:
    """The row of one concept, keyed by :data:`COLUMNS`."""
    row = {"id": concept.id, "subject": concept.subject, "definition": concept.definition or "",
           "note": concept.note or "", "source": concept.source, "modified": concept.modified.isoformat()}
    for lang in LANGUAGES:
        main = concept.preferred(lang)
        row[lang] = main.text
        row[f"{lang}_admitted"] = SEPARATOR.join(
            term.text for term in concept.terms(lang) if term.usable and term is not main)
        row[f"{lang}_deprecated"] = SEPARATOR.join(
            term.text for term in concept.terms(lang) if term.status in REJECTED_STATUSES and term is not main)
    return row


def write_table(termbase: Termbase, stream: BinaryIO, fmt: str = "tsv") -> None:
    """Header row then one row per concept; ``fmt`` is ``"tsv"`` or ``"csv"`` (UTF-8, RFC 4180 quoting)."""
    if fmt not in ("tsv", "csv"):
        raise ValueError(f"unknown table format {fmt!r}")
    rows = [concept_row(concept) for concept in termbase.concepts]
    if fmt == "csv":
        text = io.StringIO(newline="")
        writer = csv.DictWriter(text, COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        stream.write(text.getvalue().encode("utf-8"))
        return
    # TSV: no quoting at all (what spreadsheet importers expect); fields never hold tabs
    # or newlines because all whitespace runs become one space.
    lines = ["\t".join(COLUMNS)] + ["\t".join(" ".join(row[key].split()) for key in COLUMNS) for row in rows]
    stream.write(("\n".join(lines) + "\n").encode("utf-8"))
