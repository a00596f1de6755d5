"""Reading a TMX body in runs of units (one process or several) gives what streaming gives.

The reader cuts the body of a UTF-8 file into runs of whole ``<tu>`` elements and
parses each alone, in worker processes for large files; every other file is streamed
with ``iterparse``. These tests cut tiny runs (a few units each) so that every edge
falls somewhere: comments, CDATA and processing instructions holding ``</tu>``,
inline codes, entities, errors in late runs, units nested in other elements.
"""

from __future__ import annotations

import io
from dataclasses import asdict, fields
from pathlib import Path

import pytest

from tmkit.errors import InputError
from tmkit.tmx import TmxReader, fragments
from tmkit.tmx.fragments import BodyStart, body_fragments, find_body, last_unit_end
from tmkit.tmx.reader import read_workers

PROLOG = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="T" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="zh-CN"
        datatype="plaintext"><prop type="x-origin">test</prop><note>header note</note></header>
<body>
"""

UNITS = [
    ('<tu tuid="plain"><prop type="x-score">0.9</prop><tuv xml:lang="zh-CN"><seg>第一</seg></tuv>'
     '<tuv xml:lang="en-US"><seg>First</seg></tuv></tu>'),
    '<!-- a comment that mentions </tu> and <tu> -->',
    ('<tu tuid="cdata"><tuv xml:lang="zh-CN"><seg><![CDATA[代码 </tu> <b>]]></seg></tuv>'
     '<tuv xml:lang="en-US"><seg>code &amp; &lt;b&gt; &#x4E2D;</seg></tuv></tu>'),
    '<?pi with </tu> inside?>',
    ('<tu tuid="inline" creationdate="20200101T000000Z"><note>n</note><prop type="x-d">a</prop><prop type="x-d">b</prop>'
     '<tuv xml:lang="zh-CN" creationid="X"><seg>点击<bpt i="1">&lt;b&gt;</bpt>这里<ept i="1">&lt;/b&gt;</ept></seg></tuv>'
     '<tuv xml:lang="en-US"><seg>Click <ph x="1">{0}</ph> here</seg></tuv></tu>'),
    ('<tu tuid="three"><tuv xml:lang="fr"><seg>Trois</seg></tuv><tuv xml:lang="zh-TW"><seg>三</seg></tuv>'
     '<tuv xml:lang="en"><seg>Three</seg></tuv></tu>'),
    '<tu tuid="no-en"><tuv xml:lang="zh-CN"><seg>只有中文</seg></tuv><tuv xml:lang="en"><seg/></tuv></tu >',
    '<tu><tuv lang="ZH-CN"><seg>旧格式\r\n两行</seg></tuv><tuv lang="EN-US"><seg>Old\r\ntwo lines</seg></tuv></tu>',
]


def tmx(units: list[str], prolog: str = PROLOG) -> str:
    return prolog + "\n".join(units) + "\n</body>\n</tmx>\n"


def write(tmp_path: Path, text: str, name: str = "in.tmx", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path, workers: int = 1) -> tuple[list[dict], dict, dict]:
    reader = TmxReader(path, workers=workers)
    units = [asdict(unit) for unit in reader]
    return units, shallow(reader.stats), shallow(reader.header)


def shallow(record: object) -> dict:
    return {field.name: getattr(record, field.name) for field in fields(record)}


@pytest.fixture
def tiny_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 64 bytes: nearly every unit is a run of its own, some span several blocks."""
    monkeypatch.setattr(fragments, "BLOCK_SIZE", 64)


# --- cutting ---------------------------------------------------------------------------


