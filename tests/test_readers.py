"""Readers: every input format gives the same document model, and bad input one line.

Fixtures are built here, in the test: .docx with python-docx (plus a hand-written
footnotes part and a "(a)" list, which python-docx cannot make), HTML as strings, PDF
with reportlab (Chinese in the STSong-Light CID font), text in every encoding a
translator's file comes in.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tmkit.document import BlockKind
from tmkit.errors import InputError
from tmkit.io.decode import read_text_file
from tmkit.io.docx_reader import docx_blocks, format_number
from tmkit.io.html_reader import html_blocks
from tmkit.io.pdf_reader import extract_pdf_text
from tmkit.io.read import read_document

ZH_PARAGRAPH = (
    "在安全理事会努力加强与部队派遣国合作的背景下，2001年1月31日安全理事会主席声明宣布设立"
    "安全理事会维持和平行动工作组。在随后于2002年1月14日发表的主席说明中，安理会授权工作组召开"
    "联席会议，以此促进安全理事会成员、相关部队派遣国、秘书处及其他重要利益攸关方酌情就有关维持"
    "和平行动的问题开展密切、互动式对话。"
)
ZH_LETTER = (
    "我谨以安全理事会维持和平行动工作组主席的名义，提交工作组的临时报告。\n\n"
    "请将本函及其附件作为安全理事会文件分发为荷。\n\n" + ZH_PARAGRAPH + "\n"
)


# --- plain text: encodings ------------------------------------------------------------------


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("gb18030", b""),
    ("gbk", b""),
])
def test_text_encodings_read_back_the_same(tmp_path: Path, encoding: str, prefix: bytes):
    path = tmp_path / "letter.txt"
    path.write_bytes(prefix + ZH_LETTER.encode(encoding))
    assert read_text_file(path) == ZH_LETTER


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, encoding: str):
    # Recognised by the NUL bytes of its ASCII characters (document symbols, digits,
    # line breaks), which is why the sample is a bilingual list of symbols and titles.
    text = "".join(f"S/2018/{n}\tA/{n}/627\t{title}\r\n" for n, title in
                   enumerate(["安全理事会", "维持和平行动", "集体行动"] * 5, start=180))
    path = tmp_path / "symbols.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text_file(path) == text


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b" \n\n \r\n", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "not a text file"),
])
def test_bad_text_files_are_input_errors(tmp_path: Path, name: str, data: bytes, message: str):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read_document(path, "zh")
    assert name in str(info.value) and "\n" not in str(info.value)


def test_text_file_read_as_document(tmp_path: Path):
    path = tmp_path / "letter"  # no suffix means text
    path.write_bytes(ZH_LETTER.encode("gb18030"))
    document = read_document(path, "zh")
    assert document.lang == "zh" and document.source == str(path)
    assert any("请将本函及其附件" in block.text for block in document.blocks)


# --- dispatch ---------------------------------------------------------------------------


@pytest.mark.parametrize("name, advice", [
    ("report.doc", "save it as .docx"),
    ("report.odt", "save it as .docx"),
    ("report.xlsx", "tmkit reads .txt, .docx, .html/.htm/.xhtml and .pdf"),
])
def test_unsupported_formats_say_what_is_supported(tmp_path: Path, name: str, advice: str):
    path = tmp_path / name
    path.write_bytes(b"whatever")
    with pytest.raises(InputError) as info:
        read_document(path, "en")
    assert str(path) in str(info.value) and advice in str(info.value)


def test_missing_file_is_an_input_error(tmp_path: Path):
    for name in ("gone.docx", "gone.pdf", "gone.html", "gone.txt"):
        with pytest.raises(InputError, match="no such file"):
            read_document(tmp_path / name, "zh")


def test_wrong_language_is_caught_for_structured_formats(tmp_path: Path):
    path = tmp_path / "en.html"
    path.write_text("<p>The Security Council adopted resolution 1325 (2000) unanimously.</p>", encoding="utf-8")
    with pytest.raises(InputError, match="expected Chinese text but found English"):
        read_document(path, "zh")


# --- docx -------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
  <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
  <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
  <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 见S/2001/546。</w:t></w:r></w:p></w:footnote>
  <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 大会第70/1号决议。</w:t></w:r></w:p></w:footnote>
  <w:footnote w:id="3"><w:p><w:r><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> 因技术原因重新印发。</w:t></w:r></w:p></w:footnote>
  <w:footnote w:id="4"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>从未引用的脚注。</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

LETTER_LIST_XML = f"""
<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>"""
LETTER_NUM_XML = f"""<w:num xmlns:w="{W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""


