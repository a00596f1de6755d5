"""The whole job for one document pair: read, clean, segment, align.

Pure orchestration: each step lives in its own module; this one only chains them, so
the CLI, the batch runner and Python users all get the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tmkit.align import align
from tmkit.align.link import Link
from tmkit.document import Sentence
from tmkit.io.read import read_document, read_lines
from tmkit.segment import segment_document, segmentation_options


@dataclass
class AlignedPair:
    """The aligned sentences of one document pair and what they came from."""

    zh: list[Sentence]
    en: list[Sentence]
    links: list[Link]
    zh_source: str = ""
    en_source: str = ""
    options: dict[str, str] = field(default_factory=dict)


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


def align_sentences(zh: list[Sentence], en: list[Sentence], *, max_link: int = 4) -> list[Link]:
    """Align two sentence lists, passing the paragraph labels to the aligner as anchors."""
    return align(
        [s.text for s in zh],
        [s.text for s in en],
        zh_labels=[s.label if _starts_block(zh, k) else None for k, s in enumerate(zh)],
        en_labels=[s.label if _starts_block(en, k) else None for k, s in enumerate(en)],
        max_link=max_link,
    )


def _starts_block(sentences: list[Sentence], k: int) -> bool:
    return k == 0 or sentences[k - 1].block != sentences[k].block


def align_files(
    zh_path: Path,
    en_path: Path,
    *,
    presegmented: bool = False,
    max_link: int = 4,
    segmenter: str = "builtin",
    srx_rules: Path | str | None = None,
) -> AlignedPair:
    """Read, segment and align a Chinese file with its English equivalent.

    The options record how the sentences were made, so the TMX header says it; the
    segmenter is recorded only when tmkit segmented the text.
    """
    zh = load_sentences(zh_path, "zh", presegmented, segmenter=segmenter, srx_rules=srx_rules)
    en = load_sentences(en_path, "en", presegmented, segmenter=segmenter, srx_rules=srx_rules)
    options = {"presegmented": str(presegmented).lower(), "max-link": str(max_link)}
    if not presegmented:
        options.update(segmentation_options(segmenter, srx_rules))
    return AlignedPair(
        zh=zh,
        en=en,
        links=align_sentences(zh, en, max_link=max_link),
        zh_source=str(zh_path),
        en_source=str(en_path),
        options=options,
    )
