"""Merging memories: de-duplication, best score, provenance, language codes, atomic output."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import shared_path
from tmkit.errors import InputError
from tmkit.tmx import TranslationUnit, merge_tmx, read_tmx, write_tmx
from tmkit.tmx.merge import normalise_whitespace, unit_key

DATE = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)


def unit(zh: str, en: str, tuid: str, doc: str | None = None, score: str | None = None, **extra) -> TranslationUnit:
    props = {}
    if doc is not None:
        props["x-document"] = doc
    props["x-link"] = "1-1"
    if score is not None:
        props["x-score"] = score
    return TranslationUnit(zh, en, tuid, props, **extra)


def tmx(tmp_path: Path, name: str, units: list[TranslationUnit], **kwargs) -> Path:
    path = tmp_path / name
    write_tmx(units, path, creation_date=DATE, **kwargs)
    return path


@pytest.fixture
def two_memories(tmp_path: Path) -> list[Path]:
    a = tmx(tmp_path, "a.tmx", [
        unit("会议开幕。", "The meeting was opened.", "A-70-1:1", "A/70/1", "0.6000"),
        unit("议程项目 3", "Agenda item 3", "A-70-1:2", "A/70/1", "0.9000"),
    ])
    b = tmx(tmp_path, "b.tmx", [
        unit("新的句子。", "A new sentence.", "S-2018-184:1", "S/2018/184", "0.7000"),
        unit(" 会议开幕。", "The  meeting\twas opened. ", "S-2018-184:2", "S/2018/184", "0.8000",
             notes=("reviewed",)),
        unit("议程项目 3", "Agenda item 3", "S-2018-184:3", "S/2018/184", "0.5000"),
    ])
    return [a, b]


def test_duplicates_folded_with_best_score_and_all_documents(tmp_path: Path, two_memories: list[Path]) -> None:
    out = tmp_path / "all.tmx"
    stats = merge_tmx(two_memories, out)
    assert (stats.inputs, stats.read, stats.written, stats.duplicates, stats.skipped) == (2, 5, 3, 2, 0)
    units = list(read_tmx(out))
    # Order of first appearance; text of the best-scoring duplicate.
    assert [u.en for u in units] == ["The  meeting\twas opened.", "Agenda item 3", "A new sentence."]
    opened, item, new = units
    assert opened.props["x-score"] == "0.8000" and opened.tuid == "S-2018-184:2"
    assert opened.props["x-document"] == ("A/70/1", "S/2018/184")
    assert opened.notes == ("reviewed",)
    assert item.props["x-score"] == "0.9000" and item.tuid == "A-70-1:2"
    assert item.props["x-document"] == ("A/70/1", "S/2018/184")
    assert new.props["x-document"] == "S/2018/184"


def test_provenance_written_as_repeated_props_in_document_order(tmp_path: Path, two_memories: list[Path]) -> None:
    out = tmp_path / "all.tmx"
    merge_tmx(two_memories, out)
    first = etree.parse(str(out)).getroot().find("body/tu")
    assert [(c.tag, c.get("type")) for c in first] == [
        ("note", None), ("prop", "x-document"), ("prop", "x-document"), ("prop", "x-link"), ("prop", "x-score"),
        ("tuv", None), ("tuv", None),
    ]


def test_merging_a_file_with_itself_changes_nothing_but_the_header(tmp_path: Path, two_memories: list[Path]) -> None:
    a = two_memories[0]
    stats = merge_tmx([a, a], tmp_path / "aa.tmx")
    assert (stats.read, stats.written) == (4, 2)
    assert list(read_tmx(tmp_path / "aa.tmx")) == list(read_tmx(a))


def test_output_may_be_an_input(tmp_path: Path, two_memories: list[Path]) -> None:
    a, b = two_memories
    merge_tmx([a, b], a)
    assert len(list(read_tmx(a))) == 3


def test_missing_score_loses_to_any_score_and_ties_keep_the_first(tmp_path: Path) -> None:
    a = tmx(tmp_path, "a.tmx", [unit("甲", "A", "a:1", "d1"), unit("乙", "B", "a:2", "d1", "0.5")])
    b = tmx(tmp_path, "b.tmx", [unit("甲", "A", "b:1", "d2", "0.1"), unit("乙", "B", "b:2", "d2", "0.5")])
    merge_tmx([a, b], tmp_path / "m.tmx")
    first, second = read_tmx(tmp_path / "m.tmx")
    assert first.tuid == "b:1" and second.tuid == "a:2"


def test_distinct_units_sharing_a_tuid_stay_unique(tmp_path: Path) -> None:
    a = tmx(tmp_path, "a.tmx", [unit("甲", "A", "doc:1", "doc")])
    b = tmx(tmp_path, "b.tmx", [unit("乙", "B", "doc:1", "doc")])
    merge_tmx([a, b], tmp_path / "m.tmx")
    assert [u.tuid for u in read_tmx(tmp_path / "m.tmx")] == ["doc:1", "doc:1~2"]


def test_language_codes_from_inputs_or_given(tmp_path: Path) -> None:
    a = tmx(tmp_path, "a.tmx", [unit("甲", "A", "a:1")], zh_lang="zh-Hans", en_lang="en-GB")
    stats = merge_tmx([a], tmp_path / "m.tmx")
    assert (stats.zh_lang, stats.en_lang) == ("zh-Hans", "en-GB")
    assert etree.parse(str(tmp_path / "m.tmx")).getroot().find("header").get("srclang") == "zh-Hans"
    stats = merge_tmx([a], tmp_path / "n.tmx", zh_lang="zh-CN", en_lang="en-US")
    root = etree.parse(str(tmp_path / "n.tmx")).getroot()
    assert root.find("header").get("srclang") == "zh-CN"
    assert [t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in root.iter("tuv")] == ["zh-CN", "en-US"]


def test_foreign_units_without_tuid_get_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "foreign.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en"/><body>'
        '<tu><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="zh"><seg>一</seg></tuv></tu>'
        '<tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>'
        '<tu><tuv xml:lang="en"><seg>Two</seg></tuv><tuv xml:lang="zh"><seg>二</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    stats = merge_tmx([path], tmp_path / "m.tmx")
    assert (stats.read, stats.written, stats.skipped) == (2, 2, 1)
    assert [u.tuid for u in read_tmx(tmp_path / "m.tmx")] == ["foreign:1", "foreign:2"]


def test_dates_and_authors_carried_over(tmp_path: Path) -> None:
    a = tmx(tmp_path, "a.tmx", [unit("甲", "A", "a:1", attributes={"creationdate": "20200101T000000Z",
                                                                    "creationid": "translator"})])
    merge_tmx([a], tmp_path / "m.tmx")
    (tu,) = etree.parse(str(tmp_path / "m.tmx")).getroot().iter("tu")
    assert tu.get("creationdate") == "20200101T000000Z" and tu.get("creationid") == "translator"


def test_bad_input_leaves_no_output(tmp_path: Path, two_memories: list[Path]) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text('<tmx version="1.4"><header/><body><tu>', encoding="utf-8")
    out = tmp_path / "m.tmx"
    with pytest.raises(InputError, match="broken.tmx"):
        merge_tmx([*two_memories, broken], out)
    assert not out.exists()
    with pytest.raises(InputError):
        merge_tmx([], out)


def test_key_ignores_whitespace_only() -> None:
    assert normalise_whitespace(" a\u3000 b\n") == "a b"
    assert unit_key(unit("中 文", "a  b", "x")) == unit_key(unit("中 文 ", "a b", "y"))
    assert unit_key(unit("中文", "a b", "x")) != unit_key(unit("中 文", "a b", "x"))
    assert unit_key(unit("中文", "A b", "x")) != unit_key(unit("中文", "a b", "x"))


def test_tico19_merges_with_itself(tmp_path: Path) -> None:
    tico = shared_path("corpora", "tico19", "all.en-zh.tmx")
    stats = merge_tmx([tico, tico], tmp_path / "tico.tmx")
    assert stats.read == 2 * 3071 and (stats.zh_lang, stats.en_lang) == ("zh", "en")
    assert stats.written == len(list(read_tmx(tmp_path / "tico.tmx"))) <= 3071
