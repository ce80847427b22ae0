"""Untrusted text is made inert before anything else sees it."""

from __future__ import annotations

import pytest

from extract import DecodeError, clean_text, decode_bytes


def test_escape_sequences_and_controls_are_stripped():
    raw = "red \x1b[31mtext\x1b[0m, title \x1b]0;pwned\x07, link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\"
    assert clean_text(raw) == "red text, title , link here"


def test_clipboard_write_and_bidi_override_are_stripped():
    raw = "a\x1b]52;c;ZXZpbA==\x07b \u202eevil\u202c \u200bz"
    assert clean_text(raw) == "ab evil z"


def test_line_endings_are_normalised():
    assert clean_text("a\r\nb\rc") == "a\nb\nc"


def test_decoding_falls_back_for_legacy_encodings():
    assert decode_bytes("“quoted”".encode("cp1252")) == "“quoted”"
    assert decode_bytes("\ufeffcafé".encode()) == "café"
    assert decode_bytes("naïve".encode("utf-16")) == "naïve"


def test_binary_is_refused_with_a_reason():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
