"""The ordered parallel map that large TMX files are read with: order, laziness, errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tmkit.processes import can_start_workers, ordered_map, usable_cores


def test_results_come_in_the_order_of_the_items() -> None:
    assert list(ordered_map(abs, range(-30, 0), 2)) == list(range(30, 0, -1))


def test_items_are_taken_only_as_results_are() -> None:
    taken = 0

    def items() -> Iterator[int]:
        nonlocal taken
        for item in range(1000):
            taken += 1
            yield item

    results = ordered_map(abs, items(), 2, ahead=2)
    assert next(results) == 0
    assert taken <= 2 * 2 + 1  # never the whole input ahead, unlike Pool.imap
    results.close()


def test_an_error_is_raised_at_its_items_turn() -> None:
    results = ordered_map(int, ["1", "2", "x", "4"], 2)
    assert [next(results), next(results)] == [1, 2]
    with pytest.raises(ValueError, match="invalid literal"):
        next(results)


def test_this_process_may_start_workers() -> None:
    assert usable_cores() >= 1 and can_start_workers()
