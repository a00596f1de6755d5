"""Which Chinese file goes with which English one.

UN collections name the language versions of a document in a handful of ways: the
Official Document System's language letter (``A_70_95_C.pdf`` / ``A_70_95_E.pdf``),
an ISO code (``N1512345-zh.docx``, ``S-2018-184-ZH.txt``, ``sdg16.zh.txt``), a short
word (``report_Ch.docx``, ``report (E).pdf``), or one folder per language holding
files of the same name. Pairing strips the language tag from each file name and
matches what is left, case-insensitively and whatever separator (``-``, ``_``, ``.``,
space) the symbol uses. Every file that finds no partner is reported, never dropped
silently: a batch that quietly aligns 290 of 300 documents is worse than one that
says which 10 it could not pair.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tmkit.errors import InputError
from tmkit.io.read import DOCX_SUFFIXES, HTML_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES

# Language tags at the end of a file stem. ``c``/``e`` (and the other ODS letters) are
# the UN's own; the rest are ISO 639 codes and the abbreviations people type.
LANGUAGE_TAGS: dict[str, frozenset[str]] = {
    "zh": frozenset({
        "c", "ch", "chi", "chn", "chs", "cht", "cn", "zh", "zho", "chinese", "zhcn", "zh-cn", "zh_cn",
        "zh-hans", "zh_hans", "zh-hant", "zh_hant", "zh-tw", "zh-hk", "zh-sg", "zh-chs", "zh-cht", "中文",
    }),
    "en": frozenset({"e", "en", "eng", "english", "en-us", "en_us", "en-gb", "en_gb", "英文"}),
    # The other official UN languages: recognised so that their files are reported as
    # "another language" rather than as Chinese or English documents without a partner.
    "other": frozenset({
        "a", "ar", "ara", "arabic", "f", "fr", "fra", "fre", "french", "r", "ru", "rus", "russian",
        "s", "es", "sp", "spa", "spanish", "o", "other",
    }),
}
# Folder names that hold one language's files (``zh/``, ``C/``, ``Chinese/``).
LANGUAGE_FOLDERS = {lang: LANGUAGE_TAGS[lang] for lang in ("zh", "en")}
READABLE_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
# When one language has the same document in several formats, the one with the most
# reliable structure wins (Word keeps headings and numbering; PDF text is rebuilt).
FORMAT_PREFERENCE = (".docx", ".html", ".htm", ".xhtml", ".txt", ".text", "", ".pdf")

# A two-part tag (``zh-CN``, ``en_US``) or one token, after a separator, maybe in brackets.
_TWO_PART_TAG = re.compile(r"[\s._-]\(?([a-z]{2}[-_][a-z]{2,4})\)?$", re.IGNORECASE)
_ONE_PART_TAG = re.compile(r"[\s._-]\(?([^\s._()-]+)\)?$")
_SEPARATORS = re.compile(r"[\s._-]+")


@dataclass(frozen=True)
class DocumentPair:
    """One Chinese document and its English equivalent, under a name for its outputs.

    ``name`` is a relative path without suffix (``2018/S_2018_184``): it names the
    document's TMX and its row in the report, and keeps documents of different folders
    apart.
    """

    name: str
    zh: Path
    en: Path


@dataclass
class Pairing:
    """The pairs found, and every file that is not in one (with the reason)."""

    pairs: list[DocumentPair] = field(default_factory=list)
    unpaired: list[tuple[Path, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Candidate:
    path: Path
    lang: str | None  # from the file name; None when the name has no tag
    base: str  # stem without the language tag, as written
    folder: str  # relative folder, "" at the top

    @property
    def key(self) -> str:
        return match_key(self.base, self.folder)

    @property
    def loose_key(self) -> str:
        return match_key(self.base, "")


def match_key(base: str, folder: str = "") -> str:
    """What two names must share to be the same document: case and separators ignored."""
    name = _SEPARATORS.sub("_", base.strip().lower()).strip("_")
    return f"{folder.lower()}/{name}" if folder else name


def split_language_tag(stem: str) -> tuple[str, str | None]:
    """``("A_70_95", "zh")`` for ``"A_70_95_C"``; ``(stem, None)`` when no tag ends the stem.

    A tag must follow a separator, so ``"ABC"`` is not read as document ``AB`` in
    language ``C``; ``"18-03413 (C)"`` has the tag ``C``.
    """
    for pattern in (_TWO_PART_TAG, _ONE_PART_TAG):
        match = pattern.search(stem)
        if not match:
            continue
        tag = match.group(1).lower()
        base = stem[: match.start()].rstrip(" ._-")
        for lang, tags in LANGUAGE_TAGS.items():
            if tag in tags and base:
                return base, lang
    return stem, None


def _document_files(root: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Readable files under ``root`` (recursively, hidden ones skipped), and the others."""
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    files, ignored = [], []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if _suffix(path) in READABLE_SUFFIXES:
            files.append(path)
        else:
            ignored.append((path, f"not a format tmkit reads ({path.suffix or 'no extension'})"))
    return files, ignored


