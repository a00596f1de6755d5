"""Rebuild blocks from PDF-extracted lines (see :mod:`tmkit.clean`).

The decisions are made line by line, with a little look-back:

* a line is page furniture, a footnote separator, a footnote reference left on its own
  line, part of a footnote, or body text;
* body text joins the open paragraph unless the previous line closed it (it ended a
  sentence well short of the typical line width, or was a short heading), or the line
  starts a numbered paragraph or item, or it is indented after a non-full line;
* footnotes and furniture between two halves of a paragraph (a page break) do not
  close it.

The typical line width is measured on the document itself, so the same rules work for
Chinese and English extractions and for extractions that keep one paragraph a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tmkit.clean.furniture import SEPARATOR, is_furniture, is_url_line
from tmkit.document import Block, BlockKind, FootnoteMarker
from tmkit.langid import is_wide
from tmkit.segment.labels import block_label

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_VALUE = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")
_SUPERSCRIPT_RUN = re.compile(f"[{_SUPERSCRIPT_DIGITS}]+")
_MARKER_LINE = re.compile(r"^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})$")
_FOOTNOTE_START = re.compile(rf"^([{_SUPERSCRIPT_DIGITS}]{{1,3}}|\*{{1,3}})\s*(\S.*)$")
# Labels of sections (headings), as opposed to numbered paragraphs and items.
_SECTION_LABEL = re.compile(r"^(?:[一二三四五六七八九十]+[.、]|[IVXLC]+\.|[A-Z]\.)$")
_BULLET = re.compile(r"^[–—•·▪●◦‣\-]\s+\S")
_BARE_NUMBER_LABEL = re.compile(r"^(\d{1,3})\s{2,}(\S.*)$")
_NUMBERED_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_TERMINAL = {"zh": "。！？；：…!?;:", "en": ".!?;:"}
_CLOSERS = "”’」』）)》】\"'］]"
_HAN = "\u3400-\u9fff\uf900-\ufaff"
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_SENTINEL = "\ue000"  # marks a footnote reference's position while text is rearranged
_HAN_SPACE_ALNUM = re.compile(rf"(?<=[{_HAN}])[ \t]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \t]+(?=[{_HAN}])")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# Paragraphs in line-wrapped extractions are much shorter than this; one-paragraph-a-
# line extractions have lines much longer.
_WRAPPED_WIDTH_LIMIT = {"zh": 60, "en": 130}
_SHORT_HEADING = {"zh": 30, "en": 90}


@dataclass
class CleanedText:
    """The blocks of a cleaned document and every line that was dropped as furniture."""

    blocks: list[Block]
    removed: list[str] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    indent: int
    glued: bool = False  # no blank line between this line and the previous one


@dataclass
class _Open:
    """The block being built."""

    kind: BlockKind
    parts: list[str]
    label: str | None = None
    closed: bool = False  # the last line ended it; more text starts a new block
    bulleted: bool = False  # a "–" or "•" list item, which ends without a full stop


def _ends_sentence(text: str, lang: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _TERMINAL[lang]


_MARKER_GROUP = re.compile(f"{_SENTINEL}([^{_SENTINEL}]*){_SENTINEL}")


def _join(left: str, right: str, lang: str) -> str:
    """Join two wrapped lines: no space between CJK, de-hyphenate English words.

    A footnote marker attaches to the text before it, and the space after it depends
    on the real characters on either side.
    """
    if not left:
        return right
    if right.startswith(_SENTINEL):
        return left + right
    before = _MARKER_GROUP.sub("", left)[-1:] if left.endswith(_SENTINEL) else left[-1]
    if lang == "en" and re.search(r"[a-z]-$", left) and right[:1].islower():
        return left[:-1] + right
    if lang == "en" and left.endswith("-"):
        return left + right
    if lang == "zh":  # Chinese wraps anywhere; a space only between two Latin words
        return left + (" " if before.isascii() and before.isalnum() and right[0].isascii() and right[0].isalnum() else "") + right
    if bool(before) and is_wide(before) and is_wide(right[0]):
        return left + right
    return left + " " + right


def _typical_width(lines: list[_Line]) -> int:
    """The length of a full line: the 80th percentile of text-line lengths."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) > 8)
    if not lengths:
        return 0
    return lengths[int(0.8 * (len(lengths) - 1))]


