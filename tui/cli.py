"""The claimdiff command line: open the reader, import, export.

    claimdiff [--db PATH]                      open the reader (first run: the sample story)
    claimdiff open PATH...                     import, then open the reader
    claimdiff import PATH...                   import only; progress on a terminal, a summary
    claimdiff fetch URL...                     download pages or feeds, then import them
    claimdiff sources                          sources and how many articles each has
    claimdiff rename-source OLD NEW            call a source by another name (or merge two)
    claimdiff remove [--source S]... [--article ID]... [--yes]   take articles out
    claimdiff export claims|entities|discrepancies [...]   to a file (-o) or stdout
    claimdiff export verdicts --format claimreview        the verdicts as ClaimReview JSON-LD
    claimdiff verdict claim|group ID VERDICT [--note TEXT]  the analyst's judgement

Exit codes: 0 success, 1 some files failed to import, 2 usage or library error, 3 nothing
to remove matched, 130 Ctrl+C, 143 SIGTERM, 70 an unexpected error (a bug: its traceback is
printed, to report it).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from extract.fields import FIELDS, parse_fields
from extract.text import printable
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
from store.files import TargetError, target, write_text
from store.verdicts import CLEAR, VERDICTS

if TYPE_CHECKING:
    from store import Group, ImportReport


class UsageError(Exception):
    """A mistake in the command line the user can fix; printed without a traceback."""


class OutputError(Exception):
    """Standard output cannot be written (`/dev/full`, closed): said in one line."""


EXIT_BUG = 70  # an unexpected error: a bug, never to be read as "some files failed" (1)
EXIT_NO_MATCH = 3  # `remove` named a source or an article the library does not hold


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
                    help="give up on a page not whole in this long (default: 20)")  # fmt: skip
    commands.add_parser("sources", parents=[common], help="list sources and their articles")
    rn = commands.add_parser(
        "rename-source", parents=[common],
        help="call a source by another name (an existing one merges the two)",
    )  # fmt: skip
    rn.add_argument("old", metavar="OLD")
    rn.add_argument("new", metavar="NEW")
    rm = commands.add_parser(
        "remove", parents=[common],
        help="take articles out of the library with their claims (their files can be "
        "imported again); asks first",
    )  # fmt: skip
    rm.add_argument("--source", metavar="S", action="append", default=[],
                    help="every article of this source (again: and that one's)")  # fmt: skip
    rm.add_argument("--article", metavar="ID", type=int, action="append", default=[],
                    help="this article: its article_id in a claims export")  # fmt: skip
    rm.add_argument("--yes", action="store_true", help="remove without asking")
    ex = commands.add_parser(
        "export", parents=[common],
        help="export claims, entities or discrepancies; verdicts as ClaimReview JSON-LD",
    )  # fmt: skip
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
    ve = commands.add_parser(
        "verdict", parents=[common],
        help="judge a claim or a group: confirmed, disputed, false, not_a_claim, or clear",
    )  # fmt: skip
    ve.add_argument("what", choices=("claim", "group"))
    ve.add_argument("id", metavar="ID", help="a claim's id, or a group's group_id (as exported)")
    ve.add_argument("verdict", metavar="VERDICT",
                    help=f"one of {', '.join(VERDICTS)}; {CLEAR} takes it off")  # fmt: skip
    ve.add_argument("--note", metavar="TEXT", help="the analyst's note (kept if not given)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _open_standard_streams()
    args = _parser().parse_args(argv)
    from store.importer import Terminated, stop_on_sigterm

    stop_on_sigterm()
    try:
        code = _run(args)
        _out(None)  # what is still buffered for standard output, written now
        return code
    except (LibraryError, UsageError, OutputError, TargetError) as exc:
        _say(f"claimdiff: {exc}")
        return 2
    except Terminated:
        return 143
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # "claimdiff export claims | head": the reader has had enough
        _quiet_stdout()
        return 0
    except Exception:
        traceback.print_exc()
        _say("claimdiff: an unexpected error, a bug in claimdiff: please report it with the "
             "lines above")  # fmt: skip
        return EXIT_BUG


def _open_standard_streams() -> None:
    """A closed standard stream (`claimdiff import x >&-`) is given /dev/null: else the
    library's file could be opened as descriptor 1, and what a process writes to its
    output would land in the library."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # takes the lowest free descriptor: this one


def _say(text: str) -> None:
    """A line for the user on standard error, shown as text whatever it holds."""
    if sys.stderr is not None:
        print(printable(text), file=sys.stderr)


