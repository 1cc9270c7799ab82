"""Files the user owns: written to a short temporary beside the real target, then renamed over it, so a failure
half-way never truncates them; the old file's permissions kept, a symlink written through, leftovers cleaned."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from pathlib import Path

from micrograd_gui.core.files.reading import kind_of

# ".mg-<pid>-<8 hex>.tmp": at most 27 bytes whatever the target's name (a 255-byte name still saves), and the pid
# tells a killed save's leftover from a save still running in another instance
_OURS = re.compile(r"\.mg-([0-9]{1,10})-[0-9a-f]{8}\.tmp", re.ASCII)
_LEGACY = re.compile(r"\.(.+)\.[a-z0-9_]{8}\.tmp", re.ASCII | re.DOTALL)  # tempfile.mkstemp's, before these
LEGACY_AGE_S = 3600.0  # a legacy temporary (no pid) this old is no save in progress


def temporary_name() -> str:
    """A new temporary's name: short, and recognisable as ours (is_temporary)."""
    return f".mg-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def is_temporary(name: str) -> bool:
    """Whether a file name is one of our temporaries."""
    return _OURS.fullmatch(name) is not None


def _target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """Where the bytes go (a symlink's final target: the link stays a link) and what is there now, if anything.
    Only a regular file is replaced: a folder, a device or a pipe is an OSError, never renamed over (root could)."""
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)  # a loop of links raises here
    except FileNotFoundError:
        return real, None
    kind = kind_of(st.st_mode)
    if kind is not None:
        error = IsADirectoryError if stat.S_ISDIR(st.st_mode) else OSError
        raise error(errno.EISDIR if stat.S_ISDIR(st.st_mode) else errno.EINVAL, kind, str(path))
    return real, st


def _create(folder: Path) -> tuple[int, Path]:
    """A new, empty temporary in folder, open for writing; mode 0o666 less the umask, as any new file gets."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        tmp = folder / temporary_name()
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:  # 2^32 names a process: only a leftover of a former process with our pid
            continue
        except OSError as e:  # said of the folder: the temporary's name would mean nothing to the user
            missing = e.errno == errno.ENOENT and not folder.is_dir()
            why = (f"the folder {folder} does not exist" if missing
                   else f"cannot create a file in {folder}: {e.strerror}")
            raise type(e)(e.errno, why, str(folder)) from None


def _keep_attributes(tmp: Path, old: os.stat_result | None) -> None:
    """The replaced file's permission bits (a shared 0644 file stays readable by the class) and, where allowed,
    its group; a new file keeps what the umask gave it."""
    if old is None:
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode) & 0o777)
    if os.name == "posix" and hasattr(os, "chown"):
        try:
            os.chown(tmp, -1, old.st_gid)  # allowed when we belong to the group (or are root)
        except OSError:
            pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it; a failure here loses nothing already written."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _commit(tmp: Path, target: Path, old: os.stat_result | None) -> None:
    _keep_attributes(tmp, old)
    os.replace(tmp, target)
    _sync_folder(target.parent)


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write text (UTF-8) to a temporary beside the target, flush it to disk, then rename it over the target."""
    target, old = _target(path)
    fd, tmp = _create(target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        _commit(tmp, target, old)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_replace(path: str | os.PathLike[str], write: Callable[[str], None]) -> None:
    """Let `write` fill a temporary file beside the target (its path given), flush it to disk, then rename it over
    the target: a failure half-way (a full disk) leaves an old file as it was."""
    target, old = _target(path)
    fd, tmp = _create(target.parent)
    os.close(fd)
    try:
        write(str(tmp))
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        _commit(tmp, target, old)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _running(pid: int) -> bool:
    """Whether a process with this id runs here (so its temporary may be a save in progress)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no safe check without a helper library: such temporaries go by age alone
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except (ProcessLookupError, OverflowError):  # OverflowError: a name's pid past any the system gives
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _stale(folder: Path, name: str, st: os.stat_result, now: float) -> bool:
    old = now - st.st_mtime > LEGACY_AGE_S
    ours = _OURS.fullmatch(name)
    if ours:
        return old or not _running(int(ours.group(1)))
    legacy = _LEGACY.fullmatch(name)  # only beside the file it was saving, so a user's own ".x.tmp" is left alone
    return legacy is not None and old and (folder / legacy.group(1)).is_file()


def clean_stale_temporaries(folder: str | os.PathLike[str]) -> list[str]:
    """Remove the temporaries a killed save left in folder (never a save still running, never a user's file);
    the names removed. A missing or unreadable folder is not an error: there is nothing to clean."""
    root = Path(folder)
    removed = []
    now = time.time()
    try:
        names = os.listdir(root)
    except OSError:
        return []
    for name in names:
        if not name.startswith(".") or not name.endswith(".tmp"):
            continue
        try:
            st = os.lstat(root / name)
            if stat.S_ISREG(st.st_mode) and _stale(root, name, st, now):
                os.unlink(root / name)
                removed.append(name)
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed
