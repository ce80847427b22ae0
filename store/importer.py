"""Import article files and folders into the library.

Each file is read, decoded, analysed and stored on its own: a bad file is reported with its
reason and the import goes on. An article is written with all its claims and mentions in one
transaction, so an interrupted import never leaves half an article. Identity is the hash of
the cleaned text, so the same article under two names, or imported twice, is stored once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract import DecodeError, analyse_article, clean_text, decode_bytes
from store.library import Library

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
MAX_BYTES = 50 * 1024 * 1024

Progress = Callable[[int, int, Path], None]


@dataclass(frozen=True)
class Failure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ImportReport:
    imported: list[Path] = field(default_factory=list)
    present: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    stopped: bool = False  # by the user, before the last file

    def summary(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.present)} already present, "
            f"{len(self.failed)} failed" + (" (stopped)" if self.stopped else "")
        )


class ImportCancelled(Exception):
    """Raised by a progress callback to stop an import between two files."""


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Failure]]:
    """The article files named by paths: files as given, folders searched recursively."""
    files: list[Path] = []
    failures: list[Failure] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, _dirs, names in os.walk(path, followlinks=False):
                found += [
                    Path(root, n) for n in names if Path(n).suffix.lower() in ARTICLE_SUFFIXES
                ]
            files += sorted(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            failures.append(Failure(path, "not a regular file"))
        else:
            failures.append(Failure(path, "no such file or folder"))
    return files, failures


def content_hash(text: str) -> str:
    """The identity of an article: its cleaned text, whatever its file name or line endings."""
    return hashlib.sha256(clean_text(text).strip().encode("utf-8")).hexdigest()


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DecodeError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise DecodeError((exc.strerror or str(exc)).lower()) from exc
    if not data.strip():
        raise DecodeError("empty file")
    text = decode_bytes(data)
    if not text.strip():
        raise DecodeError("empty file")
    return text


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Import every article file under paths; never raises for a bad file.

    Pass a report to keep what got in even when the import is interrupted (Ctrl+C).
    """
    files, failures = collect_files(paths)
    report = report if report is not None else ImportReport()
    report.failed.extend(failures)
    try:
        for done, path in enumerate(files, 1):
            _import_one(library, path, report)
            if progress:
                progress(done, len(files), path)
    finally:
        if report.imported:
            library.refresh_entities()
            library.refresh_groups()
    return report


def _import_one(library: Library, path: Path, report: ImportReport) -> None:
    try:
        text = _read(path)
    except DecodeError as exc:
        report.failed.append(Failure(path, str(exc)))
        return
    digest = content_hash(text)
    if library.has_article(digest):
        report.present.append(path)
        return
    try:
        analysis = analyse_article(text, fallback_source=path.stem)
    except Exception as exc:  # a bug in analysis must not cost the rest of the import
        report.failed.append(Failure(path, f"could not analyse the text ({exc!r})"))
        return
    if not analysis.article.body.strip():
        report.failed.append(Failure(path, "no article text after the title"))
        return
    if library.add_article(str(path), digest, analysis) is None:
        report.present.append(path)
    else:
        report.imported.append(path)
