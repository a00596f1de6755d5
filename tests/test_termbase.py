"""The termbase: YAML source checks, TBX v3/2008 and table output, round trip, TBX validation."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, REPO, shared_path
from lxml import etree

from tmkit.cli import cli
from tmkit.errors import InputError
from tmkit.termbase import curated_path, load_termbase, term_pairs
from tmkit.termbase.source import read_sources
from tmkit.termbase.table import COLUMNS, write_table
from tmkit.termbase.tbx_format import TBX_2008, TBX_V3
from tmkit.termbase.tbx_reader import read_tbx
from tmkit.termbase.tbx_writer import tbx_bytes

TERMBASE = FIXTURES / "termbase"
BROKEN = FIXTURES / "termbase_broken"
TBX_NS = {"t": "urn:iso:std:iso:30042:ed-2"}


@pytest.fixture(scope="module")
def termbase():
    return load_termbase(TERMBASE)


@pytest.fixture(scope="module")
def schemas() -> Path:
    return shared_path("standards", "tbx")


def test_load_fixture(termbase):
    assert [c.id for c in termbase] == ["security-council", "general-assembly", "secretary-general",
                                        "peacekeeping-operation", "unmiss", "troop-contributing-country"]
    unmiss = termbase.get("unmiss")
    assert unmiss.subject == "peacekeeping" and unmiss.modified == date(2026, 11, 22)
    assert unmiss.preferred("en").text == "United Nations Mission in the Republic of South Sudan"
    assert [t.type for t in unmiss.zh] == ["fullForm", "shortForm", "acronym"]


def test_term_pairs_are_usable_terms_only(termbase):
    pairs = term_pairs(termbase)
    assert ("安理会", "Security Council") in pairs
    assert ("UNMISS", "UNMISS") in pairs and ("南苏丹特派团", "UNMISS") in pairs
    assert not any(zh == "出兵国" or en == "troop contributor" for zh, en in pairs)  # deprecated/superseded
    assert len(pairs) == len(set(pairs))


def test_check_reports_every_problem_with_its_line():
    concepts, problems = read_sources(BROKEN)
    lines = [(p.line, p.concept, p.message) for p in problems]
    expected = [
        (16, "peacekeeping-operation", "duplicate id"),
        (29, "peace-operation", "missing required field 'source'"),
        (32, "peace-operation", "has no Han characters"),
        (37, "peace-operation", "also preferred or admitted in concept peacekeeping-operation"),
        (41, "peace-operation", "unknown status 'recommended'"),
        (41, "peace-operation", "English term '和平行动' contains Chinese"),
        (45, "Bad_Id", "must match"),
        (47, "Bad_Id", "must be an ISO date"),
        (53, "Bad_Id", "listed twice"),
        (62, "Bad_Id", "unknown key 'gender'"),
    ]
    assert len(lines) == len(expected)
    for (line, concept, message), (want_line, want_concept, fragment) in zip(lines, expected):
        assert (line, concept) == (want_line, want_concept) and fragment in message
    assert [c.id for c in concepts] == ["peacekeeping-operation"]


@pytest.mark.parametrize("body, fragment", [
    ("  - id: x\n    source: s\n    modified: 2026-01-01\n    zh: [{term: 安理会, status: admitted, type: fullForm, pos: noun},"
     " {term: 安全理事会, status: preferred, type: fullForm, pos: noun}, {term: 安全会, status: preferred, type: variant,"
     " pos: noun}]\n    en: [{term: SC, status: preferred, type: acronym, pos: noun}]\n", "2 preferred zh terms"),
    ("  - id: x\n    source: s\n    modified: 2026-01-01\n    zh: [{term: 安理会, status: deprecated, type: fullForm, pos: noun}]\n"
     "    en: [{term: SC, status: preferred, type: acronym, pos: noun}]\n", "no preferred or admitted zh term"),
    ("  - id: x\n    source: s\n    modified: 2026-01-01\n    zh: [{term: UN安理会Council, status: preferred, type: fullForm, pos: noun}]\n"
     "    en: [{term: SC, status: preferred, type: acronym, pos: noun}]\n", "mostly Latin"),
    ("  - id: x\n    source: s\n    modified: 2026-01-01\n    zh: [{term: 安理会, status: preferred, type: fullForm, pos: noun}]\n"
     "    en: [{term: SC, status: preferred, type: acronym, pos: pronoun}]\n", "unknown pos 'pronoun'"),
    ("  - id: x\n    source: s\n    source: t\n    modified: 2026-01-01\n    zh: [{term: 安理会, status: preferred, type: fullForm, pos: noun}]\n"
     "    en: [{term: SC, status: preferred, type: acronym, pos: noun}]\n", "key 'source' given twice"),
    ("  - id: x\n    source: s\n    modified: 2026-01-01\n    zh: [{term: 安理会, status: preferred, type: fullForm, pos: noun}]\n",
     "missing required field 'en'"),
    ("  - id: x\n   bad: [indent\n", "YAML error"),
])
def test_check_catches(tmp_path, body, fragment):
    (tmp_path / "t.yaml").write_text("subject: t\nconcepts:\n" + body, encoding="utf-8")
    _, problems = read_sources(tmp_path)
    assert any(fragment in str(p) for p in problems), problems


def test_acronym_in_chinese_is_legitimate_only_as_acronym(tmp_path):
    entry = ("subject: t\nconcepts:\n  - id: x\n    source: s\n    modified: 2026-01-01\n"
             "    zh: [{term: 联合国南苏丹特派团, status: preferred, type: fullForm, pos: properNoun},"
             " {term: UNMISS, status: admitted, type: %s, pos: properNoun}]\n"
             "    en: [{term: UNMISS, status: preferred, type: acronym, pos: properNoun}]\n")
    (tmp_path / "t.yaml").write_text(entry % "acronym", encoding="utf-8")
    assert read_sources(tmp_path)[1] == []
    (tmp_path / "t.yaml").write_text(entry % "shortForm", encoding="utf-8")
    assert "no Han characters" in str(read_sources(tmp_path)[1])


def test_load_refuses_a_broken_termbase():
    with pytest.raises(InputError, match="invalid termbase: .*duplicate id .*and 9 more"):
        load_termbase(BROKEN)


def test_cli_check(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["termbase", "check", str(BROKEN)])
    assert result.exit_code == 1
    assert result.stdout.count("\n") == 10 and "peacekeeping.yaml:16: peacekeeping-operation: duplicate id" in result.stdout
    result = runner.invoke(cli, ["termbase", "check", str(TERMBASE)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "6 valid concepts (organs 3, peacekeeping 3); 0 problems" in result.stderr


def test_curated_termbase_is_found_and_checked():
    path = curated_path()
    assert path.resolve() == (REPO / "termbase").resolve()
    if not any(path.glob("*.yaml")):
        pytest.skip("the curated termbase has no content yet")
    result = CliRunner().invoke(cli, ["termbase", "check"])
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize("edition", [TBX_V3, TBX_2008], ids=["tbx3", "tbx2008"])
def test_round_trip(termbase, tmp_path, edition):
    path = tmp_path / "t.tbx"
    path.write_bytes(tbx_bytes(termbase, edition))
    assert read_tbx(path) == termbase
    assert load_termbase(path) == termbase


def test_tbx_v3_shape(termbase):
    root = etree.fromstring(tbx_bytes(termbase))
    assert root.tag == "{urn:iso:std:iso:30042:ed-2}tbx"
    assert (root.get("type"), root.get("style"), root.get("{http://www.w3.org/XML/1998/namespace}lang")) == \
        ("TBX-Basic", "dca", "en")
    entry = root.find(".//t:conceptEntry[@id='unmiss']", TBX_NS)
    assert entry.findtext("t:descrip[@type='subjectField']", namespaces=TBX_NS) == "peacekeeping"
    assert entry.findtext("t:transacGrp/t:date", namespaces=TBX_NS) == "2026-11-22"
    en = entry.find("t:langSec[@xml:lang='en']", {**TBX_NS, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert en.findtext("t:descrip[@type='definition']", namespaces=TBX_NS).startswith("Peacekeeping mission")
    first = en.find("t:termSec", TBX_NS)
    assert [n.text for n in first.findall("t:termNote", TBX_NS)] == ["preferredTerm-admn-sts", "fullForm", "noun"]
    assert tbx_bytes(termbase) == tbx_bytes(termbase)  # reproducible


def test_built_tbx_is_valid(termbase, schemas, tmp_path):
    from tmkit.termbase.tbx_validate import validate_tbx

    path = tmp_path / "UN.tbx"
    result = CliRunner().invoke(cli, ["termbase", "build", str(TERMBASE), "-o", str(path)])
    assert result.exit_code == 0, result.output
    report = validate_tbx(path, schemas)
    assert report.valid, report.problems
    result = CliRunner().invoke(cli, ["termbase", "validate", str(path), "--schemas", str(schemas)])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize("name", ["Example_Astronomy_DCA_VALID.tbx", "Example_Astronomy_DCT_VALID.tbx",
                                  "samples/core_structure_good.tbx", "samples/min_good.tbx"])
def test_validate_accepts_valid_examples(schemas, name):
    from tmkit.termbase.tbx_validate import validate_tbx

    report = validate_tbx(schemas / name, schemas)
    assert report.valid, report.problems[:5]


def test_validate_rejects_bad_samples(schemas):
    from tmkit.termbase.tbx_validate import validate_tbx

    core = validate_tbx(schemas / "samples" / "core_structure_bad.tbx", schemas).problems
    assert any("RelaxNG: Did not expect element admin there" in p for p in core)
    malformed = validate_tbx(schemas / "samples" / "poorly_formed_xml.tbx", schemas).problems
    assert len(malformed) == 1 and ":42: XML: not well-formed" in malformed[0]
    # basic_bad differs from basic_good by five planted errors; the current TBX-Basic rules
    # catch four (a concept-level source without descripGrp is now allowed). Both samples
    # also use usageStatus, which TBX-Basic no longer has, so basic_good fails on that alone.
    bad = validate_tbx(schemas / "samples" / "basic_bad.tbx", schemas).problems
    good = validate_tbx(schemas / "samples" / "basic_good.tbx", schemas).problems
    assert all("Permitted type value(s): administrativeStatus" in p for p in good)
    extra = [p for p in bad if "Permitted type value(s): administrativeStatus" not in p]
    assert len(extra) == 4
    for fragment in ("/partOfSpeech/ type may be", "Permitted type value(s): transactionType",
                     "Permitted type value(s): responsibility", "/definition/ may only appear at level(s)"):
        assert sum(fragment in p for p in extra) == 1, extra


def test_validate_cli_one_line_per_problem(schemas):
    result = CliRunner().invoke(cli, ["termbase", "validate", str(schemas / "samples" / "core_structure_bad.tbx"),
                                      "--schemas", str(schemas)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2 and "only the core structure was checked" in result.stderr


def test_validate_without_schemas(tmp_path):
    result = CliRunner().invoke(cli, ["termbase", "validate", str(tmp_path / "x.tbx"), "--schemas", str(tmp_path)])
    assert result.exit_code == 1 and "TBX schemas not found" in result.output


def test_tbx2008_read_by_translate_toolkit(termbase):
    from translate.storage import tbx

    store = tbx.tbxfile.parsestring(tbx_bytes(termbase, TBX_2008))
    units = {unit.getid(): unit for unit in store.units}
    assert len(units) == len(termbase)
    assert (units["security-council"].source, units["security-council"].target) == ("安全理事会", "Security Council")


def test_tables(termbase):
    for fmt in ("tsv", "csv"):
        stream = io.BytesIO()
        write_table(termbase, stream, fmt)
        text = stream.getvalue().decode("utf-8")
        lines = text.splitlines()
        assert len(lines) == len(termbase) + 1
        assert lines[0].split("\t" if fmt == "tsv" else ",") == list(COLUMNS)
    tsv = dict((row.split("\t")[0], row.split("\t")) for row in lines_of(termbase))
    assert tsv["unmiss"][2:6] == ["联合国南苏丹特派团", "United Nations Mission in the Republic of South Sudan",
                                  "南苏丹特派团 | UNMISS", "UNMISS"]
    assert tsv["troop-contributing-country"][6:8] == ["出兵国", "troop contributor"]


def lines_of(termbase) -> list[str]:
    stream = io.BytesIO()
    write_table(termbase, stream, "tsv")
    return stream.getvalue().decode("utf-8").splitlines()[1:]


def test_build_refuses_broken_termbase_and_writes_nothing(tmp_path):
    out = tmp_path / "UN.tbx"
    result = CliRunner().invoke(cli, ["termbase", "build", str(BROKEN), "-o", str(out)])
    assert result.exit_code == 1 and "invalid termbase" in result.output and not out.exists()


@pytest.mark.parametrize("content", [b"", b"<tbx", b"\x00\x01binary", "<foo/>".encode()])
def test_reader_refuses_non_tbx(tmp_path, content):
    path = tmp_path / "x.tbx"
    path.write_bytes(content)
    with pytest.raises(InputError):
        read_tbx(path)


def test_reader_does_not_expand_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    tbx = tbx_bytes(load_termbase(TERMBASE)).decode()
    tbx = tbx.replace("<tbx ", f'<!DOCTYPE tbx [<!ENTITY x SYSTEM "file://{secret}">]>\n<tbx ', 1)
    tbx = tbx.replace("<term>大会</term>", "<term>大会&x;</term>")
    path = tmp_path / "x.tbx"
    path.write_text(tbx, encoding="utf-8")
    assert "SECRET" not in str(read_tbx(path))


def test_wheel_ships_the_curated_termbase(tmp_path):
    """A (non-editable) wheel holds termbase/*.yaml as tmkit/termbase/curated, where curated_path looks."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "tmkit", source / "tmkit", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(TERMBASE, source / "termbase")
    # build_py lays out exactly what a wheel (and a non-editable install) contains.
    build = tmp_path / "lib"
    result = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(build)], cwd=source,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    installed = build / "tmkit" / "termbase"
    assert sorted(p.name for p in (installed / "curated").iterdir()) == ["organs.yaml", "peacekeeping.yaml"]
    check = subprocess.run([sys.executable, "-c", "from tmkit.termbase import load_termbase as l; print(len(l()))"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(build), "PYTHONNOUSERSITE": "1"})
    assert check.stdout.strip() == "6", check.stderr[-2000:]
