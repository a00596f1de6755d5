"""Text decoding: every encoding a translator's Chinese file comes in reads back the same."""

from __future__ import annotations

import pytest

from tmkit.errors import InputError
from tmkit.io.decode import decode_text

CHINESE = "联合国维持和平行动特别委员会在2007年的报告中请秘书长就报告所载建议的执行进展情况提交报告。" * 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"])
def test_chinese_in_every_encoding(encoding: str):
    assert decode_text(CHINESE.encode(encoding), "f.txt") == CHINESE


@pytest.mark.parametrize("data", [b"", b"  \n", bytes(range(256)) * 8])
def test_empty_and_binary_refused(data: bytes):
    with pytest.raises(InputError):
        decode_text(data, "f.txt")


def test_ascii_english_is_not_mistaken_for_utf16():
    text = "Goal 16. Promote peaceful and inclusive societies for sustainable development\n" * 3
    assert decode_text(text.encode("ascii"), "f.txt") == text
