"""``tmkit tmx stats|merge|filter|convert|validate`` on small files and on TICO-19."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import EXAMPLES, shared_path
from tmkit.cli import cli
from tmkit.tmx import TranslationUnit, read_tmx, write_tmx
from tmkit.tmx.validate import DTD_PATH, tmx_dtd, validate_tmx

DATE = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
UNITS = [
    TranslationUnit("会议开幕。", "The meeting was opened.", "A-70-1:1",
                    {"x-document": "A/70/1", "x-link": "1-1", "x-score": "0.9500"}),
    TranslationUnit("通过议程。", "The agenda was adopted. It was short.", "A-70-1:2",
                    {"x-document": "A/70/1", "x-link": "1-2", "x-score": "0.4000", "x-paragraph": "2."}),
    TranslationUnit("散会。", "The meeting rose.", "S-1:1", {"x-document": "S/1", "x-link": "1-1", "x-score": "0.7500"}),
]


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def memory(tmp_path: Path) -> Path:
    path = tmp_path / "memory.tmx"
    write_tmx(UNITS, path, creation_date=DATE)
    return path


def test_help_lists_the_tmx_commands() -> None:
    result = run("tmx", "--help")
    assert result.exit_code == 0
    for command in ("stats", "merge", "filter", "convert", "validate"):
        assert command in result.output
        assert run("tmx", command, "--help").exit_code == 0


def test_stats(memory: Path) -> None:
    result = run("tmx", "stats", memory)
    assert result.exit_code == 0, result.output
    assert "units         3" in result.output
    assert "zh: zh-CN (3); en: en-US (3); srclang zh-CN" in result.output
    assert "documents     2" in result.output and "       2  A/70/1" in result.output
    assert "links         1-1 2, 1-2 1" in result.output
    assert "[0.9, 1.0]        1" in result.output and "[0.4, 0.5)        1" in result.output


def test_stats_json(memory: Path) -> None:
    (figures,) = json.loads(run("tmx", "stats", "--json", memory).output)
    assert figures["units"] == 3 and figures["documents"] == {"A/70/1": 2, "S/1": 1}
    assert figures["scores"]["0.7"] == 1 and figures["unscored"] == 0
    assert figures["zh_chars"] == len("会议开幕。通过议程。散会。")


def test_merge_command(memory: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.tmx"
    write_tmx([TranslationUnit("散会。", "The meeting  rose.", "S-2:9",
                               {"x-document": "S/2", "x-score": "0.8"})], other, creation_date=DATE)
    out = tmp_path / "all.tmx"
    result = run("tmx", "merge", memory, other, "-o", out)
    assert result.exit_code == 0, result.output
    assert "2 files, 4 units read, 1 duplicates folded, 3 units written (zh-CN → en-US)" in result.stderr
    last = list(read_tmx(out))[-1]
    assert last.props["x-document"] == ("S/1", "S/2") and last.props["x-score"] == "0.8"


def test_filter_command(memory: Path, tmp_path: Path) -> None:
    out = tmp_path / "safe.tmx"
    result = run("tmx", "filter", memory, "-o", out, "--min-score", "0.7")
    assert result.exit_code == 0, result.output
    assert "2 units kept, 1 below 0.7" in result.stderr
    assert [u.tuid for u in read_tmx(out)] == ["A-70-1:1", "S-1:1"]
    header = etree.parse(str(out)).getroot().find("header")
    assert {p.get("type"): p.text for p in header.findall("prop")} == {"x-tmkit-min-score": "0.7"}
    assert run("tmx", "filter", memory, "-o", out, "--min-score", "1.5").exit_code == 2


def test_filter_unscored(tmp_path: Path) -> None:
    path = tmp_path / "unscored.tmx"
    write_tmx([TranslationUnit("甲", "A", "1"), TranslationUnit("乙", "B", "2", {"x-score": "0.9"})], path)
    assert run("tmx", "filter", path, "-o", tmp_path / "a.tmx", "--min-score", "0.5").exit_code == 0
    assert len(list(read_tmx(tmp_path / "a.tmx"))) == 1
    run("tmx", "filter", path, "-o", tmp_path / "b.tmx", "--min-score", "0.5", "--keep-unscored")
    assert len(list(read_tmx(tmp_path / "b.tmx"))) == 2


def test_convert_tmx_tsv_round_trip(memory: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "memory.tsv"
    assert run("tmx", "convert", memory, "-o", tsv).exit_code == 0
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "zh\ten\ttuid\tdocument\tlink\tscore\tparagraph"
    assert lines[2] == "通过议程。\tThe agenda was adopted. It was short.\tA-70-1:2\tA/70/1\t1-2\t0.4000\t2."
    back = tmp_path / "back.tmx"
    assert run("tmx", "convert", tsv, "-o", back).exit_code == 0
    assert list(read_tmx(back)) == list(read_tmx(memory))


def test_convert_align_tsv_and_headerless_tsv(tmp_path: Path) -> None:
    align_tsv = tmp_path / "sdg.tsv"
    assert run("align", EXAMPLES / "sdg16.zh.txt", EXAMPLES / "sdg16.en.txt", "-o", align_tsv).exit_code == 0
    out = tmp_path / "sdg.tmx"
    result = run("tmx", "convert", align_tsv, "-o", out, "--document", "SDG16")
    assert result.exit_code == 0, result.output
    units = list(read_tmx(out))
    assert units[0].tuid == "SDG16:1" and units[0].props["x-document"] == "SDG16"
    assert units[0].props["x-link"] and float(units[0].props["x-score"]) > 0

    plain = tmp_path / "plain.tsv"
    plain.write_text("会议开幕。\tThe meeting was opened.\n只有中文\t\n", encoding="utf-8")
    result = run("tmx", "convert", plain, "-o", tmp_path / "plain.tmx")
    assert "1 units written" in result.stderr and "1 rows with one side empty" in result.stderr
    (unit,) = read_tmx(tmp_path / "plain.tmx")
    assert (unit.zh, unit.tuid) == ("会议开幕。", "plain:1")


def test_convert_links_with_sentence_files(tmp_path: Path) -> None:
    zh, en, links = tmp_path / "doc.zh", tmp_path / "doc.en", tmp_path / "doc.links"
    zh.write_text("会议开幕。\n只有中文的一句。\n通过议程。\n", encoding="utf-8")
    en.write_text("The meeting was opened.\nThe agenda was adopted.\nIt was short.\n", encoding="utf-8")
    links.write_text("[0]:[0]:0.9\n[1]:[]:0.0\n[2]:[1,2]:0.8\n", encoding="utf-8")
    out, side = tmp_path / "doc.tmx", tmp_path / "un.tsv"
    result = run("tmx", "convert", links, "--zh", zh, "--en", en, "-o", out, "--unaligned", side)
    assert result.exit_code == 0, result.output
    units = list(read_tmx(out))
    assert [(u.en, u.tuid, u.props["x-link"]) for u in units] == [
        ("The meeting was opened.", "doc:1", "1-1"),
        ("The agenda was adopted. It was short.", "doc:3", "1-2"),
    ]
    assert side.read_text(encoding="utf-8").splitlines()[1] == "doc\tzh\t2\t\t只有中文的一句。"
    assert run("tmx", "convert", links, "-o", out).exit_code == 2  # --zh/--en missing
    links.write_text("[0]:[7]\n", encoding="utf-8")
    result = run("tmx", "convert", links, "--zh", zh, "--en", en, "-o", out)
    assert result.exit_code == 1 and "points past the end" in result.output


def test_convert_refuses_what_it_cannot_do(memory: Path, tmp_path: Path) -> None:
    assert run("tmx", "convert", memory, "-o", tmp_path / "x.tmx").exit_code == 2
    result = run("tmx", "convert", memory, "-o", tmp_path / "x.doc")
    assert result.exit_code == 1 and "cannot tell the format" in result.output


def test_validate_accepts_tmkit_output(memory: Path) -> None:
    result = run("tmx", "validate", memory)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "valid" in result.stderr


def test_validate_reports_each_problem_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tmx"
    bad.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="zh-CN"
        datatype="plaintext" creationdate="2024-01-01"/>
<body>
<tu tuid="1"><prop type="x-score">1.7</prop><note>late</note>
  <tuv xml:lang="zh-CN"><seg> 空格 </seg></tuv><tuv xml:lang="en-US"><seg>Spaces</seg></tuv></tu>
<tu tuid="1"><prop type="domain">x</prop><prop type="x-link">1-0</prop>
  <tuv xml:lang="zh-cn"><seg>中</seg></tuv><tuv xml:lang="en-US"><seg>x</seg></tuv></tu>
<tu tuid="3" foo="bar"><tuv xml:lang="zh-CN"><seg>只有中文</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>x</seg></tuv><prop type="x-link">1-1</prop></tu>
</body>
</tmx>
""",
        encoding="utf-8",
    )
    result = run("tmx", "validate", bad)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    expected = [
        ":4: error: creationdate \"2024-01-01\" is not YYYYMMDDThhmmssZ",
        ":6: tu 1: error: x-score \"1.7\" is not a number in [0, 1]",
        ":6: tu 1: warning: <note> after <prop>",
        ":7: tu 1: warning: zh-CN segment has leading or trailing whitespace",
        ":8: tu 1: error: tuid used before",
        ":8: tu 1: warning: prop type \"domain\" lacks the x- prefix",
        ":8: tu 1: error: x-link \"1-0\" is not N-M",
        ":9: tu 1: warning: language \"zh-cn\" spelled differently from \"zh-CN\"",
        ":10: tu 3: error: DTD: No declaration for attribute foo of element tu",
        ":10: tu 3: error: no en variant(s)",
        ":11: error: DTD: Element tu content does not follow the DTD",
        ":11: warning: <tu> without tuid",
        ":11: error: no zh variant(s)",
    ]
    for fragment in expected:
        assert any(line.startswith(str(bad)) and fragment in line for line in lines), (fragment, lines)
    assert len(lines) == len(expected), lines
    assert "8 errors, 5 warnings" in result.stderr


