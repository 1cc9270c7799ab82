"""The one way the app reads a user's file: a regular file only, opened without blocking, read to its limit plus one
byte; anything else is refused with a message that says what the path really is."""

from __future__ import annotations

import os
import stat

CHUNK = 1 << 20
# O_NONBLOCK: a path swapped for a named pipe between the check and the open must not wait for a writer
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0) | \
    getattr(os, "O_CLOEXEC", 0)


def kind_of(mode: int) -> str | None:
    """Why a file of this mode cannot be read as a document; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a regular file"
    return "it is not a regular file"


def read_bytes(path: str | os.PathLike[str], max_bytes: int, error: type[ValueError], too_big: str) -> bytes:
    """The file's bytes, or `error`: not a regular file, unreadable, or over max_bytes (`too_big`, formatted with
    {size_mb} and {max_mb}). Never reads more than max_bytes + 1 bytes, so a file that grows is refused too."""
    try:
        kind = kind_of(os.stat(path).st_mode)  # before opening: a device is never opened at all
        if kind:
            raise error(f"cannot read the file: {kind}")
        fd = os.open(path, _FLAGS)
    except OSError as e:
        raise error(f"cannot read the file: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        kind = kind_of(st.st_mode)  # what was opened, which may not be what stat() saw
        if kind:
            raise error(f"cannot read the file: {kind}")
        if st.st_size > max_bytes:
            raise error(too_big.format(size_mb=st.st_size / 2**20, max_mb=max_bytes // 2**20))
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # it grew after fstat() looked
            raise error(too_big.format(size_mb=max(total, st.st_size) / 2**20, max_mb=max_bytes // 2**20))
        return b"".join(chunks)
    except OSError as e:
        raise error(f"cannot read the file: {e.strerror or e}") from None
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike[str], max_bytes: int, error: type[ValueError], too_big: str,
              not_text: str, encoding: str = "utf-8") -> str:
    """read_bytes decoded in `encoding`, or `error` saying it is not such text (`not_text`)."""
    raw = read_bytes(path, max_bytes, error, too_big)
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise error(not_text) from None
