"""Import article files and folders into the library.

Each file is read, decoded and analysed on its own, by as many processes as there are cores:
a bad file is reported with its reason and the import goes on. A file holds one article
(text, a saved web page) or many (JSON, JSON Lines, a feed: extract/documents.py), each
read with the metadata its format carries; a bad part of a file is reported and the rest
of it imports. Articles are written with all their claims and mentions in transactions, so
an interrupted import never leaves half an article. A file already imported is known by the
hash of its bytes and skipped before analysis; otherwise identity is the hash of the cleaned
text, so the same article under two names, or in two formats, is stored once.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import signal
import sqlite3
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from extract import DecodeError, analyse_article, clean_text, decode_bytes
from extract.documents import KINDS, Document, FormatError, Problem, documents
from extract.text import path_text, printable
from store.library import Library
from store.rows import NewArticle
from store.schema import writing_error
from store.writing import new_article

ARTICLE_SUFFIXES = frozenset(KINDS)
# Bigger is a dump or a log, not an article: refused with the reason, where one "article"
# of 20 MB took 35 s and made 100,000 claims of one source.
MAX_BYTES = 5 * 1024 * 1024
# A file of many articles (JSON, JSON Lines, a feed): a dump of a few thousand articles is
# tens of MB; each of its articles is held to MAX_BYTES.
MAX_COLLECTION_BYTES = 100 * 1024 * 1024
COLLECTIONS = frozenset({"json", "jsonl", "feed"})
POOL_AFTER = 200  # files: fewer are analysed here, sooner than processes could start
CHUNK = 32  # files sent to an analysing process at a time
BATCH = 500  # articles written per transaction
# Files analysed ahead of the writer: enough for the analysing processes to go on while it
# writes a batch and groups (about a second); with only 192 they stood idle a third of the
# time, and a 10,000-article import spent 8 of its 28 s waiting for them.
AHEAD = 2 * BATCH
# Articles written between groupings during an import with analysing processes: grouping
# overlaps the analysis still to come instead of following it on one core. A step costs
# more the larger the library (its new claims' neighbours in their stories are read: 2.6 s
# at 100,000 articles before a claim is linked), so steps grow with it, to a quarter of
# the library: 100 steps of 1,000 into 100,000 took 237 s, against 121 s grouped once.
GROUP_EVERY = 2 * BATCH
GROUP_SHARE = 0.25
# Analysis gives way to the one writing process, the bottleneck, and to the reader's
# interface when the import runs inside it.
ANALYSIS_NICENESS = 10

# (done, total, what): each file's path as it is read, then GROUPING while claims are grouped.
Progress = Callable[[int, int, str], None]
GROUPING = "grouping claims"


@dataclass(frozen=True)
class Failure:
    path: Path | str  # a file, or a fetched page's address
    reason: str

    def __str__(self) -> str:
        """One line, whatever the file is called and whatever its reason says: control
        characters in a name (a newline, an escape) or in a server's or a parser's words
        are shown escaped, never acted on."""
        return f"{printable(str(self.path))}: {printable(self.reason)}"


ALIKE_SHOWN = 3  # failures of one file for one reason listed before the rest are counted
_PLACE = re.compile(r"^(?:line|item|entry) \d+: ")  # where in a file of many a part failed


@dataclass
class ImportReport:
    """What an import did, an entry an article (a file's name, with its place in a file of
    many, or a page's address)."""

    imported: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    passed: list[Failure] = field(default_factory=list)  # left out on purpose, with why
    stopped: bool = False  # by the user, before the last file

    def summary(self) -> str:
        passed = f", {len(self.passed)} passed over" if self.passed else ""
        return (
            f"{len(self.imported)} imported, {len(self.present)} already present, "
            f"{len(self.failed)} failed{passed}" + (" (stopped)" if self.stopped else "")
        )

    def lines(self) -> list[str]:
        """What went wrong, and what was left out, a line each. Of many failures alike (one
        file's parts failing for one reason: a feed of 100,000 entries without text) the
        first ALIKE_SHOWN are listed and the rest counted in one line."""
        alike: dict[tuple[str, str], list[Failure]] = {}
        for failure in self.failed:
            alike.setdefault((str(failure.path), _PLACE.sub("", failure.reason)), []).append(
                failure
            )
        lines = []
        for (path, reason), failures in alike.items():
            lines += [f"failed: {f}" for f in failures[:ALIKE_SHOWN]]
            if len(failures) > ALIKE_SHOWN:
                more = len(failures) - ALIKE_SHOWN
                lines.append(f"failed: {Failure(path, f'{more:,} more like that: {reason}')}")
        return lines + [f"passed over: {f}" for f in self.passed]


class ImportCancelled(Exception):
    """Raised by a progress callback to stop an import between two files."""


class Terminated(KeyboardInterrupt):
    """SIGTERM: the import stops as it does for Ctrl+C, with what got in kept and told."""


# Folders a folder's import passes over unless they are named themselves: what tools keep
# beside a project, never articles (from a project folder, a .venv gave 163 "articles" such
# as "[console_scripts]" and 3,924 entities such as "License (LICENSE)").
PACKAGE_FOLDERS = frozenset({"site-packages", "dist-packages", "node_modules", "__pycache__"})
# Files named as a project's or a dataset's papers, not its articles (a BBC dataset's
# README.TXT), passed over in a folder unless named themselves: by the name before the
# suffix, whole (a news story about a "licence fee" is no licence), or any readme.
PAPERS = frozenset({
    "readme", "license", "licence", "copying", "changelog", "changes", "history", "authors",
    "contributors", "contributing", "notice", "code_of_conduct",
})  # fmt: skip
_README = re.compile(r"(?:.*[._ -])?read[._ -]?me(?:[._ -].*)?", re.IGNORECASE)


def passed_over_folder(folder: Path) -> str | None:
    """Why a folder found inside a folder being imported is left out, if it is."""
    if folder.name.startswith("."):
        return "a hidden folder"
    if folder.name.lower() in PACKAGE_FOLDERS or folder.suffix in (".egg-info", ".dist-info"):
        return f"a folder of software packages ({folder.name})"
    if (folder / "pyvenv.cfg").is_file():
        return "a Python virtual environment (it holds pyvenv.cfg)"
    return None


def passed_over_file(file: Path) -> str | None:
    """Why a file found inside a folder being imported is left out, if it is: a readme,
    a licence, a change log."""
    stem = file.stem
    if stem.lower() in PAPERS or _README.fullmatch(stem):
        return "a readme, licence or change log by its name, not an article"
    return None


def collect_files(paths: Iterable[str | os.PathLike[str]], report: ImportReport) -> list[Path]:
    """The article files named by paths: files as given, folders searched recursively.

    In a folder, what is plainly not an article is passed over with the reason, unless
    the user named it: hidden folders, virtual environments, package trees and
    `__pycache__` (passed_over_folder); readmes, licences and change logs
    (passed_over_file). A link found in a folder is followed only when what it points to
    lies inside one of the folders named: a folder someone sends must not pull other files
    of this machine into a library that is then shared (`links/passwd.txt -> /etc/passwd`).
    A link named itself is the user's own choice. What cannot be read or is left out goes
    into the report."""
    named = [Path(p) for p in paths]
    roots = [_real(p) for p in named if p.is_dir()]
    files: list[Path] = []
    for path in named:
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path, followlinks=False):
                kept_dirs = []
                for folder in sorted(dirs):
                    why = passed_over_folder(Path(root, folder))
                    if why:
                        report.passed.append(Failure(Path(root, folder), f"{why}; name it to "
                                                     "import it"))  # fmt: skip
                    else:
                        kept_dirs.append(folder)
                dirs[:] = kept_dirs
                for name in names:
                    file = Path(root, name)
                    if file.suffix.lower() not in ARTICLE_SUFFIXES:
                        continue
                    if file.is_symlink() and not _inside(_real(file), roots):
                        why = "a link to a file outside the folders imported"
                        report.passed.append(Failure(file, why))
                        continue
                    if why := passed_over_file(file):
                        report.passed.append(Failure(file, f"{why}; name it to import it"))
                        continue
                    found.append(file)
            files += sorted(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            report.failed.append(Failure(path, "not a regular file"))
        else:
            report.failed.append(Failure(path, "no such file or folder"))
    return files


def _inside(target: Path, roots: list[Path]) -> bool:
    return any(target.is_relative_to(root) for root in roots)


def _real(path: Path) -> Path:
    """Where a link leads; a loop of links leads nowhere further (reading it says so)."""
    return Path(os.path.realpath(path))


def content_hash(text: str) -> str:
    """The identity of an article: its cleaned text, whatever its file name or line endings."""
    return hashlib.sha256(clean_text(text).strip().encode("utf-8")).hexdigest()


def decode_text(data: bytes) -> str:
    """A file's (or page's) text, whatever its encoding; empty is an error."""
    if not data.strip():
        raise DecodeError("empty file")
    text = decode_bytes(data)
    if not text.strip():
        raise DecodeError("empty file")
    return text


def _read(path: Path, collection: bool = False) -> bytes:
    """The file's bytes. Opened without blocking and checked once open, so a named pipe or
    a device in a folder is refused instead of waiting forever for a writer. A file of
    many articles (`collection`) may be larger than an article."""
    limit = MAX_COLLECTION_BYTES if collection else MAX_BYTES
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise DecodeError((exc.strerror or str(exc)).lower()) from exc
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise DecodeError("is a directory")
        if not stat.S_ISREG(status.st_mode):
            raise DecodeError("not a regular file")
        if status.st_size > limit:
            advice = "split it into smaller files" if collection else (
                "more than an article (split it into one file an article)")  # fmt: skip
            raise DecodeError(f"larger than {limit // (1024 * 1024)} MB: {advice}")
        with open(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise DecodeError((exc.strerror or str(exc)).lower()) from exc
    finally:
        os.close(fd)


# What SQLite refuses to store of one article (text it cannot encode, a value out of range),
# as against a library it cannot write (a full disk): the first costs that article only.
_UNSTORABLE = (UnicodeError, ValueError, OverflowError, sqlite3.InterfaceError,
               sqlite3.ProgrammingError, sqlite3.DataError)  # fmt: skip
REFUSED = -1  # an article SQLite would not store, named among the failures

# What analysing one file gives: a stored-already marker, or its articles and failures.
PRESENT = "present"
Outcome = NewArticle | Failure | str


@dataclass(frozen=True)
class Reading:
    """How the files of one import are read: field names for JSON (`--field`)."""

    seen: frozenset[str] = frozenset()  # file hashes already stored
    fields: tuple[tuple[str, str], ...] = ()


_reading = Reading()  # in an analysing process


def analyse_file(path: Path, reading: Reading, source: str = "") -> list[Outcome]:
    """Read, identify and analyse one file's articles; never raises for a bad file.
    `source` names the articles whose format and text name none (else the file's name)."""
    try:
        kind = KINDS.get(path.suffix.lower(), "text")
        data = _read(path, collection=kind in COLLECTIONS)
        file_hash = hashlib.sha256(data).hexdigest()
        if file_hash in reading.seen:
            return [PRESENT]
        text = decode_text(data)
        found = documents(text, kind, dict(reading.fields))
        return analyse_documents(path, found, source or path_text(path.stem), file_hash)
    except (DecodeError, FormatError) as exc:
        return [Failure(path, str(exc))]
    except Exception as exc:  # a file is a file's failure: never the rest of the import's
        return [Failure(path, f"could not be read ({type(exc).__name__}: {exc})")]


def analyse_documents(
    origin: Path | str, found: list[Document | Problem], source: str, file_hash: str
) -> list[Outcome]:
    """A file's (or a page's) articles analysed and its bad parts named; its last article
    carries the file's hash, so the file counts as read once that article is written."""
    out: list[Outcome] = [
        Failure(origin, f"{d.where}: {d.reason}")
        if isinstance(d, Problem)
        else analyse_document(origin, d, source, len(found) > 1)
        for d in found
    ]
    articles = [i for i, o in enumerate(out) if isinstance(o, NewArticle)]
    if articles and isinstance(last := out[articles[-1]], NewArticle):
        out[articles[-1]] = last._replace(file_hash=file_hash)
    return out


def analyse_document(
    origin: Path | str, document: Document, source: str, many: bool
) -> NewArticle | Failure:
    """One article of a file (or a fetched page) analysed, named by where it came from."""
    where = f"{document.where}: " if document.where else ""
    if len(document.text) > MAX_BYTES:  # an article in a file of many, held to its limit
        return Failure(origin, f"{where}larger than {MAX_BYTES // (1024 * 1024)} MB: more "
                       "than an article")  # fmt: skip
    try:
        analysis = analyse_article(document.text, source, document.meta)
    except Exception as exc:  # a bug in analysis must not cost the rest of the import
        return Failure(origin, f"{where}could not analyse the text ({exc!r})")
    if not analysis.article.body.strip():
        return Failure(origin, f"{where}no article text after the title")
    name = path_text(origin) if isinstance(origin, Path) else origin
    name = f"{name}#{document.where}" if many and document.where else name
    return new_article(name, None, content_hash(document.text), analysis)


PARENT_CHECK = 0.5  # seconds between an analysing process's looks at whether its parent lives


def _start_worker(reading: Reading) -> None:
    global _reading
    _reading = reading
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the writer's to handle
    if hasattr(os, "nice"):  # not on Windows
        os.nice(ANALYSIS_NICENESS)
    # Nothing here writes to the terminal; holding its output kept `claimdiff import x | tee`
    # waiting after the import was killed.
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    os.close(quiet)
    parent = os.getppid()

    def end_with_parent() -> None:
        """A killed import's analysing processes sat blocked on a pipe nobody read."""
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=end_with_parent, daemon=True).start()


def _analyse_chunk(files: list[tuple[Path, str]]) -> list[list[Outcome]]:
    return [analyse_file(path, _reading, source) for path, source in files]


def _outcomes(
    files: list[tuple[Path, str]], reading: Reading, workers: int
) -> Generator[list[Outcome]]:
    """Each file's outcomes, in file order; analysed by `workers` processes when worth it.

    Only a few chunks are in flight at a time, so memory stays flat whatever the folder's
    size, and stopping early leaves little work to throw away.
    """
    if workers <= 1 or len(files) < POOL_AFTER or not _can_start_processes():
        yield from (analyse_file(path, reading, source) for path, source in files)
        return
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),  # safe beside the reader's threads
        initializer=_start_worker,
        initargs=(reading,),
    ) as pool:
        pending: deque[tuple[list[tuple[Path, str]], Future[list[list[Outcome]]] | None]]
        pending = deque()
        broken = False  # a process was killed (out of memory?): the rest is analysed here
        try:
            for chunk in chunks:
                future = None
                if not broken:
                    try:
                        future = pool.submit(_analyse_chunk, chunk)
                    except BrokenProcessPool:
                        broken = True
                pending.append((chunk, future))
                ahead = max(workers * 3, AHEAD // CHUNK)
                while len(pending) >= ahead or (pending and chunk is chunks[-1]):
                    done, future = pending.popleft()
                    outcomes = None
                    if future is not None and not broken:
                        try:
                            outcomes = future.result()
                        except BrokenProcessPool:
                            broken = True
                    if outcomes is None:
                        outcomes = [analyse_file(path, reading, source) for path, source in done]
                    yield from outcomes
        finally:
            for _chunk, future in pending:
                if future is not None:
                    future.cancel()


def folder_source(path: Path, roots: Iterable[Path]) -> str:
    """The source a file's place names: the folder it sits in below a folder the user
    named (outlet/article.txt), when that folder's name has letters; else nothing, and
    the file's own name serves."""
    for root in roots:
        try:
            inside = path.relative_to(root).parts
        except ValueError:
            continue
        if len(inside) > 1 and any(c.isalpha() for c in inside[0]):
            return inside[0]
    return ""


def _can_start_processes() -> bool:
    """Start multiprocessing's resource tracker, which the pool needs, with the real stderr.

    Inside the reader, Textual has put its own object in sys.stderr, whose file number the
    tracker cannot pass on ("bad value(s) in fds_to_keep"); it is started once per process,
    so the real stream is lent to it for that moment. If processes cannot be started at all,
    the import analyses here, on one core.
    """
    from multiprocessing import resource_tracker

    captured = sys.stderr
    try:
        if sys.__stderr__ is not None:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        return False
    finally:
        sys.stderr = captured
    return True


def default_workers() -> int:
    """The cores this process may use: analysis is the import's main cost."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl+C (or SIGTERM) waits until the work inside is done, then stops the import. A
    batch stopped after its commit but before it was counted was written again and
    reported as already present: the summary said "0 imported" of 500 articles that got in."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only; the reader stops an import otherwise
        return
    held: list[int] = []
    previous = {
        signum: signal.signal(signum, lambda signum, frame: held.append(signum))
        for signum in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
    if held:
        raise Terminated if held[0] == signal.SIGTERM else KeyboardInterrupt


def stop_on_sigterm() -> None:
    """SIGTERM stops an import as Ctrl+C does (its processes with it), not in the middle."""

    def terminated(signum: int, frame: object) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, terminated)


def import_paths(
    library: Library,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    report: ImportReport | None = None,
    workers: int | None = None,
    fields: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import every article file under paths; never raises for a bad file. `fields` names
    the keys JSON articles keep their fields under, where the defaults do not find them.

    Files are analysed in parallel and written by this process in batches, each batch one
    transaction: an interrupted import keeps whole articles only, and importing again
    completes it. Pass a report to keep what got in even when the import is interrupted
    (Ctrl+C, or ImportCancelled from `progress`).
    """
    named_paths = [Path(p) for p in paths]
    report = report if report is not None else ImportReport()
    files = collect_files(named_paths, report)
    roots = [p for p in named_paths if p.is_dir()]
    reading = Reading(frozenset(library.file_hashes()), tuple(sorted((fields or {}).items())))
    named = [(path, folder_source(path, roots)) for path in files]
    workers = workers or default_workers()
    outcomes = _outcomes(named, reading, workers)
    try:
        store_outcomes(library, zip(files, outcomes, strict=False), len(files), report, progress,
                       GROUP_EVERY if workers > 1 else 0)  # fmt: skip
    finally:
        outcomes.close()  # stops the analysing processes
    return report


def store_outcomes(
    library: Library,
    outcomes: Iterable[tuple[Path | str, list[Outcome]]],
    total: int,
    report: ImportReport,
    progress: Progress | None = None,
    group_every: int = 0,
) -> None:
    """Write each file's (or page's) analysed articles in batches, then regroup; with
    `group_every`, also after every that many articles written (see GROUP_EVERY). What was
    analysed before a stop (Ctrl+C, ImportCancelled) is written before it goes on up."""
    batch: list[NewArticle] = []
    broken = False  # the library could not be written: nothing more is tried
    # Articles written since the last grouping, counting those an import killed before its
    # grouping left: the steps then fall where one uninterrupted import's would, and an
    # article's story names (counted against the library as it was then) are the same.
    ungrouped = library.unsigned_articles() if group_every else 0
    reported = (0, "")  # files done and the last file, as last told to `progress`

    def group(progress: Callable[[int, int], None] | None = None) -> None:
        nonlocal ungrouped
        try:
            library.refresh_groups(progress)
        except sqlite3.Error as exc:  # each step commits: the next import takes it up
            raise writing_error(library.path, exc) from exc
        ungrouped = 0

    def add(items: list[NewArticle]) -> list[int | None]:
        nonlocal broken
        try:
            return library.add_articles(items)
        except _UNSTORABLE:  # some are sqlite3.Errors too, but about the article
            raise
        except sqlite3.Error as exc:  # a full disk: the batch rolled back, the rest kept
            broken = True
            raise writing_error(library.path, exc) from exc

    def alone(item: NewArticle) -> int | None:
        """One article stored by itself, or named with why SQLite refused it (REFUSED)."""
        try:
            return add([item])[0]
        except _UNSTORABLE as exc:
            report.failed.append(Failure(item.path, f"could not be stored ({exc})"))
            return REFUSED

    def write() -> None:
        nonlocal ungrouped
        with _interrupts_held():  # written and counted, or neither
            try:
                written = add(batch)
            except _UNSTORABLE:  # one article SQLite refuses: each alone, to name it
                written = [alone(item) for item in batch]
            for item, article_id in zip(batch, written, strict=True):
                if article_id != REFUSED:
                    (report.imported if article_id else report.present).append(item.path)
            batch.clear()
        ungrouped += sum(1 for article_id in written if article_id and article_id != REFUSED)
        if group_every and ungrouped >= max(group_every, library.latest() * GROUP_SHARE):
            # Part of the import: its progress holds at the files done, and is told again
            # after each key grouped, so a stop (ImportCancelled) is heard within a step.
            group((lambda _done, _keys: progress(reported[0], total, reported[1]))
                  if progress else None)  # fmt: skip

    try:
        for done, (where, found) in enumerate(outcomes, 1):
            for outcome in found:
                if isinstance(outcome, NewArticle):
                    batch.append(outcome)
                    if len(batch) >= BATCH:
                        write()
                elif isinstance(outcome, Failure):
                    report.failed.append(outcome)
                else:
                    report.present.append(str(where))
            if progress:
                reported = (done, str(where))
                progress(done, total, str(where))
    finally:
        if batch and not broken:
            write()  # what was analysed before the stop gets in
        if not broken:
            group((lambda done, total: progress(done, total, GROUPING)) if progress else None)
