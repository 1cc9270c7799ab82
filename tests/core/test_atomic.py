"""One rule for every file the app writes: a short temporary beside the target, renamed over it; the old file's
permissions kept, a symlink written through, nothing destroyed on failure, leftovers of a killed save cleaned."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from micrograd_gui.core.files import atomic

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions, links and devices")


def mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_name_of_255_bytes_saves(tmp_path):
    target = tmp_path / ("s" * 250 + ".json")
    assert len(target.name.encode()) == 255
    atomic.atomic_write(target, "{}")
    assert target.read_text() == "{}" and names(tmp_path) == [target.name]
    atomic.atomic_replace(target, lambda tmp: Path(tmp).write_bytes(b"png"))
    assert target.read_bytes() == b"png" and names(tmp_path) == [target.name]


def test_temporary_names_are_short_and_recognisable(tmp_path, monkeypatch):
    seen: list[str] = []
    atomic.atomic_replace(tmp_path / ("x" * 200), lambda tmp: seen.append(tmp) or Path(tmp).write_text("a"))
    name = Path(seen[0]).name
    assert len(name) <= 32 and atomic.is_temporary(name) and not atomic.is_temporary("x" * 200)
    assert Path(seen[0]).parent == tmp_path


@posix_only
@pytest.mark.parametrize("old", [0o644, 0o664, 0o600, 0o640, 0o444])
@pytest.mark.parametrize("how", ["write", "replace"])
def test_re_saving_keeps_the_old_files_permission_bits(tmp_path, old, how):
    target = tmp_path / "shared.json"
    target.write_text("old")
    os.chmod(target, old)
    if how == "write":
        atomic.atomic_write(target, "new")
    else:
        atomic.atomic_replace(target, lambda tmp: Path(tmp).write_text("new"))
    assert target.read_text() == "new" and mode(target) == old


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
@pytest.mark.parametrize("how", ["write", "replace"])
def test_a_new_file_gets_the_usual_permissions_of_the_umask(tmp_path, umask, how):
    target = tmp_path / "new.json"
    before = os.umask(umask)
    try:
        if how == "write":
            atomic.atomic_write(target, "new")
        else:
            atomic.atomic_replace(target, lambda tmp: Path(tmp).write_text("new"))
    finally:
        os.umask(before)
    assert mode(target) == 0o666 & ~umask


@posix_only
@pytest.mark.parametrize("how", ["write", "replace"])
def test_saving_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, how):
    real_dir = tmp_path / "real"
    real_dir.mkdir()
    real = real_dir / "lesson.json"
    real.write_text("old")
    os.chmod(real, 0o644)
    link = tmp_path / "link.json"
    link.symlink_to(Path("real") / "lesson.json")  # relative, as `ln -s` makes it
    if how == "write":
        atomic.atomic_write(link, "new")
    else:
        atomic.atomic_replace(link, lambda tmp: Path(tmp).write_text("new"))
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "lesson.json")
    assert real.read_text() == "new" and mode(real) == 0o644
    assert names(tmp_path) == ["link.json", "real"] and names(real_dir) == ["lesson.json"]


@posix_only
def test_a_chain_of_links_and_a_dangling_link_are_written_through(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("c")
    atomic.atomic_write(tmp_path / "a", "made")  # c does not exist yet: it is created
    assert (tmp_path / "c").read_text() == "made" and (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


@posix_only
def test_a_link_loop_fails_cleanly(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(OSError):
        atomic.atomic_write(tmp_path / "a", "x")
    assert names(tmp_path) == ["a", "b"]


@pytest.mark.parametrize("how", ["write", "replace"])
def test_a_folder_is_not_replaced(tmp_path, how):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "keep").write_text("k")
    with pytest.raises(IsADirectoryError, match="folder"):
        if how == "write":
            atomic.atomic_write(folder, "x")
        else:
            atomic.atomic_replace(folder, lambda tmp: Path(tmp).write_text("x"))
    assert names(tmp_path) == ["out"] and names(folder) == ["keep"]


@pytest.fixture
def devices_guarded(monkeypatch):
    """A rename onto /dev fails the test instead of replacing a device node (root may rename over one)."""
    real = atomic.os.replace

    def guarded(src, dst):
        if os.path.realpath(dst).startswith(("/dev/", "/proc/")):
            pytest.fail(f"a temporary was renamed over {dst}")
        return real(src, dst)

    monkeypatch.setattr(atomic.os, "replace", guarded)


@posix_only
@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_a_device_is_never_replaced_by_a_file(device, devices_guarded):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    before = os.stat(device)
    with pytest.raises(OSError, match="not a regular file"):
        atomic.atomic_write(device, "x")  # as root, a rename would replace the device node itself
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    assert not [n for n in os.listdir(os.path.dirname(device)) if atomic.is_temporary(n)]


@posix_only
def test_a_named_pipe_is_never_replaced_nor_opened(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="it is a named pipe, not a regular file"):
        atomic.atomic_write(pipe, "x")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode) and names(tmp_path) == ["pipe"]


def test_a_failure_half_way_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "s.json"
    target.write_text("precious")

    def boom(tmp: str) -> None:
        Path(tmp).write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        atomic.atomic_replace(target, boom)
    monkeypatch.setattr(atomic.os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied")))
    with pytest.raises(PermissionError):
        atomic.atomic_write(target, "new")
    assert target.read_text() == "precious" and names(tmp_path) == ["s.json"]


def test_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        atomic.atomic_write(tmp_path / "no" / "s.json", "x")
    assert names(tmp_path) == []


KILLED_SAVE = """
import os, sys
from micrograd_gui.core.files import atomic
def stop(tmp):
    open(tmp, "w").write("half a session")
    os._exit(9)  # as kill -9 does: no cleanup runs
