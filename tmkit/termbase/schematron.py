"""Run ISO Schematron rules with XPath 2 (elementpath), without an XSLT processor.

The TBX-Basic rules (``TBX-Basic_DCA.sch``, ``TBX-Basic_DCT.sch``) declare
``queryBinding="xslt2"`` and use XPath 2 (``matches()``, ``is``, path steps such as
``./local-name()``), which neither lxml's XSLT 1 nor its ISO Schematron support can run.
Rather than port the rules by hand (and let the port drift from the standard), this
module interprets the ``.sch`` file itself, evaluating each rule's context and tests
with elementpath's pure-Python XPath 2 engine over the lxml tree.

Supported: ``ns``, ``let`` (schema, pattern and rule level), ``pattern``/``rule`` with
first-matching-rule semantics (a node is handled by the first rule of a pattern whose
context it matches, as ISO Schematron requires), ``assert``/``report`` with ``name``
and ``value-of`` in messages. Abstract patterns and rules, ``extends``, ``include`` and
phases are refused with a clear error rather than silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import elementpath
from elementpath import XPath2Parser, XPathContext
from lxml import etree

from tmkit.errors import InputError
from tmkit.io.safe_xml import safe_parser

__all__ = ["Schematron", "Failure"]

SCH = "http://purl.oclc.org/dsdl/schematron"
UNSUPPORTED = ("include", "extends", "phase")


@dataclass(frozen=True)
class Failure:
    """A failed assertion (or a fired report) at one node."""

    line: int
    pattern: str
    message: str


@dataclass(frozen=True)
class _Check:
    kind: str  # "assert" or "report"
    test: Any  # compiled XPath token
    message: etree._Element


@dataclass(frozen=True)
class _Rule:
    context: Any  # elementpath token selecting the nodes the rule applies to
    fast_context: etree.XPath | None  # the same in lxml's XPath 1, when the context is XPath 1
    lets: tuple[tuple[str, Any], ...]
    checks: tuple[_Check, ...]


@dataclass(frozen=True)
class _Pattern:
    id: str
    lets: tuple[tuple[str, Any], ...]
    rules: tuple[_Rule, ...]


class Schematron:
    """A compiled Schematron schema; :meth:`validate` lists the failures in a document."""

    def __init__(self, path: Path):
        try:
            schema = etree.parse(str(path), safe_parser()).getroot()
        except (OSError, etree.XMLSyntaxError) as exc:
            raise InputError(f"{path}: cannot read Schematron schema: {exc}") from None
        if schema.tag != f"{{{SCH}}}schema":
            raise InputError(f"{path}: not an ISO Schematron schema")
        for element in schema.iter(etree.Element):
            if etree.QName(element).localname in UNSUPPORTED or element.get("abstract") == "true":
                raise InputError(f"{path}:{element.sourceline}: unsupported Schematron feature "
                                 f"<{etree.QName(element).localname}>")
        namespaces = {ns.get("prefix"): ns.get("uri") for ns in schema.iterfind(f"{{{SCH}}}ns")}
        self.path = path
        self._namespaces = namespaces
        self._parser = XPath2Parser(namespaces=namespaces)
        self._lets = self._compile_lets(schema)
        self._patterns = tuple(self._compile_pattern(pattern, index)
                               for index, pattern in enumerate(schema.iterfind(f"{{{SCH}}}pattern"), 1))

    def _compile(self, expression: str) -> Any:
        try:
            return self._parser.parse(expression)
        except elementpath.ElementPathError as exc:
            raise InputError(f"{self.path}: cannot compile XPath {expression!r}: {exc}") from None

    def _compile_lets(self, parent: etree._Element) -> tuple[tuple[str, Any], ...]:
        return tuple((let.get("name"), self._compile(let.get("value"))) for let in parent.iterfind(f"{{{SCH}}}let"))

    def _compile_pattern(self, pattern: etree._Element, index: int) -> _Pattern:
        rules = []
        for rule in pattern.iterfind(f"{{{SCH}}}rule"):
            context = rule.get("context")
            selector = self._compile(_pattern_as_path(context))
            try:
                fast = etree.XPath(_pattern_as_path(context), namespaces=self._namespaces)
            except etree.XPathError:
                fast = None
            checks = tuple(_Check(etree.QName(check).localname, self._compile(check.get("test")), check)
                           for check in rule.iterchildren(etree.Element) if etree.QName(check).localname in ("assert", "report"))
            rules.append(_Rule(selector, fast, self._compile_lets(rule), checks))
        return _Pattern(pattern.get("id") or f"pattern {index}", self._compile_lets(pattern), tuple(rules))

    def validate(self, document: etree._ElementTree) -> list[Failure]:
        """All failures, pattern by pattern, each node in document order."""
        root = elementpath.get_node_tree(document)
        variables = self._bind(self._lets, root, root, {})
        failures: list[Failure] = []
        for pattern in self._patterns:
            pattern_variables = self._bind(pattern.lets, root, root, variables)
            handled: set[int] = set()
            for rule in pattern.rules:
                for node in self._context_nodes(rule, document, root, pattern_variables):
                    if id(node) in handled:
                        continue
                    handled.add(id(node))
                    failures.extend(self._check(rule, node, root, pattern, pattern_variables))
        return failures

    def _context_nodes(self, rule: _Rule, document: etree._ElementTree, root: Any,
                       variables: dict[str, Any]) -> list[Any]:
        """The nodes a rule applies to, selected by libxml2 when possible (100 times faster)."""
        if rule.fast_context is not None and not variables:
            try:
                found = rule.fast_context(document)
            except etree.XPathError:
                found = None
            if isinstance(found, list):
                nodes = [_as_node(item, root) for item in found]
                if all(node is not None for node in nodes):
                    return nodes
        return list(rule.context.select(XPathContext(root, variables=variables)))

    def _bind(self, lets, root, item, variables: dict[str, Any]) -> dict[str, Any]:
        bound = dict(variables)
        for name, expression in lets:
            bound[name] = expression.evaluate(XPathContext(root, item=item, variables=bound))
        return bound

    def _check(self, rule: _Rule, node: Any, root: Any, pattern: _Pattern,
               variables: dict[str, Any]) -> Iterator[Failure]:
        variables = self._bind(rule.lets, root, node, variables)
        for check in rule.checks:
            outcome = check.test.boolean_value(check.test.evaluate(XPathContext(root, item=node, variables=variables)))
            if outcome == (check.kind == "assert"):  # assert held, or report did not fire
                continue
            yield Failure(_line(node), pattern.id, self._message(check.message, node, root, variables))

    def _message(self, element: etree._Element, node: Any, root: Any, variables: dict[str, Any]) -> str:
        parts = [element.text or ""]
        for child in element.iterchildren(etree.Element):
            local = etree.QName(child).localname
            if local == "name":
                parts.append(_node_name(node))
            elif local == "value-of":
                value = self._compile(child.get("select")).evaluate(XPathContext(root, item=node, variables=variables))
                parts.append(" ".join(str(v) for v in value) if isinstance(value, list) else str(value))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())


def _pattern_as_path(pattern: str) -> str:
    """An XPath selecting the nodes a rule context (an XSLT pattern) matches.

    ``P`` matches the nodes ``//P`` selects; for a pattern opening with a child step,
    ``descendant-or-self::P`` selects the same nodes in one scan of the tree instead of
    one child step per node (which made a 700-concept termbase take half a minute).
    The two differ only for positional predicates on the first step (``foo[1]``), which
    keep the ``//`` form.
    """
    if pattern.startswith(("/", "@", "(")) or "::" in pattern.split("/", 1)[0] or re.search(r"\[\s*\d", pattern):
        return pattern if pattern.startswith("/") else f"//{pattern}"
    return f"descendant-or-self::{pattern}"


def _as_node(item: Any, root: Any) -> Any:
    """The elementpath node of an lxml XPath result (element or attribute), else ``None``."""
    if isinstance(item, etree._Element):
        return root.get_element_node(item)
    if getattr(item, "is_attribute", False):
        owner = root.get_element_node(item.getparent())
        return next((a for a in owner.attributes if a.name == item.attrname), None) if owner else None
    return None


def _line(node: Any) -> int:
    """Source line of an element node, or of the element owning an attribute."""
    element = getattr(node, "elem", None)
    if element is None and getattr(node, "parent", None) is not None:
        element = getattr(node.parent, "elem", None)
    return getattr(element, "sourceline", None) or 0


def _node_name(node: Any) -> str:
    name = getattr(node, "name", None) or ""
    return etree.QName(name).localname if name.startswith("{") else name
