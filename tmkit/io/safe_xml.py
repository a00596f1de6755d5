"""The one way tmkit parses XML it is given: no entity expansion, no DTD, no network.

Memories, termbases and Word files come from anywhere; a hostile one (billion laughs,
an external entity pointing at a local file or a URL) must neither exhaust memory nor
read what it names. Every lxml parser and ``iterparse`` in tmkit takes these options.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

__all__ = ["SAFE_XML", "safe_parser"]

#: Options of ``etree.XMLParser`` and ``etree.iterparse`` that keep a file from making
#: the parser expand entities, load a DTD or open a network connection.
SAFE_XML: dict[str, Any] = {"resolve_entities": False, "no_network": True, "load_dtd": False}


def safe_parser(**options: Any) -> etree.XMLParser:
    """An lxml parser with :data:`SAFE_XML` and any further ``options``."""
    return etree.XMLParser(**SAFE_XML, **options)
