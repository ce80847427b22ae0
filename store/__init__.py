"""The claimdiff library in SQLite: schema, import, queries, export. Never imports Textual."""

from extract.compare import Comparable, Group, tolerance_interval
from extract.quantities import figure_in_words, number_in_words
from extract.statements import stance_in_words
from store.export import (
    CLAIM_FIELDS,
    DISCREPANCY_FIELDS,
    ENTITY_FIELDS,
    EXPORTS,
    FORMATS,
    export,
    export_groups,
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
    "Comparable",
    "EntityRow",
    "Failure",
    "Group",
    "ImportCancelled",
    "ImportReport",
    "Library",
    "LibraryError",
    "Span",
    "collect_files",
    "export",
    "export_groups",
    "figure_in_words",
    "import_paths",
    "library_path",
    "neutralise",
    "number_in_words",
    "stance_in_words",
    "tolerance_interval",
]
