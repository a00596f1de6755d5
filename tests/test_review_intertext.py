"""InterText's alignment format: round trip, files InterText made, broken files, and TMX from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import EXAMPLES
from tests.review_helpers import sample_review, write_sample
from tmkit.cli import cli
from tmkit.errors import InputError
from tmkit.review.intertext import NS, document_paths, read_intertext
from tmkit.review.model import apply_operation
from tmkit.tmx import read_tmx


def test_round_trip_keeps_links_scores_flags_and_texts(tmp_path: Path) -> None:
    written = write_sample(tmp_path)
    read = read_intertext(written.path).review
    original = sample_review()
    assert read.links == original.links
    assert [s.text for s in read.zh] == [s.text for s in original.zh]
    assert [s.text for s in read.en] == [s.text for s in original.en]
    assert (read.zh_source, read.en_source, read.options, read.min_score) == \
        (original.zh_source, original.en_source, original.options, original.min_score)


def test_files_follow_intertext_conventions(tmp_path: Path) -> None:
    write_sample(tmp_path)
    assert document_paths(tmp_path / "meeting.zh.en.xml") == (tmp_path / "meeting.zh.xml", tmp_path / "meeting.en.xml")
    root = etree.parse(str(tmp_path / "meeting.zh.en.xml")).getroot()
    assert (root.tag, root.get("toDoc"), root.get("fromDoc")) == ("linkGrp", "meeting.zh.xml", "meeting.en.xml")
    links = root.findall("link")
    # InterText reads xtargets as "toDoc ids;fromDoc ids" and type in the same order.
    assert [(link.get("type"), link.get("xtargets"), link.get("status")) for link in links[1:4]] == [
        ("1-1", "2:1;2:1", "auto"), ("1-0", "3:1;", "auto"), ("0-1", ";3:1", "auto")]
    assert links[2].get("mark") == "1" and links[2].get(f"{{{NS}}}score") == "0.1200"
    doc = etree.parse(str(tmp_path / "meeting.zh.xml")).getroot()
    assert doc.get("language") == "zh" and doc.find("p/s").get("id") == "1:1"


def test_saving_an_edit_changes_only_that_sentence_of_the_document(tmp_path: Path) -> None:
    file = write_sample(tmp_path)
    zh_before = (tmp_path / "meeting.zh.xml").read_bytes()
    patch = apply_operation(file.review, {"op": "edit", "side": "en", "sentence": 3, "text": "Edited."})
    file.save(patch.texts.keys())
    assert (tmp_path / "meeting.zh.xml").read_bytes() == zh_before
    again = read_intertext(file.path).review
    assert again.en[3].text == "Edited." and again.en[3].original == "The missions face new challenges."
    assert again.links[4].reviewed


INTERTEXT_ALIGNMENT = """<?xml version='1.0' encoding='utf-8'?>
<linkGrp toDoc='doc.zh.xml' fromDoc='doc.en.xml'>
<link type='1-1' xtargets='1:1;1:1' status='man'/>
<link type='2-1' xtargets='1:2 2:1;1:2' status='auto' mark='1'/>
<link type='0-1' xtargets=';2:1' status='plain'/>
</linkGrp>
"""
INTERTEXT_ZH = """<?xml version='1.0' encoding='utf-8'?>
<doc id="doc" language="zh"><p id="1"><s id="1:1">第一句。</s><s id="1:2">第<b>二</b>句，</s></p>
<p id="2"><s id="2:1">接着。</s></p></doc>
"""
INTERTEXT_EN = """<?xml version='1.0' encoding='utf-8'?>
<doc id="doc" language="en"><p id="1"><s id="1:1">First.</s><s id="1:2">Second, then.</s></p>
<head><s id="2:1">A heading</s></head></doc>
"""


def intertext_made(folder: Path, alignment: str = INTERTEXT_ALIGNMENT, zh: str = INTERTEXT_ZH,
                   en: str = INTERTEXT_EN) -> Path:
    (folder / "doc.zh.xml").write_text(zh, encoding="utf-8")
    (folder / "doc.en.xml").write_text(en, encoding="utf-8")
    path = folder / "doc.zh.en.xml"
    path.write_text(alignment, encoding="utf-8")
    return path


def test_reads_a_file_intertext_made(tmp_path: Path) -> None:
    review = read_intertext(intertext_made(tmp_path)).review
    assert [(link.zh, link.en, link.reviewed, link.score, link.flag) for link in review.links] == [
        ((0,), (0,), "yes", None, ""), ((1, 2), (1,), None, None, "marked"), ((), (2,), None, None, "")]
    assert review.zh[1].text == "第二句，"


def test_languages_come_from_the_documents_not_the_order(tmp_path: Path) -> None:
    swapped = INTERTEXT_ALIGNMENT.replace("toDoc='doc.zh.xml' fromDoc='doc.en.xml'", "toDoc='doc.en.xml' fromDoc='doc.zh.xml'")
    swapped = swapped.replace("type='2-1' xtargets='1:2 2:1;1:2'", "type='1-2' xtargets='1:2;1:2 2:1'")
    swapped = swapped.replace("type='0-1' xtargets=';2:1'", "type='1-0' xtargets='2:1;'")
    review = read_intertext(intertext_made(tmp_path, swapped)).review
    assert [(link.zh, link.en) for link in review.links] == [((0,), (0,)), ((1, 2), (1,)), ((), (2,))]


@pytest.mark.parametrize("alignment, zh, message", [
    ("<linkGrp toDoc='doc.zh.xml'", INTERTEXT_ZH, "doc.zh.en.xml:1: not well-formed XML"),
    ("<tmx/>", INTERTEXT_ZH, "not an InterText alignment"),
    ("<linkGrp fromDoc='doc.en.xml'/>", INTERTEXT_ZH, "has no toDoc"),
    ("<linkGrp toDoc='gone.xml' fromDoc='doc.en.xml'/>", INTERTEXT_ZH, "gone.xml: no such file"),
    (INTERTEXT_ALIGNMENT.replace("1:1;1:1", "1:9;1:1"), INTERTEXT_ZH, "id '1:9' is not in"),
    (INTERTEXT_ALIGNMENT.replace("type='2-1'", "type='1-1'"), INTERTEXT_ZH, "type '1-1' does not match"),
    (INTERTEXT_ALIGNMENT.replace("1:2 2:1;", "2:1 1:2;"), INTERTEXT_ZH, "links cross"),
    (INTERTEXT_ALIGNMENT.replace("'1:2 2:1;1:2'", "'1:2;1:2'").replace("type='2-1'", "type='1-1'"), INTERTEXT_ZH,
     "sentence '2:1' is in no link"),
    (INTERTEXT_ALIGNMENT.replace("xtargets=';2:1'", "xtargets='2:1'"), INTERTEXT_ZH, "is not 'ids;ids'"),
    (INTERTEXT_ALIGNMENT, INTERTEXT_ZH.replace('id="2:1"', 'id="1:1"'), "id '1:1' is used twice"),
    ("<linkGrp toDoc='doc.zh.xml' fromDoc='doc.en.xml'/>", INTERTEXT_ZH, "has no links"),
])
def test_a_broken_file_is_one_clear_line(tmp_path: Path, alignment: str, zh: str, message: str) -> None:
    path = intertext_made(tmp_path, alignment, zh)
    with pytest.raises(InputError, match=message) as error:
        read_intertext(path)
    assert "\n" not in str(error.value)
    result = CliRunner().invoke(cli, ["tmx", "convert", str(path), "-o", str(tmp_path / "out.tmx")])
    assert result.exit_code == 1 and message.split(":")[-1].strip() in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "out.tmx").exists()


def test_align_writes_intertext_and_convert_makes_tmx(tmp_path: Path) -> None:
    out = tmp_path / "sdg16.zh.en.xml"
    result = CliRunner().invoke(cli, ["align", str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt"),
                                      "-o", str(out), "--min-score", "0.9"])
    assert result.exit_code == 0, result.output
    assert "INTERTEXT written to" in result.output
    assert (tmp_path / "sdg16.zh.xml").exists() and (tmp_path / "sdg16.en.xml").exists()
    file = read_intertext(out)
    apply_operation(file.review, {"op": "review", "link": 0, "reviewed": True})
    apply_operation(file.review, {"op": "edit", "side": "zh", "sentence": 1, "text": "改过的句子。"})
    file.save([("zh", 1)])
    tmx = tmp_path / "sdg16.tmx"
    result = CliRunner().invoke(cli, ["tmx", "convert", str(out), "-o", str(tmx)])
    assert result.exit_code == 0, result.output
    assert "2 of 37 links reviewed" in result.output
    units = list(read_tmx(tmx))
    direct = tmp_path / "direct.tmx"
    assert CliRunner().invoke(cli, ["align", str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt"),
                                    "-o", str(direct), "--min-score", "0.9"]).exit_code == 0
    plain = list(read_tmx(direct))
    assert [u.tuid for u in units] == [u.tuid for u in plain]
    assert units[0].props["x-reviewed"] and units[0].props["x-score"] == "1.0000"
    assert units[0].props["x-aligner-score"] == plain[0].props["x-score"]
    assert units[1].zh == "改过的句子。" and units[1].props["x-edited"] == "zh"
    assert units[1].notes == (f"zh before review: {plain[1].zh}",)
    # Unreviewed units are exactly what tmkit align writes.
    assert [(u.zh, u.en, u.props) for u in units[2:]] == [(u.zh, u.en, u.props) for u in plain[2:]]
    assert CliRunner().invoke(cli, ["tmx", "validate", str(tmx)]).exit_code == 0


def test_intertext_needs_a_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["align", str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt"),
                                      "-o", "-", "--format", "intertext"])
    assert result.exit_code == 2 and "three files" in result.output


def test_review_of_two_files_aligns_once_then_resumes(tmp_path: Path, monkeypatch) -> None:
    from tmkit.review.command import _aligned, _default_output

    assert _default_output(EXAMPLES / "sdg16.zh.txt") == Path("sdg16.zh.en.xml")
    assert _default_output(Path("zh/001")) == Path("001.zh.en.xml")
    out = tmp_path / "sdg16.zh.en.xml"
    zh, en = EXAMPLES / "sdg16.zh.txt", EXAMPLES / "sdg16.en.txt"
    file = _aligned(zh, en, out, False, None, None)
    apply_operation(file.review, {"op": "review", "link": 0, "reviewed": True})
    file.save()
    again = _aligned(zh, en, out, False, None, None)
    assert again.review.reviewed_count() == 1  # resumed, not aligned over
    with pytest.raises(InputError, match="not these files"):
        _aligned(en, zh, out, False, None, None)
