"""Build the bundled Goal 16 example: a small Chinese/English document pair.

The SDG goals, targets and indicators are official UN wording in both languages and
are keyed by id, so they make a parallel text whose correct alignment is known in
advance: every paragraph starts with the same number on both sides. That makes them
a good first input for tmkit and a good smoke test for the aligner.

The output imitates how a UN document prints Goal 16: the goal heading, then each
target (16.1 ... 16.10, 16.a, 16.b) followed by its indicators, one paragraph each,
separated by blank lines.

Usage::

    python examples/build_sdg16.py [SDG_DIR] [--output-dir DIR]

``SDG_DIR`` defaults to ``../shared/corpora/sdg`` beside the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

GOAL = "16"
HERE = Path(__file__).resolve().parent
DEFAULT_SDG_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "sdg"
KINDS = ("global_goals", "global_targets", "global_indicators")
LANGS = {"zh": "zh-Hans", "en": "en"}
HEADINGS = {"zh": "目标{n}. {title}", "en": "Goal {n}. {title}"}
TITLE_SUFFIX = "-title"


def normalise(text: str) -> str:
    """Collapse the whitespace YAML line-wrapping leaves behind, and nothing else.

    Punctuation (the Chinese files use half-width commas) is kept exactly as
    published: the example should show real UN text, not our idea of it.
    """
    return " ".join(text.split())


def load_titles(sdg_dir: Path, prefix: str) -> dict[str, str]:
    """Read one language's goals, targets and indicators as ``{id: title}``.

    Ids are the YAML keys without ``-title`` (``"16"``, ``"16-1"``, ``"16-a-1"``);
    the ``-short`` names are not document text and are skipped.
    """
    titles: dict[str, str] = {}
    for kind in KINDS:
        path = sdg_dir / f"{prefix}.{kind}.yml"
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        for key, value in data.items():
            if str(key).endswith(TITLE_SUFFIX) and value:
                titles[str(key)[: -len(TITLE_SUFFIX)]] = normalise(str(value))
    return titles


def sort_key(item_id: str) -> tuple[tuple[int, int, str], ...]:
    """Order ids as documents do: numbers numerically (16.2 < 16.10), then letters."""
    parts = item_id.split("-")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def document_order(ids: set[str], goal: str) -> list[str]:
    """Targets of ``goal`` in order, each followed by its own indicators in order."""
    targets = [i for i in ids if i.startswith(goal + "-") and i.count("-") == 1]
    order: list[str] = []
    for target in sorted(targets, key=sort_key):
        order.append(target)
        indicators = [i for i in ids if i.startswith(target + "-") and i.count("-") == 2]
        order.extend(sorted(indicators, key=sort_key))
    return order


def number(item_id: str) -> str:
    """The printed number of a target or indicator: ``16-a-1`` -> ``16.a.1``."""
    return item_id.replace("-", ".")


def render(titles: dict[str, str], order: list[str], lang: str, goal: str) -> list[str]:
    """The document's paragraphs: heading first, then one per target or indicator."""
    heading = HEADINGS[lang].format(n=goal, title=titles[goal])
    return [heading] + [f"{number(i)} {titles[i]}" for i in order]


def check_parallel(zh: list[str], en: list[str]) -> None:
    """Fail loudly if the two documents are not paragraph-for-paragraph parallel."""
    if len(zh) != len(en):
        raise SystemExit(f"paragraph counts differ: zh {len(zh)}, en {len(en)}")
    for zh_line, en_line in zip(zh[1:], en[1:]):
        zh_num, en_num = zh_line.split(" ", 1)[0], en_line.split(" ", 1)[0]
        if zh_num != en_num:
            raise SystemExit(f"numbers differ: zh {zh_num!r}, en {en_num!r}")


def build(sdg_dir: Path, goal: str = GOAL) -> dict[str, list[str]]:
    """Both documents' paragraphs, keyed by ``"zh"`` / ``"en"``."""
    titles = {lang: load_titles(sdg_dir, prefix) for lang, prefix in LANGS.items()}
    ids = {i for i in titles["en"] if i == goal or i.startswith(goal + "-")}
    zh_ids = {i for i in titles["zh"] if i == goal or i.startswith(goal + "-")}
    if ids != zh_ids:
        raise SystemExit(f"ids present in one language only: {sorted(ids ^ zh_ids)}")
    order = document_order(ids, goal)
    docs = {lang: render(titles[lang], order, lang, goal) for lang in LANGS}
    check_parallel(docs["zh"], docs["en"])
    return docs


def main(argv: list[str] | None = None) -> int:
    """Command line: read the YAML, write both documents, report what was written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sdg_dir", nargs="?", type=Path, default=DEFAULT_SDG_DIR,
        help="folder with the {en,zh-Hans}.global_*.yml files (default: %(default)s)",
    )
    parser.add_argument(
        "--output-dir", type=Path, default=HERE,
        help="where sdg16.zh.txt and sdg16.en.txt go (default: this folder)",
    )
    args = parser.parse_args(argv)
    if not args.sdg_dir.is_dir():
        parser.error(f"SDG folder not found: {args.sdg_dir}")
    docs = build(args.sdg_dir)
    for lang, paragraphs in docs.items():
        out = args.output_dir / f"sdg{GOAL}.{lang}.txt"
        out.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        print(f"wrote {out} ({len(paragraphs)} paragraphs)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
