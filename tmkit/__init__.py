"""tmkit: Chinese-English translation memories from United Nations documents.

The data flows one way: file -> reader -> Document (ordered blocks) -> cleaning ->
sentences -> aligner -> links with scores -> writer (TMX, TSV, links).
"""

__version__ = "0.1.0"
