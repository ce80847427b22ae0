"""Untrusted text made plain and inert, once for each place it goes.

Every article, file name, feed field and server answer is hostile until proven otherwise:
escape sequences could move the cursor or write the clipboard, bidirectional overrides and
invisible characters could disguise text or shift a terminal's columns. Each function here
has one job:

- `clean_text`: text coming in (an article's body), before anything else sees it, so every
  later offset refers to clean text;
- `one_line`: a short text coming in (a title, an outlet, a header's value) as one line;
- `inert`: stored text on its way to a screen, whatever wrote the library, same length;
- `printable`: a name or a reason in a one-line message, anything odd shown escaped so the
  user can still tell which file it was (`bad\\xff.txt`, `two\\nlines.txt`);
- `path_text`: a file's name as text, bytes that are not UTF-8 kept as escapes.

Invisible characters are found by their Unicode category (controls Cc, formats Cf,
surrogates Cs, line and paragraph separators Zl and Zp) and the default-ignorable property
(soft hyphen, Hangul fillers, variation selectors, tag characters), never by a list.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte escapes, and C1 CSI/OSC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, OSC 8 links, OSC 52 clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # C1 CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # C1 OSC
)
# Runs of characters outside printable ASCII: the only places anything needs looking at
# (most of an article is ASCII), so the Unicode classes below are searched there alone.
_SUSPECT = re.compile(r"[^\x20-\x7e\n\t]+")
MARK = "\ufffd"  # what inert shows in place of a control character


class DecodeError(ValueError):
    """The bytes are not an article we can read (binary, empty, undecodable)."""


@cache
def _classes() -> tuple[Any, Any, Any, Any]:
    """The Unicode classes, compiled on first use: the `regex` module (which has the
    Default_Ignorable_Code_Point property that `re` lacks) takes 15 ms to load, which the
    reader's first frame need not wait for."""
    import regex

    breaks = regex.compile(r"[\p{Zl}\p{Zp}]")  # U+2028, U+2029: a line break
    spaces = regex.compile(r"\p{Zs}")  # no-break, figure, ideographic spaces: a space
    invisible = regex.compile(
        r"[[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]--[\t\n]]", regex.V1
    )
    marked = regex.compile(
        r"[[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]--[\n]]", regex.V1
    )
    return breaks, spaces, invisible, marked


def _clean_run(match: re.Match[str]) -> str:
    breaks, spaces, invisible, _ = _classes()
    return invisible.sub("", spaces.sub(" ", breaks.sub("\n", match.group(0))))


def clean_text(raw: str) -> str:
    """Normalise line endings; strip control sequences and invisible characters; make
    every kind of space a space and every line separator a line break."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    return _SUSPECT.sub(_clean_run, text)


def one_line(text: str | None) -> str:
    """Untrusted text as one line of plain text: a title, an outlet, a file's name."""
    return " ".join(clean_text(text or "").split())


def inert(text: str) -> str:
    """Stored text safe for a terminal, same length: a tab is a space and any other control
    or invisible character a visible mark. Import cleans text already; this guards
    libraries written by anything else."""
    if not _SUSPECT.search(text):
        return text
    return _classes()[3].sub(lambda m: " " if m.group(0) == "\t" else MARK, text)


def printable(text: str) -> str:
    """Text as one line a terminal shows and never acts on: control and invisible
    characters escaped (`\\x1b`, `\\n`), a byte of a name that is not UTF-8 as `\\xff`."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for c in text:
        if "\udc80" <= c <= "\udcff":  # a byte the file system gave that is not UTF-8
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        elif c.isprintable() and not _classes()[3].match(c):
            out.append(c)
        else:
            out.append(repr(c)[1:-1] if c.isascii() or ord(c) < 0x100 else f"\\u{ord(c):04x}")
    return "".join(out)


def path_text(path: str | os.PathLike[str]) -> str:
    """A file's name as text that can be stored and shown: bytes the file system holds that
    are not UTF-8 (`$'bad\\xff.txt'`) are kept as `\\xff`, the name otherwise as it is."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


# What files that are not text start with: a PNG with base64 after it has no NUL for pages.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"), (b"PK\x05\x06", "a ZIP archive"),
)  # fmt: skip


def decode_bytes(data: bytes) -> str:
    """Decode an article file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises DecodeError with a reason a user can act on.
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"binary file ({kind}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError("invalid UTF-16 text") from exc
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def trie(words: list[str]) -> str:
    """A regex alternation of literal words grouped by first letter.

    Python's regex engine tries an alternation branch by branch at every position; grouped
    by first letter it rejects most positions at once (about three times faster here).
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())