def _finish_text(text: str, lang: str) -> tuple[str, tuple[FootnoteMarker, ...]]:
    """Normalise spacing, take the markers out and record where they stood."""
    text = _SPACES.sub(" ", text).strip()
    if lang == "zh":
        label = block_label(text)
        head = ""
        if label and text[len(label):len(label) + 1] == " ":  # keep "16.1 在…" as printed
            head, text = text[: len(label) + 1], text[len(label) + 1 :]
        text = head + _HAN_SPACE_ALNUM.sub("", text)
        text = re.sub(rf"(?<=[{_WIDE}]) (?={_SENTINEL})|(?<={_SENTINEL}) (?=[{_WIDE}])", "", text)
    out = ""
    markers = []
    position = 0
    for match in _MARKER_GROUP.finditer(text):
        out += text[position:match.start()]
        markers.append(FootnoteMarker(offset=len(out.rstrip()), label=match.group(1)))
        position = match.end()
        if out.endswith(" ") and text[position:position + 1] == " ":
            position += 1
    out += text[position:]
    return out.strip(), tuple(markers)


class _Builder:
    """Accumulates blocks; footnotes go to their own list, appended at the end."""

    def __init__(self, lang: str, width: int, wrapped: bool, double_spaced: bool) -> None:
        self.lang = lang
        self.double_spaced = double_spaced
        self.width = width
        self.wrapped = wrapped
        self.body: list[Block] = []
        self.footnotes: list[Block] = []
        self.open: _Open | None = None
        self.footnote: _Open | None = None
        self.last_line = ""
        self.next_marker = 1

    # -- body -------------------------------------------------------------------
    def _full(self, text: str) -> bool:
        return len(text) >= 0.85 * self.width

    def _closes(self, text: str, alone: bool) -> bool:
        """Does this body line end its paragraph? A short line without a full stop does
        only when it stands alone (a heading, a signature line), not as a fragment."""
        if not self.wrapped:
            return _ends_sentence(text, self.lang) or (alone and len(text) <= _SHORT_HEADING[self.lang])
        if self._full(text):
            return False
        return _ends_sentence(text, self.lang) or (alone and len(text) < 0.6 * self.width)

    def body_line(self, line: _Line, after_break: bool) -> None:
        text = self._take_superscripts(line.text)
        bare_number = _BARE_NUMBER_LABEL.match(text)
        if bare_number:  # "69  目前正按…": a paragraph number that lost its full stop
            text = f"{bare_number.group(1)}. {bare_number.group(2)}"
        label = block_label(text)
        bullet = _BULLET.match(text) is not None
        after_marker = self.last_line.endswith(_SENTINEL)
        if self.open is None or self.open.closed:
            starts_new = True
        elif label is not None:
            starts_new = True
        elif bullet:
            starts_new = True
        elif line.glued and self.double_spaced and not _ends_sentence(self.last_line, self.lang):
            starts_new = False  # one visual line that extraction broke in two
        else:
            starts_new = self.wrapped and line.indent > 0 and not after_break and not after_marker
        if starts_new:
            self.flush()
            self.open = _Open(BlockKind.ITEM if label or bullet else BlockKind.PARAGRAPH, [], label)
            self.open.bulleted = bullet
        assert self.open is not None
        self.open.parts.append(text)
        self.open.closed = self._closes(line.text, alone=len(self.open.parts) == 1) or (
            self.open.bulleted and self.wrapped and not self._full(line.text))
        self.last_line = line.text

    def table_row(self, cells: list[str]) -> None:
        """A tab-separated table row: every cell is a segment of its own."""
        self.flush()
        for cell in cells:
            self.open = _Open(BlockKind.PARAGRAPH, [self._take_superscripts(cell)], closed=True)
            self.flush()
        self.last_line = ""

    def marker(self, label: str) -> None:
        """A footnote reference number left on a line of its own."""
        if self.open is None:
            return
        self.open.parts.append(f"{_SENTINEL}{label}{_SENTINEL}")
        self.open.closed = False
        self.last_line = _SENTINEL
        self.next_marker = int(label) + 1

    def _take_superscripts(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            label = match.group().translate(_SUPERSCRIPT_VALUE)
            self.next_marker = int(label) + 1
            return f"{_SENTINEL}{label}{_SENTINEL}"

        return _SUPERSCRIPT_RUN.sub(replace, text)

    def flush(self) -> None:
        if self.open is None:
            return
        block = self._make(self.open)
        if block is not None:
            self.body.append(block)
        self.open = None

    def _make(self, pending: _Open) -> Block | None:
        joined = ""
        for part in pending.parts:
            joined = _join(joined, part, self.lang)
        text, markers = _finish_text(joined, self.lang)
        if not text:
            return None
        kind = pending.kind
        if kind is not BlockKind.FOOTNOTE and not pending.bulleted and len(pending.parts) == 1 \
                and (pending.label is None or _SECTION_LABEL.match(pending.label)) and not _ends_sentence(text, self.lang) \
                and len(text) <= _SHORT_HEADING[self.lang]:
            kind = BlockKind.HEADING
        label = pending.label if kind is BlockKind.FOOTNOTE else block_label(text)
        return Block(kind=kind, text=text, label=label, markers=markers)

    # -- footnotes ----------------------------------------------------------------
    def start_footnote(self, label: str, text: str = "") -> None:
        self.end_footnote()
        self.footnote = _Open(BlockKind.FOOTNOTE, [text] if text else [], label)

    def footnote_line(self, text: str) -> None:
        assert self.footnote is not None
        self.footnote.parts.append(text)
        self.footnote.closed = _ends_sentence(text, self.lang) or text.endswith((">", "/"))

    def end_footnote(self) -> None:
        if self.footnote is not None:
            block = self._make(self.footnote)
            if block is not None:
                self.footnotes.append(block)
        self.footnote = None

    def blocks(self) -> list[Block]:
        self.flush()
        self.end_footnote()
        return self.body + self.footnotes


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        glued = bool(lines) and bool(lines[-1].text)
        lines.append(_Line(stripped, indent, glued))
    return lines


def _is_double_spaced(lines: list[_Line]) -> bool:
    """Extractions that put a blank line after every text line (most of the seeds)."""
    text_lines = [line for line in lines if line.text]
    return sum(1 for line in text_lines if not line.glued) > 0.6 * max(1, len(text_lines))


def clean_extracted(text: str, lang: str) -> CleanedText:
    """Clean PDF-extracted ``text`` in ``lang`` into blocks; report what was dropped."""
    lines = _lines(text)
    width = _typical_width(lines)
    builder = _Builder(lang, width, wrapped=width <= _WRAPPED_WIDTH_LIMIT[lang], double_spaced=_is_double_spaced(lines))
    removed: list[str] = []
    in_zone = False  # between a footnote separator and the end of the footnotes
    after_break = False  # furniture or footnotes interrupted the body since the last body line
    previous = ""  # the previous non-blank line: PDF link targets come in pairs
    for index, line in enumerate(lines):
        text_ = line.text
        if not text_:
            continue
        if SEPARATOR.match(text_):
            removed.append(text_)
            in_zone = True
            after_break = True
            builder.end_footnote()
            continue
        if is_furniture(text_) or (is_url_line(text_) and text_ == previous):
            removed.append(text_)
            previous = text_
            after_break = True
            if in_zone:
                builder.end_footnote()
                in_zone = False
            continue
        previous = text_
        marker = _MARKER_LINE.match(text_)
        starts = _FOOTNOTE_START.match(text_)
        if in_zone:
            numbered = _NUMBERED_FOOTNOTE.match(text_)
            if marker:
                builder.start_footnote(marker.group(1).translate(_SUPERSCRIPT_VALUE))
                continue
            if starts:
                builder.start_footnote(starts.group(1).translate(_SUPERSCRIPT_VALUE), starts.group(2))
                continue
            if numbered and builder.footnote is not None and builder.footnote.closed:
                builder.start_footnote(numbered.group(1), numbered.group(2))
                continue
            if builder.footnote is not None and not builder.footnote.closed:
                builder.footnote_line(text_)
                continue
            builder.end_footnote()
            in_zone = False
        if marker:
            value = marker.group(1).translate(_SUPERSCRIPT_VALUE)
            # The next footnote, or the same one cited again; anything else is a page number.
            if int(value) in (builder.next_marker, builder.next_marker - 1) or (
                    builder.next_marker == 1 and int(value) <= 3):
                builder.marker(value)
            else:
                removed.append(text_)  # a page number on its own line
                after_break = True
            continue
        if starts and (starts.group(1).startswith("*") or not builder.wrapped or index == 0
                       or not lines[index - 1].text):
            builder.start_footnote(starts.group(1).translate(_SUPERSCRIPT_VALUE), starts.group(2))
            builder.footnote.closed = True
            builder.end_footnote()
            after_break = True
            continue
        if "\t" in text_:
            builder.table_row([cell.strip() for cell in text_.split("\t") if cell.strip()])
        else:
            builder.body_line(line, after_break)
        after_break = False
    return CleanedText(blocks=builder.blocks(), removed=removed)
