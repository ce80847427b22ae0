"""The claimdiff command line: open the reader, import, export.

    claimdiff [--db PATH]                      open the reader (first run: the sample story)
    claimdiff open PATH...                     import, then open the reader
    claimdiff import PATH...                   import only; progress on a terminal, a summary
    claimdiff fetch URL...                     download pages or feeds, then import them
    claimdiff sources                          sources and how many articles each has
    claimdiff rename-source OLD NEW            call a source by another name (or merge two)
    claimdiff export claims|entities|discrepancies [...]   to a file (-o) or stdout

Exit codes: 0 success, 1 some files failed to import, 2 usage or library error, 130 Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extract.fields import FIELDS, parse_fields
from store import (
    BUNDLED_ARTICLES,
    EXPORTS,
    FORMATS,
    ClaimFilter,
    Library,
    LibraryError,
    export,
    export_groups,
    library_path,
)

if TYPE_CHECKING:
    from store import Group, ImportReport


class UsageError(Exception):
    """A mistake in the command line the user can fix; printed without a traceback."""


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="library file (default: $CLAIMDIFF_DB, else library.db in your data folder)",
    )  # fmt: skip
    parser = argparse.ArgumentParser(
        prog="claimdiff",
        description="Read many sources on one story and see where they disagree.",
        parents=[common],
    )
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "--field", metavar="NAME=KEY", action="append", default=[],
        help="where JSON articles keep a field, when the usual keys miss it: NAME is one of "
        f"{', '.join(FIELDS)}; KEY may reach into objects (--field text=story.body)",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    op = commands.add_parser(
        "open", parents=[common, reading], help="import PATHs, then open the reader"
    )
    op.add_argument("paths", nargs="+", metavar="PATH")
    im = commands.add_parser(
        "import", parents=[common, reading],
        help="import files or folders: text, Markdown, HTML, JSON, JSON Lines, RSS, Atom",
    )  # fmt: skip
    im.add_argument("paths", nargs="+", metavar="PATH")
    fe = commands.add_parser(
        "fetch", parents=[common], help="download web pages (or feeds) and import them"
    )
    fe.add_argument("urls", nargs="+", metavar="URL")
    fe.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                    help="give up on a page silent this long (default: 20)")  # fmt: skip
    commands.add_parser("sources", parents=[common], help="list sources and their articles")
    rn = commands.add_parser(
        "rename-source", parents=[common],
        help="call a source by another name (an existing one merges the two)",
    )  # fmt: skip
    rn.add_argument("old", metavar="OLD")
    rn.add_argument("new", metavar="NEW")
    ex = commands.add_parser(
        "export", parents=[common], help="export claims, entities or discrepancies"
    )
    ex.add_argument("what", choices=EXPORTS)
    ex.add_argument("--format", choices=FORMATS, default="csv")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")
    ex.add_argument("--force", action="store_true", help="replace FILE if it exists")
    ex.add_argument("--source", metavar="S", help="only this source")
    ex.add_argument("--entity", metavar="E", action="append",
                    help="only claims that name this entity (again: and that one too)")  # fmt: skip
    ex.add_argument("--query", metavar="TEXT", help="only claims whose sentence matches TEXT")
    ex.add_argument(
        "--group", metavar="ID", help="discrepancies: only this group (group_id in a CSV export)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (LibraryError, UsageError) as exc:
        print(f"claimdiff: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "claimdiff export claims | head": the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace) -> int:
    try:
        fields = parse_fields(getattr(args, "field", []))
    except ValueError as exc:
        raise UsageError(f"--field {exc}") from exc
    if args.command in ("import", "open"):  # the settings' field names, unless given here
        from tui.config import config_path, load_config

        config, problem = load_config(config_path())
        if problem:
            print(f"claimdiff: {problem}", file=sys.stderr)
        fields = {**config.fields, **fields}
    path = library_path(getattr(args, "db", None))
    is_new = not path.exists()
    library = Library(path)
    try:
        if args.command == "import":
            from store import import_paths

            return _import(lambda **kw: import_paths(library, args.paths, fields=fields, **kw))
        if args.command == "fetch":
            from store.fetching import fetch_urls

            return _import(lambda **kw: fetch_urls(library, args.urls, timeout=args.timeout, **kw))
        if args.command == "export":
            return _export(library, args)
        if args.command == "sources":
            from store.importer import printable

            for source, count in library.source_counts():
                print(f"{count:>7,}  {printable(source)}")
            return 0
        if args.command == "rename-source":
            return _rename_source(library, args.old, args.new)
        notices: list[str] = []
        paths = args.paths if args.command == "open" else []
        if not paths and is_new and BUNDLED_ARTICLES.is_dir():
            paths = [BUNDLED_ARTICLES]  # first run: the sample story
        if paths:
            from store import import_paths  # the importer loads only when there is work

            report = import_paths(library, paths, fields=fields)
            notices = [f"Import failed: {failure}" for failure in report.failed]
        from tui.app import ClaimdiffApp  # Textual loads only for the reader

        ClaimdiffApp(library, notices).run()
        return 0
    finally:
        library.close()


def _import(run: Callable[..., ImportReport]) -> int:
    """Run an import (of files, or of pages) with a progress bar on a terminal; print the
    failures and the summary, and exit as the command line promises."""
    from store import ImportReport

    report = ImportReport()
    interrupted = False
    error: LibraryError | None = None
    try:
        if sys.stderr.isatty():
            _with_progress(run, report)
        else:
            run(report=report)
    except KeyboardInterrupt:
        interrupted = True
    except LibraryError as exc:  # the library cannot be written: what got in, then why not
        error = exc
    report.stopped = interrupted or error is not None
    for failure in report.failed:
        print(f"failed: {failure}", file=sys.stderr)
    print(report.summary())
    if error is not None:
        raise error
    if interrupted:
        return 130
    return 1 if report.failed else 0


def _with_progress(run: Callable[..., ImportReport], report: ImportReport) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from store.importer import GROUPING

    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeRemainingColumn(), transient=True, console=Console(stderr=True),
    ) as bar:  # fmt: skip
        task = bar.add_task("Importing", total=None)

        def step(done: int, total: int, what: str) -> None:
            label = "Grouping claims" if what == GROUPING else "Importing"
            bar.update(task, completed=done, total=total, description=label)

        run(progress=step, report=report)


def _rename_source(library: Library, old: str, new: str) -> int:
    from store.importer import printable

    known = dict(library.source_counts())
    if old not in known:
        raise UsageError(
            f"no source named {old!r} in {library.path} (claimdiff sources lists them)"
        )
    merged = new in known and new != old
    try:
        renamed = library.rename_source(old, new)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    joined = f", which had {known[new]:,} already" if merged else ""
    print(f"{renamed:,} article{'s' * (renamed != 1)} of {printable(old)} now from "
          f"{printable(new)}{joined}")  # fmt: skip
    return 0


def _export(library: Library, args: argparse.Namespace) -> int:
    if args.format == "markdown" and args.what != "discrepancies":
        raise UsageError("--format markdown writes discrepancies only: a brief of each group")
    if args.group and args.what != "discrepancies":
        raise UsageError("--group chooses a discrepancy group: export discrepancies --group ID")
    group = library.group(args.group) if args.group else None
    if args.group and group is None:
        raise UsageError(f"no discrepancy group {args.group!r} in {library.path}")
    entity_ids = set()
    for name in args.entity or ():
        entity_id = library.find_entity(name)
        if entity_id is None:
            raise UsageError(f"no entity named {name!r} in {library.path}")
        entity_ids.add(entity_id)
    sources = frozenset({args.source}) if args.source else frozenset()
    f = ClaimFilter(entity_ids=frozenset(entity_ids), sources=sources, query=args.query)
    if not args.output:
        _write(library, args, f, sys.stdout, group)
        return 0
    target = Path(args.output).expanduser()
    if target.exists() and not args.force:
        raise UsageError(f"{target} exists; use --force to replace it")
    if target.is_dir():
        raise UsageError(f"{target} is a folder")
    tmp = target.with_name(f".{target.name}.part")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            rows = _write(library, args, f, out, group)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    print(f"{rows} {args.what} written to {target}", file=sys.stderr)
    return 0


def _write(
    library: Library, args: argparse.Namespace, f: ClaimFilter, out: TextIO, group: Group | None
) -> int:
    if group is not None:
        return export_groups(library, [group], args.format, out)
    return export(library, args.what, f, args.format, out)


if __name__ == "__main__":
    sys.exit(main())
