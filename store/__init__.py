"""The claimdiff library in SQLite: schema, import, queries, export. Never imports Textual.

Names load on first use: the reader opens a library without loading the importer's
process pool or the analysis it runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.claimants import Carried, carried
    from extract.comparable import Comparable, Group, tolerance_interval
    from extract.words import (
        claim_in_words,
        day_in_words,
        figure_in_words,
        number_in_words,
        stance_in_words,
        written,
    )
    from store.exports import (
        CLAIM_FIELDS,
        DISCREPANCY_FIELDS,
        ENTITY_FIELDS,
        EXPORTS,
        FORMATS,
        export,
        export_groups,
        neutralise,
    )
    from store.filtering import ClaimFilter
    from store.importer import Failure, ImportCancelled, ImportReport, collect_files, import_paths
    from store.library import Library
    from store.paths import BUNDLED_ARTICLES, ENV_DB, library_path
    from store.rows import ArticleDetail, ArticleRow, ClaimRow, Count, EntityRow, GroupRow, Span
    from store.schema import SCHEMA_VERSION, LibraryError

_WHERE = {
    "ArticleDetail": "store.rows",
    "ArticleRow": "store.rows",
    "BUNDLED_ARTICLES": "store.paths",
    "CLAIM_FIELDS": "store.exports",
    "ClaimFilter": "store.filtering",
    "ClaimRow": "store.rows",
    "Carried": "extract.claimants",
    "Comparable": "extract.comparable",
    "Count": "store.rows",
    "DISCREPANCY_FIELDS": "store.exports",
    "ENTITY_FIELDS": "store.exports",
    "ENV_DB": "store.paths",
    "EXPORTS": "store.exports",
    "EntityRow": "store.rows",
    "FORMATS": "store.exports",
    "Failure": "store.importer",
    "Group": "extract.comparable",
    "GroupRow": "store.rows",
    "ImportCancelled": "store.importer",
    "ImportReport": "store.importer",
    "Library": "store.library",
    "LibraryError": "store.schema",
    "SCHEMA_VERSION": "store.schema",
    "Span": "store.rows",
    "collect_files": "store.importer",
    "export": "store.exports",
    "export_groups": "store.exports",
    "carried": "extract.claimants",
    "claim_in_words": "extract.words",
    "day_in_words": "extract.words",
    "figure_in_words": "extract.words",
    "import_paths": "store.importer",
    "library_path": "store.paths",
    "neutralise": "store.exports",
    "number_in_words": "extract.words",
    "stance_in_words": "extract.words",
    "tolerance_interval": "extract.comparable",
    "written": "extract.words",
}
__all__ = [
    "BUNDLED_ARTICLES",
    "CLAIM_FIELDS",
    "DISCREPANCY_FIELDS",
    "ENTITY_FIELDS",
    "ENV_DB",
    "EXPORTS",
    "FORMATS",
    "SCHEMA_VERSION",
    "ArticleDetail",
    "ArticleRow",
    "Carried",
    "ClaimFilter",
    "ClaimRow",
    "Comparable",
    "Count",
    "EntityRow",
    "Failure",
    "Group",
    "GroupRow",
    "ImportCancelled",
    "ImportReport",
    "Library",
    "LibraryError",
    "Span",
    "carried",
    "claim_in_words",
    "collect_files",
    "day_in_words",
    "export",
    "export_groups",
    "figure_in_words",
    "import_paths",
    "library_path",
    "neutralise",
    "number_in_words",
    "stance_in_words",
    "tolerance_interval",
    "written",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'store' has no attribute {name!r}")
    return getattr(import_module(_WHERE[name]), name)
