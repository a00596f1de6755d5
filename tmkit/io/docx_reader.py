"""Word documents (.docx) into blocks, as the printed document shows them.

The UN issues its documents in Word, and a .docx keeps exactly what a PDF loses: which
paragraph is a heading, which a list item, and which text is a footnote. So this
reader needs no cleaning: it walks the body (paragraphs and table cells in document
order), renders the list numbers Word computes at display time (``1.``, ``(a)``,
``(iii)``), since those numbers are the aligner's best anchors, and collects the
footnotes after the body, numbered in order of reference.

python-docx opens the package; the XML itself is walked directly, because python-docx
has no model for numbering, footnotes or text in hyperlinks and content controls.
Running headers and footers, text boxes, comments and deleted (tracked) text are
not part of the text and are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from tmkit.document import Block, BlockKind
from tmkit.errors import InputError
from tmkit.io.decode import read_file_bytes
from tmkit.io.inline import InlineText, letter_numeral, make_block, roman_numeral
from tmkit.io.safe_xml import refuse_entities, safe_parser

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Containers whose runs are walked as if they stood in the paragraph; anything else that
# is not a run (deletions, moved-away text, math, alternate content) is not printed text.
_TRANSPARENT = frozenset(W + tag for tag in (
    "hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "dir", "bdo",
))
# Word's built-in heading styles, and the UN templates' HCh_G, H1_G, H23_G, H4_G, H56_G.
_HEADING_STYLE = re.compile(r"^(?:heading \d|title|subtitle|hch(?:_g)?|h\d{1,2}(?:_g)?)$")
_NOTE_SKIP_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def _val(element: etree._Element | None, attr: str = "val") -> str | None:
    return None if element is None else element.get(W + attr)


def _on(element: etree._Element | None) -> bool:
    """A WordprocessingML on/off property: present and not switched off."""
    return element is not None and _val(element) not in ("0", "false", "off")


def docx_blocks(path: Path) -> list[Block]:
    """The body blocks of a .docx file, then its footnotes; :class:`InputError` if unreadable."""
    data = read_file_bytes(path)
    if data.startswith(_OLE2_MAGIC):
        raise InputError(f"{path}: this is a Word 97-2003 (.doc) or password-protected file, "
                         "not a .docx; save it as .docx without a password")
    import docx  # python-docx; imported here so plain-text runs never pay for it
    from docx.opc.exceptions import OpcError

    try:
        package = docx.Document(io.BytesIO(data))
        parts = {rel.reltype: rel.target_part for rel in package.part.rels.values() if not rel.is_external}
        numbering = _xml_of(parts.get(_RT_NUMBERING))
        footnotes = _xml_of(parts.get(_RT_FOOTNOTES))
        styles = package.styles.element
        body = package.element.body
    except (zipfile.BadZipFile, zlib.error, OpcError, KeyError, ValueError, EOFError, etree.LxmlError,
            NotImplementedError, RuntimeError) as exc:  # zipfile: unsupported compression, encrypted member
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: not a readable .docx file ({reason})") from None
    for root in (body, footnotes, numbering, styles):
        refuse_entities(root, str(path))
    return DocxBlocks(styles, numbering, footnotes).read(body)


def _xml_of(part: object) -> etree._Element | None:
    """The XML root of a package part (python-docx parses some parts, not footnotes)."""
    if part is None:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob, safe_parser(remove_blank_text=True))  # type: ignore[attr-defined]


class Styles:
    """Paragraph styles: which make headings, which carry list numbering (through ``basedOn``)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._by_id: dict[str, etree._Element] = {}
        self.default: str | None = None
        for style in root.iter(W + "style") if root is not None else ():
            style_id = style.get(W + "styleId")
            if style_id:
                self._by_id[style_id] = style
                if style.get(W + "type") == "paragraph" and _on_attr(style.get(W + "default")):
                    self.default = style_id

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        chain: list[etree._Element] = []
        while style_id and style_id in self._by_id and len(chain) < 20:
            style = self._by_id[style_id]
            if style in chain:
                break
            chain.append(style)
            style_id = _val(style.find(W + "basedOn"))
        return chain

    def is_heading(self, style_id: str | None) -> bool:
        """Heading N, Title, the UN templates' HCh_G/H1_G/H23_G..., or an outline level."""
        for style in self.chain(style_id):
            name = (_val(style.find(W + "name")) or "").lower()
            if _HEADING_STYLE.match(name):
                return True
            level = _val(style.find(f"{W}pPr/{W}outlineLvl"))
            if level is not None:
                return level.isdigit() and int(level) < 9
        return False

    def num_pr(self, style_id: str | None) -> tuple[str | None, str | None]:
        """``(numId, ilvl)`` the style gives its paragraphs, if any."""
        for style in self.chain(style_id):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                return _val(num_pr.find(W + "numId")), _val(num_pr.find(W + "ilvl"))
        return None, None


