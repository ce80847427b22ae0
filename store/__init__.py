"""The claimdiff library in SQLite: schema, import, queries, export. Never imports Textual."""

from store.export import (
    CLAIM_FIELDS,
    DISCREPANCY_FIELDS,
    ENTITY_FIELDS,
    EXPORTS,
    FORMATS,
    export,
    neutralise,
)
from store.importer import Failure, ImportCancelled, ImportReport, collect_files, import_paths
from store.library import (
    ArticleDetail,
    ArticleRow,
    ClaimFilter,
    ClaimRow,
    EntityRow,
    Library,
    Span,
)
from store.paths import BUNDLED_ARTICLES, ENV_DB, library_path
from store.schema import SCHEMA_VERSION, LibraryError

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
    "ClaimFilter",
    "ClaimRow",
    "EntityRow",
    "Failure",
    "ImportCancelled",
    "ImportReport",
    "Library",
    "LibraryError",
    "Span",
    "collect_files",
    "export",
    "import_paths",
    "library_path",
    "neutralise",
]
