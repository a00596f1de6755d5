"""A real CAT tool reads tmkit's memory: OmegaT fills a translation from it.

OmegaT applies the TMX files in a project's ``tm/auto/`` folder to every segment
with an exact match when it runs ``--mode=console-translate`` (headless). The test
builds such a project around a Chinese document made of the memory's own Chinese
segments plus one sentence the memory does not have, and checks the English target
document: each known segment translated as in the memory, the unknown one left in
Chinese. ``.ci/run`` installs OmegaT (Debian package ``omegat``) where it can.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLES
from tmkit.cli import cli
from tmkit.tmx import read_tmx

OMEGAT = shutil.which("omegat")
UNKNOWN = "这一句不在翻译记忆库中。"

pytestmark = pytest.mark.skipif(
    OMEGAT is None,
    reason="OmegaT is not installed (apt-get install omegat; .ci/run installs it when apt-get and root are available)",
)

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{zh}</source_lang>
    <target_lang>{en}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def omegat_project(root: Path, memory: Path, source_text: str, zh: str = "zh-CN", en: str = "en-US") -> Path:
    """An OmegaT project: settings, the internal folder OmegaT looks for, source, tm/auto."""
    for folder in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(PROJECT.format(zh=zh, en=en), encoding="utf-8")
    (root / "source" / "document.txt").write_text(source_text, encoding="utf-8")
    shutil.copy(memory, root / "tm" / "auto" / memory.name)
    return root


def console_translate(project: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JAVA_TOOL_OPTIONS": "-Djava.awt.headless=true"}
    return subprocess.run(
        [OMEGAT, "--mode=console-translate", f"--config-dir={config}", "--disable-project-locking",
         "--no-team", "--quiet", str(project)],
        capture_output=True, text=True, timeout=300, env=env,
    )


def test_omegat_fills_translations_from_tmkit_tmx(tmp_path: Path) -> None:
    memory = tmp_path / "sdg16.tmx"
    result = CliRunner().invoke(cli, ["align", str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt"),
                                      "-o", str(memory)])
    assert result.exit_code == 0, result.output
    units = list(read_tmx(memory))
    assert len(units) > 10
    paragraphs = [unit.zh for unit in units] + [UNKNOWN]
    project = omegat_project(tmp_path / "project", memory, "\n\n".join(paragraphs) + "\n")

    run = console_translate(project, tmp_path / "omegat-config")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]

    target = (project / "target" / "document.txt").read_text(encoding="utf-8")
    translated = [p for p in target.split("\n\n") if p.strip()]
    assert len(translated) == len(paragraphs)
    assert translated[:-1] == [unit.en for unit in units]
    assert translated[-1].strip() == UNKNOWN
