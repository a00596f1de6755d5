"""Write termbase YAML in the house layout (2-space indent, one concept per list entry).

PyYAML's own dumper indents sequences differently from the schema in termbase/README.md and
quotes by its own rules; this small emitter writes exactly the shape terminologists edit, and
quotes a value only when plain YAML would read it back as something else.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

#: Keys of a concept in the order they are written.
CONCEPT_KEYS = ("id", "definition", "note", "source", "modified", "zh", "en")
#: Keys of a term in the order they are written.
TERM_KEYS = ("term", "status", "type", "pos")
#: Keys a term has only when set, written after the others.
OPTIONAL_TERM_KEYS = ("replaced",)


def scalar(value: Any) -> str:
    """Render one value, quoted only when a plain scalar would not read back as the same string."""
    if not isinstance(value, str):
        return str(value)
    plain = value
    try:
        back = yaml.safe_load(f"k: {plain}")
    except yaml.YAMLError:
        back = None
    if isinstance(back, dict) and back.get("k") == value and "\n" not in value and value == value.strip():
        return plain
    return json.dumps(value, ensure_ascii=False)


def dump_subject(subject: str, concepts: list[dict[str, Any]]) -> str:
    """Return the YAML text of one subject file."""
    lines = [f"subject: {scalar(subject)}", "concepts:"]
    for concept in concepts:
        first = True
        for key in CONCEPT_KEYS:
            if key not in concept or concept[key] in (None, ""):
                continue
            prefix = "  - " if first else "    "
            first = False
            if key in ("zh", "en"):
                lines.append(f"{prefix}{key}:")
                for term in concept[key]:
                    tfirst = True
                    for tkey in (*TERM_KEYS, *(key for key in OPTIONAL_TERM_KEYS if term.get(key))):
                        tprefix = "      - " if tfirst else "        "
                        tfirst = False
                        lines.append(f"{tprefix}{tkey}: {scalar(term[tkey])}")
            else:
                lines.append(f"{prefix}{key}: {scalar(concept[key])}")
    return "\n".join(lines) + "\n"
