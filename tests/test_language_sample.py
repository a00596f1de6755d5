"""The language check reads a bounded sample of a long file and still decides as on the whole."""

from __future__ import annotations

from conftest import shared_path

from tmkit.io.decode import read_text_file
from tmkit.langid import SAMPLE_SPANS, SPAN_LENGTH, count_scripts, detect_language, language_sample


def full_verdict(text: str) -> str | None:
    """detect_language's rule applied to every character."""
    counts = count_scripts(text, limit=len(text))
    if counts.letters == 0:
        return None
    if counts.han * 3 >= 0.5 * (counts.han * 3 + counts.latin + counts.other_letters):
        return "zh"
    return "en" if counts.latin >= 0.8 * counts.letters else None


def test_short_texts_are_read_whole() -> None:
    text = "安全理事会" * (SAMPLE_SPANS * SPAN_LENGTH // 5)
    assert language_sample(text) is text


def test_a_long_text_is_sampled_from_start_to_end_within_the_bound() -> None:
    text = "a" * 100_000 + "安" * 100_000 + "b" * 100_000
    sample = language_sample(text)
    assert len(sample) == SAMPLE_SPANS * SPAN_LENGTH
    assert sample.startswith("a" * SPAN_LENGTH) and sample.endswith("b" * SPAN_LENGTH) and "安" in sample


def test_mixed_long_texts_get_the_verdict_of_all_their_characters() -> None:
    line_zh, line_en = "联合国维持和平行动部发表了报告。\n", "The Department of Peace Operations issued a report.\n"
    for zh_share in (0, 1, 3, 5, 9, 10):
        text = (line_zh * zh_share + line_en * (10 - zh_share)) * 400
        assert detect_language(text) == full_verdict(text)


def test_real_corpora_get_the_verdict_of_all_their_characters() -> None:
    paths = [shared_path("corpora", "bible", name) for name in ("001.zh", "001.en")]
    paths += sorted(shared_path("corpora", "mac-dev").glob("[ze][hn]/00*"))
    for path in paths:
        text = read_text_file(path)
        assert len(text) > SAMPLE_SPANS * SPAN_LENGTH or path.parent.name != "bible"
        assert detect_language(text) == full_verdict(text) == ("zh" if path.name.endswith("zh")
                                                               or path.parent.name == "zh" else "en")
