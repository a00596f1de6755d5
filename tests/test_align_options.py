"""``tmkit align`` options beyond the basics: --min-score flags, termbase choice."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import EXAMPLES, FIXTURES
from tmkit.cli import cli

ZH = EXAMPLES / "sdg16.zh.txt"
EN = EXAMPLES / "sdg16.en.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def tsv_rows(path: Path) -> list[dict[str, str]]:
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    return [dict(zip(header.split("\t"), row.split("\t"))) for row in rows]


def test_min_score_flags_links_and_keeps_them(tmp_path: Path):
    plain, strict = tmp_path / "plain.tsv", tmp_path / "strict.tsv"
    assert run("align", str(ZH), str(EN), "-o", str(plain)).exit_code == 0
    result = run("align", str(ZH), str(EN), "-o", str(strict), "--min-score", "1.0")
    assert result.exit_code == 0
    before, after = tsv_rows(plain), tsv_rows(strict)
    assert [(r["zh"], r["en"]) for r in before] == [(r["zh"], r["en"]) for r in after]  # nothing dropped
    flagged = [r for r in after if r["flag"] == "low-score"]
    assert flagged == [r for r in after if float(r["score"]) < 1.0 and r["zh"] and r["en"]]
    assert all(r["flag"] == "" for r in before)
    assert f"{len(flagged)} under min score 1" in result.output


def test_min_score_flag_in_tmx(tmp_path: Path):
    out = tmp_path / "out.tmx"
    assert run("align", str(ZH), str(EN), "-o", str(out), "--min-score", "1.0").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert '<prop type="x-tmkit-min-score">1</prop>' in text
    scores = [float(s) for s in re.findall(r'type="x-score">([0-9.]+)<', text)]
    assert text.count('<prop type="x-flag">low-score</prop>') == sum(1 for s in scores if s < 1.0)


def test_termbase_options(tmp_path: Path):
    out = tmp_path / "out.tmx"
    result = run("align", str(ZH), str(EN), "-o", str(out), "--termbase", str(FIXTURES / "termbase"))
    assert result.exit_code == 0, result.output
    assert f'<prop type="x-tmkit-termbase">{FIXTURES / "termbase"}</prop>' in out.read_text(encoding="utf-8")
    assert run("align", str(ZH), str(EN), "-o", str(out), "--no-termbase").exit_code == 0
    assert '<prop type="x-tmkit-termbase">none</prop>' in out.read_text(encoding="utf-8")
    both = run("align", str(ZH), str(EN), "-o", str(out), "--no-termbase", "--termbase", str(FIXTURES / "termbase"))
    assert both.exit_code == 2


def test_broken_termbase_is_one_line_error(tmp_path: Path):
    result = run("align", str(ZH), str(EN), "-o", str(tmp_path / "o.tmx"), "--termbase",
                 str(FIXTURES / "termbase_broken"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "o.tmx").exists()


def test_semantic_evidence(tmp_path: Path):
    from tmkit.align.semantic import available

    if not available():
        import pytest

        pytest.skip("the optional sentence encoder (tmkit[semantic]) is not installed")
    out = tmp_path / "out.tsv"
    result = run("align", str(ZH), str(EN), "-o", str(out), "--semantic")
    assert result.exit_code == 0, result.output
    rows = tsv_rows(out)
    assert len(rows) == 37 and all(r["link"] == "1-1" for r in rows)
