"""Reading other tools' TMX: versions, languages, inline codes, encodings, hostile and broken files."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from translate.storage.tmx import tmxfile

from tests.conftest import shared_path
from tmkit.errors import InputError
from tmkit.tmx import TEXT_CHANGED_PROP, TmxReader, TranslationUnit, read_tmx, write_tmx
from tmkit.tmx.reader import INLINE_CODES_VALUE, units_and_languages

DATE = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)

TMX_11 = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
<header creationtool="Old" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="EN-US"
        srclang="EN-US" datatype="plaintext"/>
<body>
<tu tuid="7" creationdate="20010203T040506Z" creationid="ANNA">
<tuv lang="EN-US"><seg>Agenda item 4</seg></tuv>
<tuv lang="ZH-CN"><seg>议程项目4</seg></tuv>
</tu>
</body>
</tmx>
"""

MULTILINGUAL = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="Okapi" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en"
        datatype="html"/>
<body>
<tu tuid="a">
  <note>from the web</note>
  <prop type="x-domain">health</prop>
  <prop type="x-domain">covid</prop>
  <tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv>
  <tuv xml:lang="en-GB"><seg>Hello</seg></tuv>
  <tuv xml:lang="zh-TW"><seg>您好</seg></tuv>
  <tuv xml:lang="zh_CN"><seg>你好</seg></tuv>
</tu>
<tu tuid="b">
  <tuv xml:lang="en-GB"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> for {0}<ph x="2">%s</ph></seg></tuv>
  <tuv xml:lang="zh-CN" changedate="20200101T000000Z"><seg>点击<bpt i="1">&lt;b&gt;</bpt>这里<ept i="1">&lt;/b&gt;</ept></seg></tuv>
</tu>
<tu tuid="c"><tuv xml:lang="en-GB"><seg>Only English</seg></tuv><tuv xml:lang="fr"><seg>Seulement</seg></tuv></tu>
<tu tuid="d"><tuv xml:lang="zh-CN"><seg>只有中文</seg></tuv><tuv xml:lang="en"><seg>  </seg></tuv></tu>
</body>
</tmx>
"""


def write(tmp_path: Path, text: str, name: str = "in.tmx", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_tmx_11_with_lang_attribute_and_dates(tmp_path: Path) -> None:
    reader = TmxReader(write(tmp_path, TMX_11))
    (unit,) = list(reader)
    assert (unit.zh, unit.en, unit.tuid) == ("议程项目4", "Agenda item 4", "7")
    assert unit.attributes == {"creationdate": "20010203T040506Z", "creationid": "ANNA"}
    assert reader.header.version == "1.1" and reader.header.attributes["creationtool"] == "Old"
    assert reader.stats.zh_codes == {"ZH-CN": 1} and reader.stats.en_codes == {"EN-US": 1}


def test_multilingual_units_pick_languages_and_count_the_rest(tmp_path: Path) -> None:
    reader = TmxReader(write(tmp_path, MULTILINGUAL))
    first, second = list(reader)
    assert (first.zh, first.en) == ("您好", "Hello")  # the first Chinese variant by default
    assert first.notes == ("from the web",)
    assert first.props == {"x-domain": ("health", "covid")}
    assert reader.stats.units == 2 and reader.stats.missing_zh == 1 and reader.stats.missing_en == 1
    assert reader.stats.other_codes == {"fr-FR": 1, "fr": 1}


def test_preferred_variant_by_exact_code(tmp_path: Path) -> None:
    (first, _) = list(read_tmx(write(tmp_path, MULTILINGUAL), zh_lang="zh-CN"))
    assert first.zh == "你好"


def test_inline_codes_kept_as_text_and_flagged(tmp_path: Path) -> None:
    _, second = list(read_tmx(write(tmp_path, MULTILINGUAL)))
    assert second.en == "Click <b>here</b> for {0}%s"
    assert second.zh == "点击<b>这里</b>"
    assert second.props[TEXT_CHANGED_PROP] == INLINE_CODES_VALUE
    assert second.attributes == {"changedate": "20200101T000000Z"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_encodings_with_bom(tmp_path: Path, encoding: str) -> None:
    declared = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
    text = TMX_11.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{declared}"?>')
    path = tmp_path / "bom.tmx"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert [u.zh for u in read_tmx(path)] == ["议程项目4"]


def test_round_trip_through_tmkit_writer(tmp_path: Path) -> None:
    units = [
        TranslationUnit("  中文 & <标记> ", "English & <tags>", "d:1", {"x-document": ("A/1", "B/2"), "x-score": "0.5"},
                        notes=("n1", "n2"), attributes={"creationid": "tmkit"}),
        TranslationUnit("第二", "Second", "d:2"),
    ]
    path = tmp_path / "rt.tmx"
    write_tmx(units, path, creation_date=DATE, zh_lang="zh-Hans", en_lang="en-GB")
    back = list(read_tmx(path))
    assert back[0] == TranslationUnit("中文 & <标记>", "English & <tags>", "d:1", units[0].props,
                                      notes=("n1", "n2"), attributes={"creationid": "tmkit"})
    assert back[1] == units[1]


def test_round_trip_through_translate_toolkit(tmp_path: Path) -> None:
    """tmkit → translate-toolkit's tmxfile → its serialiser → tmkit: the text survives both ways."""
    units = [TranslationUnit("研究与开发(R&D)支出 <5%", "R&D spending <5%", "x:1", {"x-score": "0.9"}),
             TranslationUnit("“引号”和'撇号'", '"Quotes" and \'apostrophes\'', "x:2")]
    ours = tmp_path / "ours.tmx"
    write_tmx(units, ours, creation_date=DATE)
    store = tmxfile(ours.read_bytes())
    assert [(u.source, u.target) for u in store.units] == [(u.zh, u.en) for u in units]
    theirs = tmp_path / "theirs.tmx"
    theirs.write_bytes(bytes(store))
    assert [(u.zh, u.en) for u in read_tmx(theirs)] == [(u.zh, u.en) for u in units]

    fresh = tmxfile(sourcelanguage="zh-CN", targetlanguage="en-US")
    fresh.addsourceunit("会议开幕。").target = "The meeting opened."
    made_by_toolkit = tmp_path / "toolkit.tmx"
    made_by_toolkit.write_bytes(bytes(fresh))
    assert [(u.zh, u.en) for u in read_tmx(made_by_toolkit)] == [("会议开幕。", "The meeting opened.")]


