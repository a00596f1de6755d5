"""TMX (Translation Memory eXchange 1.4b): write, read, merge the memories CAT tools import."""

from tmkit.tmx.merge import MergeStats, merge_tmx
from tmkit.tmx.reader import TmxReader, read_tmx
from tmkit.tmx.writer import (
    TEXT_CHANGED_PROP,
    TranslationUnit,
    clean_xml_text,
    write_tmx,
)

__all__ = [
    "TEXT_CHANGED_PROP",
    "MergeStats",
    "TmxReader",
    "TranslationUnit",
    "clean_xml_text",
    "merge_tmx",
    "read_tmx",
    "write_tmx",
]