def _footnote_ref(paragraph, note_id: int, custom_mark: str | None = None) -> None:
    """Append a footnote reference run (``*`` custom marks follow the reference in the run)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(note_id))
    if custom_mark:
        ref.set(qn("w:customMarkFollows"), "1")
    run._r.append(ref)
    if custom_mark:
        mark = OxmlElement("w:t")
        mark.text = custom_mark
        run._r.append(mark)


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), str(ilvl))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(level)
    num_pr.append(num)
    ppr.append(num_pr)


def _raw_run(paragraph, xml: str) -> None:
    """Append raw run-level XML (hidden text, a deletion, a hyperlink) to a paragraph."""
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(xml.replace("W_NS", W_NS)))


def build_docx(path: Path) -> Path:
    """A Chinese UN-style document: title, headings, numbered paragraphs, lists, a table, footnotes."""
    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    title = document.add_paragraph("安全理事会维持和平行动工作组2009年临时工作报告", style="Title")
    _footnote_ref(title, 3, custom_mark="*")
    document.add_heading("一. 导言", level=1)
    first = document.add_paragraph("1. 安全理事会主席声明宣布设立工作组。")
    _footnote_ref(first, 2)
    first.add_run("安理会授权工作组召开联席会议。")
    second = document.add_paragraph("2. 工作组主席已向安全理事会主席报告工作组以往的活动。")
    _footnote_ref(second, 1)
    _raw_run(second, '<w:r xmlns:w="W_NS"><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>')
    _raw_run(second, '<w:del xmlns:w="W_NS" w:id="9" w:author="x"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>')
    _raw_run(second, '<w:hyperlink xmlns:w="W_NS"><w:r><w:t>（见网站）</w:t></w:r></w:hyperlink>')
    document.add_heading("二. 讨论专题", level=2)
    for text in ("制订任务，包括保护平民；", "任务的优先和简化；", "资源，包括能力建设。"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("工作组就以下专题进行了广泛讨论：")
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(LETTER_LIST_XML))
    numbering.append(parse_xml(LETTER_NUM_XML))
    for text, level in (("制订任务；", 0), ("执行任务；", 0), ("部队；", 1), ("警察；", 1), ("资源。", 0)):
        _numbered(document.add_paragraph(text), 90, level)
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "会议日期", (0, 1): "出席者", (1, 0): "2009年2月25日",
                             (1, 1): "主管维持和平行动副秘书长"}.items():
        table.cell(row, col).text = text
    _footnote_ref(table.cell(1, 1).paragraphs[0], 2)
    document.add_paragraph("")  # empty paragraphs are not blocks
    document.add_paragraph("请将本函及其附件作为安全理事会文件分发为荷。")
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, FOOTNOTES_XML.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    document.save(path)
    return path


@pytest.fixture(scope="module")
def docx_document(tmp_path_factory: pytest.TempPathFactory):
    path = build_docx(tmp_path_factory.mktemp("docx") / "report.docx")
    return read_document(path, "zh")


def test_docx_headings_paragraphs_and_order(docx_document):
    kinds = [(b.kind, b.text) for b in docx_document.blocks]
    assert kinds[0] == (BlockKind.HEADING, "安全理事会维持和平行动工作组2009年临时工作报告")
    assert kinds[1] == (BlockKind.HEADING, "一. 导言")
    assert docx_document.blocks[1].label == "一."
    assert docx_document.blocks[-4].text == "请将本函及其附件作为安全理事会文件分发为荷。"
    assert all(b.text.strip() == b.text and b.text for b in docx_document.blocks)


def test_docx_numbered_lists_are_items_with_rendered_labels(docx_document):
    items = [(b.label, b.text) for b in docx_document.blocks if b.kind is BlockKind.ITEM]
    assert ("1.", "1. 制订任务，包括保护平民；") in items
    assert ("3.", "3. 资源，包括能力建设。") in items
    lettered = [entry for entry in items if entry[0] and entry[0].startswith("(")]
    assert lettered == [("(a)", "(a) 制订任务；"), ("(b)", "(b) 执行任务；"), ("(i)", "(i) 部队；"),
                        ("(ii)", "(ii) 警察；"), ("(c)", "(c) 资源。")]
    # Typed paragraph numbers make items too, as in plain text.
    assert ("2.", "2. 工作组主席已向安全理事会主席报告工作组以往的活动。（见网站）") in items


def test_docx_table_cells_in_order(docx_document):
    texts = [b.text for b in docx_document.blocks]
    start = texts.index("会议日期")
    assert texts[start:start + 4] == ["会议日期", "出席者", "2009年2月25日", "主管维持和平行动副秘书长"]


def test_docx_hidden_and_deleted_text_dropped(docx_document):
    body = "".join(b.text for b in docx_document.blocks)
    assert "隐藏文字" not in body and "删除的文字" not in body and "（见网站）" in body


def test_docx_footnotes_numbered_in_order_of_reference(docx_document):
    blocks = docx_document.blocks
    notes = [(b.label, b.text) for b in blocks if b.kind is BlockKind.FOOTNOTE]
    # The custom "*" takes no number; footnote 2 is referenced before footnote 1;
    # the unreferenced footnote and the separators are not blocks.
    assert notes == [("*", "因技术原因重新印发。"), ("1", "大会第70/1号决议。"), ("2", "见S/2001/546。")]
    assert all(b.kind is BlockKind.FOOTNOTE for b in blocks[-3:])
    title, first, second = blocks[0], blocks[2], blocks[3]
    assert [(m.offset, m.label) for m in title.markers] == [(len(title.text), "*")]
    assert "*" not in title.text
    assert first.text == "1. 安全理事会主席声明宣布设立工作组。安理会授权工作组召开联席会议。"
    assert [(m.offset, m.label) for m in first.markers] == [(first.text.index("安理会"), "1")]
    assert [m.label for m in second.markers] == ["2"]
    cell = next(b for b in blocks if b.text == "主管维持和平行动副秘书长")
    assert [(m.offset, m.label) for m in cell.markers] == [(len(cell.text), "1")]


def test_docx_number_formats():
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    assert format_number(7, "decimalZero") == "07" and format_number(5, "unknownFormat") == "5"


def test_docx_english_document(tmp_path: Path):
    import docx

    document = docx.Document()
    document.add_heading("I. Introduction", level=1)
    document.add_paragraph("The Working Group held five meetings in 2009.\tIt met with troop contributors.")
    path = tmp_path / "en.docx"
    document.save(path)
    blocks = read_document(path, "en").blocks
    assert [(b.kind, b.label, b.text) for b in blocks] == [
        (BlockKind.HEADING, "I.", "I. Introduction"),
        (BlockKind.PARAGRAPH, None, "The Working Group held five meetings in 2009. It met with troop contributors."),
    ]


@pytest.mark.parametrize("data, message", [
    (b"this is not a zip file at all", "not a readable .docx"),
    (b"PK\x03\x04 truncated zip", "not a readable .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "save it as .docx"),
])
def test_corrupt_docx_is_an_input_error(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        docx_blocks(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_zip_that_is_not_a_word_document(tmp_path: Path):
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(InputError, match="not a readable .docx"):
        read_document(path, "en")


def test_empty_docx(tmp_path: Path):
    import docx

    path = tmp_path / "empty.docx"
    docx.Document().save(path)
    with pytest.raises(InputError, match="no text"):
        read_document(path, "en")


# --- HTML -------------------------------------------------------------------------------

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<title>不是正文</title>
<style>p.MsoNormal {margin:0cm;}</style>
<script>var notText = "脚本";</script>
</head>
<body lang=ZH-CN>
<div class=WordSection1>
<p class=HChG>安全理事会维持和平行动工作组临时报告</p>
<h1>一. 导言</h1>
<p class=MsoNormal>1. 在安全理事会努力加强与部队派遣国合作的背景下，安全理事会主席声明<a
style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]>[1]<![endif]></span></span></a>宣布设立
安全理事会维持和平行动工作组。</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>(a)<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>制订任务，包括保护平民；</p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal style='display:none'>隐藏的段落</p>
<table><tr><td><p>会议日期</p></td><td>出席者<sup><a href="#_ftn2" name="_ftnref2">[2]</a></sup></td></tr></table>
<p>主席<br>高须幸雄</p>
</div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference>[1]</span></a> 见S/PRST/2001/3。</p>
</div>
<div style='mso-element:footnote' id=ftn2>
<p class=MsoFootnoteText><a href="#_ftnref2" name="_ftn2">[2]</a> 包括部队派遣国。</p>
</div>
</div>
</body>
</html>
"""