def _on_attr(value: str | None) -> bool:
    return value in ("1", "true", "on")


class Numbering:
    """List numbers as Word displays them, counted per list (numId) and level in document order."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, etree._Element] = {}
        self._nums: dict[str, etree._Element] = {}
        if root is not None:
            self._abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
            self._nums = {n.get(W + "numId"): n for n in root.iter(W + "num")}
        self._counters: dict[str, list[int | None]] = {}

    def _abstract_of(self, num_id: str, depth: int = 0) -> etree._Element | None:
        num = self._nums.get(num_id)
        abstract = self._abstract.get(_val(num.find(W + "abstractNumId"))) if num is not None else None
        link = _val(abstract.find(W + "numStyleLink")) if abstract is not None else None
        if link and depth < 3:  # the list's definition lives in a numbering style
            linked_num, _ = self._styles.num_pr(link)
            if linked_num and linked_num != num_id:
                return self._abstract_of(linked_num, depth + 1)
        return abstract

    def level(self, num_id: str, ilvl: int) -> tuple[etree._Element | None, int | None]:
        """The level definition and any start override the list instance gives it."""
        start = None
        num = self._nums.get(num_id)
        for override in num.iter(W + "lvlOverride") if num is not None else ():
            if override.get(W + "ilvl") == str(ilvl):
                start_override = _val(override.find(W + "startOverride"))
                start = int(start_override) if start_override and start_override.isdigit() else None
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    return lvl, start
        abstract = self._abstract_of(num_id)
        for lvl in abstract.iter(W + "lvl") if abstract is not None else ():
            if lvl.get(W + "ilvl") == str(ilvl):
                return lvl, start
        return None, start

    def level_for_style(self, num_id: str, style_id: str | None) -> int:
        """The level whose ``w:pStyle`` is the paragraph's style (style-linked lists), else 0."""
        abstract = self._abstract_of(num_id)
        for lvl in abstract.iter(W + "lvl") if abstract is not None and style_id else ():
            if _val(lvl.find(W + "pStyle")) == style_id:
                return int(lvl.get(W + "ilvl") or 0)
        return 0

    def _start(self, num_id: str, ilvl: int) -> int:
        lvl, override = self.level(num_id, ilvl)
        if override is not None:
            return override
        start = _val(lvl.find(W + "start")) if lvl is not None else None
        return int(start) if start and start.lstrip("-").isdigit() else 0  # the schema's default is 0

    def next_label(self, num_id: str, ilvl: int) -> str | None:
        """Count one more paragraph of this list level and return its label (None for bullets)."""
        if num_id not in self._nums:
            return None
        ilvl = min(max(ilvl, 0), 8)
        counters = self._counters.setdefault(num_id, [None] * 9)
        current = counters[ilvl]
        counters[ilvl] = self._start(num_id, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        lvl, _ = self.level(num_id, ilvl)
        if lvl is None:
            return None
        fmt = _val(lvl.find(W + "numFmt")) or "decimal"
        if fmt in ("bullet", "none"):
            return None
        legal = _on(lvl.find(W + "isLgl"))
        template = _val(lvl.find(W + "lvlText"))
        if template is None:
            template = f"%{ilvl + 1}."

        def render(k: int) -> str:
            level_lvl, _ = self.level(num_id, k)
            value = counters[k] if counters[k] is not None else self._start(num_id, k)
            level_fmt = "decimal" if legal and k != ilvl else (_val(level_lvl.find(W + "numFmt"))
                                                              if level_lvl is not None else "decimal")
            return format_number(value or 0, level_fmt or "decimal")

        out = ""
        i = 0
        while i < len(template):
            if template[i] == "%" and i + 1 < len(template) and template[i + 1] in "123456789":
                out += render(int(template[i + 1]) - 1)
                i += 2
            else:
                out += template[i]
                i += 1
        return out.strip() or None

    def separator(self, num_id: str, ilvl: int) -> str:
        """What follows the number (``w:suff``): nothing, or a space for a tab or space."""
        lvl, _ = self.level(num_id, ilvl)
        return "" if lvl is not None and _val(lvl.find(W + "suff")) == "nothing" else " "


_CHINESE_DIGITS = "〇一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def format_number(n: int, fmt: str) -> str:
    """A list number in a Word number format (``w:numFmt``); unknown formats fall back to decimal."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letters = letter_numeral(n)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = roman_numeral(n)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting") and 0 <= n < 100:
        return _chinese(n)
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _HEAVENLY_STEMS[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)


def _chinese(n: int) -> str:
    """0-99 in Chinese numerals: 一, 十, 十一, 二十, 二十一."""
    if n < 10:
        return _CHINESE_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[units] if units else "")


class DocxBlocks:
    """One pass over the body in document order; footnotes numbered as they are referenced."""

    def __init__(self, styles: etree._Element | None, numbering: etree._Element | None,
                 footnotes: etree._Element | None) -> None:
        self._styles = Styles(styles)
        self._numbering = Numbering(numbering, self._styles)
        self._notes: dict[str, etree._Element] = {}
        for note in footnotes.iter(W + "footnote") if footnotes is not None else ():
            if note.get(W + "type") not in _NOTE_SKIP_TYPES:
                self._notes[note.get(W + "id") or ""] = note
        self._note_labels: dict[str, str] = {}  # footnote id -> label, in order of first reference
        self._auto_number = 0

    def read(self, body: etree._Element) -> list[Block]:
        """Body blocks, then one footnote block per referenced footnote."""
        blocks: list[Block] = []
        self._container(body, blocks)
        return blocks + self._footnote_blocks()

    def _container(self, element: etree._Element, blocks: list[Block]) -> None:
        """Paragraphs of the body, a table cell or a content control; tables row by row, cell by cell."""
        for child in element:
            if child.tag == W + "p":
                block = self._paragraph(child)
                if block is not None:
                    blocks.append(block)
            elif child.tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent",
                               W + "customXml", W + "ins", W + "moveTo"):
                self._container(child, blocks)

    def _paragraph(self, p: etree._Element) -> Block | None:
        ppr = p.find(W + "pPr")
        style_id = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        style_id = style_id or self._styles.default
        num_id, ilvl = self._num_pr(ppr, style_id)
        label = self._numbering.next_label(num_id, ilvl) if num_id else None  # counts empty items too
        text = InlineText()
        self._inline(p, text)
        content, markers = text.finish()
        if not content:
            return None
        outline = _val(ppr.find(W + "outlineLvl")) if ppr is not None else None
        heading = (outline is not None and outline.isdigit() and int(outline) < 9) or (
            outline is None and self._styles.is_heading(style_id))
        kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
        separator = self._numbering.separator(num_id, ilvl) if num_id else " "
        return make_block(kind, content, markers, prefix=label or "", separator=separator, item=num_id is not None)

    def _num_pr(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str | None, int]:
        """The paragraph's list and level: its own ``w:numPr`` first, then its style's."""
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id = _val(num_pr.find(W + "numId")) if num_pr is not None else None
        ilvl = _val(num_pr.find(W + "ilvl")) if num_pr is not None else None
        style_num, style_ilvl = self._styles.num_pr(style_id)
        num_id = num_id or style_num
        ilvl = ilvl or style_ilvl
        if not num_id or num_id == "0":  # numId 0 switches a style's numbering off
            return None, 0
        if ilvl is None or not ilvl.isdigit():
            return num_id, self._numbering.level_for_style(num_id, style_id)
        return num_id, int(ilvl)

    def _inline(self, element: etree._Element, text: InlineText) -> None:
        """Runs in document order, through hyperlinks, insertions and content controls."""
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self._run(child, text)
            elif tag in _TRANSPARENT:
                self._inline(child, text)

    def _run(self, run: etree._Element, text: InlineText) -> None:
        rpr = run.find(W + "rPr")
        if rpr is not None and _on(rpr.find(W + "vanish")):
            return  # hidden text is not printed
        children = list(run)
        for index, child in enumerate(children):
            tag = child.tag
            if tag == W + "t":
                text.add(child.text)
            elif tag in (W + "tab", W + "ptab"):
                text.add(" ")
            elif tag in (W + "br", W + "cr"):
                text.line_break()
            elif tag == W + "noBreakHyphen":
                text.add("-")
            elif tag == W + "footnoteReference":
                note_id = child.get(W + "id") or ""
                if _on_attr(child.get(W + "customMarkFollows")):
                    # The mark ("*") is the run's following text, not body text.
                    mark = "".join(t.text or "" for t in children[index + 1:] if t.tag == W + "t").strip()
                    text.mark(self._note_label(note_id, mark or "*"))
                    return
                text.mark(self._note_label(note_id, None))
            elif tag == W + "sym":
                char = child.get(W + "char") or ""
                try:
                    code = int(char, 16)
                except ValueError:
                    continue
                text.add(chr(code - 0xF000) if code >= 0xF000 else chr(code))

    def _note_label(self, note_id: str, custom: str | None) -> str:
        """The footnote's label: its custom mark, or the next number (custom marks take none)."""
        if note_id not in self._note_labels:
            if custom is None:
                self._auto_number += 1
                custom = str(self._auto_number)
            self._note_labels[note_id] = custom
        return self._note_labels[note_id]

    def _footnote_blocks(self) -> list[Block]:
        blocks = []
        for note_id, label in self._note_labels.items():
            note = self._notes.get(note_id)
            if note is None:
                continue
            text = InlineText()
            for p in note.iter(W + "p"):
                self._inline(p, text)
                text.line_break()
            content, _ = text.finish()
            if content.startswith(label) and not label.isdigit():
                content = content[len(label):].lstrip()  # a custom mark is typed into the note too
            if content:
                blocks.append(Block(kind=BlockKind.FOOTNOTE, text=content, label=label))
        return blocks
