"""HTML documents (.html, .htm, .xhtml) into blocks, as a reader sees the page.

UN documents reach translators as web pages too (ODS and UN Digital Library pages,
Word's "Save as Web Page"). A browser's reading of the page is what counts: block
elements make blocks, inline elements run together, whitespace collapses, and page
furniture (scripts, navigation, page headers and footers) is not text. Footnotes are
kept as footnote blocks after the body, and their reference marks are taken out of
the body text so they do not end up inside sentences.

The page is parsed with lxml's HTML parser, which never touches the network and does
not process DTDs, so no entity of the file's own making is ever expanded.

This module also holds the two helpers the Word reader shares (:class:`InlineText`,
:func:`make_block`): both readers build block text from runs of inline text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.html
from lxml import etree

from tmkit.document import Block, BlockKind
from tmkit.errors import InputError
from tmkit.io.decode import decode_text, read_file_bytes
from tmkit.io.inline import InlineText, letter_numeral, make_block, roman_numeral
from tmkit.segment.labels import block_label

# --- HTML -------------------------------------------------------------------------------

_SKIP_TAGS = frozenset({
    "head", "script", "style", "noscript", "nav", "header", "footer", "template", "iframe",
    "object", "embed", "svg", "math", "canvas", "map", "audio", "video", "button", "select",
    "textarea", "input", "option", "datalist",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Word's HTML export names paragraph classes after styles: MsoTitle, and the UN templates'
# HCh_G, H1_G, H23_G ... become HChG, H1G, H23G.
_HEADING_CLASS = re.compile(r"^(?:msotitle|msosubtitle|hch_?g?|h[1-6]\d*_?g?)$", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.IGNORECASE)

# Footnote items: Word (div style="mso-element:footnote" id="ftn1"), Pandoc (li id="fn1"
# role="doc-endnote"), Python-Markdown (li id="fn:1"), and hand-made "footnote-3" ids.
_FOOTNOTE_ID = re.compile(r"^_?(?:ftn|fn|footnote|endnote|edn)[-_:]?\d+$", re.IGNORECASE)
_FOOTNOTE_ROLES = frozenset({"doc-footnote", "doc-endnote"})
_FOOTNOTE_LIST_ROLES = frozenset({"doc-endnotes", "doc-footnotes"})
_NOTE_REF_ROLES = frozenset({"doc-noteref"})
_BACKLINK_ROLES = frozenset({"doc-backlink"})
_BACKLINK_TARGET = re.compile(r"(?:fn|ftn|note|edn)[-_:]?ref", re.IGNORECASE)
_LABEL_PUNCT = "[]()（）{}.、:：*†‡ \u00a0\t\n"

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Names pages declare that mean something else in practice (WHATWG encoding standard).
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "unicode": "utf-16",
                    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def decode_html(data: bytes, name: str) -> str:
    """The page's text: BOM first, then the declared charset, then detection.

    A declared charset that does not decode the bytes is ignored (pages often lie),
    and detection is :func:`tmkit.io.decode.decode_text`'s, as for a text file.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, name)
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match:
        declared = match.group(1).decode("ascii").lower()
        encoding = _CHARSET_ALIASES.get(declared, declared)
        try:
            codecs.lookup(encoding)
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if text.strip():
                return text
    return decode_text(data, name)


def html_blocks(path: Path) -> list[Block]:
    """The body blocks of an HTML file, then its footnotes; :class:`InputError` if unreadable."""
    text = decode_html(read_file_bytes(path), str(path))
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"{path}: cannot parse the HTML ({exc})") from None
    return HtmlBlocks(root).blocks()


def _tag(element: etree._Element) -> str:
    """Lower-case tag name, or "" for comments and processing instructions."""
    tag = element.tag
    return tag.lower().rpartition("}")[2] if isinstance(tag, str) else ""


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").lower().split()


def _is_hidden(element: etree._Element) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _target(anchor: etree._Element) -> str | None:
    """The in-page target of a link (``href="#_ftn1"`` -> ``_ftn1``), or None."""
    href = (anchor.get("href") or "").strip()
    if href.startswith("#") and len(href) > 1:
        return href[1:]
    # Word sometimes writes the file name in front: href="report.htm#_ftn1".
    if "#" in href and not href.lower().startswith(("http:", "https:", "mailto:", "ftp:")):
        return href.rpartition("#")[2] or None
    return None


def _clean_label(text: str) -> str:
    return text.strip(_LABEL_PUNCT)


def _list_number(n: int, kind: str) -> str:
    """An ``<ol>`` item label, in the form UN documents print: 1.  (a)  (i)  A.  I."""
    if kind == "a":
        return f"({letter_numeral(n)})"
    if kind == "A":
        return f"{letter_numeral(n).upper()}."
    if kind == "i":
        return f"({roman_numeral(n)})"
    if kind == "I":
        return f"{roman_numeral(n).upper()}."
    return f"{n}."


