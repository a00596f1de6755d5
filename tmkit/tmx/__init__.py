"""TMX (Translation Memory eXchange 1.4b) output: the memory format CAT tools import."""

from tmkit.tmx.writer import (
    TEXT_CHANGED_PROP,
    TranslationUnit,
    clean_xml_text,
    write_tmx,
)

__all__ = ["TEXT_CHANGED_PROP", "TranslationUnit", "clean_xml_text", "write_tmx"]