def _suffix(path: Path) -> str:
    """The file's format suffix; ``sdg16.zh`` has none (``.zh`` is a language tag)."""
    suffix = path.suffix.lower()
    if suffix and split_language_tag(path.name)[1] is not None and suffix[1:] in _ALL_TAGS:
        return ""
    return suffix


_ALL_TAGS = frozenset().union(*LANGUAGE_TAGS.values())


def _stem(path: Path) -> str:
    """The name without its format suffix (``sdg16.zh`` keeps its ``.zh``)."""
    suffix = _suffix(path)
    return path.name[: len(path.name) - len(suffix)] if suffix else path.name


def _candidate(path: Path, root: Path) -> _Candidate:
    base, lang = split_language_tag(_stem(path))
    folder = path.parent.relative_to(root).as_posix()
    return _Candidate(path, lang, base, "" if folder == "." else folder)


def language_folders(root: Path) -> tuple[Path, Path] | None:
    """``(zh_dir, en_dir)`` when ``root`` holds one folder per language (``zh/``, ``en/``)."""
    found: dict[str, list[Path]] = defaultdict(list)
    for child in sorted(root.iterdir()) if root.is_dir() else []:
        if child.is_dir():
            for lang, names in LANGUAGE_FOLDERS.items():
                if child.name.lower() in names:
                    found[lang].append(child)
    if len(found["zh"]) == 1 and len(found["en"]) == 1:
        return found["zh"][0], found["en"][0]
    return None


def pair_directory(root: Path) -> Pairing:
    """Pair the documents of one folder: language folders inside it, or tagged names."""
    folders = language_folders(root)
    if folders:
        return pair_directories(*folders)
    return pair_directories(root, root)


def pair_directories(zh_dir: Path, en_dir: Path) -> Pairing:
    """Pair the Chinese documents under ``zh_dir`` with the English ones under ``en_dir``.

    Two different folders are language folders: an untagged name counts as that
    folder's language. One folder (``zh_dir == en_dir``) holds both languages, so only
    tagged names can be paired. Files are matched within the same relative folder
    first; what is left is matched by name alone where that is unambiguous (Chinese
    files filed by year, English ones flat).
    """
    same = zh_dir.resolve() == en_dir.resolve()
    unpaired: list[tuple[Path, str]] = []
    by_lang: dict[str, list[_Candidate]] = {"zh": [], "en": []}
    roots = [(zh_dir, None)] if same else [(zh_dir, "zh"), (en_dir, "en")]
    for root, folder_lang in roots:
        files, ignored = _document_files(root)
        unpaired += ignored
        for path in files:
            candidate = _candidate(path, root)
            if folder_lang is not None and candidate.lang != folder_lang:
                if candidate.lang in ("zh", "en"):
                    unpaired.append((path, f"the name says {_language_name(candidate.lang)} but the file "
                                           f"is in the {_language_name(folder_lang)} folder"))
                    continue
                # An untagged name, or one ending in a letter that is not Chinese or
                # English (``A_HRC_40_L_1``, ``..._A``): the whole stem names the document.
                candidate = _Candidate(path, folder_lang, _stem(path), candidate.folder)
            if candidate.lang is None:
                unpaired.append((path, "no language tag in the name (e.g. _C/_E, -zh/-en, .zh/.en)"))
            elif candidate.lang == "other":
                unpaired.append((path, "a language other than Chinese or English"))
            else:
                by_lang[candidate.lang].append(candidate)
    zh = _choose_formats(by_lang["zh"], unpaired)
    en = _choose_formats(by_lang["en"], unpaired)
    pairs = _match(zh, en, lambda c: c.key) + _match(zh, en, lambda c: c.loose_key)
    for side, other in ((zh, "English"), (en, "Chinese")):
        unpaired += [(c.path, f"no {other} file with the same name") for c in side.values()]
    return Pairing(sorted(pairs, key=lambda pair: pair.name), sorted(unpaired))


