"""Sentence splitting rules for Chinese and English, and the SRX segmenter.

Each case is one rule from the module docstrings of ``tmkit.segment.chinese`` and
``tmkit.segment.english``: small inputs whose right segmentation is not in doubt.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tests.conftest import EXAMPLES
from tmkit.cli import cli
from tmkit.document import Block, BlockKind, Document
from tmkit.errors import InputError
from tmkit.pipeline import align_files, load_sentences
from tmkit.segment import segment_document
from tmkit.segment.chinese import split_chinese
from tmkit.segment.english import split_english
from tmkit.segment.srx import load_rules, split_srx

# choppa-srx is a dependency; without it only the SRX tests are skipped.
needs_choppa = pytest.mark.skipif(importlib.util.find_spec("choppa") is None, reason="choppa-srx is not installed")

# ---------------------------------------------------------------- Chinese

ZH_CASES = {
    "full stops": ("会议将举行。会议结束了。", ["会议将举行。", "会议结束了。"]),
    "question and exclamation": ("为什么？不知道！好的。", ["为什么？", "不知道！", "好的。"]),
    "terminator runs": ("他问：为什么？！真的吗？？是的。", ["他问：为什么？！", "真的吗？？", "是的。"]),
    "ellipsis pair": ("好…… 结束", ["好……", "结束"]),
    "ellipsis then full stop": ("还有很多……。下一句。", ["还有很多……。", "下一句。"]),
    "closing quote stays": ("这是“重要的事。”然后走了。", ["这是“重要的事。”", "然后走了。"]),
    "closing bracket stays": ("（见第5段。）下一句。", ["（见第5段。）", "下一句。"]),
    "corner quote stays": ("他问「是吗？」她答。", ["他问「是吗？」", "她答。"]),
    "quote then bracket": ("“结束。”）开始。", ["“结束。”）", "开始。"]),
    "superscript footnote stays": ("和解与信任。¹⁵ 区域合作。", ["和解与信任。¹⁵", "区域合作。"]),
    "no split at semicolon colon comma": ("第一；第二：第三，第四、第五。", ["第一；第二：第三，第四、第五。"]),
    "enumeration": (
        "本报告涉及：(a) 支助行动；(b) 改组各部；(c) 继续改革。下一段。",
        ["本报告涉及：(a) 支助行动；(b) 改组各部；(c) 继续改革。", "下一段。"],
    ),
    "decimal number": ("增长了1.5%。很好。", ["增长了1.5%。", "很好。"]),
    "full-width point in label": ("41．国际公务员制度委员会审查了。", ["41．国际公务员制度委员会审查了。"]),
    "document symbol": ("见 S/2018/184 号文件。下一句。", ["见 S/2018/184 号文件。", "下一句。"]),
    "joint symbol": ("报告(A/70/95–S/2015/446)已印发。", ["报告(A/70/95–S/2015/446)已印发。"]),
    "embedded English sentence": (
        "他说：“We came. We left! Did we?”然后走了。",
        ["他说：“We came. We left! Did we?”然后走了。"],
    ),
    "Latin text with periods": ("见 S/2018/184 号文件. Mr. Smith said: Yes! 完毕。", ["见 S/2018/184 号文件. Mr. Smith said: Yes! 完毕。"]),
    "half-width question after Han": ("真的吗?是的!好。", ["真的吗?", "是的!", "好。"]),
    "half-width after Latin is not a stop": ("使用Python?很好。", ["使用Python?很好。"]),
    "ASCII period after Han label": ("一. 导言", ["一. 导言"]),
    "stop inside a continuing quote": (
        "他说：“我们来了。我们走了。”然后离开。",
        ["他说：“我们来了。", "我们走了。”", "然后离开。"],
    ),
    "quote followed by comma": ("“我们来了。”，他说。", ["“我们来了。”，他说。"]),
    "leading ellipsis in quote": ("“……认识到……”，并决定。", ["“……认识到……”，并决定。"]),
    "ellipsis before 等": ("水、电……等都很好。下一句。", ["水、电……等都很好。", "下一句。"]),
    "contents leader and page number": ("一. 设定背景......15", ["一. 设定背景......15"]),
    "surrounding space stripped": ("  会议将举行。  结束。 ", ["会议将举行。", "结束。"]),
    "empty": ("   ", []),
    "no terminator": ("目标16", ["目标16"]),
}


@pytest.mark.parametrize("text, expected", ZH_CASES.values(), ids=ZH_CASES.keys())
def test_chinese_rules(text: str, expected: list[str]):
    assert split_chinese(text) == expected


def test_chinese_long_sentence_is_never_cut():
    sentence = "，".join(["各会员国应当继续支持联合国维持和平行动"] * 60) + "。"
    assert split_chinese(sentence + sentence) == [sentence, sentence]


# ---------------------------------------------------------------- English

EN_NO_BREAK = {
    "Mr.": "Mr. Smith spoke.",
    "Ms.": "Ms. Jones spoke.",
    "Mrs.": "Mrs. Jones spoke.",
    "Dr.": "Dr. Jones spoke.",
    "No. before number": "See No. 5 of the series.",
    "Nos.": "See Nos. 5 and 6.",
    "para.": "See para. 12 above.",
    "paras.": "See paras. 12-15 above.",
    "Art.": "Under Art. 3 of the Charter.",
    "e.g. lowercase": "Some, e.g. the first, agreed.",
    "e.g. capital": "Some, e.g. Mali, agreed.",
    "i.e.": "The body, i.e. the Council, agreed.",
    "etc. lowercase": "Food, water, etc. are provided.",
    "etc. in parentheses": "Aid (food, water, etc. Member States gave) arrived.",
    "et al.": "Smith et al. Found the same.",
    "U.N.": "The U.N. General Assembly met.",
    "U.S.": "The U.S. Government agreed.",
    "a.m. lowercase": "At 10 a.m. on Monday.",
    "a.m. digits": "From 10 a.m. 5 May onwards.",
    "a.m. place name": "Wednesday, 12 September 2018, 10 a.m. New York.",
    "p.m.": "At 3 p.m. the Council met.",
    "vol.": "See vol. II of the report.",
    "Vol.": "See Vol. II of the report.",
    "ch.": "See ch. IV of the report.",
    "chap. Roman": "See chap. IV of the report.",
    "Corr.": "See A/61/255 and Corr. 1 for details.",
    "Add.": "See Add. 1 for details.",
    "Rev.": "See Rev. 2 for details.",
    "initials": "J. K. Rowling wrote it.",
    "middle initial": "George W. Bush spoke.",
    "joint document symbol": "See A/70/95–S/2015/446 for details.",
    "presidential statement": "See S/PRST/2001/3 of the Council.",
    "addendum symbol": "See A/61/255/Add.1 for details.",
    "resolution year": "Resolution 1325 (2000) was adopted.",
    "decimal": "The rate was 3.5 per cent.",
    "enumeration": "It decided (a) to act; (b) to report. ",
    "Goal heading": "Goal 16. Promote peaceful societies.",
    "Target heading": "Target 16.a. Strengthen national institutions.",
    "Article heading": "Article 5. Everyone has the right.",
    "numbered paragraph": "14. The Panel notes this.",
    "Roman heading": "IV. Conclusions and recommendations",
    "letter heading": "A. Background to the report",
    "item letter": "(a) The first item.",
    "H.E.": "H.E. Mr. Ban Ki-moon spoke.",
    "military ranks": "Lt. Gen. Smith and Maj. Gen. Brown and Col. Green spoke.",
    "Amb. Gov.": "Amb. Jones and Gov. Brown met.",
    "Jr. before name part": "Martin Luther King Jr. Day was marked.",
    "S.A.": "Acme S.A. Holdings signed.",
    "Sept.": "Signed on 5 Sept. 2015 in New York.",
    "acronym in brackets": "The United Nations (U.N.) General Assembly met.",
    "question before lowercase": '"Why?" he asked.',
    "initial inside a list of names": "Members: Hilde F. Johnson, B. Lynn Pascoe and Ian Martin.",
    "glued abbreviation": "Mrs.Smith met the Ph.D students.",
    "glued symbol and link": "See A/61/255/Add.1.The text and www.un.org.The site.",
}


@pytest.mark.parametrize("text", EN_NO_BREAK.values(), ids=EN_NO_BREAK.keys())
def test_english_never_breaks(text: str):
    assert split_english(text) == [text.strip()]


EN_BREAK = {
    "full stop": ("The Council met. It adopted a text.", ["The Council met.", "It adopted a text."]),
    "question": ("Did it agree? It did.", ["Did it agree?", "It did."]),
    "exclamation": ("It agreed! Then it left.", ["It agreed!", "Then it left."]),
    "closing quote": ('He said: "We came." Then he left.', ['He said: "We came."', "Then he left."]),
    "curly closing quote": ("He said: “We came.” Then he left.", ["He said: “We came.”", "Then he left."]),
    "closing bracket": ("(See below.) The Council agreed.", ["(See below.)", "The Council agreed."]),
    "quote after question": ("“Why?” The Council asked.", ["“Why?”", "The Council asked."]),
    "inside a continuing quote": (
        "He said: “We came. We left.” Then.", ["He said: “We came.", "We left.”", "Then."],
    ),
    "resolution year then sentence": (
        "It adopted resolution 1325 (2000). The Council agreed.",
        ["It adopted resolution 1325 (2000).", "The Council agreed."],
    ),
    "symbol then sentence": (
        "See A/61/255/Add.1. The Council agreed.", ["See A/61/255/Add.1.", "The Council agreed."],
    ),
    "etc. then capitalised sentence": (
        "Food, water, etc. The Council agreed.", ["Food, water, etc.", "The Council agreed."],
    ),
    "etc. then acronym subject": ("Mali, Chad, etc. UNDP agreed.", ["Mali, Chad, etc.", "UNDP agreed."]),
    "p.m. then sentence opener": ("It rose at 1 p.m. The next day it met.", ["It rose at 1 p.m.", "The next day it met."]),
    "U.S. then sentence opener": ("It met in the U.S. In 2015 it met again.", ["It met in the U.S.", "In 2015 it met again."]),
    "Ltd. then sentence opener": ("Acme Ltd. The company agreed.", ["Acme Ltd.", "The company agreed."]),
    "No. as a word": ("The answer was No. The Council agreed.", ["The answer was No.", "The Council agreed."]),
    "designator letter": ("See annex I. The Council agreed.", ["See annex I.", "The Council agreed."]),
    "Roman numeral": ("See chapter IV. The Council agreed.", ["See chapter IV.", "The Council agreed."]),
    "year then digit": ("It met in 2014. 2015 was better.", ["It met in 2014.", "2015 was better."]),
    "label then second paragraph": (
        "1. The Council met. 2. The Council agreed.", ["1. The Council met.", "2. The Council agreed."],
    ),
    "heading word not at start": ("We support Goal 16. It matters.", ["We support Goal 16.", "It matters."]),
    "superscript footnote": ("It met.¹⁵ The Council agreed.", ["It met.¹⁵", "The Council agreed."]),
    "ellipsis": ("It went on... The end.", ["It went on...", "The end."]),
    "glued sentences": (
        "It is supportive therapy.Recommended measures vary.",
        ["It is supportive therapy.", "Recommended measures vary."],
    ),
    "glued after number and bracket": ("It began in 2020).Other steps.", ["It began in 2020).", "Other steps."]),
    "glued after closing quote": ('They said "never".On 4 March it met.', ['They said "never".', "On 4 March it met."]),
    "whitespace normalised": ("The  Council\nmet.   It agreed.", ["The Council met.", "It agreed."]),
    "empty": ("  ", []),
}


@pytest.mark.parametrize("text, expected", EN_BREAK.values(), ids=EN_BREAK.keys())
def test_english_breaks(text: str, expected: list[str]):
    assert split_english(text) == expected


def test_english_un_paragraph():
    text = ("1. The Council met on 3 May. It adopted resolution 1325 (2000). See para. 5 of "
            "A/70/95–S/2015/446. Mr. Smith spoke, e.g. On time. The U.N. is here. The rate was 3.5 per cent.")
    assert split_english(text) == [
        "1. The Council met on 3 May.", "It adopted resolution 1325 (2000).",
        "See para. 5 of A/70/95–S/2015/446.", "Mr. Smith spoke, e.g. On time.", "The U.N. is here.",
        "The rate was 3.5 per cent.",
    ]


def test_english_long_sentence_is_never_cut():
    sentence = " ".join(["Member States should continue to support peacekeeping operations,"] * 60) + " all of them."
    assert split_english(f"{sentence} {sentence}") == [sentence, sentence]


# ---------------------------------------------------------------- SRX

CUSTOM_SRX = """<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no"><beforebreak>\\bMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Chinese">
        <rule break="yes"><beforebreak>[。！？]</beforebreak><afterbreak></afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
      <languagemap languagepattern="ZH.*" languagerulename="Chinese"/>
    </maprules>
  </body>
