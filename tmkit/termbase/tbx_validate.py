"""Validate a TBX v3 file: well-formedness, the core structure (RelaxNG), the dialect's rules (Schematron).

This is the check ISO 30042:2019 prescribes for a TBX-Basic file: the TBX core
structure schema ``TBXcoreStructV03.rng`` (run by lxml) and the TBX-Basic Schematron
rules of the file's style, ``TBX-Basic_DCA.sch`` or ``TBX-Basic_DCT.sch`` (run by
:mod:`tmkit.termbase.schematron`). Files of other dialects (TBX-Min, TBX-Core, …) get
the core structure check only, and a notice says so.

The schema files are the LTAC/TBX Steering Committee's published ones; tmkit does not
ship copies. They are looked up in ``--schemas DIR``, then ``$TMKIT_TBX_SCHEMAS``, then
``shared/standards/tbx`` beside a source checkout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from tmkit.errors import InputError
from tmkit.io.safe_xml import safe_parser
from tmkit.termbase.schematron import Schematron
from tmkit.termbase.tbx_format import TBX_2008, TBX_V3

__all__ = ["TbxReport", "validate_tbx", "find_schemas", "CORE_RNG", "DIALECT_RULES"]

CORE_RNG = "TBXcoreStructV03.rng"
#: (dialect, style) → Schematron file with its rules.
DIALECT_RULES = {("TBX-Basic", "dca"): "TBX-Basic_DCA.sch", ("TBX-Basic", "dct"): "TBX-Basic_DCT.sch"}
SCHEMAS_ENV = "TMKIT_TBX_SCHEMAS"
_CHECKOUT_SCHEMAS = Path(__file__).resolve().parents[3] / "shared" / "standards" / "tbx"


@dataclass
class TbxReport:
    """Problems (``file:line: check: message``) and notices about what was not checked."""

    problems: list[str]
    notices: list[str]

    @property
    def valid(self) -> bool:
        return not self.problems


def find_schemas(directory: Path | None = None) -> Path:
    """The folder holding ``TBXcoreStructV03.rng`` and the TBX-Basic ``.sch`` files."""
    candidates = [directory] if directory else [Path(p) for p in [os.environ.get(SCHEMAS_ENV)] if p]
    candidates = candidates or [_CHECKOUT_SCHEMAS]
    for candidate in candidates:
        if (candidate / CORE_RNG).is_file():
            return candidate
    raise InputError(f"TBX schemas not found in {candidates[0]}: give --schemas DIR (or set {SCHEMAS_ENV}) "
                     f"naming a folder with {CORE_RNG} and {', '.join(sorted(set(DIALECT_RULES.values())))}")


@lru_cache(maxsize=4)
def _relaxng(path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.parse(str(path), safe_parser()))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as exc:
        raise InputError(f"{path}: cannot load RelaxNG schema: {exc}") from None


@lru_cache(maxsize=4)
def _schematron(path: Path) -> Schematron:
    return Schematron(path)


def validate_tbx(path: Path, schemas: Path | None = None) -> TbxReport:
    """Check ``path`` against the TBX v3 core structure and its dialect's rules."""
    schema_dir = find_schemas(schemas)
    report = TbxReport([], [])
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        document = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as exc:
        report.problems.append(f"{path}:{exc.lineno or 1}: XML: not well-formed: {exc.msg}")
        return report
    root = document.getroot()
    if root.tag == TBX_2008.tag(TBX_2008.root):
        report.problems.append(f"{path}:{root.sourceline}: TBX: a TBX 2008 (martif) file; only TBX v3 "
                               f"(ISO 30042:2019) files can be validated")
        return report
    if root.tag != TBX_V3.tag(TBX_V3.root):
        report.problems.append(f"{path}:{root.sourceline}: TBX: root element is <{root.tag}>, not "
                               f"<tbx> in namespace {TBX_V3.namespace}")
        return report
    relaxng = _relaxng(schema_dir / CORE_RNG)
    if not relaxng.validate(document):
        report.problems.extend(f"{path}:{error.line}: RelaxNG: {error.message}" for error in relaxng.error_log)
    dialect, style = root.get("type", ""), root.get("style", "")
    rules = DIALECT_RULES.get((dialect, style))
    if rules is None:
        report.notices.append(f"{path}: no Schematron rules for dialect {dialect or '?'} style {style or '?'}; "
                              f"only the core structure was checked")
        return report
    for failure in _schematron(schema_dir / rules).validate(document):
        report.problems.append(f"{path}:{failure.line}: Schematron {failure.pattern}: {failure.message}")
    return report
