"""The record of finished documents that makes a batch resumable.

One JSON object a line, appended and fsync'ed after the document's TMX is complete on
disk, so the manifest never claims more than exists: a run killed at any moment
loses at most the document it was writing, and the next run redoes exactly the
documents that are not recorded. A line cut short by the kill is ignored.

A record holds the document's *fingerprint*: a hash of both input files' bytes and
of every option that changes the output (tmkit's version included). A re-run skips
a document only when the fingerprint is unchanged and its TMX is still there, so
editing a source file or changing ``--max-link`` redoes just what it affects.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tmkit.errors import InputError

MANIFEST_NAME = "manifest.jsonl"
_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks (PDFs can be large)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(zh: Path, en: Path, signature: Mapping[str, str], extra_files: tuple[Path, ...] = ()) -> str | None:
    """What a document's output depends on, as one hash; None if an input is unreadable.

    ``extra_files`` are inputs shared by all documents, such as an SRX rules file,
    whose content (not just name) matters.
    """
    try:
        parts = {"zh": file_digest(zh), "en": file_digest(en),
                 "files": [file_digest(path) for path in extra_files], "options": dict(sorted(signature.items()))}
    except OSError:
        return None
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Record:
    """One finished document: where its TMX is and what it came from."""

    name: str
    fingerprint: str
    output: str  # relative to the batch's output folder
    size: int  # bytes of the TMX, to notice a file replaced behind our back
    data: dict[str, Any]  # figures and warnings, so a resumed run can still report them

    def to_json(self) -> str:
        return json.dumps({"name": self.name, "fingerprint": self.fingerprint, "output": self.output,
                           "size": self.size, **self.data}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, line: str) -> Record:
        data = json.loads(line)
        fields = {key: data.pop(key) for key in ("name", "fingerprint", "output", "size")}
        return cls(**fields, data=data)


class Manifest:
    """Append-only record of finished documents in ``OUT_DIR/manifest.jsonl``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self._cut_short = False  # the last line was cut short by a crash
        self.records: dict[str, Record] = self._load()

    def _load(self) -> dict[str, Record]:
        """The last record of each document; lines a crash cut short are skipped."""
        records: dict[str, Record] = {}
        if not self.path.exists():
            return records
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{self.path}: cannot read the manifest ({exc}); delete it to start afresh") from None
        self._cut_short = bool(text) and not text.endswith("\n")
        for line in text.splitlines():
            try:
                record = Record.from_json(line)
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
            records[record.name] = record
        return records

    def is_done(self, name: str, fingerprint: str | None) -> bool:
        """Whether ``name`` was finished from the same inputs and its TMX is intact."""
        record = self.records.get(name)
        if record is None or fingerprint is None or record.fingerprint != fingerprint:
            return False
        output = self.folder / record.output
        return output.is_file() and output.stat().st_size == record.size

    def add(self, record: Record) -> None:
        """Append ``record`` and force it to disk before returning."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as stream:
            if self._cut_short:  # never glue a record to a half-written line
                stream.write("\n")
                self._cut_short = False
            stream.write(record.to_json() + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        self.records[record.name] = record