def _out(text: str | None) -> None:
    """A line on standard output (None: what is buffered), or OutputError when it cannot be
    written (a full disk). A closed standard output wants nothing: it gets nothing."""
    if sys.stdout is None:
        return
    try:
        if text is not None:
            print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _quiet_stdout()
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def _quiet_stdout() -> None:
    """Nothing more reaches standard output, not even the buffer Python flushes at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)


def _run(args: argparse.Namespace) -> int:
    try:
        fields = parse_fields(getattr(args, "field", []))
    except ValueError as exc:
        raise UsageError(f"--field {exc}") from exc
    if args.command in ("import", "open"):  # the settings' field names, unless given here
        from tui.config import config_path, load_config

        config, problem = load_config(config_path())
        if problem:
            _say(f"claimdiff: {problem}")
        fields = {**config.fields, **fields}
    if args.command in (None, "open") and not (sys.stdin is not None and sys.stdin.isatty()):
        raise UsageError(
            "the reader needs a terminal to read keys from, and standard input is not one: "
            "in a script, use claimdiff import or claimdiff export"
        )  # before the library is made: a first run in a terminal still opens the sample
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
            from extract.text import printable

            for source, count in library.source_counts():
                print(f"{count:>7,}  {printable(source)}")
            return 0
        if args.command == "rename-source":
            return _rename_source(library, args.old, args.new)
        if args.command == "remove":
            return _remove(library, args.source, args.article, args.yes)
        if args.command == "verdict":
            return _verdict(library, args)
        notices: list[str] = []
        paths = args.paths if args.command == "open" else []
        if not paths and is_new and BUNDLED_ARTICLES.is_dir():
            paths = [BUNDLED_ARTICLES]  # first run: the sample story
        if paths:
            from store import import_paths  # the importer loads only when there is work

            report = import_paths(library, paths, fields=fields)
            notices = [f"Import: {line}" for line in report.lines()]
        from tui.app import ClaimdiffApp  # Textual loads only for the reader

        ClaimdiffApp(library, notices).run()
        return 0
    finally:
        library.close()


def _import(run: Callable[..., ImportReport]) -> int:
    """Run an import (of files, or of pages) with a progress bar on a terminal; print the
    failures and the summary, and exit as the command line promises."""
    from store import ImportReport
    from store.importer import Terminated

    report = ImportReport()
    error: LibraryError | None = None
    interrupted: KeyboardInterrupt | None = None
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            _with_progress(run, report)
        else:
            run(report=report)
    except KeyboardInterrupt as exc:  # Ctrl+C, or SIGTERM (Terminated)
        interrupted = exc
    except LibraryError as exc:  # the library cannot be written: what got in, then why not
        error = exc
    report.stopped = interrupted is not None or error is not None
    for line in report.lines():
        _say(line)
    _out(report.summary())
    if error is not None:
        raise error
    if interrupted is not None:
        return 143 if isinstance(interrupted, Terminated) else 130
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
    _out(f"{renamed:,} article{'s' * (renamed != 1)} of {printable(old)} now from "
         f"{printable(new)}{joined}")  # fmt: skip
    return 0


def _remove(library: Library, sources: list[str], articles: list[int], yes: bool) -> int:
    """Take articles out, after saying what would go and asking, on a terminal; never
    without asking elsewhere unless told (`--yes`). A name or an id the library does not
    hold removes nothing, with its own exit code."""
    from store.removing import share_line

    if not sources and not articles:
        raise UsageError("name what to remove: --source S or --article ID "
                         "(claimdiff sources lists the sources)")  # fmt: skip
    chosen = library.to_remove(sources, articles)
    known = {s.source for s in chosen.sources}
    missing = [f"no source named {printable(repr(s))}" for s in sources if s not in known]
    missing += [f"no article {a}" for a in sorted(set(articles) - set(chosen.articles))]
    if missing:
        _say(f"claimdiff: nothing removed: {', '.join(missing)} in {library.path}")
        return EXIT_NO_MATCH
    if not yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise UsageError(f"remove asks before taking {chosen} out of {library.path}, "
                             "and standard input is not a terminal: add --yes")  # fmt: skip
        for share in chosen.sources:
            _say(f"  {share_line(share)}")
        print(printable(f"Remove {chosen} from {library.path}? [y/N] "), end="",
              file=sys.stderr, flush=True)  # fmt: skip
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            _say("nothing removed")
            return 0
    removed = library.remove(chosen).selection
    _out(printable(f"removed {removed} from {library.path}; their files can be imported again"))
    return 0


def _verdict(library: Library, args: argparse.Namespace) -> int:
    """Judge a claim or a group, and say what it now has."""
    from store.verdicts import UnknownError

    try:
        if args.what == "claim":
            if not args.id.isdigit():
                raise UsageError(f"a claim's ID is a number (the id of a claims export), "
                                 f"not {args.id!r}")  # fmt: skip
            now = library.judge_claim(int(args.id), args.verdict, args.note)
        else:
            now = library.judge_group(args.id, args.verdict, args.note)
    except UnknownError as exc:
        raise UsageError(str(exc)) from exc
    said = (now.verdict or "no verdict").replace("_", " ")
    note = f"; note: {now.note}" if now.note else ""
    _out(printable(f"{args.what} {args.id}: {said}{note}"))
    return 0


def _export(library: Library, args: argparse.Namespace) -> int:
    if (args.what == "verdicts") != (args.format == "claimreview"):
        raise UsageError("verdicts are exported as ClaimReview JSON-LD, and only they are: "
                         "claimdiff export verdicts --format claimreview")  # fmt: skip
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
    if args.what == "discrepancies" and library.grouping_pending() and library.writer_busy():
        _say("claimdiff: waiting for another claimdiff, which is writing to the library, to "
             "group the newest claims")  # fmt: skip
    sources = frozenset({args.source}) if args.source else frozenset()
    f = ClaimFilter(entity_ids=frozenset(entity_ids), sources=sources, query=args.query)
    if args.output is None:
        if sys.stdout is None:
            raise OutputError("standard output is closed: name a file with -o FILE")
        try:
            _write(library, args, f, sys.stdout, group)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _quiet_stdout()
            raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from exc
        return 0
    where = target(args.output)  # TargetError: an empty name, a folder, a link to nothing
    if where.replaces and not args.force:
        raise UsageError(f"{where} exists; use --force to replace it")
    try:
        rows = write_text(where, lambda out: _write(library, args, f, out, group))
    except OSError as exc:
        raise UsageError(f"cannot write {where}: {exc.strerror or exc}") from exc
    _say(f"{rows} {args.what} written to {where}")
    return 0


def _write(
    library: Library, args: argparse.Namespace, f: ClaimFilter, out: TextIO, group: Group | None
) -> int:
    if group is not None:
        return export_groups(library, [group], args.format, out)
    return export(library, args.what, f, args.format, out)


if __name__ == "__main__":
    sys.exit(main())