def test_validate_warns_of_segments_trados_would_skip(tmp_path: Path) -> None:
    long = tmp_path / "long.tmx"
    write_tmx([TranslationUnit("中" * 2001, "Short", "1"), TranslationUnit("中" * 2000, "Fits", "2")], long)
    problems = list(validate_tmx(long))
    assert [(p.tuid, p.severity) for p in problems] == [("1", "warning")]
    assert "longer than 2,000 characters" in problems[0].message


def test_validate_malformed_and_entities(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text('<tmx version="1.4"><header/>\n<body><tu>', encoding="utf-8")
    result = run("tmx", "validate", broken)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].startswith(f"{broken}:2: error: not well-formed XML: Premature end of data")
    entity = tmp_path / "entity.tmx"
    entity.write_text('<!DOCTYPE tmx [<!ENTITY e "x">]><tmx version="1.4"><header/><body><tu tuid="1">'
                      '<tuv xml:lang="zh"><seg>&e;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
                      encoding="utf-8")
    assert any("entity reference" in p.message for p in validate_tmx(entity))


def test_packaged_dtd_declares_what_the_reference_dtd_declares() -> None:
    reference = etree.DTD(str(shared_path("standards", "tmx", "tmx14.dtd")))

    def declarations(dtd: etree.DTD) -> list:
        return sorted(
            (e.name, e.type, str(e.content),
             sorted((a.name, a.type, a.default, a.default_value, tuple(a.values())) for a in e.iterattributes()))
            for e in dtd.iterelements()
        )

    assert declarations(tmx_dtd()) == declarations(reference)
    assert DTD_PATH.is_file()


