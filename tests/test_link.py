"""Entity linking: which spellings are one entity, and which distinct people never merge."""

from __future__ import annotations

import pytest

from nerpipe.link import FOLD_CACHE, fold, link, same_name

SAME = [
    ("Ngyuen Co Thach", "Nguyen Co Thach"),
    ("Pham Vam Dong", "Pham Van Dong"),
    ("Myakotnykh", "Myakotnyh"),
    ("Hoanh Van Loi", "Hoang Van Loi"),
    ("Kiernan, Ben", "Ben Kiernan"),
    ("the Khmer Rouge", "Khmer Rouge"),
    ("Lê Duẩn", "Le Duan"),
]
DIFFERENT = [
    ("Le Duc Tho", "Le Duc Anh"),
    ("Nguyen Van Linh", "Nguyen Van Thieu"),
    ("Le Duan", "Le Duc Anh"),
    ("Hoang Van Tien", "Hoang Van Loi"),
    ("Pham Hung", "Pham Van Dong"),
    ("Keo Meas", "Keo Muni"),
    ("Nguyen Co Thach", "Nguyen Duy Trinh"),
    ("Kim Il Sung", "Kim Jong Il"),
    ("Ta Mok", "Ta Mao"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_name_merges_variants(a: str, b: str) -> None:
    assert same_name(fold(a), fold(b))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_same_name_keeps_distinct_people_apart(a: str, b: str) -> None:
    assert not same_name(fold(a), fold(b))


def test_link_surname_and_acronym() -> None:
    text = "The Khmer People's Revolutionary Party (KPRP) was founded. Later the KPRP split."
    mentions = [
        ("Yuri Myakotnykh", "PERSON", "rule:given-surname"),
        ("Myakotnyh", "PERSON", "propagated:surname"),
        ("Khmer People's Revolutionary Party", "ORG", "rule:org-name"),
        ("KPRP", "ORG", "rule:acronym"),
        ("Le Duc Tho", "PERSON", "rule:vietnamese-name"),
        ("Le Duc Anh", "PERSON", "rule:vietnamese-name"),
    ]
    assignment, clusters = link(mentions, text)
    assert assignment[0] == assignment[1]
    assert assignment[2] == assignment[3]
    assert assignment[4] != assignment[5]
    assert clusters[assignment[0]].canonical == "Yuri Myakotnykh"


@pytest.mark.parametrize(
    ("name", "folded"),
    [("Pol Pot", "pol pot"), ("Nguyễn Văn Linh", "nguyen van linh"), ("Duan, Le", "le duan")],
)
def test_fold_cache_is_bounded_and_an_evicted_name_folds_the_same(name: str, folded: str) -> None:
    assert fold(name) == folded
    for n in range(FOLD_CACHE + 10):  # more names than the cache holds: `name` is evicted
        fold(f"Name{n}")
    assert fold.cache_info().currsize <= FOLD_CACHE
    assert fold(name) == folded