def test_last_unit_end_skips_the_end_tags_of_variants_and_markup() -> None:
    assert last_unit_end(b"<tu><tuv><seg>a</seg></tuv></tu>\n<tu><tuv>") == len(b"<tu><tuv><seg>a</seg></tuv></tu>")
    assert last_unit_end(b"<tu>x</tu >") == len(b"<tu>x</tu >")
    assert last_unit_end(b"<tu><tuv><seg>a</seg></tuv>") == -1
    hidden = b"<tu>a</tu><!-- </tu> --><tu><seg><![CDATA[</tu>]]></seg></tu><?x </tu>?>"
    assert last_unit_end(hidden) == hidden.rindex(b"</tu><?x") + len(b"</tu>")
    unclosed = b"<tu>a</tu><!-- not closed yet </tu>"
    assert last_unit_end(unclosed) == len(b"<tu>a</tu>")
    assert last_unit_end(b"<tu>a</tu><![CDATA[ </tu>") == len(b"<tu>a</tu>")


def test_fragments_cover_the_body_exactly_and_know_their_lines(tiny_runs: None) -> None:
    data = tmx(UNITS).encode()
    handle = io.BytesIO(data)
    start = find_body(handle)
    assert start is not None and start.prolog.endswith(b"<body>")
    pieces = list(body_fragments(handle, start))
    assert b"".join(p.data for p in pieces) == data[len(start.prolog):]
    assert [p.last for p in pieces] == [False] * (len(pieces) - 1) + [True]
    offset = len(start.prolog)
    for piece in pieces:
        assert piece.line == 1 + data[:offset].count(b"\n")
        offset += len(piece.data)
        if not piece.last:
            assert piece.data.rstrip().endswith((b"</tu>", b"</tu >"))


@pytest.mark.parametrize(
    "data",
    ['<tmx><header/><body/></tmx>', "<tmx><header/><bodyx>", "\ufeff<tmx><body>".encode("utf-16").decode("latin-1")],
    ids=["empty-body", "no-body", "utf-16"],
)
def test_find_body_declines_what_it_cannot_cut(data: str) -> None:
    assert find_body(io.BytesIO(data.encode("latin-1"))) is None


def test_find_body_keeps_what_it_read_past_the_body() -> None:
    start = find_body(io.BytesIO(b'<tmx>\n<header/>\n<body >\n<tu/>'))
    assert start == BodyStart(b"<tmx>\n<header/>\n<body >", b"\n<tu/>", 3)


# --- runs give what streaming gives -------------------------------------------------------


def test_runs_read_what_streaming_reads(tmp_path: Path, tiny_runs: None, monkeypatch: pytest.MonkeyPatch) -> None:
    text = tmx(UNITS)
    with monkeypatch.context() as patch:  # really read in runs, not streamed after a failed run
        patch.setattr(TmxReader, "_streamed_units", lambda self, handle: pytest.fail("streamed"))
        in_runs = read(write(tmp_path, text))
    # UTF-16 cannot be cut into runs: the same memory, streamed.
    streamed = read(write(tmp_path, text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "s.tmx", "utf-16"))
    assert in_runs == streamed
    units, stats, header = in_runs
    assert [u["tuid"] for u in units] == ["plain", "cdata", "inline", "three", ""]
    assert units[1]["zh"] == "代码 </tu> <b>" and units[1]["en"] == "code & <b> 中"
    assert units[2]["props"]["x-d"] == ("a", "b") and units[2]["attributes"] == {
        "creationid": "X", "creationdate": "20200101T000000Z"}
    assert units[4]["zh"] == "旧格式\n两行"
    assert stats["missing_en"] == 1 and stats["inline_codes"] == 1 and stats["other_codes"] == {"fr": 1}
    assert header["props"] == {"x-origin": "test"} and header["notes"] == ("header note",)


def test_worker_processes_read_what_one_process_reads(tmp_path: Path, tiny_runs: None) -> None:
    path = write(tmp_path, tmx(UNITS * 20))
    assert read(path, workers=2) == read(path, workers=1)


def test_small_files_are_read_in_this_process(tmp_path: Path) -> None:
    assert read_workers(write(tmp_path, tmx(UNITS))) == 1


