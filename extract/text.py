"""Turn untrusted bytes into plain, inert text.

Every article is hostile until proven otherwise: escape sequences could move the cursor
or write the clipboard, bidirectional overrides could disguise text. They are removed here,
once, before anything else sees the text, so every later offset refers to clean text.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte escapes, and C1 CSI/OSC.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, OSC 8 links, OSC 52 clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # C1 CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # C1 OSC
)
# Remaining C0/C1 controls (tab and newline survive), bidi overrides/isolates, zero-width
# characters and the byte-order mark.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_NBSP = re.compile("[\u00a0\u2007\u202f]")


class DecodeError(ValueError):
    """The bytes are not an article we can read (binary, empty, undecodable)."""


def clean_text(raw: str) -> str:
    """Normalise line endings and strip control sequences and invisible characters."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    return _NBSP.sub(" ", text)


def one_line(text: str | None) -> str:
    """Untrusted text as one line of plain text: a title, an outlet, a file's name."""
    return " ".join(clean_text(text or "").split())


def decode_bytes(data: bytes) -> str:
    """Decode an article file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Raises DecodeError with a reason a user can act on.
    """
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
