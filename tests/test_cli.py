"""The command line end to end: the bundled example, formats, exit codes, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from translate.storage.tmx import tmxfile

from tests.conftest import EXAMPLES
from tmkit import __version__
from tmkit.cli import cli

ZH = EXAMPLES / "sdg16.zh.txt"
EN = EXAMPLES / "sdg16.en.txt"
LEADING_NUMBER = re.compile(r"^(?:Goal |目标)?(\d+(?:\.(?:\d+|[a-z]))*)")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def example_paragraph_count() -> int:
    return sum(1 for line in ZH.read_text(encoding="utf-8").splitlines() if line.strip())


def test_help_lists_commands_and_version():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("align", "segment", "eval"):
        assert command in result.output
    assert run("--version").output.strip().endswith(__version__)
    for command in ("align", "segment", "eval"):
        assert run(command, "--help").exit_code == 0


def test_align_example_to_tmx(tmp_path: Path):
    out = tmp_path / "sdg16.tmx"
    result = run("align", str(ZH), str(EN), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "written to" in result.stderr and "37 links" in result.stderr

    root = etree.parse(str(out)).getroot()
    header = root.find("header")
    assert header.get("srclang") == "zh-CN" and header.get("segtype") == "sentence"
    assert re.fullmatch(r"\d{8}T\d{6}Z", header.get("creationdate"))
    units = root.findall("body/tu")
    assert len(units) == example_paragraph_count() == 37
    for tu in units:
        zh, en = (tuv.findtext("seg") for tuv in tu.findall("tuv"))
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["zh-CN", "en-US"]
        zh_number, en_number = LEADING_NUMBER.match(zh), LEADING_NUMBER.match(en)
        assert zh_number and en_number, (zh, en)
        assert zh_number.group(1) == en_number.group(1), (zh, en)

    store = tmxfile(out.read_bytes())
    assert len(store.units) == 37
    assert store.units[1].source.startswith("16.1 ") and store.units[1].target.startswith("16.1 ")


@pytest.mark.parametrize("fmt", ["links", "tsv"])
def test_align_formats_from_extension(tmp_path: Path, fmt: str):
    out = tmp_path / f"out.{fmt}"
    assert run("align", str(ZH), str(EN), "-o", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    if fmt == "links":
        assert len(lines) == 37 and lines[1].startswith("[1]:[1]:")
    else:
        assert lines[0].split("\t")[:4] == ["zh", "en", "link", "score"]
        assert lines[2].split("\t")[0].startswith("16.1 ") and lines[2].split("\t")[1].startswith("16.1 ")


def test_align_to_stdout_and_explicit_format():
    result = run("align", str(ZH), str(EN), "-o", "-", "--format", "links")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("[0]:[0]:")


def test_align_presegmented(tmp_path: Path):
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("会议于2009年7月31日举行。\n安理会通过了第1325(2000)号决议。\n谢谢。\n", encoding="utf-8")
    en.write_text("The meeting was held on 31 July 2009.\nThe Council adopted resolution 1325 (2000).\n"
                  "It did so unanimously.\nThank you.\n", encoding="utf-8")
    result = run("align", str(zh), str(en), "-o", "-", "--format", "links", "--presegmented")
    assert result.exit_code == 0
    assert [line.rsplit(":", 1)[0] for line in result.stdout.splitlines()] == ["[0]:[0]", "[1]:[1,2]", "[2]:[3]"]


def test_segment_command(tmp_path: Path):
    result = run("segment", str(EN), "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Goal 16. Promote") and lines[1].startswith("16.1 ")
    blocks = run("segment", str(ZH), "--lang", "zh", "--blocks")
    assert blocks.stdout.splitlines()[1].split("\t")[:2] == ["item", "16.1"]


def test_eval_hand_worked_example(tmp_path: Path):
    gold, test = tmp_path / "gold.align", tmp_path / "test.align"
    gold.write_text("[0]:[0]\n[1]:[1,2]\n[2]:[]\n")
    test.write_text("[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[]\n")
    result = run("eval", str(gold), str(test))
    assert result.exit_code == 0
    rows = {line.split()[0]: [float(x) for x in line.split()[1:]] for line in result.stdout.splitlines()[1:]}
    assert rows["strict"] == [0.5, 0.5, 0.5]
    assert rows["lax"][:2] == [0.75, 1.0]


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    english = tmp_path / "english.txt"
    english.write_text("This is plainly an English document, not a Chinese one.\n")
    return {"missing": tmp_path / "missing.txt", "empty": empty, "blank": blank, "binary": binary,
            "wrong-language": english}


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "wrong-language"])
def test_bad_chinese_input_fails_cleanly(tmp_path: Path, case: str):
    bad = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out.tmx"
    result = run("align", str(bad), str(EN), "-o", str(out))
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert "\n" not in message and message.startswith("Error: ") and str(bad) in message
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(tmp_path.glob(".out.tmx*")), "no temporary file left behind"


def test_wrong_language_on_english_side(tmp_path: Path):
    result = run("align", str(ZH), str(ZH), "-o", str(tmp_path / "out.tmx"))
    assert result.exit_code == 1
    assert "expected English text but found Chinese" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path):
    assert run("align", str(ZH)).exit_code == 2
    assert run("align", str(ZH), str(EN), "-o", str(tmp_path / "x.tmx"), "--format", "doc").exit_code == 2
    assert run("segment", str(ZH)).exit_code == 2


def test_unknown_output_extension_is_one_line_error(tmp_path: Path):
    result = run("align", str(ZH), str(EN), "-o", str(tmp_path / "out.xyz"))
    assert result.exit_code == 1 and "--format" in result.stderr
