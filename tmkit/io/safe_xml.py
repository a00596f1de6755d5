"""The one way tmkit parses XML it is given: no entity expansion, no DTD, no network.

Memories, termbases and Word files come from anywhere; a hostile one (billion laughs,
an external entity pointing at a local file or a URL) must neither exhaust memory nor
read what it names. Every lxml parser and ``iterparse`` in tmkit takes these options.

Unexpanded, an entity reference is a node without text: the paragraph or rule holding
it would silently lose that text (or, in an SRX rule, turn into "break everywhere").
Files that use their own entities are therefore refused (:func:`refuse_entities`);
the five XML escapes (``&amp;`` …) and character references are not entities and read
as always.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from tmkit.errors import InputError

__all__ = ["SAFE_XML", "safe_parser", "refuse_entities"]

#: Options of ``etree.XMLParser`` and ``etree.iterparse`` that keep a file from making
#: the parser expand entities, load a DTD or open a network connection.
SAFE_XML: dict[str, Any] = {"resolve_entities": False, "no_network": True, "load_dtd": False}


def safe_parser(**options: Any) -> etree.XMLParser:
    """An lxml parser with :data:`SAFE_XML` and any further ``options``."""
    return etree.XMLParser(**SAFE_XML, **options)


def refuse_entities(root: etree._Element | None, name: str) -> None:
    """Raise :class:`InputError` if the tree holds a reference to a declared entity."""
    if root is None:
        return
    for entity in root.iter(etree.Entity):
        raise InputError(f"{name}: uses the XML entity {entity.text}, which tmkit does not expand "
                         "(its text would be lost); replace it with the text it stands for")
