"""Pure text analysis for claimdiff: no I/O, no SQLite, no Textual.

`analyse_article` is the entry point: raw article text in, metadata, sentences,
quantity and statement claims, and entity mentions out.
"""

from extract.analyse import Analysis, analyse_article
from extract.article import Article, parse_article
from extract.claims import Claim
from extract.entities import Mention
from extract.resolve import resolve_entities
from extract.text import DecodeError, clean_text, decode_bytes

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
    "resolve_entities",
]