def test_units_nested_in_another_element_are_read_as_when_streaming(tmp_path: Path, tiny_runs: None) -> None:
    """Not TMX, but well-formed: a run cannot parse alone, so the whole file is streamed."""
    nested = ["<group>", *UNITS[:1], "</group>", UNITS[4], "<group>", UNITS[2], UNITS[0], "</group>"]
    units, stats, _ = read(write(tmp_path, tmx(nested)))
    assert [u["tuid"] for u in units] == ["plain", "inline", "cdata", "plain"] and stats["units"] == 4


# --- errors in late runs name the right line ---------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_a_broken_unit_late_in_the_file_names_its_line(tmp_path: Path, tiny_runs: None, workers: int) -> None:
    units = UNITS * 5 + ['<tu><tuv xml:lang="zh"><seg>坏</tuv></tu>'] + UNITS
    text = tmx(units)
    line = text.splitlines().index('<tu><tuv xml:lang="zh"><seg>坏</tuv></tu>') + 1
    reader = TmxReader(write(tmp_path, text), workers=workers)
    seen = []
    with pytest.raises(InputError, match=rf"in\.tmx:{line}: not well-formed XML: Opening and ending tag mismatch"):
        for unit in reader:
            seen.append(unit.tuid)
    assert seen == ["plain", "cdata", "inline", "three", ""] * 5  # every unit before it, once


@pytest.mark.parametrize("workers", [1, 2])
def test_a_variant_without_language_late_in_the_file_names_its_line(tmp_path: Path, tiny_runs: None,
                                                                     workers: int) -> None:
    text = tmx(UNITS * 3 + ['<tu><tuv><seg>a</seg></tuv></tu>'])
    line = len(text.splitlines()) - 2
    with pytest.raises(InputError, match=rf"in\.tmx:{line}: <tuv> without xml:lang"):
        list(TmxReader(write(tmp_path, text), workers=workers))


def test_entity_reference_in_a_run_is_refused(tmp_path: Path, tiny_runs: None) -> None:
    text = tmx(UNITS * 3 + ['<tu><tuv xml:lang="zh"><seg>&nbsp;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu>'])
    with pytest.raises(InputError, match=r"in\.tmx:\d+: entity reference &nbsp; is not expanded"):
        list(TmxReader(write(tmp_path, text)))


def test_garbage_after_the_body_is_an_error(tmp_path: Path, tiny_runs: None) -> None:
    with pytest.raises(InputError, match="not well-formed XML"):
        list(TmxReader(write(tmp_path, tmx(UNITS) + "<tu>")))
    with pytest.raises(InputError, match="not well-formed XML"):
        list(TmxReader(write(tmp_path, tmx(UNITS).replace("</body>\n</tmx>\n", ""))))


def test_random_bodies_and_block_sizes_read_as_when_streaming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Units, comments, CDATA and PIs in random order, cut at random block sizes (fixed seed)."""
    import random

    pieces = UNITS + ["<!-- </tu> -->", "<?x </tu>?>", "\n\n", '<tu tuid="c"><tuv xml:lang="zh"><seg><![CDATA[</tu>'
                      ']]></seg></tuv><tuv xml:lang="en"><seg><![CDATA[<!--]]></seg></tuv></tu>']
    rng = random.Random(7)
    for trial in range(30):
        monkeypatch.setattr(fragments, "BLOCK_SIZE", rng.choice([16, 33, 64, 100, 257, 1000]))
        text = tmx([rng.choice(pieces) for _ in range(rng.randrange(1, 40))])
        with monkeypatch.context() as patch:  # really read in runs, not streamed after a failed run
            patch.setattr(TmxReader, "_streamed_units", lambda self, handle: pytest.fail("streamed"))
            in_runs = read(write(tmp_path, text, f"r{trial}.tmx"))
        streamed = read(write(tmp_path, text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), f"s{trial}.tmx",
                              "utf-16"))
        assert in_runs == streamed, trial
