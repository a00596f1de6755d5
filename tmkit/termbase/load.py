"""Find and load a termbase: the curated one shipped with tmkit, a YAML folder, or a TBX file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tmkit.errors import InputError
from tmkit.termbase.model import Termbase
from tmkit.termbase.source import read_sources, source_files

__all__ = ["curated_path", "load_termbase", "term_pairs", "CURATED_PACKAGE"]

#: The import name under which ``termbase/`` is installed (a setuptools ``package-dir``
#: mapping in ``setup.py``): in an editable install it resolves to the repository's
#: folder itself, in a wheel to the copy installed beside the code.
CURATED_PACKAGE = "tmkit.termbase.curated"
_CHECKOUT = Path(__file__).resolve().parents[2] / "termbase"


def curated_path() -> Path:
    """The folder holding the curated YAML termbase."""
    spec = importlib.util.find_spec(CURATED_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    # Running from a source tree that was never installed (PYTHONPATH=.).
    if _CHECKOUT.is_dir():
        return _CHECKOUT
    raise InputError("the curated termbase is not installed; give a termbase folder or TBX file")


def load_termbase(path: Path | None = None) -> Termbase:
    """The termbase at ``path`` (a folder of YAML files or a ``.tbx`` file); ``None`` = the curated one.

    A YAML termbase with any problem is refused as a whole (one-line :class:`InputError`
    naming the first problem): half a termbase would make term checks silently wrong.
    """
    path = curated_path() if path is None else Path(path)
    if path.is_file() and path.suffix.lower() == ".tbx":
        from tmkit.termbase.tbx_reader import read_tbx

        return read_tbx(path)
    if not path.is_dir():
        raise InputError(f"{path}: not a termbase folder or .tbx file")
    if not source_files(path):
        raise InputError(f"{path}: no termbase files (*.yaml) in this folder")
    concepts, problems = read_sources(path)
    if problems:
        more = f" (and {len(problems) - 1} more; run tmkit termbase check)" if len(problems) > 1 else ""
        raise InputError(f"invalid termbase: {problems[0]}{more}")
    return Termbase(tuple(concepts))


def term_pairs(termbase: Termbase) -> list[tuple[str, str]]:
    """Every (zh, en) pair of usable (preferred or admitted) terms of one concept, without repeats.

    This is the bilingual dictionary the aligner draws on: any usable Chinese term of a
    concept may be rendered by any usable English term of it.
    """
    pairs: dict[tuple[str, str], None] = {}
    for concept in termbase.concepts:
        for zh in concept.zh:
            if zh.usable:
                for en in concept.en:
                    if en.usable:
                        pairs[(zh.text, en.text)] = None
    return list(pairs)
