"""InterText's XML alignment format: an alignment file and the two documents it links.

InterText (Vondřička, Czech National Corpus), the editor the gold alignments of the
aligner-eval sets were made in, keeps an alignment as three XML files:

* each **document** is any XML whose alignable elements (sentences, ``<s>``) carry an
  ``id``; InterCorp's convention, which tmkit follows, is ``<p id="3">`` paragraphs
  holding ``<s id="3:1">`` sentences;
* the **alignment file** is ``<linkGrp toDoc="…" fromDoc="…">`` (document file names,
  relative to it) holding one ``<link type="T-F" xtargets="T ids;F ids" status="…"/>``
  per link, in order. InterText writes the *toDoc* ids first and counts them first in
  ``type`` (its own reader takes ``xtargets`` that way round); ``status`` is ``man``
  (confirmed by a person), ``auto`` (from an aligner) or ``plain`` (not aligned yet), and
  ``mark="N"`` highlights a link for attention.

tmkit writes the Chinese document as ``toDoc`` and the English one as ``fromDoc``, so
``type="1-2" xtargets="1:1;1:1 1:2"`` reads like tmkit's own ``x-link`` and ``.links``
files (Chinese first). A reviewed link is ``man``, an unreviewed one ``auto``, and a link
the aligner doubted gets ``mark="1"``. What InterText has no place for is kept in
attributes and elements of tmkit's namespace (:data:`NS`), which InterText ignores: each
link's ``tmkit:score``, ``tmkit:reviewed`` (when) and ``tmkit:flag``; the source files,
``--min-score`` and alignment options on ``linkGrp``; paragraph labels on ``<p>`` and a
sentence's text before the reviewer edited it (``tmkit:original``) on ``<s>``. InterText
keeps unknown attributes of the documents when it saves them, but writes the alignment
file anew from its own fields, so after a session in InterText the links keep their
status and marks but lose tmkit's scores.

Reading accepts files InterText made: any element with an ``id``, text with inline
markup (read as plain text), ``man``/``auto``/``plain`` links without tmkit's attributes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from tmkit.errors import InputError
from tmkit.io.atomic import atomic_output
from tmkit.io.safe_xml import safe_parser
from tmkit.review.model import SIDES, Review, ReviewLink, Sentence
from tmkit.tmx.writer import clean_xml_text

__all__ = ["NS", "IntertextFile", "read_intertext", "write_intertext", "document_paths"]

NS = "urn:tmkit:review"
_T = f"{{{NS}}}"
NSMAP = {"tmkit": NS}
STATUS_REVIEWED, STATUS_AUTO, STATUS_PLAIN = "man", "auto", "plain"
#: ``tmkit:reviewed`` of a link InterText confirmed (``status="man"``) without saying when.
REVIEWED_UNDATED = "yes"
_HAN = re.compile(r"[\u3400-\u9fff]")


def document_paths(alignment: Path) -> tuple[Path, Path]:
    """Where the Chinese and English documents of a new alignment file go.

    InterText names an alignment ``DOC.V1.V2.xml`` and its documents ``DOC.V1.xml`` and
    ``DOC.V2.xml``: ``001.zh.en.xml`` gets ``001.zh.xml`` and ``001.en.xml``; any other
    ``NAME.xml`` gets ``NAME.zh.xml`` and ``NAME.en.xml``.
    """
    stem = alignment.name[:-4] if alignment.name.lower().endswith(".xml") else alignment.name
    for suffix in (".zh.en", ".en.zh"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    return alignment.with_name(f"{stem}.zh.xml"), alignment.with_name(f"{stem}.en.xml")


@dataclass
class IntertextFile:
    """An alignment file on disk with its two documents, as read (or about to be written).

    The document trees are kept so that saving changes only the text of the sentences
    the reviewer edited: markup and structure InterText or another tool put there stay.
    """

    path: Path
    zh_path: Path
    en_path: Path
    trees: dict[str, etree._ElementTree]
    elements: dict[str, list[etree._Element]]
    review: Review
    _lines: dict[ReviewLink, str] = field(default_factory=dict, repr=False, compare=False)

    def save(self, edited: Iterable[tuple[str, int]] = ()) -> None:
        """Write the alignment file, and first the documents of the ``(side, index)`` sentences edited.

        Each file is replaced atomically; documents go first, so a crash in between leaves
        an edited text with the previous links, never links to text that is not there.
        """
        sides = set()
        for side, index in edited:
            self._update_text(side, index)
            sides.add(side)
        self._write_documents(sorted(sides))
        with atomic_output(self.path) as stream:
            stream.write(self._alignment_bytes())

    def _write_documents(self, sides: Iterable[str]) -> None:
        for side in sides:
            _write_tree(self.trees[side], self.zh_path if side == "zh" else self.en_path)

    def _update_text(self, side: str, index: int) -> None:
        """Put sentence ``index`` of ``side`` into its element (inline markup goes: the text is plain)."""
        element, sentence = self.elements[side][index], self.review.sentences(side)[index]
        text = clean_xml_text(sentence.text)
        if "".join(element.itertext()) != text:
            for child in list(element):
                element.remove(child)
            element.text = text
        if sentence.original is None:
            element.attrib.pop(f"{_T}original", None)
        else:
            element.set(f"{_T}original", clean_xml_text(sentence.original))

    @cached_property
    def _ids(self) -> dict[str, list[str]]:
        """Each side's sentence ids, escaped for an attribute (they never change: edits keep ids)."""
        return {side: [_escape(element.get("id")) for element in self.elements[side]] for side in SIDES}

    def _link_line(self, link: ReviewLink) -> str:
        zh_ids, en_ids = self._ids["zh"], self._ids["en"]
        line = (f'<link type="{len(link.zh)}-{len(link.en)}" xtargets="{" ".join(zh_ids[i] for i in link.zh)};'
                f'{" ".join(en_ids[j] for j in link.en)}" status="{STATUS_REVIEWED if link.reviewed else STATUS_AUTO}"')
        if link.flag:
            line += ' mark="1"'
        if link.score is not None:
            line += f' tmkit:score="{link.score:.4f}"'
        if link.reviewed and link.reviewed != REVIEWED_UNDATED:
            line += f' tmkit:reviewed="{_escape(link.reviewed)}"'
        if link.flag:
            line += f' tmkit:flag="{_escape(link.flag)}"'
        return line + "/>"

    def _alignment_bytes(self) -> bytes:
        """The alignment file, written as text (lxml took 0.2 s for 10,000 links); the line of
        each link is kept from one save to the next, since an operation changes only a few."""
        review = self.review
        head = [f"<linkGrp xmlns:tmkit=\"{NS}\" toDoc=\"{_escape(_relative(self.zh_path, self.path))}\" "
                f"fromDoc=\"{_escape(_relative(self.en_path, self.path))}\""]
        for name, value in (("zh-source", review.zh_source), ("en-source", review.en_source),
                            ("min-score", "" if review.min_score is None else f"{review.min_score:g}")):
            if value:
                head.append(f' tmkit:{name}="{_escape(value)}"')
        lines = ["<?xml version='1.0' encoding='utf-8'?>", "".join(head) + ">"]
        lines += [f'<tmkit:option name="{_escape(name)}" value="{_escape(value)}"/>'
                  for name, value in review.options.items()]
        cache = self._lines
        self._lines = {link: cache.get(link) or self._link_line(link) for link in review.links}
        lines += [self._lines[link] for link in review.links]
        lines.append("</linkGrp>\n")
        return "\n".join(lines).encode("utf-8")


