"""The reviewer's operations keep an alignment an alignment, and undo exactly."""

from __future__ import annotations

import random

import pytest

from tests.review_helpers import sample_review
from tmkit.review.model import OperationError, Review, apply_operation, apply_patch

STAMP = "20261201T120000Z"


def shape(review: Review) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.zh, link.en) for link in review.links]


def run(review: Review, **operation):
    return apply_operation(review, operation, STAMP)


def test_merge_with_next_joins_both_sides_and_marks_reviewed() -> None:
    review = sample_review()
    patch = run(review, op="merge", link=2)
    assert shape(review)[2] == ((2,), (2,))
    assert review.links[2].reviewed == STAMP and review.links[2].score is None
    assert len(review.links) == 6 and patch.start == 2 and len(patch.old) == 2


def test_merge_of_the_last_link_is_refused() -> None:
    review = sample_review()
    with pytest.raises(OperationError, match="last link"):
        run(review, op="merge", link=6)


@pytest.mark.parametrize("link, side, position, expected", [
    (((0, 1), (0, 1)), "zh", 0, [((0,), (0,)), ((1,), (1,))]),
    (((0, 1), (0, 1)), "en", 1, [((0,), (0,)), ((1,), (1,))]),
    (((0, 1, 2), (0,)), "zh", 2, [((0, 1), (0,)), ((2,), ())]),
    (((0,), (0, 1)), "zh", 0, [((0,), (0,)), ((), (1,))]),
    (((0,), (0,)), "zh", 0, [((0,), ()), ((), (0,))]),
])
def test_split_pairs_sentences_in_order(link, side, position, expected) -> None:
    from tmkit.review.model import ReviewLink, Sentence

    zh, en = link
    review = Review(zh=[Sentence(f"z{i}") for i in zh], en=[Sentence(f"e{j}") for j in en],
                    links=[ReviewLink(zh, en, 0.5)])
    run(review, op="split", link=0, side=side, position=position)
    assert shape(review) == expected
    review.check()


def test_move_up_carries_the_sentences_before_and_drops_an_empty_link() -> None:
    review = sample_review()
    run(review, op="move", direction="up", link=3, side="en", position=0)  # the lone English sentence
    assert shape(review)[2] == ((2,), (2,))
    assert len(review.links) == 6


def test_move_down_to_the_next_link() -> None:
    review = sample_review()
    run(review, op="move", direction="down", link=2, side="zh", position=0)
    assert shape(review)[2] == ((2,), (2,))


def test_unmatch_takes_one_sentence_out_in_order() -> None:
    review = sample_review()
    run(review, op="merge", link=4)  # 3-3 and 4-4 → 2-2
    run(review, op="unmatch", link=4, side="zh", position=1)
    assert shape(review)[4:6] == [((3,), (3, 4)), ((4,), ())]
    run(review, op="unmatch", link=4, side="en", position=0)
    assert shape(review)[4:6] == [((), (3,)), ((3,), (4,))]
    review.check()


def test_edit_keeps_the_original_text_once() -> None:
    review = sample_review()
    run(review, op="edit", side="en", sentence=3, text="  Peacekeeping   operations face new challenges. ")
    run(review, op="edit", side="en", sentence=3, text="Peacekeeping operations face challenges.")
    assert review.en[3].text == "Peacekeeping operations face challenges."
    assert review.en[3].original == "The missions face new challenges."
    run(review, op="edit", side="en", sentence=3, text="The missions face new challenges.")
    assert review.en[3].original is None  # back to the original: not an edit
    with pytest.raises(OperationError, match="empty"):
        run(review, op="edit", side="zh", sentence=0, text="  ")


@pytest.mark.parametrize("operation, message", [
    ({"op": "merge", "link": 99}, "no link 99"),
    ({"op": "merge", "link": "1"}, "no link '1'"),
    ({"op": "split", "link": 0, "side": "fr"}, "side must be zh or en"),
    ({"op": "move", "link": 1, "side": "zh", "position": 0, "direction": "sideways"}, "direction"),
    ({"op": "move", "link": 0, "side": "zh", "position": 0, "direction": "up"}, "first link"),
    ({"op": "unmatch", "link": 2, "side": "zh", "position": 0}, "already unmatched"),
    ({"op": "unmatch", "link": 2, "side": "en", "position": 0}, "no en sentence"),
    ({"op": "explode", "link": 0}, "unknown operation"),
])
def test_bad_operations_are_refused_and_change_nothing(operation, message) -> None:
    review = sample_review()
    before = shape(review)
    with pytest.raises(OperationError, match=message):
        apply_operation(review, operation, STAMP)
    assert shape(review) == before


def random_operation(review: Review, rng: random.Random) -> dict:
    index = rng.randrange(len(review.links))
    link = review.links[index]
    side = rng.choice([s for s in ("zh", "en") if link.side(s)])
    position = rng.randrange(len(link.side(side)))
    name = rng.choice(["merge", "split", "move", "unmatch", "edit", "review"])
    if name == "edit":
        return {"op": "edit", "side": side, "sentence": link.side(side)[position], "text": f"text {rng.random()}"}
    return {"op": name, "link": index, "side": side, "position": position, "direction": rng.choice(["up", "down"]),
            "reviewed": rng.random() < 0.7}


def test_random_operations_keep_the_alignment_valid_and_undo_restores_it() -> None:
    rng = random.Random(14)
    for _ in range(30):
        review = sample_review()
        original = (list(review.links), list(review.zh), list(review.en))
        patches = []
        for _ in range(25):
            try:
                patches.append(apply_operation(review, random_operation(review, rng), STAMP))
            except OperationError:
                continue
            review.check()
        for patch in reversed(patches):
            apply_patch(review, patch.inverse())
        assert (review.links, review.zh, review.en) == original
