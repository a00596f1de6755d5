"""Every command against a catalogue of bad inputs and bad surroundings.

Each case runs one command line (in this process, through click's test runner) in a
fresh folder next to a kit of input files, and checks what the README promises for
bad input: the expected exit status, exactly one line on stderr, no traceback, no
output file created or changed, and every input file (and every other file) exactly
as it was. A few cases are not failures but losses that must be *counted*: they exit
0 and their one stderr line must say what was left out.

The catalogue is data (:data:`CASES`); adding a bad input is adding a row.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLES, FIXTURES
from tmkit.cli import cli

ZH_TEXT = (EXAMPLES / "sdg16.zh.txt").read_text(encoding="utf-8")
EN_TEXT = (EXAMPLES / "sdg16.en.txt").read_text(encoding="utf-8")

FRENCH = (
    "Le Conseil de sécurité a examiné la situation au Soudan du Sud et a pris note du rapport du "
    "Secrétaire général. Les membres du Conseil ont souligné que la protection des civils est une "
    "priorité et qu'il faut que les parties respectent le cessez-le-feu. La Mission des Nations Unies "
    "continue de travailler avec le gouvernement pour la mise en œuvre de l'accord de paix. Le Conseil "
    "a décidé de proroger le mandat de la Mission jusqu'au 15 mars et de rester saisi de la question.\n"
) * 4
JAPANESE = (
    "安全保障理事会は南スーダンの情勢について審議し、事務総長の報告に留意した。理事会のメンバーは、"
    "文民の保護が優先事項であり、当事者が停戦を尊重しなければならないことを強調した。国際連合の"
    "ミッションは、和平合意の実施のために政府と協力し続けている。理事会は、ミッションの任務を"
    "3月15日まで延長することを決定した。\n"
) * 4


def _tmx(units: str, header: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
        'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" '
        f'datatype="plaintext"{header}/><body>{units}</body></tmx>\n'
    )


def _tu(n: int, zh: str = "联合国。", en: str = "United Nations.", score: str | None = "0.9") -> str:
    prop = f'<prop type="x-score">{score}</prop>' if score is not None else ""
    return (f'<tu tuid="d:{n}">{prop}<tuv xml:lang="zh-CN"><seg>{zh}{n}</seg></tuv>'
            f'<tuv xml:lang="en-US"><seg>{en} {n}</seg></tuv></tu>')


def _docx_with_entity(path: Path) -> None:
    """A Word file whose document.xml declares an entity and uses it in a paragraph."""
    import docx

    document = docx.Document()
    document.add_paragraph("安全理事会审议了该项目。")
    document.add_paragraph("PLACEHOLDER")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                head, rest = text.split("?>", 1)
                text = head + '?><!DOCTYPE w:document [<!ENTITY un "联合国会员国">]>' + rest
                data = text.replace("PLACEHOLDER", "&un;都参加了会议。").encode("utf-8")
            target.writestr(item, data)


SRX_WITH_ENTITY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE srx [<!ENTITY stop "[\\.\\?!]">]>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
<header segmentsubflows="yes" cascade="yes"/>
<body><languagerules><languagerule languagerulename="all">
<rule break="yes"><beforebreak>&stop;</beforebreak><afterbreak>\\s</afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="all"/></maprules></body></srx>
"""


