"""Writing a file the user named (an export, the settings): whole or not at all, and only
where that is safe.

- A regular file is written beside itself and then moved into place, so a reader of it, a
  full disk or a crash never sees half a file; replacing one that is there is the caller's
  question to ask (`Target.replaces`).
- A character device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO another program
  reads) is written to as a stream: nothing is replaced. `--force` once turned
  `/dev/null` into a regular 15 KB file.
- A symbolic link is followed, deliberately: the file it points to is written (as a
  dotfile manager's link to a settings file expects) and the link stays a link. A link to
  nothing is refused, since following it would make a file wherever it points.
- A folder, a block device, a socket or an empty name are refused with the reason.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

T = TypeVar("T")


class TargetError(ValueError):
    """The named place cannot be written to; the message says why and names it."""


@dataclass(frozen=True)
class Target:
    """Where a file the user named will be written."""

    named: Path  # as the user wrote it
    path: Path  # where the bytes go: the link's target for a link
    stream: bool = False  # a device or a pipe, written as it comes
    replaces: bool = False  # a regular file is there and would be replaced

    @property
    def through_link(self) -> bool:
        return self.named != self.path

    def __str__(self) -> str:
        if self.through_link:
            return f"{self.path} (through the link {self.named})"
        return str(self.path)


def target(named: str | os.PathLike[str]) -> Target:
    """What writing to `named` would do, or TargetError when it must not be written."""
    if not str(named).strip():
        raise TargetError("an empty file name: name the file to write")
    named = Path(named).expanduser()
    path = named
    if named.is_symlink():
        path = named.resolve()
        if not path.exists():
            raise TargetError(f"{named} is a link to {path}, which does not exist")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise TargetError(f"{path.parent} is not a folder") from None
        return Target(named, path)
    except OSError as exc:
        raise TargetError(f"{path}: {exc.strerror or exc}") from exc
    if stat.S_ISREG(mode):
        return Target(named, path, replaces=True)
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target(named, path, stream=True)
    if stat.S_ISDIR(mode):
        raise TargetError(f"{path} is a folder: add a file name")
    kind = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else (
        "not a file")  # fmt: skip
    raise TargetError(f"{path} is {kind}: claimdiff writes to files, devices and pipes only")


def write_text(where: Target, write: Callable[[TextIO], T]) -> T:
    """Write text through `write` to the target; returns what `write` returned. A regular
    file keeps its permissions when replaced. Raises OSError when the disk refuses."""
    if where.stream:
        with where.path.open("w", encoding="utf-8", newline="") as out:
            return write(out)
    tmp = where.path.with_name(f".{where.path.name}.part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            result = write(out)
        if where.replaces and where.path.exists():
            os.chmod(tmp, stat.S_IMODE(where.path.stat().st_mode))
        os.replace(tmp, where.path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result
