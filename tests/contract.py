"""The export fields PRODUCT.md promises, copied from it word for word, in its order.

Never built from the code's own constants: a test comparing a header with the constant
that wrote it passes whatever the order. Fields are only ever added at the end; those
PRODUCT.md lists that come with later issues are left off the end until they are exported.
"""

CLAIMS = [
    "id", "article_id", "article_title", "source", "published", "sentence", "start", "end",
    "kind", "value", "low", "high", "unit", "hedge", "attributed_to", "entities", "verdict",
    "note",
]  # fmt: skip
ENTITIES = ["id", "name", "type", "aliases", "mentions", "articles"]
DISCREPANCIES = [
    "group_id", "topic", "status", "claim_id", "article_title", "source", "published",
    "value", "low", "high", "hedge", "unit", "attributed_to", "stance", "sentence",
    "compared_low", "compared_high", "holds_on", "claimant", "carried_by", "verdict", "note",
]  # fmt: skip
