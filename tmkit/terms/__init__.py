"""Term tools over translation memories: bilingual term extraction and term checks against the termbase."""