def test_units_and_languages_reads_ahead_one_unit(tmp_path: Path) -> None:
    reader = TmxReader(write(tmp_path, MULTILINGUAL))
    units, zh, en = units_and_languages(reader)
    assert (zh, en) == ("zh-TW", "en-GB")
    assert len(list(units)) == 2
    empty = write(tmp_path, '<tmx version="1.4"><header/><body/></tmx>', "empty.tmx")
    units, zh, en = units_and_languages(TmxReader(empty), en_lang="en")
    assert (list(units), zh, en) == ([], "zh-CN", "en")


def test_tico19_real_file() -> None:
    reader = TmxReader(shared_path("corpora", "tico19", "all.en-zh.tmx"))
    units = list(reader)
    assert len(units) == reader.stats.units == 3071 and reader.stats.skipped == 0
    assert units[0].tuid == "CMU_1:1" and units[0].zh == "这些症状已持续多长时间？"
    assert units[0].en.startswith("about how long")
    assert reader.header.attributes["srclang"] == "en"


# --- hostile and broken files: one InputError naming file and line ---------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header/><body>
<tu><tuv xml:lang="zh"><seg>&lol3;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu>
</body></tmx>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body>
<tu><tuv xml:lang="zh"><seg>&secret;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu>
</body></tmx>
"""

NETWORK_DTD = """<?xml version="1.0"?>
<!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/tmx14.dtd">
<tmx version="1.4"><header/><body>
<tu><tuv xml:lang="zh"><seg>中</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_entities_are_refused_not_expanded(tmp_path: Path, text: str) -> None:
    with pytest.raises(InputError, match=r"in\.tmx:\d+: entity reference &\w+; is not expanded"):
        list(read_tmx(write(tmp_path, text)))


def test_external_dtd_is_not_fetched(tmp_path: Path) -> None:
    assert [u.zh for u in read_tmx(write(tmp_path, NETWORK_DTD))] == ["中"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02binary\xff\xfe", "not well-formed XML"),
        (b'<?xml version="1.0"?>\n<tmx version="1.4"><header/>\n<body><tu>\n<tuv xml:lang="zh"><seg>x</tuv>',
         r":4: not well-formed XML: Opening and ending tag mismatch"),
        (b'<tmx version="1.4"><header/><body><tu><tuv xml:lang="zh"><seg>a</seg></tuv></tu>',
         "not well-formed XML"),
        (b"<html><body/></html>", r":1: not a TMX file \(root element <html>"),
        (b'<tmx version="1.4"><header/></tmx>', "no <body>"),
        (b'<tmx version="1.4"><header/><body>\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>',
         r":2: <tuv> without xml:lang"),
        (b'<tmx version="1.4"><header/><body><tu><tuv xml:lang="zh"/></tu></body></tmx>', "without <seg>"),
        ('<?xml version="1.0" encoding="UTF-8"?><tmx><body><tu><tuv xml:lang="zh"><seg>中文</seg></tuv></tu></body></tmx>'
         .encode("gb18030"), "not well-formed XML"),
    ],
    ids=["empty", "binary", "mismatched-tag", "truncated", "not-tmx", "no-body", "no-lang", "no-seg", "wrong-encoding"],
)
def test_bad_files_give_one_line_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.tmx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        list(read_tmx(path))
    assert "\n" not in str(caught.value) and str(caught.value).startswith(str(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(read_tmx(tmp_path / "missing.tmx"))
