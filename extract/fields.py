"""The fields an article carries in JSON, and where news APIs and scrapers keep them.

Apart from extract/documents.py so that the command line and the reader's settings can
name them without loading the parsers.
"""

from __future__ import annotations

# Where common news APIs and scrapers keep each field, first found wins. `summary` is read
# only when no `text` is there, and makes the article partial.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "text": ("text", "body", "content", "article_body", "articleBody", "full_text",
             "fulltext", "maintext", "story"),
    "summary": ("description", "summary", "abstract", "snippet", "excerpt", "lead"),
    "source": ("source", "outlet", "publisher", "site_name", "sitename", "source_name",
               "feed", "domain"),
    "url": ("url", "link", "uri", "canonical_url"),
    "published": ("published", "publishedAt", "published_at", "date", "pubDate",
                  "datePublished", "date_published", "created_at", "time"),
    "author": ("author", "authors", "byline", "creator", "by"),
}  # fmt: skip
FIELDS = tuple(DEFAULT_FIELDS)


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """`--field text=story.body` options as a mapping; a dotted name reaches into objects."""
    fields = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key or name not in FIELDS:
            raise ValueError(f"{pair!r}: expected NAME=KEY with NAME one of {', '.join(FIELDS)}")
        fields[name] = key
    return fields
