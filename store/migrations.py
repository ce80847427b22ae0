"""How an older library becomes a current one: a named step for each schema version.

A new library is made at the current version directly (store/schema.py); these steps run
only on a library an older claimdiff wrote, in one transaction, when it is opened. Each
step is what that version's claimdiff did, kept as it was: a step may build what a later
one replaces.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    """What changed in one version, and the statements that make the change."""

    what: str
    statements: tuple[str, ...]


_GROUP_TABLES_V3 = (
    "CREATE TABLE IF NOT EXISTS claim_groups (key TEXT PRIMARY KEY, position INTEGER NOT NULL, "
    "topic TEXT NOT NULL, status TEXT NOT NULL, soft INTEGER NOT NULL, explanation TEXT)",
    "CREATE TABLE IF NOT EXISTS claim_group_members ("
    "group_key TEXT NOT NULL REFERENCES claim_groups(key), "
    "claim_id INTEGER NOT NULL REFERENCES claims(id), position INTEGER NOT NULL)",
)
# Groups are kept per comparison key (claims.comparison_key), so an import regroups only
# the keys its claims have; their order is read from status, sources and topic.
_GROUP_TABLES = (
    "CREATE TABLE claim_groups (key TEXT PRIMARY KEY, comparison_key TEXT NOT NULL, "
    "topic TEXT NOT NULL, status TEXT NOT NULL, soft INTEGER NOT NULL, explanation TEXT, "
    "sources INTEGER NOT NULL)",
    "CREATE INDEX idx_claim_groups_comparison_key ON claim_groups (comparison_key)",
    "CREATE TABLE claim_group_members ("
    "group_key TEXT NOT NULL REFERENCES claim_groups(key) ON DELETE CASCADE, "
    "claim_id INTEGER NOT NULL REFERENCES claims(id), position INTEGER NOT NULL)",
    "CREATE INDEX idx_claim_group_members_group ON claim_group_members (group_key, position)",
    "CREATE INDEX idx_claim_group_members_claim ON claim_group_members (claim_id)",
)
_SCALE = (
    # The raw bytes' hash of every file imported: an unchanged folder is skipped unread
    # by analysis.
    "CREATE TABLE files (hash TEXT PRIMARY KEY, article_id INTEGER NOT NULL "
    "REFERENCES articles(id)) WITHOUT ROWID",
    # NULL until the claim has been grouped: what the next regrouping starts from.
    "ALTER TABLE claims ADD COLUMN comparison_key TEXT",
    "CREATE INDEX idx_claims_comparison_key ON claims (comparison_key)",
    # The cluster (its first claim's id) a grouped claim is in: regrouping takes whole ones.
    "ALTER TABLE claims ADD COLUMN cluster INTEGER",
    "CREATE INDEX idx_claims_cluster ON claims (cluster)",
    # The article's story names (story_signatures), one per line; NULL until grouped.
    "ALTER TABLE articles ADD COLUMN story TEXT",
    # Every two of an article's story names (compare.story_pairs): the articles of its story.
    "CREATE TABLE story_pairs (pair TEXT NOT NULL, article_id INTEGER NOT NULL "
    "REFERENCES articles(id), PRIMARY KEY (pair, article_id)) WITHOUT ROWID",
    "CREATE INDEX idx_story_pairs_article ON story_pairs (article_id)",
    # In how many articles an entity is named: which names are too common to tell stories.
    "ALTER TABLE entities ADD COLUMN articles INTEGER NOT NULL DEFAULT 0",
)
# Each entity's counts, kept as articles are written, and what they are counted from: the
# entities pane of a large library reads them instead of counting every mention.
_ENTITY_COUNTS = (
    "ALTER TABLE entities ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN claims INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN sources INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entities ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX idx_entities_mentions ON entities (mentions DESC, name)",
    # The entities a claim's sentence names.
    "CREATE TABLE claim_entities (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "claim_id INTEGER NOT NULL REFERENCES claims(id), PRIMARY KEY (entity_id, claim_id)) "
    "WITHOUT ROWID",
    "CREATE INDEX idx_claim_entities_claim ON claim_entities (claim_id)",
    "CREATE TABLE entity_aliases (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "name TEXT NOT NULL, PRIMARY KEY (entity_id, name)) WITHOUT ROWID",
    "CREATE TABLE entity_sources (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "source TEXT NOT NULL, PRIMARY KEY (entity_id, source)) WITHOUT ROWID",
)
RECOUNT_ENTITIES = (
    "INSERT INTO claim_entities SELECT DISTINCT m.entity_id, c.id FROM mentions m "
    "JOIN claims c ON c.article_id = m.article_id AND m.span_start >= c.sentence_start "
    "AND m.span_end <= c.sentence_end WHERE m.entity_id IS NOT NULL",
    "INSERT INTO entity_aliases SELECT DISTINCT entity_id, name FROM mentions "
    "WHERE entity_id IS NOT NULL",
    "INSERT INTO entity_sources SELECT DISTINCT ce.entity_id, a.source FROM claim_entities ce "
    "JOIN claims c ON c.id = ce.claim_id JOIN articles a ON a.id = c.article_id",
    "UPDATE entities SET "
    "mentions = (SELECT count(*) FROM mentions WHERE entity_id = entities.id), "
    "claims = (SELECT count(*) FROM claim_entities WHERE entity_id = entities.id), "
    "sources = (SELECT count(*) FROM entity_sources WHERE entity_id = entities.id)",
)
_COUNT_CONFLICTS_V5 = (
    "UPDATE entities SET conflicts = (SELECT count(DISTINCT gm.group_key) FROM "
    "claim_entities ce JOIN claim_group_members gm ON gm.claim_id = ce.claim_id "
    "JOIN claim_groups g ON g.key = gm.group_key AND g.status = 'conflict' "
    "WHERE ce.entity_id = entities.id)"
)
# A group is a cluster (claims.cluster) that makes one; its members are read from claims,
# so a cluster that grows by a claim rewrites one row, not every member. cluster_entities
# holds the entities each cluster's claims name, for counting an entity's conflicts.
_CLUSTER_GROUPS = (
    "DROP TABLE claim_group_members",
    "DROP TABLE claim_groups",
    "CREATE TABLE claim_groups (key TEXT PRIMARY KEY, comparison_key TEXT NOT NULL, "
    "cluster INTEGER NOT NULL UNIQUE, topic TEXT NOT NULL, status TEXT NOT NULL, "
    "soft INTEGER NOT NULL, explanation TEXT, sources INTEGER NOT NULL)",
    "CREATE INDEX idx_claim_groups_status ON claim_groups (status)",
    "CREATE TABLE cluster_entities (entity_id INTEGER NOT NULL REFERENCES entities(id), "
    "cluster INTEGER NOT NULL, PRIMARY KEY (entity_id, cluster)) WITHOUT ROWID",
    "CREATE INDEX idx_cluster_entities_cluster ON cluster_entities (cluster)",
    "ALTER TABLE entities DROP COLUMN conflicts",
    # Grouped anew on first use.
    "UPDATE claims SET comparison_key = NULL, cluster = NULL",
    "UPDATE articles SET story = NULL",
    "DELETE FROM story_pairs",
)
# sqlite-utils' update triggers re-index a row's text on any update; grouping updates
# claims' clusters and articles' story names, so they fire only when the text changes.
_TEXT_ONLY_TRIGGERS = (
    "DROP TRIGGER articles_au",
    'CREATE TRIGGER "articles_au" AFTER UPDATE OF title, body ON "articles" BEGIN '
    'INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "body") '
    'VALUES(\'delete\', old.rowid, old."title", old."body"); '
    'INSERT INTO "articles_fts" (rowid, "title", "body") '
    'VALUES (new.rowid, new."title", new."body"); END',
    "DROP TRIGGER claims_au",
    'CREATE TRIGGER "claims_au" AFTER UPDATE OF sentence ON "claims" BEGIN '
    'INSERT INTO "claims_fts" ("claims_fts", rowid, "sentence") '
    "VALUES('delete', old.rowid, old.\"sentence\"); "
    'INSERT INTO "claims_fts" (rowid, "sentence") VALUES (new.rowid, new."sentence"); END',
)
# Lists come in publication order; indexes in that order let a page of a long list be read
# without sorting every row the filter keeps. A claim keeps its article's date for it.
_LIST_ORDER = (
    "ALTER TABLE claims ADD COLUMN article_published TEXT",
    "UPDATE claims SET article_published = "
    "(SELECT published FROM articles WHERE articles.id = claims.article_id)",
    "CREATE INDEX idx_claims_order ON claims "
    "(article_published IS NULL, article_published, article_id, span_start, id)",
    "CREATE INDEX idx_articles_order ON articles (published IS NULL, published, id)",
)
# An entity's conflicts, kept: counting them for a page of entities walked every cluster
# naming each one (405,000 rows at 100,000 articles). Also how the tests recount them.
COUNT_CONFLICTS = (
    "UPDATE entities SET conflicts = (SELECT count(*) FROM cluster_entities ce "
    "JOIN claim_groups g ON g.cluster = ce.cluster AND g.status = 'conflict' "
    "WHERE ce.entity_id = entities.id)"
)
_KEPT_CONFLICTS = (
    "ALTER TABLE entities ADD COLUMN conflicts INTEGER NOT NULL DEFAULT 0",
    COUNT_CONFLICTS,
)
# Filters read from indexes alone: an article row holds its whole text (a page each), so
# touching rows to test a source or a date cost 100-270 ms at 100,000 articles. Each index
# carries what a filter tests and what the list sorts by; hedge and kind get their own, in
# list order, for the combinations few claims have (statements with a hedge: none, found by
# walking 620,000 claims). An index that changes shape takes a new name. See
# store/filtering.py.
_COVERING_FILTERS = (
    "DROP INDEX idx_claims_order",
    "CREATE INDEX idx_claims_order ON claims "
    "(article_published IS NULL, article_published, article_id, span_start, id, kind, hedge)",
    "CREATE INDEX idx_claims_hedge_kind ON claims "
    "(hedge, kind, article_published IS NULL, article_published, article_id, span_start)",
    "DROP INDEX idx_articles_order",
    "CREATE INDEX idx_articles_order ON articles (published IS NULL, published, id, source)",
    "DROP INDEX idx_articles_source",
    "CREATE INDEX idx_articles_source_order ON articles (source, published IS NULL, published, id)",
    "DROP INDEX idx_mentions_entity_id",
    "CREATE INDEX idx_mentions_entity_article ON mentions (entity_id, article_id)",
    "DROP INDEX idx_mentions_article_id_span_start",
    "CREATE INDEX idx_mentions_article_entity ON mentions (article_id, entity_id)",
)
# A large cluster's summary (extract.compare.Summary), so that a claim joining it regroups
# from the summary instead of reading its members (87,000 claims at 100,000 articles);
# smaller clusters are read whole when they grow, which costs less than keeping a row for
# each. A library grouped before this keeps '' for each large cluster until its next
# regrouping summarises them (store/grouping.py). Linking reads a key's claims of a few
# articles: the key's index carries the article and the cluster, so only those rows are
# read, and which clusters they are in is read from the index.
_CLUSTER_SUMMARIES = (
    "CREATE TABLE cluster_summaries (cluster INTEGER PRIMARY KEY, summary TEXT NOT NULL)",
    "INSERT INTO cluster_summaries SELECT cluster, '' FROM claims WHERE cluster IS NOT NULL "
    "GROUP BY cluster HAVING count(*) >= 32",  # grouping.SUMMARY_AFTER in version 11
    "DROP INDEX idx_claims_comparison_key",
    "CREATE INDEX idx_claims_key_article ON claims (comparison_key, article_id, cluster)",
    # What an import left to group, and the articles it left to sign with their stories,
    # found without walking every claim or reading every article's row.
    "CREATE INDEX idx_claims_ungrouped ON claims (comparison_key, article_id) "
    "WHERE comparison_key != '' AND cluster IS NULL",
    "CREATE INDEX idx_articles_unsigned ON articles (id) WHERE story IS NULL",
    # An article's source by its id, without its row (which holds its whole text).
    "CREATE INDEX idx_articles_id_source ON articles (id, source)",
)
# The writer puts each batch's text into the full-text indexes with one statement a table
# (Library.add_articles): sqlite-utils' insert triggers did it a row at a time, which cost
# 0.75 s against 0.16 s for 25,000 sentences, a quarter of the writer's time. Nothing reads
# by a claim's concept: its index only cost every insert.
_BATCH_FULL_TEXT = (
    "DROP TRIGGER articles_ai",
    "DROP TRIGGER claims_ai",
    "DROP INDEX idx_claims_concept",
)
# The analyst's verdicts and notes, and claims grouped by hand: kept by what a claim is (its
# article's content hash and its figure's offsets), so that they outlast its id.
_VERDICTS = (
    "CREATE TABLE claim_verdicts (content_hash TEXT NOT NULL, span_start INTEGER NOT NULL, "
    "span_end INTEGER NOT NULL, verdict TEXT, note TEXT NOT NULL DEFAULT '', grouped_as TEXT, "
    "set_at TEXT NOT NULL, PRIMARY KEY (content_hash, span_start, span_end)) WITHOUT ROWID",
    "CREATE TABLE group_verdicts (id INTEGER PRIMARY KEY, verdict TEXT NOT NULL, "
    "note TEXT NOT NULL DEFAULT '', set_at TEXT NOT NULL)",
    "CREATE TABLE group_verdict_claims (verdict_id INTEGER NOT NULL REFERENCES "
    "group_verdicts(id) ON DELETE CASCADE, content_hash TEXT NOT NULL, "
    "span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, "
    "PRIMARY KEY (verdict_id, content_hash, span_start, span_end)) WITHOUT ROWID",
    "CREATE INDEX idx_group_verdict_claims_claim ON group_verdict_claims "
    "(content_hash, span_start, span_end)",
)
# What turns a library of version N-1 into version N.
MIGRATIONS: dict[int, Migration] = {
    2: Migration("the day a sentence dates its claim to",
                 ("ALTER TABLE claims ADD COLUMN said_on TEXT",)),
    3: Migration("discrepancy groups, kept from the last import", _GROUP_TABLES_V3),
    4: Migration("groups kept by comparison key; files by their hash; story names", (
        "DROP TABLE IF EXISTS claim_group_members",
        "DROP TABLE IF EXISTS claim_groups",
        *_GROUP_TABLES,
        *_SCALE,
        "UPDATE entities SET articles = (SELECT count(DISTINCT article_id) FROM mentions "
        "WHERE entity_id = entities.id)",
    )),
    5: Migration("each entity's counts, kept as articles are written",
                 (*_ENTITY_COUNTS, *RECOUNT_ENTITIES, _COUNT_CONFLICTS_V5)),
    6: Migration("a group is a cluster of claims", _CLUSTER_GROUPS),
    7: Migration("full-text triggers that fire on text changes only", _TEXT_ONLY_TRIGGERS),
    8: Migration("lists in publication order, from indexes", _LIST_ORDER),
    9: Migration("an entity's conflicts, kept", _KEPT_CONFLICTS),
    10: Migration("filters read from covering indexes", _COVERING_FILTERS),
    11: Migration("large clusters' summaries", _CLUSTER_SUMMARIES),
    12: Migration("a feed entry or API record that carried only a summary", (
        "ALTER TABLE articles ADD COLUMN partial INTEGER NOT NULL DEFAULT 0",)),
    13: Migration("full-text indexes filled a batch at a time", _BATCH_FULL_TEXT),
    14: Migration("each spelling's mentions by type: names that do not depend on import order", (
        "CREATE TABLE entity_spellings (entity_id INTEGER NOT NULL REFERENCES entities(id), "
        "name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL, "
        "PRIMARY KEY (entity_id, name, type)) WITHOUT ROWID",
        "INSERT INTO entity_spellings SELECT entity_id, name, type, count(*) FROM mentions "
        "WHERE entity_id IS NOT NULL GROUP BY entity_id, name, type",
        "DROP TABLE entity_aliases",
    )),
    15: Migration("what each figure measures, and the day it holds on: grouped anew", (
        "ALTER TABLE claims ADD COLUMN holds_on TEXT",
        "UPDATE claims SET comparison_key = NULL, cluster = NULL",
        "DELETE FROM claim_groups",
        "DELETE FROM cluster_summaries",
        "DELETE FROM cluster_entities",
        "UPDATE entities SET conflicts = 0",
    )),
    16: Migration("stories signed against the common names they were signed with; grouped anew", (
        "CREATE TABLE common_names (name TEXT PRIMARY KEY) WITHOUT ROWID",
        "UPDATE articles SET story = NULL",
        "DELETE FROM story_pairs",
        "UPDATE claims SET comparison_key = NULL, cluster = NULL",
        "DELETE FROM claim_groups",
        "DELETE FROM cluster_summaries",
        "DELETE FROM cluster_entities",
        "UPDATE entities SET conflicts = 0",
    )),
    17: Migration("the analyst's verdicts, notes and groups made by hand", _VERDICTS),
    # Keys were the articles' own until now: kept, and grouped as they are.
    18: Migration("what an article leaves open of a figure, settled by its story", (
        "ALTER TABLE claims ADD COLUMN measured_key TEXT",
        "UPDATE claims SET measured_key = comparison_key",
    )),
}  # fmt: skip
