"""Tests for the streaming TMX 1.4b writer."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile

import tmkit
from tmkit.errors import InputError
from tmkit.tmx import TEXT_CHANGED_PROP, TranslationUnit, clean_xml_text, write_tmx

SHARED = Path(__file__).resolve().parents[2] / "shared"
TMX_DTD = SHARED / "standards" / "tmx" / "tmx14.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DATE = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)

UNITS = [
    TranslationUnit(
        zh="在全球大幅减少一切形式的暴力和相关的死亡率。",
        en="Significantly reduce all forms of violence and related death rates everywhere.",
        tuid="sdg16:0",
        props={"x-document": "sdg16", "x-link": "1-1", "x-score": "0.9312"},
    ),
    TranslationUnit(
        zh="  研究与开发(R&D)支出 <5% > 0 ",
        en="\tR&D spending <5% > 0\n",
        tuid="sdg16:1",
        props={"x-link": "1-2"},
    ),
]


def write(tmp_path: Path, units=UNITS, **kwargs) -> Path:
    path = tmp_path / "out.tmx"
    kwargs.setdefault("creation_date", DATE)
    write_tmx(units, path, **kwargs)
    return path


def tus(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall("body/tu")


def segs(tu: etree._Element) -> list[str]:
    return [seg.text or "" for seg in tu.findall("tuv/seg")]


def props(element: etree._Element) -> dict[str, str]:
    return {p.get("type"): p.text for p in element.findall("prop")}


# --- document structure ------------------------------------------------------------


def test_prolog_and_root(tmp_path: Path) -> None:
    data = write(tmp_path).read_bytes()
    assert data.startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        b'<tmx version="1.4">'
    )
    assert data.rstrip().endswith(b"</tmx>")


def test_header_attributes_and_props(tmp_path: Path) -> None:
    path = write(tmp_path, header_props={"x-aligner": "tmkit-dp", "x-min-score": "0.5"})
    header = etree.parse(str(path)).getroot().find("header")
    assert dict(header.attrib) == {
        "creationtool": "tmkit",
        "creationtoolversion": tmkit.__version__,
        "segtype": "sentence",
        "o-tmf": "tmkit",
        "adminlang": "en-US",
        "srclang": "zh-CN",
        "datatype": "plaintext",
        "creationdate": "20240506T070809Z",
    }
    assert [p.get("type") for p in header.findall("prop")] == ["x-aligner", "x-min-score"]
    assert props(header) == {"x-aligner": "tmkit-dp", "x-min-score": "0.5"}


def test_creation_date_is_utc(tmp_path: Path) -> None:
    beijing = timezone(timedelta(hours=8))
    path = write(tmp_path, creation_date=datetime(2024, 1, 1, 2, 0, 0, tzinfo=beijing))
    header = etree.parse(str(path)).getroot().find("header")
    assert header.get("creationdate") == "20231231T180000Z"


def test_creation_date_defaults_to_now(tmp_path: Path) -> None:
    path = tmp_path / "now.tmx"
    write_tmx(UNITS, path)
    stamp = etree.parse(str(path)).getroot().find("header").get("creationdate")
    written = datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    assert abs(datetime.now(timezone.utc) - written) < timedelta(minutes=5)


def test_units_props_then_zh_then_en(tmp_path: Path) -> None:
    first, second = tus(write(tmp_path))
    assert first.get("tuid") == "sdg16:0"
    assert [child.tag for child in first] == ["prop", "prop", "prop", "tuv", "tuv"]
    assert props(first) == {"x-document": "sdg16", "x-link": "1-1", "x-score": "0.9312"}
    assert [tuv.get(XML_LANG) for tuv in first.findall("tuv")] == ["zh-CN", "en-US"]
    assert segs(first) == [UNITS[0].zh, UNITS[0].en]
    assert second.get("tuid") == "sdg16:1"


def test_language_codes_spelled_identically(tmp_path: Path) -> None:
    path = write(tmp_path, zh_lang="zh-Hans", en_lang="en")
    root = etree.parse(str(path)).getroot()
    assert root.find("header").get("srclang") == "zh-Hans"
    for tu in root.findall("body/tu"):
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["zh-Hans", "en"]


def test_same_languages_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write(tmp_path, zh_lang="en-US", en_lang="en-US")


def test_returns_count_and_accepts_generators(tmp_path: Path) -> None:
    path = tmp_path / "gen.tmx"
    count = write_tmx((u for u in UNITS * 3), path, creation_date=DATE)
    assert count == 6
    assert len(tus(path)) == 6


def test_empty_memory_is_valid_xml(tmp_path: Path) -> None:
    path = tmp_path / "empty.tmx"
    assert write_tmx([], path, creation_date=DATE) == 0
    assert tus(path) == []


def test_output_is_reproducible(tmp_path: Path) -> None:
    a = write_tmx(UNITS, tmp_path / "a.tmx", creation_date=DATE)
    b = write_tmx(UNITS, tmp_path / "b.tmx", creation_date=DATE)
    assert a == b
    assert (tmp_path / "a.tmx").read_bytes() == (tmp_path / "b.tmx").read_bytes()


# --- segment text --------------------------------------------------------------------


def test_escaping_round_trips(tmp_path: Path) -> None:
    path = write(tmp_path)
    raw = path.read_text(encoding="utf-8")
    assert "(R&amp;D)支出 &lt;5% &gt; 0</seg>" in raw
    _, second = tus(path)
    assert segs(second) == ["研究与开发(R&D)支出 <5% > 0", "R&D spending <5% > 0"]


def test_stripping_alone_is_not_a_change(tmp_path: Path) -> None:
    _, second = tus(write(tmp_path))
    assert TEXT_CHANGED_PROP not in props(second)


def test_invalid_xml_characters_removed_and_flagged(tmp_path: Path) -> None:
    unit = TranslationUnit(
        zh="第\x00一\x0c段\ufffe\uffff\ud800落\x1f",
        en="Para\x07graph\tone",
        tuid="bad:0",
        props={"x-link": "1-1"},
    )
    (tu,) = tus(write(tmp_path, units=[unit]))
    assert segs(tu) == ["第一段落", "Paragraph\tone"]
    assert props(tu) == {"x-link": "1-1", TEXT_CHANGED_PROP: "removed invalid XML characters"}
    assert [child.tag for child in tu][-2:] == ["tuv", "tuv"]


def test_only_one_side_invalid_still_flagged(tmp_path: Path) -> None:
    unit = TranslationUnit(zh="正常", en="form\x0cfeed", tuid="bad:1")
    (tu,) = tus(write(tmp_path, units=[unit]))
    assert segs(tu) == ["正常", "formfeed"]
    assert TEXT_CHANGED_PROP in props(tu)


def test_clean_xml_text_keeps_valid_characters() -> None:
    text = "tab\tnl\ncr\r 中文 \u00a0 \U0001f600 \ue000 \ufffd"
    assert clean_xml_text(text) == text
    assert clean_xml_text("\x00\x08\x0b\x0c\x0e\x1f\ufffe\uffff\udc00") == ""


def test_invalid_characters_in_props_and_tuid_removed(tmp_path: Path) -> None:
    unit = TranslationUnit(zh="中", en="x", tuid="doc\x01:0", props={"x-document": "a\x02b"})
    (tu,) = tus(write(tmp_path, units=[unit], header_props={"x-note": "n\x03"}))
    assert tu.get("tuid") == "doc:0"
    assert props(tu)["x-document"] == "ab"


# --- conformance ---------------------------------------------------------------------


@pytest.mark.skipif(not TMX_DTD.is_file(), reason="../shared (TMX DTD) not available")
def test_valid_against_tmx14_dtd(tmp_path: Path) -> None:
    bad = TranslationUnit(zh="控制\x00字符", en="control\x1bchar", tuid="bad:0")
    path = write(tmp_path, units=[*UNITS, bad], header_props={"x-aligner": "tmkit"})
    dtd = etree.DTD(str(TMX_DTD))
    doc = etree.parse(str(path))
    assert dtd.validate(doc), dtd.error_log.filter_from_errors()


@pytest.mark.skipif(not TMX_DTD.is_file(), reason="../shared (TMX DTD) not available")
def test_empty_memory_valid_against_dtd(tmp_path: Path) -> None:
    path = write(tmp_path, units=[])
    assert etree.DTD(str(TMX_DTD)).validate(etree.parse(str(path)))


def test_translate_toolkit_reads_units(tmp_path: Path) -> None:
    path = write(tmp_path)
    with path.open("rb") as handle:
        store = tmxfile(handle)
    units = [u for u in store.units if not u.isheader()]
    assert [(u.source, u.target) for u in units] == [
        (UNITS[0].zh, UNITS[0].en),
        ("研究与开发(R&D)支出 <5% > 0", "R&D spending <5% > 0"),
    ]


# --- output targets --------------------------------------------------------------------


class Boom(RuntimeError):
    pass


def exploding(units: list[TranslationUnit], after: int) -> Iterator[TranslationUnit]:
    for i, unit in enumerate(units):
        if i == after:
            raise Boom("aligner failed")
        yield unit


def test_failure_midway_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    with pytest.raises(Boom):
        write_tmx(exploding(UNITS * 50, after=60), path, creation_date=DATE)
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    path.write_bytes(b"previous")
    with pytest.raises(Boom):
        write_tmx(exploding(UNITS, after=1), path, creation_date=DATE)
    assert path.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [path]


def test_success_replaces_previous_file_without_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    path.write_bytes(b"previous")
    write_tmx(UNITS, path, creation_date=DATE)
    assert len(tus(path)) == 2
    assert list(tmp_path.iterdir()) == [path]


def test_str_path_accepted(tmp_path: Path) -> None:
    assert write_tmx(UNITS, str(tmp_path / "s.tmx"), creation_date=DATE) == 2


def test_missing_directory_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        write_tmx(UNITS, tmp_path / "missing" / "out.tmx", creation_date=DATE)


def test_binary_stream(tmp_path: Path) -> None:
    stream = io.BytesIO()
    assert write_tmx(UNITS, stream, creation_date=DATE) == 2
    assert not stream.closed
    assert stream.getvalue() == write(tmp_path).read_bytes()


def test_text_stream_rejected() -> None:
    with pytest.raises(TypeError):
        write_tmx(UNITS, io.StringIO(), creation_date=DATE)


def test_streams_while_iterating() -> None:
    """Output leaves before the input ends: the writer does not collect the units."""
    stream = io.BytesIO()
    written_midway: list[int] = []

    def units() -> Iterator[TranslationUnit]:
        for i in range(5000):
            if i == 4000:
                written_midway.append(stream.tell())
            yield TranslationUnit(zh="中文句子。" * 5, en="A sentence. " * 5, tuid=str(i))

    assert write_tmx(units(), stream, creation_date=DATE) == 5000
    assert written_midway[0] > len(stream.getvalue()) / 2