PANDOC_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Report</title></head>
<body>
<header><p>United Nations S/2018/184</p></header>
<nav><a href="/">Home</a></nav>
<main>
<h2 id="intro">Introduction</h2>
<p>The Council adopted resolution 2436 (2018)<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a> on 21 September.</p>
<ol type="a" start="2">
  <li>mandates, including the protection of civilians;</li>
  <li>(x) items that carry their own label keep it;</li>
  <li>resources<ul><li>training</li></ul>and capacity-building.</li>
</ol>
<div>A division with direct text<p>and a paragraph inside.</p></div>
<noscript>Enable JavaScript</noscript>
<template><p>template text</p></template>
</main>
<footer>18-03413 (E) 2/6</footer>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">
<hr /><ol><li id="fn1"><p>See S/PV.8362.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol>
</section>
</body></html>
"""


def test_word_html_export(tmp_path: Path):
    path = tmp_path / "report.htm"
    path.write_bytes(WORD_HTML.encode("gb18030"))
    blocks = read_document(path, "zh").blocks
    texts = [(b.kind, b.label, b.text) for b in blocks]
    assert texts[0] == (BlockKind.HEADING, None, "安全理事会维持和平行动工作组临时报告")
    assert texts[1] == (BlockKind.HEADING, "一.", "一. 导言")
    paragraph = blocks[2]
    # The source line break between two Chinese characters is no space; the reference is a marker.
    assert paragraph.text == ("1. 在安全理事会努力加强与部队派遣国合作的背景下，安全理事会主席声明宣布设立"
                              "安全理事会维持和平行动工作组。")
    assert (paragraph.kind, paragraph.label) == (BlockKind.ITEM, "1.")
    assert [(m.offset, m.label) for m in paragraph.markers] == [(paragraph.text.index("宣布设立"), "1")]
    assert texts[3] == (BlockKind.ITEM, "(a)", "(a) 制订任务，包括保护平民；")
    assert [b.text for b in blocks[4:7]] == ["会议日期", "出席者", "主席高须幸雄"]
    assert [(m.offset, m.label) for m in blocks[5].markers] == [(3, "2")]
    assert texts[7:] == [(BlockKind.FOOTNOTE, "1", "见S/PRST/2001/3。"), (BlockKind.FOOTNOTE, "2", "包括部队派遣国。")]
    everything = " ".join(b.text for b in blocks)
    assert "隐藏" not in everything and "脚本" not in everything and "不是正文" not in everything


def test_pandoc_html_lists_furniture_and_footnotes(tmp_path: Path):
    path = tmp_path / "report.html"
    path.write_text(PANDOC_HTML, encoding="utf-8")
    blocks = read_document(path, "en").blocks
    texts = [(b.kind, b.label, b.text) for b in blocks]
    assert texts == [
        (BlockKind.HEADING, None, "Introduction"),
        (BlockKind.PARAGRAPH, None, "The Council adopted resolution 2436 (2018) on 21 September."),
        (BlockKind.ITEM, "(b)", "(b) mandates, including the protection of civilians;"),
        (BlockKind.ITEM, "(x)", "(x) items that carry their own label keep it;"),
        (BlockKind.ITEM, "(d)", "(d) resources"),
        (BlockKind.ITEM, None, "training"),
        (BlockKind.PARAGRAPH, None, "and capacity-building."),
        (BlockKind.PARAGRAPH, None, "A division with direct text"),
        (BlockKind.PARAGRAPH, None, "and a paragraph inside."),
        (BlockKind.FOOTNOTE, "1", "See S/PV.8362."),
    ]
    paragraph = blocks[1]
    assert [(m.offset, m.label) for m in paragraph.markers] == [(paragraph.text.index(" on 21"), "1")]


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF8 + f"<p>{ZH_PARAGRAPH}</p>".encode(),
    codecs.BOM_UTF16_LE + f"<p>{ZH_PARAGRAPH}</p>".encode("utf-16-le"),
    f'<?xml version="1.0" encoding="GB18030"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>{ZH_PARAGRAPH}</p></body></html>'
    .encode("gb18030"),
    # Declared UTF-8 but really GBK: the declaration is ignored, detection finds GBK.
    f'<meta charset="utf-8"><p>{ZH_PARAGRAPH}</p>'.encode("gbk"),
    # No declaration at all.
    f"<p>{ZH_PARAGRAPH}</p>".encode("gb18030"),
])
def test_html_encodings(tmp_path: Path, data: bytes):
    path = tmp_path / "page.xhtml"
    path.write_bytes(data)
    assert [b.text for b in html_blocks(path)] == [ZH_PARAGRAPH]


def test_html_entities_are_not_expanded_from_the_file(tmp_path: Path):
    path = tmp_path / "entity.xhtml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY boom "BOOMBOOMBOOM">]>'
                    "<html><body><p>Text &boom; &amp; more text.</p></body></html>", encoding="utf-8")
    text = " ".join(b.text for b in html_blocks(path))
    assert "BOOMBOOMBOOM" not in text and "& more text." in text


def test_html_without_text_is_an_input_error(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>t</title></head><body><script>x()</script></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        read_document(path, "en")


# --- PDF --------------------------------------------------------------------------------

PDF_PAGES = [
    ["1. 在安全理事会努力加强与部队派遣国合作的背景下，安全理事会主席声明宣布设立安全",
     "理事会维持和平行动工作组。"],
    ["2. 工作组主席已向安全理事会主席报告工作组以往的活动。",
     "3. 请将本函及其附件作为安全理事会文件分发为荷。"],
]


def build_pdf(path: Path, pages: list[list[str]] | None = None, *, encrypt: object = None,
              text: bool = True) -> Path:
    """A UN-style Chinese PDF: running header S/2018/184, footer "18-03413 (C)  n/6" on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for number, lines in enumerate(pages or PDF_PAGES, start=1):
        if text:
            pdf.setFont("STSong-Light", 9)
            pdf.drawRightString(523, 800, "S/2018/184")
            pdf.setFont("STSong-Light", 11)
            for k, line in enumerate(lines):
                pdf.drawString(72, 740 - 18 * k, line)
            pdf.setFont("STSong-Light", 9)
            pdf.drawString(72, 40, f"18-03413 (C)  {number + 1}/6")
        else:  # a "scanned" page: only graphics
            pdf.rect(72, 72, 450, 700, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_text_pages_separated_by_form_feeds(tmp_path: Path):
    text = extract_pdf_text(build_pdf(tmp_path / "S_2018_184.pdf"))
    pages = text.split("\f")
    assert len(pages) == 2
    for number, (page, lines) in enumerate(zip(pages, PDF_PAGES, strict=True), start=1):
        page_lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert "S/2018/184" in page_lines and f"18-03413 (C)  {number + 1}/6" in page_lines
        for line in lines:
            assert line in page_lines  # the Chinese text, its lines as laid out


def test_pdf_encrypted_with_a_password(tmp_path: Path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = build_pdf(tmp_path / "locked.pdf", encrypt=StandardEncryption("secret", canPrint=0))
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is encrypted"):
        extract_pdf_text(path)


def test_pdf_with_only_an_owner_password_is_readable(tmp_path: Path):
    # English in a standard font: pdfminer does not decrypt the strings nested in an
    # encrypted CID font's dictionary, so encrypted Chinese text comes out as (cid:N).
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "restricted.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="owner", canModify=0))
    pdf.drawString(72, 700, "The Security Council adopted resolution 2436 (2018).")
    pdf.showPage()
    pdf.save()
    assert "The Security Council adopted resolution 2436 (2018)." in extract_pdf_text(path)


def test_scanned_pdf_has_no_text_layer(tmp_path: Path):
    path = build_pdf(tmp_path / "scan.pdf", text=False)
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer \(scanned\?\); run OCR first"):
        extract_pdf_text(path)


@pytest.mark.parametrize("data, message", [
    (b"<html><body>not a pdf</body></html>", "not a PDF file"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog", "cannot read the PDF"),
])
def test_not_a_pdf_or_damaged(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "file.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read_document(path, "zh")
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_pdf_read_as_document_without_page_furniture(tmp_path: Path):
    """End to end: the reader's text through the cleaner (tmkit.clean) into blocks."""
    document = read_document(build_pdf(tmp_path / "S_2018_184.pdf"), "zh")
    body = "\n".join(b.text for b in document.blocks)
    assert "S/2018/184" not in body and "18-03413" not in body
    assert [b.label for b in document.blocks] == ["1.", "2.", "3."]
    assert document.blocks[0].text == "".join(PDF_PAGES[0])
