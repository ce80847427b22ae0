"""Opening an article's web address with the system's own opener, never through a shell.

An article's address comes from its file, so only an http or https address of visible
characters is opened: `file:`, `javascript:` or a word starting with `-` (an option to the
opener) never reach it. On Linux and the BSDs the opener is xdg-open, and only with a
display to show a browser on: over SSH, xdg-open starts a text browser in the terminal the
reader is drawing on. On macOS it is `open`, on Windows the system's association
(os.startfile). Where there is none, the reader shows the address to copy instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

OPEN_WAIT = 10  # seconds an opener has to say it failed; a browser it starts runs on


def openable(url: str) -> bool:
    """Whether an address is one to hand to a browser: http or https, to a host, with
    nothing invisible or blank in it."""
    if not url or not all(c.isprintable() and not c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def opener() -> list[str] | None:
    """The command that opens a web address in a browser here, if there is one."""
    if sys.platform == "darwin":
        found = shutil.which("open")
    elif os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        found = shutil.which("xdg-open")
    else:
        found = None
    return [found] if found else None


def open_address(url: str) -> str | None:
    """Open a web address in the user's browser; None when done, else why it was not. A
    `www.` address with no scheme, as pages print them, is opened over https."""
    if url.lower().startswith("www."):
        url = f"https://{url}"
    if not openable(url):
        return "it is not an http or https address"
    start = getattr(os, "startfile", None)  # Windows only
    if start is not None:
        try:
            start(url)
        except OSError as exc:
            return f"Windows could not open it ({exc.strerror or exc})"
        return None
    command = opener()
    if command is None:
        return "no program here opens web pages (no display: over SSH?)"
    name = os.path.basename(command[0])
    try:
        process = subprocess.Popen(
            [*command, url], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    except OSError as exc:
        return f"{name} could not be started ({exc.strerror or exc})"
    try:
        code = process.wait(OPEN_WAIT)
    except subprocess.TimeoutExpired:
        return None  # still at it: the browser it started
    return None if code == 0 else f"{name} could not open it (it ended with {code})"
