"""Tests for the links text format (vecalign/Bertalign compatible)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tmkit.align.link import Link
from tmkit.align.links_format import (
    format_link,
    parse_link,
    parse_links,
    read_links,
    write_links,
)
from tmkit.errors import InputError


def test_format_link_examples() -> None:
    assert format_link(Link((0,), (0,), 0.93)) == "[0]:[0]:0.9300"
    assert format_link(Link((1,), (1, 2), 0.8)) == "[1]:[1,2]:0.8000"
    assert format_link(Link((2,), (), 0.0)) == "[2]:[]:0.0000"
    assert format_link(Link((), (3,))) == "[]:[3]:1.0000"


@pytest.mark.parametrize(
    "link",
    [
        Link((0,), (0,), 0.93),
        Link((1,), (1, 2), 0.8),
        Link((2,), (), 0.0),
        Link((), (7,), 1.0),
        Link((10, 11, 12), (20, 21), 0.1234),
    ],
)
def test_round_trip(link: Link) -> None:
    assert parse_link(format_link(link)) == link


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    links = [Link((0,), (0,), 0.5), Link((1, 2), (1,), 0.25), Link((3,), (), 0.0)]
    stream = io.StringIO()
    write_links(links, stream)
    assert stream.getvalue() == "[0]:[0]:0.5000\n[1,2]:[1]:0.2500\n[3]:[]:0.0000\n"
    path = tmp_path / "doc.links"
    path.write_text(stream.getvalue(), encoding="utf-8")
    assert read_links(path) == links


def test_gold_without_scores_defaults_to_one(tmp_path: Path) -> None:
    path = tmp_path / "gold.align"
    path.write_text("[0]:[0]\n[1]:[1,2]\n[2]:[]\n[]:[3]\n", encoding="utf-8")
    assert read_links(path) == [
        Link((0,), (0,), 1.0),
        Link((1,), (1, 2), 1.0),
        Link((2,), (), 1.0),
        Link((), (3,), 1.0),
    ]


def test_whitespace_blank_lines_crlf_and_bom_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "messy.align"
    path.write_bytes("\ufeff [0] : [0, 1] : 0.5 \r\n\r\n\n[1]:[ ]\r\n".encode("utf-8"))
    assert read_links(path) == [Link((0,), (0, 1), 0.5), Link((1,), (), 1.0)]


def test_ids_are_sorted() -> None:
    assert parse_link("[2,1]:[5,4]") == Link((1, 2), (4, 5))


@pytest.mark.parametrize(
    "line",
    [
        "[0]",
        "[0]:[0]:0.5:extra",
        "0:0",
        "[0]:[a]",
        "[0,]:[0]",
        "[-1]:[0]",
        "[1,1]:[0]",
        "[0]:[0]:high",
        "[0]:[0]:nan",
        "[0]:[0]:",
        "[[0]]:[0]",
    ],
)
def test_malformed_line_raises(line: str) -> None:
    with pytest.raises(InputError, match="malformed link"):
        parse_link(line)


def test_malformed_line_in_file_names_file_line_and_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.align"
    path.write_text("[0]:[0]\n\n[1]:[x]\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_links(path)
    message = str(info.value)
    assert message.startswith(f"{path}:3: ")
    assert "'[1]:[x]'" in message
    assert "\n" not in message


def test_parse_links_uses_source_name() -> None:
    with pytest.raises(InputError, match=r"^stdin:2: "):
        parse_links(["[0]:[0]", "oops"], source="stdin")


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_links(tmp_path / "absent.align")


def test_non_utf8_file_is_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.align"
    path.write_bytes(b"[0]:[0]\n\xff\n")
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_links(path)
