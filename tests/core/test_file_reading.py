"""One rule for every file the app reads: regular files only, opened without blocking, read to the limit plus
one byte."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from micrograd_gui.core.files import csv_file, reading
from micrograd_gui.core.files import session_file as sf

LOADERS: dict[str, tuple[Callable[[Path], object], type[ValueError]]] = {
    "session": (sf.load, sf.SessionError), "csv": (csv_file.read, csv_file.CsvError)}
posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes and /dev are POSIX")


def finishes(fn: Callable[[], object], unblock: Callable[[], None], timeout: float = 10.0) -> BaseException | None:
    """What fn raised (None if it returned); fails, after unblocking it, if it has not finished within timeout."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            fn()
            outcome.append(None)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        unblock()
        thread.join(timeout)
        pytest.fail("the load blocked (it waited for a writer on the pipe)")
    return outcome[0]


@posix_only
@pytest.mark.parametrize("kind", LOADERS)
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, kind):
    load, error = LOADERS[kind]
    pipe = tmp_path / "points.fifo"
    os.mkfifo(pipe)

    def unblock() -> None:  # a writer that closes at once: a reader blocked in open() gets end of file
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    e = finishes(lambda: load(pipe), unblock)
    assert isinstance(e, error) and "named pipe" in str(e) and "not a regular file" in str(e)


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
@pytest.mark.parametrize("kind", LOADERS)
def test_devices_are_refused_before_a_byte_is_read(device, kind, monkeypatch):
    load, error = LOADERS[kind]
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    monkeypatch.setattr(reading.os, "read", lambda *a: pytest.fail("a device was read"))
    with pytest.raises(error, match="it is a device, not a regular file"):
        load(Path(device))


@pytest.mark.parametrize("kind", LOADERS)
def test_a_folder_is_refused(tmp_path, kind):
    load, error = LOADERS[kind]
    with pytest.raises(error, match="cannot read the file: it is a folder"):
        load(tmp_path)


@pytest.mark.parametrize("kind", LOADERS)
def test_a_missing_file_says_so(tmp_path, kind):
    load, error = LOADERS[kind]
    with pytest.raises(error, match="cannot read the file: No such file"):
        load(tmp_path / "gone")


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as f:
        f.truncate(size)
    return path


@pytest.mark.parametrize("kind,limit,words", [("session", sf.MAX_BYTES, "sessions are at most 50 MB"),
                                              ("csv", csv_file.MAX_BYTES, "larger than 5 MB")])
def test_an_oversize_file_is_refused_reading_at_most_the_limit_plus_one_byte(tmp_path, monkeypatch, kind, limit,
                                                                             words):
    load, error = LOADERS[kind]
    path = sparse(tmp_path / "big", limit + 1)
    read: list[int] = []
    real_read = reading.os.read

    def counted(fd: int, n: int) -> bytes:
        chunk = real_read(fd, n)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(reading.os, "read", counted)
    with pytest.raises(error, match=words):
        load(path)
    assert sum(read) <= limit + 1


@pytest.mark.parametrize("kind,limit,words", [("session", sf.MAX_BYTES, "sessions are at most 50 MB"),
                                              ("csv", csv_file.MAX_BYTES, "larger than 5 MB")])
def test_a_file_grown_after_its_size_was_checked_is_still_refused(tmp_path, monkeypatch, kind, limit, words):
    load, error = LOADERS[kind]
    path = sparse(tmp_path / "growing", limit + 10_000)
    real_stat, real_fstat = os.stat, os.fstat

    class Small:  # the size as it was when stat() looked, before the file grew
        def __init__(self, st: os.stat_result):
            self._st = st

        def __getattr__(self, name: str) -> object:
            return 0 if name == "st_size" else getattr(self._st, name)

    monkeypatch.setattr(reading.os, "stat", lambda p, *a, **k: Small(real_stat(p, *a, **k)))
    monkeypatch.setattr(reading.os, "fstat", lambda fd: Small(real_fstat(fd)))
    with pytest.raises(error, match=words):
        load(path)


def test_the_reader_gives_the_bytes_of_a_regular_file(tmp_path):
    p = tmp_path / "f.txt"
    p.write_bytes(b"abc" * 1000)
    assert reading.read_bytes(p, 3000, ValueError, "too big {size_mb} {max_mb}") == b"abc" * 1000
    with pytest.raises(ValueError, match="too big"):
        reading.read_bytes(p, 2999, ValueError, "too big {size_mb} {max_mb}")