</srx>
"""


@pytest.fixture()
def custom_srx(tmp_path: Path) -> Path:
    path = tmp_path / "rules.srx"
    path.write_text(CUSTOM_SRX, encoding="utf-8")
    return path


@needs_choppa
def test_srx_bundled_rules_chinese():
    # LanguageTool's Ideographic rules break after every 。 (quotes included) ...
    assert split_srx("会议将举行。会议结束了。为什么？", "zh") == ["会议将举行。", "会议结束了。", "为什么？"]
    # ... and, unlike the built-in rules, start the next segment with the closing quote.
    assert split_srx("这是“重要的事。”然后走了。", "zh") == ["这是“重要的事。", "”然后走了。"]


@needs_choppa
def test_srx_bundled_rules_english():
    assert split_srx("Mr. Smith met the U.N. team. It was fine. Really?  Yes.", "en") == [
        "Mr. Smith met the U.N. team.", "It was fine.", "Really?", "Yes.",
    ]
    assert split_srx("   ", "en") == []


@needs_choppa
def test_srx_custom_file(custom_srx: Path):
    # The file's maps say "EN.*"/"ZH.*": tmkit finds the spelling that selects rules.
    assert split_srx("Mr. Smith came. He left.", "en", custom_srx) == ["Mr. Smith came.", "He left."]
    assert split_srx("U.N. staff came.", "en", custom_srx) == ["U.N.", "staff came."]
    assert split_srx("他来了。她走了。", "zh", custom_srx) == ["他来了。", "她走了。"]


@needs_choppa
def test_srx_rules_are_cached_and_reloaded_when_edited(custom_srx: Path):
    first = load_rules("en", custom_srx)
    assert load_rules("en", custom_srx) is first
    custom_srx.write_text(CUSTOM_SRX.replace("\\bMr\\.", "\\bDr\\."), encoding="utf-8")
    assert load_rules("en", custom_srx) is not first
    assert split_srx("Mr. Smith came.", "en", custom_srx) == ["Mr.", "Smith came."]


BAD_SRX = {
    "not xml": "this is not XML <srx",
    "not srx": "<?xml version='1.0'?><tmx version='1.4'><body/></tmx>",
    "bad regex": CUSTOM_SRX.replace("[.?!]", "[.?!"),
    "missing rule": CUSTOM_SRX.replace('languagerulename="Chinese"/>', 'languagerulename="Japanese"/>'),
    "no rules for language": CUSTOM_SRX.replace('languagepattern="ZH.*"', 'languagepattern="JA.*"'),
}


@needs_choppa
@pytest.mark.parametrize("content", BAD_SRX.values(), ids=BAD_SRX.keys())
def test_srx_bad_file_is_input_error(tmp_path: Path, content: str):
    path = tmp_path / "bad.srx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        split_srx("他来了。她走了。", "zh", path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message


@needs_choppa
def test_srx_missing_file_is_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read SRX file"):
        split_srx("Text.", "en", tmp_path / "missing.srx")


# ---------------------------------------------------------------- entry point, pipeline, CLI


@needs_choppa
def test_segment_document_segmenters(custom_srx: Path):
    document = Document(lang="en", blocks=[
        Block(kind=BlockKind.ITEM, text="14. See para. 5 of the report. It agreed.", label="14."),
        Block(kind=BlockKind.PARAGRAPH, text="Thank you."),
    ])
    builtin = segment_document(document)
    assert [s.text for s in builtin] == ["14. See para. 5 of the report.", "It agreed.", "Thank you."]
    assert [(s.block, s.label) for s in builtin] == [(0, "14."), (0, "14."), (1, None)]
    srx = segment_document(document, segmenter="srx")
    assert [s.text for s in srx][-1] == "Thank you." and srx[0].block == 0
    # LanguageTool's English rules have no "para.": they break there.
    assert "14. See para." in [s.text for s in srx]
    # An SRX file implies the SRX segmenter.
    assert [s.text for s in segment_document(document, srx_rules=custom_srx)] == [
        "14.", "See para.", "5 of the report.", "It agreed.", "Thank you.",
    ]
    with pytest.raises(InputError):
        segment_document(document, segmenter="spacy")


@needs_choppa
def test_pipeline_records_segmenter(tmp_path: Path, custom_srx: Path):
    zh, en = EXAMPLES / "sdg16.zh.txt", EXAMPLES / "sdg16.en.txt"
    assert align_files(zh, en).options["segmenter"] == "builtin"
    pair = align_files(zh, en, segmenter="srx")
    assert pair.options["segmenter"] == "srx" and pair.options["srx-rules"] == "languagetool"
    assert align_files(zh, en, srx_rules=custom_srx).options["srx-rules"] == str(custom_srx)
    assert load_sentences(en, "en", segmenter="srx", srx_rules=custom_srx)
    # Presegmented input is not segmented, so the options are ignored and not recorded.
    presegmented = align_files(zh, en, presegmented=True, segmenter="srx", srx_rules=tmp_path / "missing.srx")
    assert "segmenter" not in presegmented.options


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@needs_choppa
def test_cli_segment_with_srx(custom_srx: Path):
    en = EXAMPLES / "sdg16.en.txt"
    builtin = run("segment", str(en), "--lang", "en")
    srx = run("segment", str(en), "--lang", "en", "--segmenter", "srx")
    assert builtin.exit_code == srx.exit_code == 0
    assert builtin.stdout.splitlines()[0].startswith("Goal 16. Promote")
    # LanguageTool's rules cut the heading after "Goal 16." (a numbered line start).
    assert srx.stdout.splitlines()[:2] == ["Goal 16.", builtin.stdout.splitlines()[0][len("Goal 16. "):]]
    custom = run("segment", str(en), "--lang", "en", "--srx", str(custom_srx))
    assert custom.exit_code == 0 and custom.stdout.splitlines()[0] == "Goal 16."


@needs_choppa
def test_cli_align_with_srx_records_it_in_tmx(tmp_path: Path):
    out = tmp_path / "out.tmx"
    result = run("align", str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt"), "-o", str(out),
                 "--segmenter", "srx")
    assert result.exit_code == 0, result.output
    props = {prop.get("type"): prop.text for prop in etree.parse(str(out)).getroot().findall("header/prop")}
    assert props["x-tmkit-segmenter"] == "srx" and props["x-tmkit-srx-rules"] == "languagetool"


@needs_choppa
def test_cli_bad_srx_and_conflicting_options(tmp_path: Path):
    bad = tmp_path / "bad.srx"
    bad.write_text("not xml", encoding="utf-8")
    out = tmp_path / "out.tmx"
    zh, en = str(EXAMPLES / "sdg16.zh.txt"), str(EXAMPLES / "sdg16.en.txt")
    result = run("align", zh, en, "-o", str(out), "--srx", str(bad))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and str(bad) in result.stderr
    assert not out.exists()
    assert run("segment", en, "--lang", "en", "--srx", str(bad)).exit_code == 1
    assert run("segment", en, "--lang", "en", "--srx", str(bad), "--segmenter", "builtin").exit_code == 2
    assert run("segment", en, "--lang", "en", "--segmenter", "spacy").exit_code == 2
