"""Pairing the files of a collection: UN naming, language folders, pairs files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tmkit.batch.pairing import (
    pair_directories,
    pair_directory,
    read_pairs_file,
    split_language_tag,
    unique_names,
)
from tmkit.errors import InputError


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def pairs_of(pairing) -> set[tuple[str, str, str]]:
    return {(pair.name, pair.zh.name, pair.en.name) for pair in pairing.pairs}


def reasons(pairing) -> dict[str, str]:
    return {path.name: reason for path, reason in pairing.unpaired}


@pytest.mark.parametrize(("stem", "expected"), [
    ("A_70_95_C", ("A_70_95", "zh")),
    ("A_70_95_E", ("A_70_95", "en")),
    ("a_70_95_c", ("a_70_95", "zh")),
    ("A_70_95_F", ("A_70_95", "other")),
    ("N1512345-zh", ("N1512345", "zh")),
    ("S-2018-184-ZH", ("S-2018-184", "zh")),
    ("S-2018-184-EN", ("S-2018-184", "en")),
    ("sdg16.zh", ("sdg16", "zh")),
    ("report_Ch", ("report", "zh")),
    ("report_En", ("report", "en")),
    ("18-03413 (C)", ("18-03413", "zh")),
    ("guide.zh-CN", ("guide", "zh")),
    ("guide_en_US", ("guide", "en")),
    ("guide-zh-Hans", ("guide", "zh")),
    ("xx_yy_zh", ("xx_yy", "zh")),
    ("ABC", ("ABC", None)),  # a tag needs a separator
    ("A_RES_70_1", ("A_RES_70_1", None)),
    ("zh", ("zh", None)),  # a tag alone names no document
])
def test_language_tags(stem, expected):
    assert split_language_tag(stem) == expected


def test_one_folder_with_un_names(tmp_path):
    touch(tmp_path, "A_70_95_C.pdf", "A_70_95_E.pdf", "A_70_95_F.pdf", "N1512345-zh.docx", "N1512345-en.docx",
          "S-2018-184-ZH.txt", "s_2018_184-en.txt", "sdg16.zh.txt", "sdg16.en.txt", "18-03413 (C).pdf",
          "18-03413 (E).pdf", "rep_Ch.docx", "rep_En.docx", "rep_Ch.pdf", "lonely_C.txt", "notes.doc",
          "untagged.txt", ".hidden_C.txt", ".hidden_E.txt")
    pairing = pair_directory(tmp_path)
    assert pairs_of(pairing) == {
        ("18-03413", "18-03413 (C).pdf", "18-03413 (E).pdf"),
        ("A_70_95", "A_70_95_C.pdf", "A_70_95_E.pdf"),
        ("N1512345", "N1512345-zh.docx", "N1512345-en.docx"),
        ("S-2018-184", "S-2018-184-ZH.txt", "s_2018_184-en.txt"),  # case and separators ignored
        ("rep", "rep_Ch.docx", "rep_En.docx"),  # Word preferred over PDF
        ("sdg16", "sdg16.zh.txt", "sdg16.en.txt"),
    }
    why = reasons(pairing)
    assert set(why) == {"A_70_95_F.pdf", "rep_Ch.pdf", "lonely_C.txt", "notes.doc", "untagged.txt"}
    assert "other than Chinese or English" in why["A_70_95_F.pdf"]
    assert "rep_Ch.docx" in why["rep_Ch.pdf"]
    assert "no English file" in why["lonely_C.txt"]
    assert ".doc" in why["notes.doc"]
    assert "no language tag" in why["untagged.txt"]


def test_language_folders_by_argument_and_inside_one_folder(tmp_path):
    touch(tmp_path, "ZH/a.pdf", "en/a.pdf", "ZH/b_C.pdf", "en/b.pdf", "en/c.pdf", "ZH/d_E.pdf",
          "ZH/2018/e.txt", "en/2018/e.txt", "ZH/2019/f.txt", "en/f.txt", "ZH/A_HRC_40_L_1.docx",
          "en/A_HRC_40_L_1.docx")
    expected = {("a", "a.pdf", "a.pdf"), ("b", "b_C.pdf", "b.pdf"), ("2018/e", "e.txt", "e.txt"),
                ("2019/f", "f.txt", "f.txt"), ("A_HRC_40_L_1", "A_HRC_40_L_1.docx", "A_HRC_40_L_1.docx")}
    by_arguments = pair_directories(tmp_path / "ZH", tmp_path / "en")
    assert pairs_of(by_arguments) == expected
    assert pairs_of(pair_directory(tmp_path)) == expected
    why = reasons(by_arguments)
    assert "English" in why["d_E.pdf"] and "Chinese folder" in why["d_E.pdf"]
    assert "no Chinese file" in why["c.pdf"]


def test_same_name_in_two_subfolders_is_not_guessed(tmp_path):
    touch(tmp_path, "zh/x/a.txt", "zh/y/a.txt", "en/a.txt")
    pairing = pair_directory(tmp_path)
    assert pairing.pairs == []
    assert len(pairing.unpaired) == 3


def test_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a directory"):
        pair_directories(tmp_path / "nope", tmp_path)


def test_pairs_file(tmp_path):
    (tmp_path / "list.tsv").write_text(
        "zh\ten\n# a comment\n\nc/a.txt\te/a.txt\nc/A_70_95_C.pdf\te/A_70_95_E.pdf\tres\n"
        f"{tmp_path}/abs_C.txt\t{tmp_path}/abs_E.txt\n", encoding="utf-8")
    pairing = read_pairs_file(tmp_path / "list.tsv")
    assert [(p.name, p.zh, p.en) for p in pairing.pairs] == [
        ("a", tmp_path / "c/a.txt", tmp_path / "e/a.txt"),
        ("res", tmp_path / "c/A_70_95_C.pdf", tmp_path / "e/A_70_95_E.pdf"),
        ("abs", tmp_path / "abs_C.txt", tmp_path / "abs_E.txt"),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("only-one-column\n", "expected ZH_PATH"),
    ("a_C.txt\ta_E.txt\nb/a_C.txt\tb/a_E.txt\n", "already used on line 1"),
    ("# nothing\n", "no pairs"),
    ("a_C.txt\ta_E.txt\t../../escape\n", "relative path inside the output folder"),
])
def test_bad_pairs_file(tmp_path, text, message):
    (tmp_path / "list.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_pairs_file(tmp_path / "list.tsv")


def test_names_that_collide_are_refused(tmp_path):
    touch(tmp_path, "a_C.txt", "a_E.txt", "A-C.txt", "A-E.txt")
    pairing = pair_directory(tmp_path)
    # a_C and A-C are the same document in two spellings: one is used, the other reported.
    assert len(pairing.pairs) == 1 and len(pairing.unpaired) == 2
    with pytest.raises(InputError, match="both be written"):
        unique_names([pairing.pairs[0], pairing.pairs[0]])