def make_kit(kit: Path) -> None:
    """The input files every case reads (good ones and bad ones)."""
    (kit / "zh.txt").write_text(ZH_TEXT, encoding="utf-8")
    (kit / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    (kit / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (kit / "ja.txt").write_text(JAPANESE, encoding="utf-8")
    (kit / "empty.txt").write_bytes(b"")
    (kit / "blank.txt").write_bytes(b" \n\n\t\n")
    (kit / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (kit / "folder").mkdir()
    (kit / "folder" / "a.txt").write_text("x", encoding="utf-8")
    (kit / "good.tmx").write_text(_tmx("".join(_tu(n) for n in range(1, 6))), encoding="utf-8")
    (kit / "other.tmx").write_text(_tmx("".join(_tu(n, zh="会议。") for n in range(1, 4))), encoding="utf-8")
    (kit / "broken.tmx").write_text(_tmx(_tu(1) + "<tu><tuv>"), encoding="utf-8")
    (kit / "empty.tmx").write_bytes(b"")
    (kit / "binary.tmx").write_bytes(bytes(range(256)) * 16)
    (kit / "notmx.tmx").write_text('<?xml version="1.0"?><html><body>hi</body></html>', encoding="utf-8")
    (kit / "nan.tmx").write_text(_tmx(_tu(1, score="nan") + _tu(2, score="0.5")), encoding="utf-8")
    one_sided = "".join(f'<tu tuid="o:{n}"><tuv xml:lang="zh-CN"><seg>只有中文{n}</seg></tuv></tu>' for n in range(5))
    (kit / "onesided.tmx").write_text(_tmx(one_sided + _tu(9)), encoding="utf-8")
    (kit / "gold.links").write_text("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n", encoding="utf-8")
    (kit / "empty.links").write_bytes(b"")
    (kit / "nonsense.links").write_text("this is not a links file\n", encoding="utf-8")
    (kit / "test.links").write_text("[0]:[1]\n[1]:[2]\n[2]:[3]\n[3]:[4]\n[4]:[5]\n", encoding="utf-8")
    (kit / "reversed.links").write_text("[1]:[0]\n[2]:[1]\n[3]:[2]\n[4]:[3]\n[5]:[4]\n", encoding="utf-8")
    zh_lines = [f"第{n}句话在这里。" for n in range(20)]
    en_lines = [f"Sentence {n} is here." for n in range(20)]
    (kit / "zh.lines").write_text("\n".join(zh_lines) + "\n", encoding="utf-8")
    (kit / "en.lines").write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    (kit / "one.links").write_text("[0]:[0]\n", encoding="utf-8")
    (kit / "badheader.tsv").write_text("source\ttarget\n联合国\tUnited Nations\n会议\tmeeting\n", encoding="utf-8")
    (kit / "gbk.tsv").write_bytes("联合国\tUnited Nations\n".encode("gbk"))
    (kit / "entity.srx").write_text(SRX_WITH_ENTITY, encoding="utf-8")
    _docx_with_entity(kit / "entity.docx")
    (kit / "broken.tbx").write_text("<tbx><text><body>", encoding="utf-8")
    (kit / "termbase").mkdir()
    shutil.copy(FIXTURES / "termbase" / "organs.yaml", kit / "termbase" / "organs.yaml")
    (kit / "brokentb").mkdir()
    (kit / "brokentb" / "bad.yaml").write_text("concepts: [1, 2\n", encoding="utf-8")
    (kit / "docs" / "zh").mkdir(parents=True)
    (kit / "docs" / "en").mkdir(parents=True)
    (kit / "docs" / "zh" / "a.txt").write_text(ZH_TEXT, encoding="utf-8")
    (kit / "docs" / "en" / "a.txt").write_text(EN_TEXT, encoding="utf-8")
    (kit / "nodocs").mkdir()
    (kit / "plain-file").write_text("not a folder\n", encoding="utf-8")
    (kit / "fake.docx").write_text("not a zip file", encoding="utf-8")
    (kit / "fake.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (kit / "empty.html").write_text("<html><head><title>x</title></head><body><script>1</script></body></html>",
                                    encoding="utf-8")
    (kit / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(200))
    (kit / "zh-utf16.txt").write_bytes(ZH_TEXT.encode("utf-16"))
    (kit / "past-end.links").write_text("[0]:[0]\n[40]:[1]\n", encoding="utf-8")
    (kit / "empty.tsv").write_bytes(b"")
    (kit / "binary.tsv").write_bytes(bytes(range(256)) * 8)
    (kit / "pairs-binary.tsv").write_bytes(bytes(range(256)) * 8)


@dataclass(frozen=True)
class Case:
    """One command line and what it must do.

    ``argv`` may name ``{k}`` (the kit of inputs) and ``{w}`` (this case's own empty
    folder). ``expect`` is a piece of the one stderr line (case-insensitive); ``exit`` 2
    is a usage error, reported by click in its own few lines.
    ``exit`` 0 marks a loss that must be counted, where ``created`` lists the outputs
    the run may write. ``setup`` prepares ``{w}`` (links, devices) before the run.
    """

    id: str
    argv: tuple[str, ...]
    expect: str = ""
    exit: int = 1
    created: tuple[str, ...] = ()
    setup: Callable[[Path, Path], None] | None = None
    env: dict[str, str] = field(default_factory=dict)


def symlink_to(target: str, name: str) -> Callable[[Path, Path], None]:
    def setup(kit: Path, work: Path) -> None:
        (work / name).symlink_to(kit / target)
    return setup


def directory(name: str) -> Callable[[Path, Path], None]:
    def setup(kit: Path, work: Path) -> None:
        (work / name).mkdir()
    return setup


# Commands that write one output file, with the input they read (so "-o is the input" can be tried).
WRITERS: dict[str, tuple[tuple[str, ...], str, str]] = {
    # name: (argv before -o, input file the output may collide with, output extension)
    "align": (("align", "{k}/zh.txt", "{k}/en.txt"), "zh.txt", "tmx"),
    "segment": (("segment", "{k}/zh.txt", "--lang", "zh"), "zh.txt", "txt"),
    "tmx-merge": (("tmx", "merge", "{k}/good.tmx", "{k}/other.tmx"), "good.tmx", "tmx"),
    "tmx-filter": (("tmx", "filter", "{k}/good.tmx", "--min-score", "0.5"), "good.tmx", "tmx"),
    "tmx-convert": (("tmx", "convert", "{k}/good.tmx"), "good.tmx", "tsv"),
    "termbase-build": (("termbase", "build", "{k}/termbase"), "termbase/organs.yaml", "tbx"),
    "terms-extract": (("terms", "extract", "{k}/good.tmx", "--termbase", "{k}/termbase"), "good.tmx", "tsv"),
    "terms-check": (("terms", "check", "{k}/good.tmx", "--termbase", "{k}/termbase"), "good.tmx", "tsv"),
}


def output_cases() -> list[Case]:
    """Every writer against the output paths that must be refused before any work."""
    cases = []
    for name, (argv, source, ext) in WRITERS.items():
        cases += [
            Case(f"{name}/o-is-directory", (*argv, "-o", "{w}/out"), "directory", setup=directory("out")),
            Case(f"{name}/o-is-the-input", (*argv, "-o", f"{{k}}/{source}"), "input"),
            Case(f"{name}/o-links-to-the-input", (*argv, "-o", f"{{w}}/link.{ext}"), "input",
                 setup=symlink_to(source, f"link.{ext}")),
            Case(f"{name}/o-in-missing-folder", (*argv, "-o", f"{{w}}/missing/out.{ext}"), "missing"),
            Case(f"{name}/o-under-a-file", (*argv, "-o", f"{{k}}/plain-file/out.{ext}"), "not a folder"),
        ]
    return cases


ALIGN = ("align", "{k}/zh.txt", "{k}/en.txt")
SMALL_TB = ("--termbase", "{k}/termbase")  # the curated termbase takes seconds to load

CASES: list[Case] = output_cases() + [
    # align: inputs
    Case("align/zh-missing", ("align", "{k}/nothing.txt", "{k}/en.txt", "-o", "{w}/o.tmx"), "no such file"),
    Case("align/zh-empty", ("align", "{k}/empty.txt", "{k}/en.txt", "-o", "{w}/o.tmx"), "empty"),
    Case("align/zh-blank", ("align", "{k}/blank.txt", "{k}/en.txt", "-o", "{w}/o.tmx"), "empty"),
    Case("align/zh-binary", ("align", "{k}/binary.txt", "{k}/en.txt", "-o", "{w}/o.tmx"), "not a text file"),
    Case("align/zh-is-directory", ("align", "{k}/folder", "{k}/en.txt", "-o", "{w}/o.tmx"), "directory"),
    Case("align/swapped", ("align", "{k}/en.txt", "{k}/zh.txt", "-o", "{w}/o.tmx"), "expected Chinese"),
    Case("align/french-as-english", ("align", "{k}/zh.txt", "{k}/fr.txt", "-o", "{w}/o.tmx"), "French"),
    Case("align/japanese-as-chinese", ("align", "{k}/ja.txt", "{k}/en.txt", "-o", "{w}/o.tmx"), "Japanese"),
    Case("align/docx-entity", ("align", "{k}/entity.docx", "{k}/en.txt", "-o", "{w}/o.tmx"), "entit"),
    Case("align/srx-entity", (*ALIGN, "-o", "{w}/o.tmx", "--srx", "{k}/entity.srx"), "entit"),
    Case("align/srx-missing", (*ALIGN, "-o", "{w}/o.tmx", "--srx", "{k}/none.srx"), "srx"),
    Case("align/unknown-extension", ("align", "{k}/zh.txt", "{k}/en.txt", "-o", "{w}/o.xlsx"), "format"),
    Case("align/same-lang-codes", (*ALIGN, "-o", "{w}/o.tmx", "--zh-lang", "en-US"), "language code"),
    Case("align/equal-lang-codes", (*ALIGN, "-o", "{w}/o.tmx", "--zh-lang", "zh", "--en-lang", "zh"),
         "language code"),
    Case("align/empty-lang-code", (*ALIGN, "-o", "{w}/o.tmx", "--zh-lang", ""), "language code"),
    Case("align/markup-lang-code", (*ALIGN, "-o", "{w}/o.tmx", "--en-lang", 'en"<&'), "language code"),
    Case("align/unaligned-in-missing-folder",
         (*ALIGN, "-o", "{w}/o.tmx", "--unaligned", "{w}/missing/u.tsv"), "missing"),
    Case("align/unaligned-is-directory", (*ALIGN, "-o", "{w}/o.tmx", "--unaligned", "{w}/u"), "directory",
         setup=directory("u")),
    Case("align/unaligned-is-the-output", (*ALIGN, "-o", "{w}/o.tsv", "--unaligned", "{w}/o.tsv"), "twice"),
    Case("align/unaligned-is-an-input", (*ALIGN, "-o", "{w}/o.tmx", "--unaligned", "{k}/en.txt"), "input"),
    Case("align/too-large", (*ALIGN, "-o", "{w}/o.tmx"), "memory", env={"TMKIT_MEMORY_LIMIT": "1MB"}),
    # segment
    Case("segment/empty", ("segment", "{k}/empty.txt", "--lang", "zh"), "empty"),
    Case("segment/binary", ("segment", "{k}/binary.txt", "--lang", "en"), "not a text file"),
    Case("segment/wrong-language", ("segment", "{k}/zh.txt", "--lang", "en"), "expected English"),
    Case("segment/french", ("segment", "{k}/fr.txt", "--lang", "en"), "French"),
    Case("segment/japanese", ("segment", "{k}/ja.txt", "--lang", "zh"), "Japanese"),
    Case("segment/unsupported", ("segment", "{k}/good.tmx", "--lang", "zh"), "cannot read"),
    Case("segment/srx-entity", ("segment", "{k}/en.txt", "--lang", "en", "--srx", "{k}/entity.srx"), "entit"),
    # eval
    Case("eval/empty-gold", ("eval", "{k}/empty.links", "{k}/test.links"), "no links"),
    Case("eval/empty-test", ("eval", "{k}/gold.links", "{k}/empty.links"), "no links"),
    Case("eval/missing-gold", ("eval", "{k}/none.links", "{k}/test.links"), "no such"),
    Case("eval/nonsense-gold", ("eval", "{k}/nonsense.links", "{k}/test.links"), "nonsense.links"),
    Case("eval/reversed-gold", ("eval", "{k}/reversed.links", "{k}/test.links"), "[en]:[zh]", exit=0),
    # tmx stats
    Case("tmx-stats/malformed", ("tmx", "stats", "{k}/broken.tmx"), "broken.tmx"),
    Case("tmx-stats/empty", ("tmx", "stats", "{k}/empty.tmx"), "empty.tmx"),
    Case("tmx-stats/binary", ("tmx", "stats", "{k}/binary.tmx"), "binary.tmx"),
    Case("tmx-stats/not-tmx", ("tmx", "stats", "{k}/notmx.tmx"), "notmx.tmx"),
    Case("tmx-stats/missing", ("tmx", "stats", "{k}/none.tmx"), "none.tmx"),
    Case("tmx-stats/directory", ("tmx", "stats", "{k}/folder"), "directory"),
    # tmx merge
    Case("tmx-merge/malformed", ("tmx", "merge", "{k}/good.tmx", "{k}/broken.tmx", "-o", "{w}/o.tmx"), "broken.tmx"),
    Case("tmx-merge/equal-lang-codes",
         ("tmx", "merge", "{k}/good.tmx", "-o", "{w}/o.tmx", "--zh-lang", "en", "--en-lang", "en"), "language code"),
    Case("tmx-merge/markup-lang-code", ("tmx", "merge", "{k}/good.tmx", "-o", "{w}/o.tmx", "--zh-lang", "<zh>"),
         "language code"),
    Case("tmx-merge/o-twice-an-input", ("tmx", "merge", "{k}/good.tmx", "{k}/good.tmx", "-o", "{w}/o.tmx"),
         "twice"),
    Case("tmx-merge/skipped-counted", ("tmx", "merge", "{k}/onesided.tmx", "-o", "{w}/o.tmx"),
         "5 <tu> without both", exit=0, created=("o.tmx",)),
    # tmx filter
    Case("tmx-filter/malformed", ("tmx", "filter", "{k}/broken.tmx", "-o", "{w}/o.tmx", "--min-score", "0.5"),
         "broken.tmx"),
    Case("tmx-filter/equal-lang-codes",
         ("tmx", "filter", "{k}/good.tmx", "-o", "{w}/o.tmx", "--min-score", "0.5", "--zh-lang", "en-US"),
         "language code"),
    Case("tmx-filter/one-sided-counted", ("tmx", "filter", "{k}/onesided.tmx", "-o", "{w}/o.tmx", "--min-score", "0"),
         "5 <tu> without both", exit=0, created=("o.tmx",)),
    Case("tmx-filter/nan-is-unscored", ("tmx", "filter", "{k}/nan.tmx", "-o", "{w}/o.tmx", "--min-score", "1.0"),
         "0 units kept", exit=0, created=("o.tmx",)),
    # tmx stats with odd scores: counted, not a crash
    Case("tmx-stats/nan-score", ("tmx", "stats", "{k}/nan.tmx"), "", exit=0),
    # tmx convert
    Case("tmx-convert/header-without-zh-en", ("tmx", "convert", "{k}/badheader.tsv", "-o", "{w}/o.tmx"), "zh"),
    Case("tmx-convert/gbk-tsv", ("tmx", "convert", "{k}/gbk.tsv", "-o", "{w}/o.tmx"), "1 units written",
         exit=0, created=("o.tmx",)),
    Case("tmx-convert/links-partial",
         ("tmx", "convert", "{k}/one.links", "--zh", "{k}/zh.lines", "--en", "{k}/en.lines", "-o", "{w}/o.tmx"),
         "19 zh and 19 en sentences in no link", exit=0, created=("o.tmx",)),
    Case("tmx-convert/malformed", ("tmx", "convert", "{k}/broken.tmx", "-o", "{w}/o.tsv"), "broken.tmx"),
    Case("tmx-convert/unknown-extension", ("tmx", "convert", "{k}/good.tmx", "-o", "{w}/o.xlsx"), "extension"),
    Case("tmx-convert/empty-lang-code", ("tmx", "convert", "{k}/good.tmx", "-o", "{w}/o.tmx", "--to", "tmx",
                                         "--en-lang", ""), "language code"),
    Case("tmx-convert/unaligned-missing-folder",
         ("tmx", "convert", "{k}/one.links", "--zh", "{k}/zh.lines", "--en", "{k}/en.lines", "-o", "{w}/o.tmx",
          "--unaligned", "{w}/missing/u.tsv"), "missing"),
    # tmx validate
    Case("tmx-validate/missing", ("tmx", "validate", "{k}/none.tmx"), "none.tmx"),
    Case("tmx-validate/directory", ("tmx", "validate", "{k}/folder"), "1 error"),
    Case("tmx-validate/bad-dtd", ("tmx", "validate", "{k}/good.tmx", "--dtd", "{k}/binary.txt"), "DTD"),
    # termbase
    Case("termbase-build/xlsx", ("termbase", "build", "{k}/termbase", "-o", "{w}/t.xlsx"), "format"),
    Case("termbase-build/broken-source", ("termbase", "build", "{k}/brokentb", "-o", "{w}/t.tbx"), "bad.yaml"),
    Case("termbase-build/not-a-termbase", ("termbase", "build", "{k}/nodocs", "-o", "{w}/t.tbx"), "nodocs"),
    Case("termbase-check/empty-folder", ("termbase", "check", "{k}/nodocs"), "no termbase files"),
    Case("termbase-validate/malformed", ("termbase", "validate", "{k}/broken.tbx"), "broken.tbx"),
    Case("termbase-validate/binary", ("termbase", "validate", "{k}/binary.txt"), "binary.txt"),
    Case("termbase-validate/missing", ("termbase", "validate", "{k}/none.tbx"), "none.tbx"),
    # terms
    Case("terms-extract/malformed", ("terms", "extract", "{k}/broken.tmx", "-o", "{w}/c.tsv", *SMALL_TB), "broken.tmx"),
    Case("terms-extract/empty", ("terms", "extract", "{k}/empty.tmx", "-o", "{w}/c.tsv", *SMALL_TB), "empty.tmx"),
    Case("terms-extract/bad-termbase",
         ("terms", "extract", "{k}/good.tmx", "-o", "{w}/c.tsv", "--termbase", "{k}/broken.tbx"), "broken.tbx"),
    Case("terms-check/malformed", ("terms", "check", "{k}/broken.tmx", "-o", "{w}/r.tsv", *SMALL_TB), "broken.tmx"),
    Case("terms-check/binary", ("terms", "check", "{k}/binary.tmx", "-o", "{w}/r.tsv", *SMALL_TB), "binary.tmx"),
    # more inputs, every reader
    Case("align/fake-docx", ("align", "{k}/fake.docx", "{k}/en.txt", "-o", "{w}/o.tmx"), "fake.docx"),
    Case("align/fake-pdf", ("align", "{k}/fake.pdf", "{k}/en.txt", "-o", "{w}/o.tmx"), "fake.pdf"),
    Case("align/html-without-text", ("align", "{k}/zh.txt", "{k}/empty.html", "-o", "{w}/o.tmx"), "empty.html"),
    Case("align/word-97", ("align", "{k}/old.doc", "{k}/en.txt", "-o", "{w}/o.tmx"), ".docx"),
    Case("align/en-binary", ("align", "{k}/zh.txt", "{k}/binary.txt", "-o", "{w}/o.tmx"), "not a text file"),
    Case("align/en-blank", ("align", "{k}/zh.txt", "{k}/blank.txt", "-o", "{w}/o.tmx"), "empty"),
    Case("align/utf16-as-english", ("align", "{k}/zh.txt", "{k}/zh-utf16.txt", "-o", "{w}/o.tmx"),
         "expected English"),
    Case("align/presegmented-empty", (*ALIGN[:1], "{k}/empty.txt", "{k}/en.txt", "-o", "{w}/o.tmx",
                                      "--presegmented"), "empty"),
    Case("align/termbase-missing", (*ALIGN, "-o", "{w}/o.tmx", "--termbase", "{k}/none.tbx"), "none.tbx"),
    Case("align/termbase-broken", (*ALIGN, "-o", "{w}/o.tmx", "--termbase", "{k}/broken.tbx"), "broken.tbx"),
    Case("align/termbase-not-yaml", (*ALIGN, "-o", "{w}/o.tmx", "--termbase", "{k}/brokentb"), "bad.yaml"),
    Case("segment/fake-docx", ("segment", "{k}/fake.docx", "--lang", "zh"), "fake.docx"),
    Case("segment/fake-pdf", ("segment", "{k}/fake.pdf", "--lang", "en"), "fake.pdf"),
    Case("segment/missing", ("segment", "{k}/none.txt", "--lang", "en"), "no such file"),
    Case("segment/directory", ("segment", "{k}/folder", "--lang", "en"), "directory"),
    Case("tmx-merge/empty", ("tmx", "merge", "{k}/empty.tmx", "-o", "{w}/o.tmx"), "empty.tmx"),
    Case("tmx-merge/binary", ("tmx", "merge", "{k}/binary.tmx", "-o", "{w}/o.tmx"), "binary.tmx"),
    Case("tmx-merge/not-tmx", ("tmx", "merge", "{k}/notmx.tmx", "-o", "{w}/o.tmx"), "notmx.tmx"),
    Case("tmx-merge/missing", ("tmx", "merge", "{k}/good.tmx", "{k}/none.tmx", "-o", "{w}/o.tmx"), "none.tmx"),
    Case("tmx-filter/empty", ("tmx", "filter", "{k}/empty.tmx", "-o", "{w}/o.tmx", "--min-score", "0.5"),
         "empty.tmx"),
    Case("tmx-filter/missing", ("tmx", "filter", "{k}/none.tmx", "-o", "{w}/o.tmx", "--min-score", "0.5"),
         "none.tmx"),
    Case("tmx-convert/links-past-the-end",
         ("tmx", "convert", "{k}/past-end.links", "--zh", "{k}/zh.lines", "--en", "{k}/en.lines", "-o", "{w}/o.tmx"),
         "past the end"),
    Case("tmx-convert/links-nonsense",
         ("tmx", "convert", "{k}/nonsense.links", "--zh", "{k}/zh.lines", "--en", "{k}/en.lines", "-o", "{w}/o.tmx"),
         "nonsense.links"),
    Case("tmx-convert/links-sentences-missing",
         ("tmx", "convert", "{k}/one.links", "--zh", "{k}/none.lines", "--en", "{k}/en.lines", "-o", "{w}/o.tmx"),
         "none.lines"),
    Case("tmx-convert/empty-tsv", ("tmx", "convert", "{k}/empty.tsv", "-o", "{w}/o.tmx"), "empty"),
    Case("tmx-convert/binary-tsv", ("tmx", "convert", "{k}/binary.tsv", "-o", "{w}/o.tmx"), "binary.tsv"),
    Case("tmx-validate/binary", ("tmx", "validate", "{k}/binary.tmx"), "binary.tmx"),
    Case("tmx-validate/empty", ("tmx", "validate", "{k}/empty.tmx"), "empty.tmx"),
    Case("terms-check/missing", ("terms", "check", "{k}/none.tmx", "-o", "{w}/r.tsv", *SMALL_TB), "none.tmx"),
    Case("terms-extract/termbase-not-yaml",
         ("terms", "extract", "{k}/good.tmx", "-o", "{w}/c.tsv", "--termbase", "{k}/brokentb"), "bad.yaml"),
    Case("termbase-build/missing-folder", ("termbase", "build", "{k}/nothing", "-o", "{w}/t.tbx"), "nothing"),
    Case("termbase-validate/directory", ("termbase", "validate", "{k}/folder"), "is a directory", exit=2),
    Case("eval/file-and-folder", ("eval", "{k}/gold.links", "{k}/folder"), "two files or two directories"),
    Case("batch/pairs-binary", ("batch", "--pairs", "{k}/pairs-binary.tsv", "-o", "{w}/out", "--jobs", "1"),
         "pairs-binary.tsv"),
    Case("batch/zh-folder-missing", ("batch", "{k}/nowhere", "{k}/docs/en", "-o", "{w}/out", "--jobs", "1"),
         "nowhere"),
    # batch
    Case("batch/o-is-a-file", ("batch", "{k}/docs", "-o", "{k}/plain-file", "--jobs", "1"), "not a folder"),
    Case("batch/o-under-a-file", ("batch", "{k}/docs", "-o", "{k}/plain-file/out", "--jobs", "1"), "not a folder"),
    Case("batch/o-is-an-input-folder", ("batch", "{k}/docs", "-o", "{k}/docs", "--jobs", "1"), "input"),
    Case("batch/no-pairs", ("batch", "{k}/nodocs", "-o", "{w}/out", "--jobs", "1"), "no document pairs"),
    Case("batch/equal-lang-codes", ("batch", "{k}/docs", "-o", "{w}/out", "--jobs", "1", "--zh-lang", "en",
                                    "--en-lang", "en"), "language code"),
    Case("batch/markup-lang-code", ("batch", "{k}/docs", "-o", "{w}/out", "--jobs", "1", "--zh-lang", "zh&"),
         "language code"),
    Case("batch/srx-entity", ("batch", "{k}/docs", "-o", "{w}/out", "--jobs", "1", "--srx", "{k}/entity.srx"),
         "entit"),
    Case("batch/srx-missing", ("batch", "{k}/docs", "-o", "{w}/out", "--jobs", "1", "--srx", "{k}/none.srx"),
         "srx"),
]


def snapshot(*folders: Path) -> dict[str, tuple]:
    """Every entry under ``folders``: kind, and content hash for files, target for links."""
    entries: dict[str, tuple] = {}
    for folder in folders:
        for path in [folder, *folder.rglob("*")]:
            if path.is_symlink():
                entries[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                entries[str(path)] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(),
                                      path.stat().st_mtime_ns)
            elif path.is_dir():
                entries[str(path)] = ("dir",)
            else:
                entries[str(path)] = ("other", path.stat().st_mode)
    return entries


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kit")
    make_kit(folder)
    return folder


def run_case(case: Case, kit: Path, work: Path, monkeypatch) -> tuple:
    """Run one case; return (result, stderr lines, what changed on disk)."""
    if case.setup:
        case.setup(kit, work)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    argv = [arg.replace("{k}", str(kit)).replace("{w}", str(work)) for arg in case.argv]
    before = snapshot(kit, work)
    result = CliRunner().invoke(cli, argv, catch_exceptions=True)
    after = snapshot(kit, work)
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    if any(path.startswith(str(kit)) for path in changed):  # a damaged kit must not fail the next cases too
        shutil.rmtree(kit)
        kit.mkdir()
        make_kit(kit)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return result, lines, changed


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, kit: Path, tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    result, lines, changed = run_case(case, kit, work, monkeypatch)
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"traceback: {result.exception!r}"
    assert "Traceback" not in result.stderr
    assert result.exit_code == case.exit, f"exit {result.exit_code}, stderr: {result.stderr!r}"
    allowed = {str(work / name) for name in case.created}
    assert [path for path in changed if path not in allowed] == [], "files changed"
    assert not [p for p in work.rglob("*.part")], "temporary file left behind"
    if case.exit == 1:  # (2 is a usage error: click's usage lines and the error)
        assert len(lines) == 1, f"stderr is not one line: {result.stderr!r}"
    assert case.expect.lower() in result.stderr.lower(), f"stderr: {result.stderr!r}"


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


# Ctrl-C in the middle of each kind of work: exit 130, one line, nothing written.
INTERRUPTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("align", "tmkit.pipeline.align_sentences", (*ALIGN, "-o", "{w}/o.tmx")),
    ("segment", "tmkit.io.decode.read_file_bytes", ("segment", "{k}/zh.txt", "--lang", "zh", "-o", "{w}/o.txt")),
    ("tmx-stats", "tmkit.tmx.reader.TmxReader.__iter__", ("tmx", "stats", "{k}/good.tmx")),
    ("tmx-merge", "tmkit.tmx.reader.TmxReader.__iter__", ("tmx", "merge", "{k}/good.tmx", "-o", "{w}/o.tmx")),
    ("tmx-filter", "tmkit.tmx.reader.TmxReader.__iter__",
     ("tmx", "filter", "{k}/good.tmx", "-o", "{w}/o.tmx", "--min-score", "0.5")),
    ("tmx-convert", "tmkit.tmx.reader.TmxReader.__iter__", ("tmx", "convert", "{k}/good.tmx", "-o", "{w}/o.tsv")),
    ("tmx-validate", "tmkit.tmx.commands.validate_tmx", ("tmx", "validate", "{k}/good.tmx")),
    ("eval", "tmkit.align.evaluate.score_links", ("eval", "{k}/gold.links", "{k}/test.links")),
    ("terms-extract", "tmkit.tmx.reader.TmxReader.__iter__",
     ("terms", "extract", "{k}/good.tmx", "-o", "{w}/c.tsv", *SMALL_TB)),
    ("termbase-build", "tmkit.termbase.cli.load_termbase", ("termbase", "build", "{k}/termbase", "-o", "{w}/t.tbx")),
    ("batch", "tmkit.pipeline.align_sentences", ("batch", "{k}/docs", "-o", "{w}/out", "--jobs", "1",
                                                 "--progress", "none")),
]


@pytest.mark.parametrize("name,target,argv", INTERRUPTS, ids=[name for name, _, _ in INTERRUPTS])
def test_ctrl_c_exits_130(name: str, target: str, argv: tuple[str, ...], kit: Path, tmp_path: Path,
                          monkeypatch) -> None:
    monkeypatch.setattr(target, _interrupt)
    work = tmp_path / "work"
    work.mkdir()
    result, lines, changed = run_case(Case(name, argv), kit, work, monkeypatch)
    assert result.exit_code == 130, f"exit {result.exit_code}, stderr: {result.stderr!r}"
    assert "Traceback" not in result.stderr
    assert lines and "interrupted" in lines[-1].lower()
    # (an interrupted batch keeps its output folder, holding only its lock file here)
    written = [path for path in changed if not Path(path).is_dir() and not path.endswith(".tmkit-batch.lock")]
    assert written == [], "files changed"


# --- Bad surroundings: links, devices, full disks, a second batch, a closed pipe ------------------------

def invoke(*argv: str):
    return CliRunner().invoke(cli, [str(arg) for arg in argv], catch_exceptions=True)


def test_an_output_symlink_is_written_through_and_stays_a_link(kit: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = invoke("segment", kit / "en.txt", "--lang", "en", "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert "Promote peaceful and inclusive societies" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_replacing_a_file_keeps_its_permissions(kit: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert invoke("segment", kit / "en.txt", "--lang", "en", "-o", out).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640


def character_device(path: Path, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (minor 7): a test of code that
    wrongly renames over a device must never be able to break the machine's own."""
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    import stat

    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return path


def test_a_device_is_written_to_not_replaced(kit: Path, tmp_path: Path) -> None:
    device = character_device(tmp_path / "null", 3)
    before = os.stat(device)
    result = invoke("tmx", "convert", kit / "good.tmx", "-o", device, "--to", "tsv")
    assert result.exit_code == 0, result.stderr
    after = os.stat(device)
    assert (after.st_mode, after.st_rdev, after.st_ino) == (before.st_mode, before.st_rdev, before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_named_pipe_is_streamed_to(kit: Path, tmp_path: Path) -> None:
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke("segment", kit / "en.txt", "--lang", "en", "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and b"Promote peaceful and inclusive societies" in received[0]


def test_a_full_device_is_one_line_and_exit_1(kit: Path, tmp_path: Path) -> None:
    device = character_device(tmp_path / "full", 7)
    result = invoke("segment", kit / "en.txt", "--lang", "en", "-o", device)
    assert result.exit_code == 1 and not isinstance(result.exception, OSError)
    assert result.stderr.count("\n") == 1 and "No space left on device" in result.stderr
    assert os.stat(device).st_rdev == os.makedev(1, 7)


def test_a_full_disk_leaves_the_old_output_and_no_temp_file(kit: Path, tmp_path: Path, monkeypatch) -> None:
    import errno

    out = tmp_path / "out.tmx"
    out.write_text("old memory\n", encoding="utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("tmkit.io.atomic.os.fsync", full)
    result = invoke("tmx", "merge", kit / "good.tmx", "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("No space left on device") and result.stderr.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "old memory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tmx"]


def test_a_second_batch_on_one_folder_is_refused_naming_the_first(kit: Path, tmp_path: Path) -> None:
    from tmkit.batch.lock import folder_lock

    out = tmp_path / "out"
    out.mkdir()
    with folder_lock(out):
        result = invoke("batch", kit / "docs", "-o", out, "--jobs", "1")
    assert result.exit_code == 1
    assert f"in use by another tmkit batch (pid {os.getpid()} on" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (out / "tmx").exists() and not (out / "manifest.jsonl").exists()
    assert invoke("batch", kit / "docs", "-o", out, "--jobs", "1").exit_code == 0  # released


def test_batch_unaligned_warnings_and_merged_date(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "zh").mkdir(parents=True)
    (docs / "en").mkdir()
    (docs / "zh" / "full.txt").write_text(ZH_TEXT, encoding="utf-8")
    (docs / "en" / "full.txt").write_text(EN_TEXT, encoding="utf-8")
    (docs / "zh" / "cut.txt").write_text(ZH_TEXT, encoding="utf-8")
    (docs / "en" / "cut.txt").write_text("\n\n".join(EN_TEXT.split("\n\n")[:3]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", docs, "-o", out, "--jobs", "1", "--unaligned", "--merge", "--progress", "log",
                    "--creation-date", "2020-01-02T03:04:05Z")
    assert result.exit_code == 0, result.stderr
    assert "the English document has only 3 sentences against" in result.stderr
    rows = (out / "unaligned" / "cut.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "document\tlang\tsentence\tparagraph\ttext" and len(rows) > 30
    assert (out / "unaligned" / "full.tsv").exists()
    assert 'creationdate="20200102T030405Z"' in (out / "merged.tmx").read_text(encoding="utf-8")


def test_batch_goes_on_when_its_stderr_pipe_closes(tmp_path: Path) -> None:
    import subprocess
    import sys

    docs = tmp_path / "docs"
    (docs / "zh").mkdir(parents=True)
    (docs / "en").mkdir()
    for n in range(4):
        (docs / "zh" / f"d{n}.txt").write_text(f"会议于2009年7月{n + 1}日举行。安全理事会审议了该项目。\n", encoding="utf-8")
        (docs / "en" / f"d{n}.txt").write_text(f"The meeting was held on {n + 1} July 2009. The Security Council "
                                               "considered the item.\n", encoding="utf-8")
    out = tmp_path / "out"
    command = f"{sys.executable} -m tmkit batch {docs} -o {out} --jobs 1 --progress log 2>&1 | head -1"
    shell = subprocess.run(["bash", "-c", f"{command}; exit ${{PIPESTATUS[0]}}"], capture_output=True, text=True,
                           timeout=120)
    assert shell.returncode == 0, shell.stdout + shell.stderr
    assert sorted(p.name for p in (out / "tmx").iterdir()) == [f"d{n}.tmx" for n in range(4)]
    assert len((out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()) == 4


def test_a_real_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text(ZH_TEXT * 150, encoding="utf-8")
    en.write_text(EN_TEXT * 150, encoding="utf-8")
    out = tmp_path / "out.tmx"
    process = subprocess.Popen([sys.executable, "-m", "tmkit", "align", str(zh), str(en), "-o", str(out)],
                               stderr=subprocess.PIPE, text=True)
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.txt", "zh.txt"]
