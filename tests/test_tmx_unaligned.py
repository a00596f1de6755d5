"""Unmatched sentences are not TM units but are written to a side file, never lost."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import EXAMPLES
from tmkit.align.link import Link
from tmkit.cli import cli
from tmkit.document import Sentence
from tmkit.pipeline import AlignedPair
from tmkit.tmx.unaligned import UNALIGNED_HEADER, unaligned_rows, write_unaligned
from tmkit.tmx.units import translation_units


def pair() -> AlignedPair:
    zh = [Sentence("会议开幕。", 0, "1."), Sentence("只有中文的句子。", 1), Sentence("会议\n闭幕。", 2)]
    en = [Sentence("The meeting opened.", 0, "1."), Sentence("A footnote  only\tEnglish has.", 1),
          Sentence("The meeting", 2), Sentence("closed.", 2)]
    links = [Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((), (1,), 0.0), Link((2,), (2, 3), 0.8)]
    return AlignedPair(zh, en, links, zh_source="docs/A-70-1.zh.txt", en_source="docs/A-70-1.en.txt")


def test_rows_are_the_sentences_of_one_sided_links() -> None:
    assert list(unaligned_rows(pair())) == [
        ("A-70-1.zh", "zh", "2", "", "只有中文的句子。"),
        ("A-70-1.zh", "en", "2", "", "A footnote only English has."),
    ]


def test_units_and_side_file_together_hold_every_sentence() -> None:
    units = list(translation_units(pair()))
    assert [u.tuid for u in units] == ["A-70-1.zh:1", "A-70-1.zh:3"]
    assert len(units) + len(list(unaligned_rows(pair()))) == len(pair().links)


def test_write_unaligned(tmp_path: Path) -> None:
    out = tmp_path / "un.tsv"
    assert write_unaligned(pair(), out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(UNALIGNED_HEADER)
    assert lines[1] == "A-70-1.zh\tzh\t2\t\t只有中文的句子。"
    assert [p.name for p in tmp_path.iterdir()] == ["un.tsv"]


def test_cli_align_unaligned_option(tmp_path: Path) -> None:
    out, side = tmp_path / "out.tmx", tmp_path / "un.tsv"
    result = CliRunner().invoke(cli, ["align", str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt"),
                                      "-o", str(out), "--unaligned", str(side)])
    assert result.exit_code == 0, result.output
    unmatched = int(result.stderr.split(" unmatched")[0].rsplit(" ", 1)[1])
    rows = side.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == list(UNALIGNED_HEADER)
    assert len(rows) - 1 >= unmatched
    assert f"{len(rows) - 1} unaligned sentences written to {side}" in result.stderr
