"""Pure text analysis for claimdiff: no I/O, no SQLite, no Textual.

`analyse_article` is the entry point: raw article text in, metadata, sentences,
quantity and statement claims, and entity mentions out. Names load on first use, so a
reader that only formats claims does not compile the patterns that find them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.analyse import Analysis, analyse_article
    from extract.article import Article, parse_article
    from extract.claims import Claim
    from extract.entities import Mention
    from extract.text import DecodeError, clean_text, decode_bytes

_WHERE = {
    "Analysis": "extract.analyse", "analyse_article": "extract.analyse",
    "Article": "extract.article", "parse_article": "extract.article",
    "Claim": "extract.claims", "Mention": "extract.entities",
    "DecodeError": "extract.text",
    "clean_text": "extract.text", "decode_bytes": "extract.text",
}  # fmt: skip
__all__ = [
    "Analysis",
    "Article",
    "Claim",
    "DecodeError",
    "Mention",
    "analyse_article",
    "clean_text",
    "decode_bytes",
    "parse_article",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)
