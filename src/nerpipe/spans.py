"""Character intervals with fast overlap queries, for the overlap checks of a long document."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Character intervals, sorted by start, with fast overlap queries (spans are short).

    >>> Spans([(0, 5), (10, 12)]).overlapping(4, 11)
    [(0, 5), (10, 12)]
    """

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()) -> None:
        self.items = sorted(intervals)
        self.longest = max((e - s for s, e in self.items), default=0)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.items, (start, end))
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.items, (start - self.longest, -1))
        hi = bisect.bisect_left(self.items, (end, -1))
        return [(s, e) for s, e in self.items[lo:hi] if s < end and start < e]


class Coverage:
    """Which characters of a text spans already cover: an overlap test costs one `find`.

    >>> taken = Coverage(20)
    >>> taken.add(5, 9)
    >>> taken.overlaps(0, 5), taken.overlaps(8, 12), taken.overlaps(9, 20)
    (False, True, False)
    """

    def __init__(self, size: int) -> None:
        self.chars = bytearray(size)

    def add(self, start: int, end: int) -> None:
        self.chars[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.chars.find(1, start, end) >= 0
