"""Tests for the port of vecalign's strict/lax precision/recall scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tmkit.align.evaluate import Counts, pair_files, score_links, score_paths
from tmkit.align.link import Link
from tmkit.align.links_format import parse_link, read_links
from tmkit.errors import InputError

SHARED = Path(__file__).resolve().parents[2] / "shared"
ACA_GOLD = SHARED / "corpora" / "aligner-eval" / "aca" / "001.align"

GOLD = ["[0]:[0]", "[1]:[1,2]", "[2]:[]"]
TEST = ["[0]:[0]", "[1]:[1]", "[]:[2]", "[2]:[]"]


def links(*lines: str) -> list[Link]:
    return [parse_link(line) for line in lines]


def write(path: Path, lines: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_hand_worked_example() -> None:
    # Precision (deletions kept): [0]:[0] and [2]:[] exact; [1]:[1] lax via gold [1]:[1,2];
    # []:[2] wrong (a deletion can only match exactly).
    # Recall (deletions dropped): gold [0]:[0] exact; [1]:[1,2] lax via test [1]:[1].
    scores = score_links([links(*GOLD)], [links(*TEST)])
    assert scores.precision_counts == Counts(2, 2, 3, 1)
    assert scores.recall_counts == Counts(1, 1, 2, 0)
    assert scores.precision_strict == 0.5
    assert scores.recall_strict == 0.5
    assert scores.f1_strict == 0.5
    assert scores.precision_lax == 0.75
    assert scores.recall_lax == 1.0
    assert scores.f1_lax == pytest.approx(2 * 0.75 / 1.75)


def test_lax_needs_a_shared_zh_en_pair_not_just_a_sentence() -> None:
    # Test [0]:[1] shares zh 0 with gold [0]:[0] and en 1 with gold [1]:[1],
    # but no single gold link holds both: not lax-correct.
    scores = score_links([links("[0]:[0]", "[1]:[1]")], [links("[0]:[1]", "[1]:[0]")])
    assert scores.precision_counts == Counts(0, 2, 0, 2)
    assert scores.recall_counts == Counts(0, 2, 0, 2)


def test_duplicates_and_empty_links_ignored() -> None:
    scores = score_links([links("[0]:[0]")], [links("[0]:[0]", "[0]:[0]", "[]:[]")])
    assert scores.precision_counts == Counts(1, 0, 1, 0)
    assert scores.precision_strict == scores.recall_strict == 1.0


def test_link_scores_are_ignored() -> None:
    scores = score_links([links("[0]:[0]")], [links("[0]:[0]:0.1234")])
    assert scores.f1_strict == 1.0


def test_zero_division_gives_zero() -> None:
    scores = score_links([[]], [[]])
    assert (scores.precision_strict, scores.recall_strict, scores.f1_strict) == (0.0, 0.0, 0.0)
    assert (scores.precision_lax, scores.recall_lax, scores.f1_lax) == (0.0, 0.0, 0.0)
    only_deletions = score_links([links("[0]:[]")], [links("[0]:[]")])
    assert only_deletions.precision_strict == 1.0
    assert only_deletions.recall_strict == 0.0  # recall ignores deletions: 0/0


def test_unequal_document_counts_rejected() -> None:
    with pytest.raises(ValueError):
        score_links([links("[0]:[0]")], [])


def test_micro_average_over_files(tmp_path: Path) -> None:
    write(tmp_path / "gold" / "a.align", GOLD)
    write(tmp_path / "test" / "a.align", TEST)
    write(tmp_path / "gold" / "b.align", ["[0]:[0]", "[1]:[1]"])
    write(tmp_path / "test" / "b.links", ["[0]:[0]:0.9", "[1]:[1]:0.8"])
    write(tmp_path / "gold" / "notes.txt", ["not an alignment"])  # ignored
    write(tmp_path / "gold" / "a.src", ["text"])  # ignored

    scores = score_paths(tmp_path / "gold", tmp_path / "test")
    # a: P=(2,2,3,1) R=(1,1,2,0); b: P=(2,0,2,0) R=(2,0,2,0)
    assert scores.precision_counts == Counts(4, 2, 5, 1)
    assert scores.recall_counts == Counts(3, 1, 4, 0)
    assert scores.precision_strict == pytest.approx(4 / 6)
    assert scores.recall_strict == pytest.approx(3 / 4)
    assert scores.precision_lax == pytest.approx(5 / 6)
    assert scores.recall_lax == 1.0
    # Micro, not macro: the mean of per-file precisions would be (0.5 + 1) / 2.
    assert scores.precision_strict != pytest.approx(0.75)


def test_two_files(tmp_path: Path) -> None:
    gold = write(tmp_path / "g.txt", GOLD)
    test = write(tmp_path / "t.txt", TEST)
    assert score_paths(gold, test) == score_links([links(*GOLD)], [links(*TEST)])


def test_unpaired_file_is_named(tmp_path: Path) -> None:
    write(tmp_path / "gold" / "a.align", GOLD)
    write(tmp_path / "gold" / "extra.align", GOLD)
    write(tmp_path / "test" / "a.align", TEST)
    with pytest.raises(InputError, match="extra.align") as info:
        score_paths(tmp_path / "gold", tmp_path / "test")
    assert "\n" not in str(info.value)


def test_file_versus_directory_rejected(tmp_path: Path) -> None:
    gold = write(tmp_path / "gold.align", GOLD)
    (tmp_path / "test").mkdir()
    with pytest.raises(InputError, match="two files or two directories"):
        pair_files(gold, tmp_path / "test")


def test_empty_directories_rejected(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "test").mkdir()
    with pytest.raises(InputError, match="no .align or .links files"):
        pair_files(tmp_path / "gold", tmp_path / "test")


def test_ambiguous_document_rejected(tmp_path: Path) -> None:
    write(tmp_path / "gold" / "a.align", GOLD)
    write(tmp_path / "gold" / "a.links", GOLD)
    write(tmp_path / "test" / "a.align", TEST)
    with pytest.raises(InputError, match="a.align and a.links"):
        pair_files(tmp_path / "gold", tmp_path / "test")


def test_missing_path_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        score_paths(tmp_path / "nope", tmp_path / "nope2")


def test_real_gold_file_against_itself() -> None:
    if not SHARED.exists():
        pytest.skip(f"shared corpora not available at {SHARED}")
    gold = read_links(ACA_GOLD)
    assert gold, "gold file should not be empty"
    scores = score_paths(ACA_GOLD, ACA_GOLD)
    assert scores.precision_strict == scores.recall_strict == scores.f1_strict == 1.0
    assert scores.precision_lax == scores.recall_lax == scores.f1_lax == 1.0