def _escape(value: str) -> str:
    """``value`` as the content of a double-quoted XML attribute."""
    return (clean_xml_text(value).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def _relative(document: Path, alignment: Path) -> str:
    return os.path.relpath(document.resolve(), alignment.resolve().parent)


def _write_tree(tree: etree._ElementTree, path: Path) -> None:
    data = etree.tostring(tree, encoding="utf-8", xml_declaration=True)
    with atomic_output(path) as stream:
        stream.write(data if data.endswith(b"\n") else data + b"\n")


def _document_tree(review: Review, side: str, name: str) -> tuple[etree._ElementTree, list[etree._Element]]:
    """An InterCorp-style document: ``<p id="N">`` per paragraph, ``<s id="N:M">`` per sentence."""
    root = etree.Element("doc", nsmap=NSMAP, id=name, language=side)
    source = review.zh_source if side == "zh" else review.en_source
    if source:
        root.set(f"{_T}source", source)
    root.text = "\n"
    elements = []
    paragraph: etree._Element | None = None
    previous = None
    count = 0
    for sentence in review.sentences(side):
        if paragraph is None or sentence.paragraph != previous:
            previous = sentence.paragraph
            paragraph = etree.SubElement(root, "p", id=str(len(root) + 1))
            if sentence.label:
                paragraph.set(f"{_T}label", sentence.label)
            paragraph.text = "\n"
            paragraph.tail = "\n"
            count = 0
        count += 1
        element = etree.SubElement(paragraph, "s", id=f"{paragraph.get('id')}:{count}")
        element.text = clean_xml_text(sentence.text)
        if sentence.original is not None:
            element.set(f"{_T}original", clean_xml_text(sentence.original))
        element.tail = "\n"
        elements.append(element)
    return etree.ElementTree(root), elements


def write_intertext(review: Review, path: Path) -> IntertextFile:
    """Write ``review`` as a new alignment file at ``path`` with its two documents beside it."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a directory")
    zh_path, en_path = document_paths(path)
    stem = zh_path.name[: -len(".zh.xml")]
    trees, elements = {}, {}
    for side in SIDES:
        trees[side], elements[side] = _document_tree(review, side, stem)
    result = IntertextFile(path, zh_path, en_path, trees, elements, review)
    result._write_documents(SIDES)
    result.save()
    return result


def _parse(path: Path) -> etree._ElementTree:
    if not path.is_file():
        raise InputError(f"cannot read {path}: " + ("it is a directory" if path.is_dir() else "no such file"))
    try:
        return etree.parse(str(path), safe_parser(remove_blank_text=False, huge_tree=True))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else "?"
        raise InputError(f"{path}:{line}: not well-formed XML: {exc.msg}") from None


def _language(tree: etree._ElementTree, elements: list[etree._Element]) -> str | None:
    root = tree.getroot()
    code = (root.get("language") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
    if code[:2] in SIDES:
        return code[:2]
    sample = "".join("".join(element.itertext()) for element in elements[:50])
    if not sample.strip():
        return None
    return "zh" if len(_HAN.findall(sample)) > len(sample) / 5 else "en"


def _index(tree: etree._ElementTree, path: Path) -> dict[str, etree._Element]:
    index: dict[str, etree._Element] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        identifier = element.get("id")
        if identifier is None:
            continue
        if identifier in index:
            raise InputError(f"{path}:{element.sourceline}: id {identifier!r} is used twice")
        index[identifier] = element
    return index


def _split_targets(value: str) -> tuple[list[str], list[str]]:
    if value.count(";") != 1:
        raise ValueError
    left, right = value.split(";")
    return left.split(), right.split()


def read_intertext(path: Path) -> IntertextFile:
    """Read an alignment file and the two documents it names; :class:`InputError` in one line if broken."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an alignment file")
    tree = _parse(path)
    root = tree.getroot()
    if root.tag != "linkGrp":
        raise InputError(f"{path}: not an InterText alignment (root element <{root.tag}>, expected <linkGrp>)")
    names = {"toDoc": root.get("toDoc"), "fromDoc": root.get("fromDoc")}
    for attribute, name in names.items():
        if not name:
            raise InputError(f"{path}: <linkGrp> has no {attribute} (the document it aligns)")
    docs = {attribute: path.parent / name for attribute, name in names.items()}
    trees = {attribute: _parse(doc) for attribute, doc in docs.items()}
    indexes = {attribute: _index(trees[attribute], docs[attribute]) for attribute in docs}
    raw_links: list[tuple[list[str], list[str], etree._Element]] = []
    for element in root:
        if element.tag != "link":
            continue
        try:
            to_ids, from_ids = _split_targets(element.get("xtargets", ""))
        except ValueError:
            raise InputError(f"{path}:{element.sourceline}: xtargets {element.get('xtargets')!r} "
                             "is not 'ids;ids'") from None
        kind = element.get("type")
        if kind is not None and kind != f"{len(to_ids)}-{len(from_ids)}":
            raise InputError(f"{path}:{element.sourceline}: type {kind!r} does not match xtargets "
                             f"{element.get('xtargets')!r}")
        for ids, attribute in ((to_ids, "toDoc"), (from_ids, "fromDoc")):
            for identifier in ids:
                if identifier not in indexes[attribute]:
                    raise InputError(f"{path}:{element.sourceline}: id {identifier!r} is not in {docs[attribute]}")
        raw_links.append((to_ids, from_ids, element))
    if not raw_links:
        raise InputError(f"{path}: the alignment has no links")
    positions = {}
    elements = {}
    for slot, attribute in ((0, "toDoc"), (1, "fromDoc")):
        linked = [indexes[attribute][i] for link in raw_links for i in link[slot]]
        elements[attribute] = _document_order(linked, trees[attribute], docs[attribute], path)
        positions[attribute] = {id(element): k for k, element in enumerate(elements[attribute])}
    to_lang = _language(trees["toDoc"], elements["toDoc"])
    from_lang = _language(trees["fromDoc"], elements["fromDoc"])
    if to_lang == from_lang:
        to_lang, from_lang = "zh", "en"  # tmkit's own layout when the documents do not say
    side_of = {"toDoc": to_lang, "fromDoc": from_lang}
    attribute_of = {side: attribute for attribute, side in side_of.items()}
    links = []
    for to_ids, from_ids, element in raw_links:
        ids = {"toDoc": to_ids, "fromDoc": from_ids}
        indices = {side_of[a]: tuple(positions[a][id(indexes[a][i])] for i in ids[a]) for a in ids}
        links.append(_link(indices["zh"], indices["en"], element, path))
    sentences = {side: _sentences(elements[attribute_of[side]]) for side in SIDES}
    options = {option.get("name", ""): option.get("value", "") for option in root.iter(f"{_T}option")}
    min_score = root.get(f"{_T}min-score")
    review = Review(zh=sentences["zh"], en=sentences["en"], links=links,
                    zh_source=root.get(f"{_T}zh-source", ""), en_source=root.get(f"{_T}en-source", ""),
                    options=options, min_score=float(min_score) if min_score else None)
    try:
        review.check()
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    return IntertextFile(path, docs[attribute_of["zh"]], docs[attribute_of["en"]],
                         {side: trees[attribute_of[side]] for side in SIDES},
                         {side: elements[attribute_of[side]] for side in SIDES}, review)


