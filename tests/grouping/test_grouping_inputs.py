"""Inputs: dissimilarity from attributes, checked matrices, the MDGPLIB reader."""

import pytest

from samspil.grouping import (
    GroupingError,
    checked_dissimilarity,
    dissimilarity_from_attributes,
    read_mdgplib,
)


def test_dissimilarity_from_attributes_sums_weights_that_differ():
    people = [
        {"role": "lead", "organisation": "Aarhus", "region": "Midt"},
        {"role": "lead", "organisation": "Odense", "region": "Syd"},
        {"role": "staff", "organisation": "Aarhus", "region": None},
    ]
    d = dissimilarity_from_attributes(people, {"role": 1.0, "organisation": 3.0, "region": 0.5})
    assert d.tolist() == [[0.0, 3.5, 1.0], [3.5, 0.0, 4.0], [1.0, 4.0, 0.0]]


def test_dissimilarity_from_attributes_negative_weight_raises():
    with pytest.raises(GroupingError, match="'role' must be a finite number >= 0"):
        dissimilarity_from_attributes([{"role": 1}], {"role": -1})


def test_checked_dissimilarity_zeroes_diagonal():
    assert checked_dissimilarity([[5, 1], [1, 5]]).tolist() == [[0.0, 1.0], [1.0, 0.0]]


def test_checked_dissimilarity_not_symmetric_names_the_entry():
    with pytest.raises(GroupingError, match=r"d\[0\]\[1\] = 1.0 but d\[1\]\[0\] = 2.0"):
        checked_dissimilarity([[0, 1], [2, 0]])


def test_read_mdgplib_parses_header_and_pairs(tmp_path):
    path = tmp_path / "Tiny_n004_ds_01.txt"
    path.write_text("4 2 ds 1 3 2 3 \n0 1 2.5\n0 2 1\n0 3 4\n1 2 7\n1 3 0.5\n2 3 3\n")
    instance = read_mdgplib(path)
    assert instance.name == "Tiny_n004_ds_01"
    assert (instance.n, instance.n_groups, instance.kind) == (4, 2, "ds")
    assert instance.bounds == [(1, 3), (2, 3)]
    assert instance.dissimilarity.tolist() == [
        [0.0, 2.5, 1.0, 4.0],
        [2.5, 0.0, 7.0, 0.5],
        [1.0, 7.0, 0.0, 3.0],
        [4.0, 0.5, 3.0, 0.0],
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("4 2 xx 1 3 1 3\n", "line 1"),
        ("4 2 ss 2 2\n", "line 1"),
        ("4 1 ss 4 4\n0 9 1.0\n", "outside 0..3"),
        ("4 1 ss 4 4\n0 1\n", "three fields"),
    ],
)
def test_read_mdgplib_malformed_raises(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(GroupingError, match=message):
        read_mdgplib(path)
