"""The crash-recovery files beside the settings: one autosave per open window, each under its own lock, and what
windows that died left, kept as offers (never written over) until the user restores or discards them."""

from __future__ import annotations

import os
import stat
from itertools import count
from pathlib import Path

from PySide6.QtCore import QLockFile

MAX_WINDOWS = 8  # windows open at once with an autosave of their own; more get none (and are told)
AUTOSAVE = "recovery-session"  # slot 0's autosave keeps the name it had before the slots
OFFER = "recovery-offered"


def _regular(path: Path) -> bool:
    """Only a regular file is ours to offer, move or remove: never a folder or a link put in its place."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class RecoveryFiles:
    """Claims this window's slot (a lock file, stale once its process is gone) and takes over as offers the
    autosaves of slots whose window died; a live window's files are never touched."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.slot: int | None = None
        self.others_open = False  # another window holds a slot right now
        self.refused = False  # the folder takes no new file (read-only, full): no autosave, offers read-only
        self._lock: QLockFile | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # the lock below tells whether the folder is usable
        self._claim()
        if self.slot is not None:
            self._take_over_dead_slots()

    # ---- names --------------------------------------------------------------------------------
    def autosave_of(self, slot: int) -> Path:
        return self.folder / (f"{AUTOSAVE}.json" if slot == 0 else f"{AUTOSAVE}-{slot}.json")

    def _lock_of(self, slot: int) -> QLockFile:
        lock = QLockFile(str(self.folder / (f"{AUTOSAVE}.lock" if slot == 0 else f"{AUTOSAVE}-{slot}.lock")))
        lock.setStaleLockTime(0)  # a live window's lock never goes stale with age: only when its process is gone
        return lock

    def _offers_of(self, slot: int) -> list[Path]:
        found = list(self.folder.glob(f"{OFFER}-{slot}-*.json"))
        if slot == 0:
            found.append(self.folder / f"{OFFER}.json")  # the one offer name before the slots
        return [p for p in found if _regular(p)]

    @property
    def autosave(self) -> Path | None:
        """Where this window autosaves; None when it has no slot."""
        return None if self.slot is None else self.autosave_of(self.slot)

    # ---- claiming -----------------------------------------------------------------------------
    def _claim(self) -> None:
        for n in range(MAX_WINDOWS):
            lock = self._lock_of(n)
            if lock.tryLock(0):
                own = self.autosave_of(n)
                if os.path.lexists(own) and not _regular(own):  # a folder or a link in its place: the next slot
                    lock.unlock()
                    continue
                self.slot, self._lock = n, lock
                return
            if lock.error() != QLockFile.LockError.LockFailedError:  # no lock file can be made here
                self.refused = True
                return
            self.others_open = True

    def _take_over_dead_slots(self) -> None:
        """Our slot's autosave was left by a window that died; so were those of the other free slots."""
        assert self.slot is not None
        self._keep_as_offer(self.autosave_of(self.slot))
        for n in range(MAX_WINDOWS):
            if n == self.slot:
                continue
            lock = self._lock_of(n)
            if not lock.tryLock(0):
                self.others_open = self.others_open or lock.error() == QLockFile.LockError.LockFailedError
                continue
            try:
                for path in [self.autosave_of(n), *self._offers_of(n)]:
                    self._keep_as_offer(path)
            finally:
                lock.unlock()

    def _keep_as_offer(self, path: Path) -> None:
        """Move a dead window's file under a new offer name of our slot: never over another offer."""
        if not _regular(path):
            return
        for k in count(1):
            new = self.folder / f"{OFFER}-{self.slot}-{k}.json"
            if not os.path.lexists(new):  # our slot's lock keeps every other window from making this name
                break
        try:
            os.rename(path, new)  # the autosave's time goes with it: the offer says when it was saved
        except OSError:
            pass  # it stays where it is: offered again by whoever next takes that slot

    # ---- what is offered, and letting go ------------------------------------------------------
    def offers(self) -> list[Path]:
        """The autosaves of windows that died, oldest first. In a folder that takes no file there is nothing to
        move them with, and no window can be autosaving there: every autosave found is offered where it lies."""
        if self.slot is not None:
            found = self._offers_of(self.slot)
        elif self.refused:
            found = [p for p in self.folder.glob(f"{AUTOSAVE}*.json") if _regular(p)]
            found += [p for p in self.folder.glob(f"{OFFER}*.json") if _regular(p)]
        else:
            found = []
        return sorted(found, key=lambda p: (_mtime(p), p.name))

    def holds(self) -> bool:
        """Whether this window still holds its slot (and so owns its autosave)."""
        return self._lock is not None and self._lock.isLocked()

    def release(self) -> None:
        """A clean exit: this window's own autosave goes, its slot is let go; offers stay until answered."""
        own = self.autosave
        if own is not None and self.holds() and _regular(own):
            try:
                own.unlink()
            except OSError:
                pass  # a read-only folder: the next start offers it, which loses nothing
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
