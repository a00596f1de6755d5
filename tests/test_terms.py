"""Term extraction and term checks on a small memory written here, and on TICO-19 when present."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, shared_path

from tmkit.cli import cli
from tmkit.termbase import load_termbase
from tmkit.terms.association import dice, log_likelihood
from tmkit.terms.check import TermChecker
from tmkit.terms.english import candidates, phrase_key, words
from tmkit.terms.extract import ExtractOptions, extract_terms
from tmkit.tmx.writer import TranslationUnit, write_tmx

TERMBASE = FIXTURES / "termbase"
PAIRS = [
    ("安全理事会通过了关于南苏丹的决议。", "The Security Council adopted a resolution on South Sudan."),
    ("联合国南苏丹特派团继续保护平民。", "The United Nations Mission in the Republic of South Sudan continued to protect civilians."),
    ("安理会成员听取了通报。", "Members of the Council heard a briefing."),
    ("秘书长赞扬部队派遣国的贡献。", "The Secretary-General commended the contributions of troop-contributing countries."),
    ("出兵国的部队表现出色。", "The troops of troop contributors performed well."),
    ("维持和平行动需要更多资源。", "Peacekeeping operations need more resources."),
    ("维和行动面临新的挑战。", "Peacekeeping operations face new challenges."),
    ("大会审议了维持和平行动的预算。", "The General Assembly considered the budget of peacekeeping operations."),
    ("维持和平行动的预算增加了。", "The budget for peacekeeping operations increased."),
    ("南苏丹特派团报告了新的事件。", "UNMISS reported new incidents."),
    ("人道主义援助送达了平民。", "Humanitarian assistance reached civilians."),
    ("人道主义援助受到限制。", "Humanitarian assistance was restricted."),
    ("各方应当保障人道主义援助。", "All parties should guarantee humanitarian assistance."),
    ("特派团保护平民。", "The mission protected civilians."),
]
UNITS = [TranslationUnit(zh, en, f"u{i}") for i, (zh, en) in enumerate(PAIRS, 1)]


@pytest.fixture(scope="module")
def termbase():
    return load_termbase(TERMBASE)


@pytest.fixture
def memory(tmp_path):
    path = tmp_path / "memory.tmx"
    write_tmx(UNITS, path)
    return path


def test_association_measures():
    assert dice(5, 5, 5) == 1.0 and dice(0, 3, 4) == 0.0
    assert log_likelihood(10, 10, 10, 100) > 50
    assert log_likelihood(0, 50, 50, 100) < 0  # repulsion is negative
    assert log_likelihood(25, 50, 50, 100) == pytest.approx(0.0, abs=1e-9)  # independence
    with pytest.raises(ValueError):
        log_likelihood(5, 3, 10, 100)


def test_english_keys_and_candidates():
    assert phrase_key("troop-contributing countries") == phrase_key("Troop contributing country")
    assert phrase_key("the Council's policies") == ("the", "council", "policy")
    found = candidates(words("The Department of Peace Operations supports WHO missions."))
    assert {"Department of Peace Operations", "WHO", "mission", "Peace Operations"} <= found or \
        {"Department of Peace Operations", "WHO", "missions"} <= found
    assert not any(c.startswith(("the ", "of ")) or c.endswith(" of") for c in found)


def test_extract_pairs_terms(termbase):
    found = extract_terms(UNITS, termbase, ExtractOptions(min_freq=2, min_cooc=2))
    pairs = {(c.zh, c.en): c for c in found}
    assert ("人道主义援助", "humanitarian assistance") in pairs
    humanitarian = pairs[("人道主义援助", "humanitarian assistance")]
    assert (humanitarian.zh_freq, humanitarian.en_freq, humanitarian.cooc) == (3, 3, 3)
    assert humanitarian.examples == ("u11", "u12", "u13") and humanitarian.in_termbase == ""
    assert pairs[("维持和平行动", "peacekeeping operations")].in_termbase == "yes"
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_extract_cli(memory, tmp_path):
    out = tmp_path / "candidates.tsv"
    result = CliRunner().invoke(cli, ["terms", "extract", str(memory), "-o", str(out), "--termbase", str(TERMBASE),
                                      "--min-freq", "2"])
    assert result.exit_code == 0, result.output
    header, *rows = out.read_text(encoding="utf-8").splitlines()
    assert header.split("\t") == ["zh", "en", "score", "dice", "zh_freq", "en_freq", "cooc", "examples",
                                  "in_termbase"]
    assert any(row.startswith("人道主义援助\thumanitarian assistance\t") for row in rows)
    assert "14 units" in result.stderr


def test_check_findings(termbase):
    checker = TermChecker(termbase)
    findings = {unit.tuid: checker.check(unit) for unit in UNITS}
    assert findings["u1"] == [] and findings["u2"] == [] and findings["u6"] == []  # plural matches singular
    assert findings["u4"] == []  # hyphen and plural tolerated: troop-contributing countries
    assert findings["u3"] == []  # the short form 安理会 as "the Council": the usual second reference
    [missing] = checker.check(TranslationUnit("安全理事会成员听取了通报。", "Members of the Council heard a briefing.", "x"))
    assert (missing.severity, missing.issue, missing.concept, missing.term, missing.expected) == (
        "error", "missing", "security-council", "安全理事会", ("Security Council",))  # the full name needs the name
    # 大会 has no shorter Chinese form, so its second reference "the Assembly" renders it too
    assert checker.check(TranslationUnit("请秘书长向大会报告。", "Requests the Secretary-General to report to the "
                                         "Assembly.", "x")) == []
    deprecated = findings["u5"]
    assert {(f.issue, f.lang, f.term, f.expected) for f in deprecated} == {
        ("deprecated", "zh", "出兵国", ("部队派遣国",)),
        ("superseded", "en", "troop contributor", ("troop-contributing country",))}
    # longest match: 联合国南苏丹特派团 is one term, not also 南苏丹特派团; u10 matches via the acronym
    assert findings["u10"] == []


QA_TERMBASE = FIXTURES / "termbase_qa"


@pytest.fixture(scope="module")
def qa_checker():
    return TermChecker(load_termbase(QA_TERMBASE))


def _issues(checker, zh, en, **attributes):
    return [(f.issue, f.term) for f in checker.check(TranslationUnit(zh, en, "t", attributes=attributes))]


@pytest.mark.parametrize("zh, en", [
    ("我们需要更多信息和通信技术。", "We need more information and communications technology."),  # 信 inside words
    ("发展中国家需要援助。", "Developing countries need assistance."),  # 中国 inside 发展中国家
    ("中国政府表示支持。", "The Chinese Government expressed support."),  # attributive: the adjective is right
    ("中国的代表发了言。", "The Chinese representative spoke."),
    ("中国其他省份也有病例。", "Other Chinese provinces also had cases."),
    ("中华人民共和国代表发言。", "The representative of the People's Republic of China spoke."),
    ("安理会决定延长任务期限。", "The Council decides to extend the mandate."),  # 决定 as a verb is not checked
    ("身体暴力、性暴力或心理暴力", "physical, sexual or psychological violence"),  # elliptical coordination
    ("提高发展中国家的能力建设", "building capacity in developing countries"),  # compound turned round
    ("公正和公平地分享惠益", "fair and equitable sharing of benefits"),  # adverbial use is not the noun
    ("土耳其的火鸡很有名。", "Türkiye's turkey is well known."),  # the bird is not the old name
    ("火鸡是一种鸟。", "Turkey is a bird."),  # nor at the start of a sentence, where the Chinese names no State
    ("世卫组织发布了指南。", "WHO issued guidance."),  # acronym
    ("世界卫生组织的建议", "THE WORLD HEALTH ORGANIZATION'S ADVICE"),  # a heading in capitals
])
def test_check_no_false_findings(qa_checker, zh, en):
    assert _issues(qa_checker, zh, en) == []


def test_check_findings_that_must_be_found(qa_checker):
    assert _issues(qa_checker, "请将本信分发。", "Please circulate the present note.") == [("missing", "信")]
    assert _issues(qa_checker, "该决定已执行。", "The resolution has been implemented.") == [("missing", "决定")]
    assert _issues(qa_checker, "中国是会员国。", "Chinese is a Member State.") == [("missing", "中国")]  # not attributive
    assert _issues(qa_checker, "中国代表", "the china representative") == [("missing", "中国")]  # names keep case
    assert _issues(qa_checker, "世卫组织", "who said it") == [("missing", "世卫组织")]
    assert _issues(qa_checker, "性暴力", "physical violence") == [("missing", "性暴力")]
    # a full Chinese name needs a full English one: 中华人民共和国 is not just "China"
    assert _issues(qa_checker, "中华人民共和国是会员国。", "China is a Member State.") == [("missing", "中华人民共和国")]


def test_superseded_name_with_date(qa_checker):
    unit = TranslationUnit("土耳其代表发言。", "The representative of Turkey spoke.", "t1")
    [finding] = qa_checker.check(unit)
    assert (finding.severity, finding.issue, finding.lang, finding.term, finding.expected, finding.found) == (
        "error", "superseded", "en", "Turkey", ("Türkiye",), "Turkey")
    assert "2022-06-01" in finding.why
    older = TranslationUnit(unit.zh, unit.en, "t2", attributes={"creationdate": "20190301T120000Z"})
    assert [f.severity for f in qa_checker.check(older)] == ["info"]
    assert qa_checker.check(TranslationUnit("土耳其代表发言。", "The Turkish representative spoke.", "t3")) == []
    assert any("MISSING" not in line and "Turkey" in line for line in qa_checker.explain(unit))


def test_replaced_date_round_trips_through_tbx(tmp_path):
    from tmkit.termbase.tbx_reader import read_tbx
    from tmkit.termbase.tbx_writer import tbx_bytes
    from tmkit.termbase.tbx_format import TBX_2008

    termbase = load_termbase(QA_TERMBASE)
    for edition in (None, TBX_2008):
        path = tmp_path / "qa.tbx"
        path.write_bytes(tbx_bytes(termbase) if edition is None else tbx_bytes(termbase, edition))
        assert read_tbx(path) == termbase


def test_replaced_only_on_superseded_terms(tmp_path):
    from tmkit.termbase.source import read_sources

    text = (QA_TERMBASE / "qa.yaml").read_text(encoding="utf-8")
    (tmp_path / "qa.yaml").write_text(text.replace('status: superseded\n        type: shortForm\n        pos: '
                                                   'properNoun\n        replaced: "2022-06-01"',
                                                   'status: deprecated\n        type: shortForm\n        pos: '
                                                   'properNoun\n        replaced: "June 2022"'), encoding="utf-8")
    _, problems = read_sources(tmp_path)
    assert [p.message for p in problems] == ["'replaced' must be a date (YYYY-MM-DD or YYYY-MM), not 'June 2022'"]


def test_check_cli(memory, tmp_path):
    out = tmp_path / "report.tsv"
    result = CliRunner().invoke(cli, ["terms", "check", str(memory), "--termbase", str(TERMBASE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t") == ["tuid", "severity", "issue", "lang", "concept", "term", "expected", "found", "why",
                                   "zh", "en"]
    assert len(rows) == 3
    assert "14 units checked; 1 with term issues; 2 findings (1 error, 1 warning)" in result.stderr


def test_check_cli_html_and_explain(memory, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["terms", "check", str(memory), "--termbase", str(TERMBASE), "-o", str(out),
                                      "--explain"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<tr class="') == 2
    assert "<mark>出兵国</mark>" in page and "<mark>troop contributors</mark>" in page and "14 units checked" in page
    assert "u5: 出兵国的部队表现出色。" in result.stderr and "superseded" in result.stderr


def test_check_with_tbx_termbase(memory, tmp_path):
    tbx = tmp_path / "t.tbx"
    assert CliRunner().invoke(cli, ["termbase", "build", str(TERMBASE), "-o", str(tbx)]).exit_code == 0
    result = CliRunner().invoke(cli, ["terms", "check", str(memory), "--termbase", str(tbx)])
    assert result.exit_code == 0 and "2 findings" in result.stderr


def test_check_bundled_example_has_no_finding(tmp_path):
    from conftest import EXAMPLES

    zh = (EXAMPLES / "sdg16.zh.txt").read_text(encoding="utf-8").split("\n\n")
    en = (EXAMPLES / "sdg16.en.txt").read_text(encoding="utf-8").split("\n\n")
    checker = TermChecker(load_termbase())
    units = [TranslationUnit(z.strip(), e.strip(), str(i)) for i, (z, e) in enumerate(zip(zh, en, strict=True))]
    assert len(units) == 37
    assert [f for unit in units for f in checker.check(unit)] == []


@pytest.mark.parametrize("content", [b"", b"<tmx", b"\xff\xfe\x00garbage"])
def test_bad_memory_is_one_line_error(tmp_path, content):
    path = tmp_path / "bad.tmx"
    path.write_bytes(content)
    for command in (["terms", "check", str(path), "--termbase", str(TERMBASE)],
                    ["terms", "extract", str(path), "-o", str(tmp_path / "c.tsv"), "--termbase", str(TERMBASE)]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 1 and result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert not (tmp_path / "c.tsv").exists()


def test_extract_on_tico19(termbase):
    from tmkit.tmx.reader import read_tmx

    units = list(read_tmx(shared_path("corpora", "tico19", "all.en-zh.tmx")))[:1000]
    found = extract_terms(units, termbase)
    top = {(c.zh, c.en) for c in found[:30]}
    assert {("冠状病毒", "coronavirus"), ("患者", "patients")} & top


def test_check_cli_reads_creation_dates(tmp_path):
    path = tmp_path / "dated.tmx"
    write_tmx([TranslationUnit("土耳其代表发言。", "The representative of Turkey spoke.", "old",
                               attributes={"creationdate": "20190301T120000Z"}),
               TranslationUnit("土耳其代表发言。", "The representative of Turkey spoke.", "new",
                               attributes={"creationdate": "20230301T120000Z"})], path)
    result = CliRunner().invoke(cli, ["terms", "check", str(path), "--termbase", str(QA_TERMBASE)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    assert [(row[0], row[1], row[2], row[5]) for row in rows] == [("old", "info", "superseded", "Turkey"),
                                                                  ("new", "error", "superseded", "Turkey")]