atomic.atomic_replace(sys.argv[1], stop)
"""


def test_the_temporary_of_a_killed_save_is_cleaned_and_nothing_else(tmp_path):
    target = tmp_path / "s.json"
    target.write_text("old")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(target)], env=env, timeout=60)
        assert done.returncode == 9
    left = [n for n in names(tmp_path) if n != "s.json"]
    assert len(left) == 2 and all(atomic.is_temporary(n) for n in left)
    mine = ["notes.tmp", ".hidden", ".mg-notes.tmp", "s.json.bak", ".s.json.abc.tmp", ".mg-1-zz.tmp"]
    for n in mine:  # the user's own files, some of them look alike
        (tmp_path / n).write_text("mine")
    assert sorted(atomic.clean_stale_temporaries(tmp_path)) == sorted(left)
    assert names(tmp_path) == sorted(["s.json", *mine]) and target.read_text() == "old"


def test_cleaning_keeps_the_temporary_of_a_save_still_running(tmp_path):
    live = tmp_path / atomic.temporary_name()  # this process's: a save in progress in another thread
    live.write_text("being written")
    assert atomic.clean_stale_temporaries(tmp_path) == [] and live.exists()


def test_cleaning_removes_a_legacy_temporary_beside_its_file_once_old(tmp_path):
    (tmp_path / "s.json").write_text("old")
    legacy = tmp_path / ".s.json.k2x9_q1a.tmp"  # what tempfile.mkstemp made before the short names
    legacy.write_text("half")
    assert atomic.clean_stale_temporaries(tmp_path) == []  # it may be another instance's save, still running
    old = time.time() - 2 * atomic.LEGACY_AGE_S
    os.utime(legacy, (old, old))
    assert atomic.clean_stale_temporaries(tmp_path) == [legacy.name] and names(tmp_path) == ["s.json"]


def test_cleaning_a_missing_or_unreadable_folder_is_quiet(tmp_path):
    assert atomic.clean_stale_temporaries(tmp_path / "gone") == []
    (tmp_path / "f").write_text("a file, not a folder")
    assert atomic.clean_stale_temporaries(tmp_path / "f") == []


@posix_only
def test_sessions_and_csv_files_are_saved_by_the_same_rule(tmp_path):
    from micrograd_gui.core.datasets import Dataset
    from micrograd_gui.core.files import csv_file
    from micrograd_gui.core.files import session_file as sf
    from micrograd_gui.core.presets import get_preset
    from micrograd_gui.core.trainer import Trainer

    shared = tmp_path / "class"
    shared.mkdir()
    session, points = shared / "lesson.json", shared / "points.csv"
    for f in (session, points):
        f.write_text("old")
        os.chmod(f, 0o644)
        (tmp_path / f.name).symlink_to(f)
    sf.save(tmp_path / session.name, sf.Session(Trainer(get_preset("llm101n").config).state()))
    csv_file.write(tmp_path / points.name, Dataset().with_point(0.5, 0.5, 1))
    assert sf.load(session).state.step == 0 and len(csv_file.read(points)) == 1
    assert mode(session) == mode(points) == 0o644
    assert (tmp_path / session.name).is_symlink() and (tmp_path / points.name).is_symlink()
    assert names(shared) == ["lesson.json", "points.csv"]


def test_cleaning_a_temporary_named_with_a_pid_past_any_the_system_gives(tmp_path):
    huge = tmp_path / ".mg-9999999999-0123abcd.tmp"  # os.kill would raise OverflowError on this pid
    huge.write_text("half")
    assert atomic.clean_stale_temporaries(tmp_path) == [huge.name] and not huge.exists()
