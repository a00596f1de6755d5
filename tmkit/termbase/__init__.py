"""The UN Chinese–English termbase: curated YAML source, TBX in and out, term pairs.

``load_termbase()`` gives the termbase shipped with tmkit (the ``termbase/`` folder of
the repository, installed as package data ``tmkit.termbase.curated``);
``load_termbase(path)`` reads another folder of YAML files or a TBX file.
"""

from __future__ import annotations

from tmkit.termbase.load import curated_path, load_termbase, term_pairs
from tmkit.termbase.model import Concept, Term, Termbase

__all__ = ["Concept", "Term", "Termbase", "curated_path", "load_termbase", "term_pairs"]