def test_align_output_valid_against_reference_dtd_and_rules(tmp_path: Path) -> None:
    out = tmp_path / "sdg16.tmx"
    assert run("align", EXAMPLES / "sdg16.zh.txt", EXAMPLES / "sdg16.en.txt", "-o", out).exit_code == 0
    reference = etree.DTD(str(shared_path("standards", "tmx", "tmx14.dtd")))
    assert reference.validate(etree.parse(str(out))), reference.error_log.filter_from_errors()
    assert list(validate_tmx(out, dtd=reference)) == []


def test_tico19_through_the_commands(tmp_path: Path) -> None:
    tico = shared_path("corpora", "tico19", "all.en-zh.tmx")
    stats = run("tmx", "stats", tico)
    assert stats.exit_code == 0 and "units         3071" in stats.output and "srclang en" in stats.output
    tsv, back, merged = tmp_path / "tico.tsv", tmp_path / "tico.tmx", tmp_path / "merged.tmx"
    assert run("tmx", "convert", tico, "-o", tsv).exit_code == 0
    assert run("tmx", "convert", tsv, "-o", back, "--zh-lang", "zh-CN", "--en-lang", "en-US").exit_code == 0
    assert run("tmx", "validate", back).exit_code == 0
    result = run("tmx", "merge", tico, back, "-o", merged, "--zh-lang", "zh-CN", "--en-lang", "en-US")
    assert result.exit_code == 0, result.output
    written = len(list(read_tmx(merged)))
    assert f"{written} units written" in result.stderr and written < 3071
    validation = run("tmx", "validate", tico)
    assert validation.exit_code == 0 and 'warning: srclang "en" is not Chinese' in validation.stdout
    # Another tool's convention on every unit is shown three times, then counted.
    lines = validation.stdout.splitlines()
    assert sum("lacks the x- prefix" in line for line in lines) == 4
    assert lines[-1] == f'{tico}: warning: … 3,068 more: prop type "note" lacks the x- prefix CAT tools filter on'
    assert "0 errors, 3,073 warnings" in validation.stderr
    assert run("tmx", "validate", "--strict", tico).exit_code == 1
    every = run("tmx", "validate", "--all", tico)
    assert sum("lacks the x- prefix" in line for line in every.stdout.splitlines()) == 3071
