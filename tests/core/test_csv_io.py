"""CSV import and export of points."""

import pytest

from micrograd_gui.core.datasets import VAL, Dataset
from micrograd_gui.core.files import csv_file


def test_round_trip(tmp_path):
    d = Dataset().with_point(0.1, -0.2, 1).with_point(1.5, 2.0, 3, split=VAL)
    csv_file.write(tmp_path / "p.csv", d)
    assert csv_file.read(tmp_path / "p.csv") == d


def test_header_comments_blank_lines_and_optional_split():
    d = csv_file.parse("x,y,label\n# a comment\n\n0,0,0\n1,1,1,test\n")
    assert d.labels == (0, 1) and d.splits[1] == 2 and d.num_classes == 2


def test_bad_lines_are_reported_by_number():
    text = "x,y,label\n0,0,0\nabc,1,1\n1,1\n2,2,9\n3,3,1,holdout\n"
    with pytest.raises(csv_file.CsvError) as e:
        csv_file.parse(text)
    msg = str(e.value)
    assert "4 bad lines" in msg and "line 3" in msg and "line 4" in msg and "line 5" in msg and "line 6" in msg
    assert "Nothing was imported" in msg


@pytest.mark.parametrize("raw,message", [(b"\x00\x01\x02", "binary"), (b"\xff\xfe\xfa", "not UTF-8"),
                                         (b"", "no points")])
def test_unreadable_files(tmp_path, raw, message):
    p = tmp_path / "p.csv"
    p.write_bytes(raw)
    with pytest.raises(csv_file.CsvError, match=message):
        csv_file.read(p)