def _document_order(linked: list[etree._Element], tree: etree._ElementTree, doc: Path,
                    alignment: Path) -> list[etree._Element]:
    """The linked elements in document order; every element like them must be linked, once."""
    seen = {id(element) for element in linked}
    if len(seen) != len(linked):
        raise InputError(f"{alignment}: a sentence of {doc} is in two links")
    tags = {element.tag for element in linked}
    ordered = [element for element in tree.iter() if id(element) in seen]
    if ordered != linked:
        first = next(k for k, (a, b) in enumerate(zip(ordered, linked)) if a is not b)
        raise InputError(f"{alignment}: links cross at {doc} sentence {linked[first].get('id')!r} "
                         "(tmkit keeps links in document order)")
    for element in tree.iter(*tags):
        if id(element) not in seen and element.get("id") is not None:
            raise InputError(f"{alignment}: {doc} sentence {element.get('id')!r} is in no link")
    return ordered


def _sentences(elements: list[etree._Element]) -> list[Sentence]:
    result = []
    parents: dict[int, int] = {}
    for element in elements:
        parent = element.getparent()
        paragraph = parents.setdefault(id(parent), len(parents))
        label = parent.get(f"{_T}label") if parent is not None else None
        result.append(Sentence(text="".join(element.itertext()).strip(), paragraph=paragraph, label=label,
                               original=element.get(f"{_T}original")))
    return result


def _link(zh: tuple[int, ...], en: tuple[int, ...], element: etree._Element, path: Path) -> ReviewLink:
    status = element.get("status", STATUS_REVIEWED)
    score = element.get(f"{_T}score")
    try:
        value = float(score) if score is not None else None
    except ValueError:
        raise InputError(f"{path}:{element.sourceline}: tmkit:score {score!r} is not a number") from None
    reviewed = (element.get(f"{_T}reviewed") or REVIEWED_UNDATED) if status == STATUS_REVIEWED else None
    flag = element.get(f"{_T}flag") or ("marked" if element.get("mark", "0") not in ("", "0") else "")
    return ReviewLink(zh=zh, en=en, score=value, reviewed=reviewed, flag=flag)

