"""The whole job for one document pair: read, clean, segment, align.

Pure orchestration: each step lives in its own module; this one only chains them, so
the CLI, the batch runner and Python users all get the same result.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tmkit.align import DEFAULT_MAX_LINK, align
from tmkit.align.link import Link
from tmkit.cache import cached
from tmkit.document import Sentence
from tmkit.errors import InputError
from tmkit.io.read import read_document, read_lines
from tmkit.memory_budget import check_file_sizes, check_sentences
from tmkit.segment import segment_document, segmentation_options
from tmkit.termbase import curated_path, load_termbase, term_pairs
from tmkit.termbase.source import source_files


@dataclass
class AlignedPair:
    """The aligned sentences of one document pair and what they came from."""

    zh: list[Sentence]
    en: list[Sentence]
    links: list[Link]
    zh_source: str = ""
    en_source: str = ""
    options: dict[str, str] = field(default_factory=dict)
    min_score: float | None = None  # links scoring lower are flagged for review (never dropped)

    def low_score(self, link: Link) -> bool:
        """Whether a matched link scores under ``min_score`` and should be reviewed."""
        return self.min_score is not None and bool(link.zh and link.en) and link.score < self.min_score


def load_sentences(
    path: Path,
    lang: str,
    presegmented: bool = False,
    *,
    segmenter: str = "builtin",
    srx_rules: Path | str | None = None,
) -> list[Sentence]:
    """The sentences of one file: segmented by tmkit, or one a line as given.

    ``segmenter`` and ``srx_rules`` are passed to :func:`segment_document`; presegmented
    input ignores them, since it is not segmented at all.
    """
    if presegmented:
        return [Sentence(text=line, block=i) for i, line in enumerate(read_lines(path, lang))]
    return segment_document(read_document(path, lang), segmenter=segmenter, srx_rules=srx_rules)


@lru_cache(maxsize=4)
def termbase_pairs(path: Path | None = None) -> tuple[tuple[str, str], ...]:
    """The (zh, en) term pairs of a termbase (None: the curated one).

    Parsing and checking the YAML termbase takes seconds, so the pairs are cached on
    disk under a hash of the termbase's files: once per change, not once per run.
    """
    source = curated_path() if path is None else path
    files = source_files(source) if source.is_dir() else [source]
    digest = hashlib.sha1()
    for file in files:
        try:
            digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
        except OSError as exc:
            raise InputError(f"cannot read termbase {file}: {exc.strerror}") from None
    return cached("term-pairs", digest.hexdigest()[:16], lambda: tuple(term_pairs(load_termbase(path))))


def align_sentences(
    zh: list[Sentence],
    en: list[Sentence],
    *,
    max_link: int = DEFAULT_MAX_LINK,
    term_pairs: tuple[tuple[str, str], ...] = (),
    semantic: bool = True,
) -> list[Link]:
    """Align two sentence lists, passing the paragraph labels to the aligner as anchors."""
    return align(
        [s.text for s in zh],
        [s.text for s in en],
        zh_labels=[s.label if _starts_block(zh, k) else None for k, s in enumerate(zh)],
        en_labels=[s.label if _starts_block(en, k) else None for k, s in enumerate(en)],
        max_link=max_link,
        term_pairs=term_pairs,
        semantic=semantic,
    )


def _starts_block(sentences: list[Sentence], k: int) -> bool:
    return k == 0 or sentences[k - 1].block != sentences[k].block


def align_files(
    zh_path: Path,
    en_path: Path,
    *,
    presegmented: bool = False,
    max_link: int = DEFAULT_MAX_LINK,
    segmenter: str = "builtin",
    srx_rules: Path | str | None = None,
    termbase: Path | None = None,
    use_termbase: bool = True,
    min_score: float | None = None,
    semantic: bool = True,
) -> AlignedPair:
    """Read, segment and align a Chinese file with its English equivalent.

    ``termbase`` is a termbase folder or TBX file whose terms help the aligner (None:
    tmkit's curated UN termbase); ``use_termbase=False`` aligns with CC-CEDICT alone.
    The options record how the sentences were made and aligned, so the TMX header says
    it; the segmenter is recorded only when tmkit segmented the text. Links scoring under
    ``min_score`` are kept and flagged (see :meth:`AlignedPair.low_score`). ``semantic`` (the
    default) adds sentence-embedding evidence; ``False`` aligns on dictionary, length and anchors.
    """
    check_file_sizes([zh_path, en_path])
    zh = load_sentences(zh_path, "zh", presegmented, segmenter=segmenter, srx_rules=srx_rules)
    en = load_sentences(en_path, "en", presegmented, segmenter=segmenter, srx_rules=srx_rules)
    check_sentences(len(zh), len(en), f"{zh_path} + {en_path}")
    pairs = termbase_pairs(Path(termbase) if termbase else None) if use_termbase else ()
    options = {
        "presegmented": str(presegmented).lower(),
        "max-link": str(max_link),
        "termbase": (str(termbase) if termbase else "curated") if use_termbase else "none",
    }
    if min_score is not None:
        options["min-score"] = f"{min_score:g}"
    options["semantic"] = str(semantic).lower()
    if not presegmented:
        options.update(segmentation_options(segmenter, srx_rules))
    return AlignedPair(
        zh=zh,
        en=en,
        links=align_sentences(zh, en, max_link=max_link, term_pairs=pairs, semantic=semantic),
        zh_source=str(zh_path),
        en_source=str(en_path),
        options=options,
        min_score=min_score,
    )