def _language_name(lang: str) -> str:
    return {"zh": "Chinese", "en": "English"}.get(lang, "another language")


def _choose_formats(candidates: list[_Candidate], unpaired: list[tuple[Path, str]]) -> dict[Path, _Candidate]:
    """One file per document and language; the same document in other formats is reported."""
    groups: dict[str, list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        groups[candidate.key].append(candidate)
    chosen = {}
    for group in groups.values():
        group.sort(key=lambda c: (_format_rank(c.path), c.path.name))
        chosen[group[0].path] = group[0]
        unpaired += [(other.path, f"same document as {group[0].path.name}, which is used") for other in group[1:]]
    return chosen


def _format_rank(path: Path) -> int:
    suffix = _suffix(path)
    return FORMAT_PREFERENCE.index(suffix) if suffix in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)


def _match(zh: dict[Path, _Candidate], en: dict[Path, _Candidate],
           key: Callable[[_Candidate], str]) -> list[DocumentPair]:
    """Pairs of candidates whose key occurs exactly once on each side.

    Matched candidates are removed from both dictionaries, so a later, looser round
    only sees what is left; a key shared by several files is never guessed at.
    """
    zh_groups: dict[str, list[_Candidate]] = defaultdict(list)
    en_groups: dict[str, list[_Candidate]] = defaultdict(list)
    for side, groups in ((zh, zh_groups), (en, en_groups)):
        for candidate in side.values():
            groups[key(candidate)].append(candidate)
    pairs = []
    for k in sorted(set(zh_groups) & set(en_groups)):
        if len(zh_groups[k]) == 1 and len(en_groups[k]) == 1:
            z, e = zh.pop(zh_groups[k][0].path), en.pop(en_groups[k][0].path)
            pairs.append(DocumentPair(name=f"{z.folder}/{z.base}" if z.folder else z.base, zh=z.path, en=e.path))
    return pairs


def read_pairs_file(path: Path) -> Pairing:
    """Explicit pairs: ``ZH_PATH<TAB>EN_PATH[<TAB>NAME]`` a line.

    Relative paths are relative to the pairs file, as in a playlist. Blank lines, ``#``
    comments and a ``zh<TAB>en`` header row are skipped. The name defaults to the
    Chinese file's stem without its language tag; duplicate names are an error, since
    two documents would write the same TMX.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the pairs file ({exc})") from None
    pairs, names = [], {}
    for number, row in enumerate(csv.reader(text.splitlines(), delimiter="\t"), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in row]
        if number == 1 and [c.lower() for c in cells[:2]] == ["zh", "en"]:
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InputError(f"{path}:{number}: expected ZH_PATH<TAB>EN_PATH[<TAB>NAME]")
        zh, en = (path.parent / cells[0], path.parent / cells[1])
        name = cells[2] if len(cells) > 2 and cells[2] else _default_name(zh)
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise InputError(f"{path}:{number}: the name {name!r} must be a relative path inside the output folder")
        if name in names:
            raise InputError(f"{path}:{number}: the name {name!r} is already used on line {names[name]}")
        names[name] = number
        pairs.append(DocumentPair(name=name, zh=zh, en=en))
    if not pairs:
        raise InputError(f"{path}: no pairs listed")
    return Pairing(pairs, [])


def _default_name(zh: Path) -> str:
    return split_language_tag(_stem(zh))[0]


def unique_names(pairs: Iterable[DocumentPair]) -> None:
    """Raise :class:`InputError` when two pairs would write the same output."""
    seen: dict[str, DocumentPair] = {}
    for pair in pairs:
        key = pair.name.lower()
        if key in seen:
            raise InputError(f"{pair.zh} and {seen[key].zh} would both be written as {pair.name}.tmx")
        seen[key] = pair