class HtmlBlocks:
    """One pass over a parsed page: find the footnotes first, then walk the body."""

    def __init__(self, root: etree._Element) -> None:
        self._root = root
        body = root.find("body")
        self._body = body if body is not None else root
        self._footnotes = self._find_footnotes()
        self._footnote_set = set(self._footnotes)
        self._containers = self._find_footnote_lists()
        self._note_labels: dict[etree._Element, str] = {}
        self._refs = self._find_references()
        self._backlinks = self._find_backlinks()
        self._list_labels = self._number_lists()
        self._blocks: list[Block] = []

    # -- pre-pass ----------------------------------------------------------------------

    def _strong_footnote(self, element: etree._Element) -> bool:
        style = (element.get("style") or "").lower().replace(" ", "")
        if "mso-element:footnote" in style and "footnote-list" not in style:
            return True
        if (element.get("role") or "").lower() in _FOOTNOTE_ROLES:
            return True
        return bool(_FOOTNOTE_ID.match(element.get("id") or ""))

    @staticmethod
    def _weak_footnote(element: etree._Element) -> bool:
        """A class that says footnote (``MsoFootnoteText``, ``footnote``, ``fn``), not a reference to one."""
        return any(
            (("footnote" in c or "endnote" in c) and "ref" not in c and "back" not in c
             and not c.endswith(("footnotes", "endnotes", "list"))) or c == "fn"
            for c in _classes(element)
        )

    def _block_ancestor(self, element: etree._Element) -> etree._Element:
        while _tag(element) not in _BLOCK_TAGS and element.getparent() is not None:
            element = element.getparent()
        return element

    def _find_footnotes(self) -> list[etree._Element]:
        """Footnote items in document order: outermost elements that look like one footnote."""
        strong: list[etree._Element] = []
        for element in self._body.iter():
            if _tag(element) and self._strong_footnote(element):
                item = self._block_ancestor(element) if _tag(element) not in _BLOCK_TAGS else element
                if item is not self._body and not any(_inside(item, s) for s in strong):
                    strong = [s for s in strong if not _inside(s, item)] + [item]
        weak: list[etree._Element] = []
        for element in self._body.iter():
            if _tag(element) not in _BLOCK_TAGS or not self._weak_footnote(element):
                continue
            if any(_inside(element, s) or _inside(s, element) for s in strong):
                continue
            if not any(_inside(element, w) for w in weak):
                weak.append(element)
        found = set(strong) | set(weak)
        return [element for element in self._body.iter() if element in found]

    def _find_footnote_lists(self) -> set[etree._Element]:
        """Elements that only hold footnotes (Word's footnote-list div, Pandoc's section)."""
        containers = set()
        for element in self._body.iter():
            if not _tag(element):
                continue
            style = (element.get("style") or "").lower().replace(" ", "")
            classes = _classes(element)
            is_list = ("mso-element:footnote-list" in style or "mso-element:endnote-list" in style
                       or (element.get("role") or "").lower() in _FOOTNOTE_LIST_ROLES
                       or any(c in ("footnotes", "endnotes", "footnote-list") for c in classes))
            if is_list and any(_inside(note, element) for note in self._footnotes):
                containers.add(element)
        return containers

    def _footnote_of(self, element: etree._Element) -> etree._Element | None:
        for ancestor in element.iterancestors():
            if ancestor in self._footnote_set:
                return ancestor
        return element if element in self._footnote_set else None

    def _find_references(self) -> dict[etree._Element, str]:
        """Reference anchors in the body -> the label of the footnote they point to."""
        targets: dict[str, etree._Element] = {}
        for note in self._footnotes:
            for element in note.iter():
                if not _tag(element):
                    continue
                for key in (element.get("id"), element.get("name")):
                    if key and key not in targets:
                        targets[key] = note
        refs: dict[etree._Element, str] = {}
        for anchor in self._body.iter("a", "A"):
            if self._footnote_of(anchor) is not None:
                continue
            target = _target(anchor)
            note = targets.get(target) if target else None
            is_ref = (note is not None or (anchor.get("role") or "").lower() in _NOTE_REF_ROLES
                      or any("footnote-ref" in c or "noteref" in c for c in _classes(anchor)))
            if not is_ref:
                continue
            label = _clean_label(anchor.text_content())
            if note is not None:
                label = self._note_labels.setdefault(note, label or str(self._footnotes.index(note) + 1))
            refs[anchor] = label or str(len(refs) + 1)
        return refs

    def _find_backlinks(self) -> set[etree._Element]:
        """Links inside footnotes back to their reference (Word's ``[1]``, Pandoc's ``↩``)."""
        ref_keys = {key for anchor in self._refs for key in (anchor.get("id"), anchor.get("name")) if key}
        backlinks = set()
        for note in self._footnotes:
            for anchor in note.iter("a", "A"):
                target = _target(anchor)
                if ((target and (target in ref_keys or _BACKLINK_TARGET.search(target)))
                        or (anchor.get("role") or "").lower() in _BACKLINK_ROLES
                        or any("back" in c for c in _classes(anchor))):
                    backlinks.add(anchor)
        return backlinks

    def _number_lists(self) -> dict[etree._Element, str]:
        """The label each ``<li>`` of an ``<ol>`` shows, from ``type``, ``start``, ``value``, ``reversed``."""
        labels: dict[etree._Element, str] = {}
        for ol in self._body.iter("ol", "OL"):
            items = [child for child in ol if _tag(child) == "li"]
            reversed_ = ol.get("reversed") is not None
            step = -1 if reversed_ else 1
            kind = (ol.get("type") or "1").strip()[:1] or "1"
            n = _int(ol.get("start"), len(items) if reversed_ else 1)
            for li in items:
                n = _int(li.get("value"), n)
                labels[li] = _list_number(n, kind)
                n += step
        return labels

    # -- walk ----------------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        """Body blocks in document order, then one footnote block per footnote."""
        self._walk_block(self._body)
        body = self._blocks
        return body + self._footnote_blocks()

    def _skipped(self, element: etree._Element) -> bool:
        return (_tag(element) in _SKIP_TAGS or _is_hidden(element)
                or element in self._footnote_set or element in self._containers)

    def _walk_block(self, element: etree._Element) -> None:
        """Direct text of a block element makes blocks; block children are walked in turn."""
        text = InlineText()
        first = True

        def flush() -> None:
            nonlocal text, first
            self._add_block(element, text, first)
            first = False
            text = InlineText()

        text.add(element.text)
        for child in element:
            tag = _tag(child)
            if tag and not self._skipped(child):
                if tag in _BLOCK_TAGS:
                    flush()
                    self._walk_block(child)
                else:
                    self._inline(child, text)
            text.add(child.tail)
        flush()

    def _inline(self, element: etree._Element, text: InlineText) -> None:
        """Inline content into ``text``; a block nested in an inline element breaks the line."""
        tag = _tag(element)
        if not tag or self._skipped(element) or element in self._backlinks:
            return
        if element in self._refs:
            text.mark(self._refs[element])
            return
        if tag == "br":
            text.line_break()
            return
        block = tag in _BLOCK_TAGS
        if block:
            text.line_break()
        text.add(element.text)
        for child in element:
            self._inline(child, text)
            text.add(child.tail)
        if block:
            text.line_break()

    def _add_block(self, element: etree._Element, text: InlineText, first: bool) -> None:
        content, markers = text.finish()
        if not content:
            return
        tag = _tag(element)
        if tag in _HEADING_TAGS or any(_HEADING_CLASS.match(c) for c in _classes(element)):
            self._blocks.append(make_block(BlockKind.HEADING, content, markers))
        elif tag == "li" and first:
            number = self._list_labels.get(element, "")
            prefix = number if number and block_label(content) is None else ""
            self._blocks.append(make_block(BlockKind.PARAGRAPH, content, markers, prefix=prefix, item=True))
        else:
            self._blocks.append(make_block(BlockKind.PARAGRAPH, content, markers))

    def _footnote_blocks(self) -> list[Block]:
        blocks = []
        for index, note in enumerate(self._footnotes, start=1):
            text = InlineText()
            self._inline_note(note, text)
            content, _ = text.finish()
            if not content:
                continue
            label = self._note_labels.get(note)
            if label is None:
                match = re.match(r"^\[?(\d{1,3}|[*†‡]+)\]?[.)]?\s+", content)
                label = match.group(1) if match else str(index)
            content = _strip_leading_label(content, label)
            if content:
                blocks.append(Block(kind=BlockKind.FOOTNOTE, text=content, label=label))
        return blocks

    def _inline_note(self, note: etree._Element, text: InlineText) -> None:
        """A footnote's text: everything inside it as one block, backlinks left out."""
        text.add(note.text)
        for child in note:
            tag = _tag(child)
            if tag and not (tag in _SKIP_TAGS or _is_hidden(child)) and child not in self._backlinks:
                if tag in _BLOCK_TAGS:
                    text.line_break()
                    self._inline_note(child, text)
                    text.line_break()
                else:
                    self._inline(child, text)
            text.add(child.tail)


def _strip_leading_label(content: str, label: str) -> str:
    """``"[3] See ..."`` / ``"3. See ..."`` -> ``"See ..."`` when 3 is the footnote's label."""
    pattern = rf"^[\[(（]?{re.escape(label)}[\])）]?[.、:]?(?:\s+|(?=[\u3400-\u9fff]))"
    return re.sub(pattern, "", content, count=1).strip()


def _inside(element: etree._Element, ancestor: etree._Element) -> bool:
    """True when ``element`` is ``ancestor`` or lies inside it."""
    return element is ancestor or any(a is ancestor for a in element.iterancestors())


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default
