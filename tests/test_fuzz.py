"""Property and fuzz tests (Hypothesis) for the readers, the TMX reader and the merger.

Two kinds of promise are checked on inputs nobody wrote by hand:

* **bad bytes are input errors**: whatever a file holds, a reader returns text or a
  document, or raises :class:`InputError` (one line for the user); never another
  exception, which would be a traceback;
* **nothing is lost silently**: every unit written to a TMX file is read back with its
  text (as the writer made it XML-safe) or counted as skipped; merging keeps every
  distinct unit exactly once and every document it came from.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tmkit.align.link import Link  # noqa: E402
from tmkit.align.links_format import format_link, parse_links  # noqa: E402
from tmkit.errors import InputError  # noqa: E402
from tmkit.io.decode import decode_text  # noqa: E402
from tmkit.io.read import read_document  # noqa: E402
from tmkit.tmx.merge import merge_tmx, normalise_whitespace  # noqa: E402
from tmkit.tmx.reader import TmxReader  # noqa: E402
from tmkit.tmx.writer import TranslationUnit, clean_xml_text, write_tmx  # noqa: E402

FUZZ = settings(max_examples=int(os.environ.get("TMKIT_FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID_TMX = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
    b'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" '
    b'datatype="plaintext"/><body>\n'
    b'<tu tuid="a:1"><prop type="x-score">0.9</prop><tuv xml:lang="zh-CN"><seg>\xe8\x81\x94\xe5\x90\x88</seg>'
    b'</tuv><tuv xml:lang="en-US"><seg>United</seg></tuv></tu>\n'
    b'<tu tuid="a:2"><tuv xml:lang="zh-CN"><seg>\xe4\xbc\x9a</seg></tuv><tuv xml:lang="en-US"><seg>Meeting'
    b'</seg></tuv></tu>\n</body></tmx>\n'
)


def _file(data: bytes, suffix: str) -> Path:
    handle, name = tempfile.mkstemp(suffix=suffix)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return Path(name)


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_text(data, "f.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str) and text.strip()


@FUZZ
@given(st.sampled_from([".txt", ".html", ".docx", ".pdf"]), st.one_of(
    st.binary(max_size=1500),
    st.text(max_size=600).map(lambda text: text.encode("utf-8")),
    st.text(alphabet="<>/=\"' ahtmlbodypdiv中文Theof&;#x", max_size=400).map(lambda text: text.encode("utf-8")),
))
def test_readers_give_a_document_or_an_input_error(suffix: str, data: bytes) -> None:
    path = _file(data, suffix)
    try:
        for lang in ("zh", "en"):
            try:
                document = read_document(path, lang)
            except InputError as exc:
                assert "\n" not in str(exc)
            else:
                assert document.blocks
    finally:
        path.unlink()


@FUZZ
@given(st.lists(st.text(alphabet="[]:,0123456789.- x\t", max_size=30), max_size=12))
def test_links_lines_parse_or_fail_with_an_input_error(lines: list[str]) -> None:
    try:
        links = parse_links(lines, "x.links")
    except InputError as exc:
        assert str(exc).startswith("x.links:") and "\n" not in str(exc)
    else:
        assert len(links) == sum(1 for line in lines if line.strip())


ids = st.lists(st.integers(0, 500), max_size=4, unique=True).map(lambda values: tuple(sorted(values)))


@FUZZ
@given(st.lists(st.tuples(ids, ids, st.floats(0, 1)).filter(lambda link: link[0] or link[1]), max_size=10))
def test_links_round_trip_through_their_format(raw) -> None:
    links = [Link(zh=zh, en=en, score=round(score, 4)) for zh, en, score in raw]
    parsed = parse_links([format_link(link) for link in links], "x.links")
    assert [(link.zh, link.en) for link in parsed] == [(link.zh, link.en) for link in links]
    assert all(abs(a.score - b.score) < 1e-4 for a, b in zip(parsed, links))


@FUZZ
@given(st.integers(0, len(VALID_TMX) - 1), st.binary(max_size=20), st.booleans())
def test_a_damaged_memory_is_read_or_refused_in_one_line(position: int, junk: bytes, cut: bool) -> None:
    data = VALID_TMX[:position] if cut else VALID_TMX[:position] + junk + VALID_TMX[position:]
    path = _file(data, ".tmx")
    try:
        units = list(TmxReader(path))
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert len(units) <= 2 + junk.count(b"<tu")
    finally:
        path.unlink()


unit_text = st.text(max_size=40)
units_strategy = st.lists(
    st.builds(
        lambda zh, en, score, document: (zh, en, score, document),
        unit_text, unit_text,
        st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True).map(repr), st.text(max_size=5)),
        st.sampled_from(["A", "B", "C"]),
    ),
    max_size=25,
)


def _units(rows) -> list[TranslationUnit]:
    units = []
    for n, (zh, en, score, document) in enumerate(rows):
        props = {"x-document": document}
        if score is not None:
            props["x-score"] = score
        units.append(TranslationUnit(zh=zh, en=en, tuid=f"{document}:{n}", props=props))
    return units


def _readable(text: str) -> str:
    return clean_xml_text(text).strip()


@FUZZ
@given(units_strategy)
def test_every_unit_written_is_read_back_or_counted(rows) -> None:
    units = _units(rows)
    stream = io.BytesIO()
    written = write_tmx(units, stream)
    path = _file(stream.getvalue(), ".tmx")
    try:
        reader = TmxReader(path)
        read = list(reader)
    finally:
        path.unlink()
    assert written == len(units)
    assert len(read) + reader.stats.skipped == written
    expected = [(_readable(u.zh), _readable(u.en)) for u in units if _readable(u.zh) and _readable(u.en)]
    assert [(u.zh, u.en) for u in read] == expected


@FUZZ
@given(units_strategy, units_strategy)
def test_merge_keeps_each_distinct_unit_once_with_all_its_documents(first, second) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, rows in (("a.tmx", first), ("b.tmx", second)):
            paths.append(Path(folder, name))
            write_tmx(_units(rows), paths[-1])
        out = Path(folder, "out.tmx")
        stats = merge_tmx(paths, out)
        merged = list(TmxReader(out))
    usable = [u for u in _units(first) + _units(second) if _readable(u.zh) and _readable(u.en)]
    documents: dict[tuple[str, str], set[str]] = {}
    for unit in usable:
        key = (normalise_whitespace(_readable(unit.zh)), normalise_whitespace(_readable(unit.en)))
        documents.setdefault(key, set()).add(unit.props["x-document"])
    assert stats.read == len(usable)
    assert stats.written == len(merged) == len(documents)
    for unit in merged:
        key = (normalise_whitespace(unit.zh), normalise_whitespace(unit.en))
        found = unit.props["x-document"]
        assert set(found if isinstance(found, tuple) else (found,)) == documents[key]
