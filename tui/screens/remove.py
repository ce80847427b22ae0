"""Ask before taking an article, or every article of its source, out of the library.

What each choice would take (articles, claims) is read in a worker; the article's title
and its source are shown as text, never markup. `a` chooses the article, `s` its source,
escape keeps them; the reader removes what was chosen, and its `u` puts it back while it
stays open (store/removing.py: as an import of the rows that went).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from extract.text import inert
from store import Library
from store.removing import KEPT_UP_TO, Selection


class RemoveScreen(ModalScreen[Selection | None]):
    """Returns what to remove, or None to keep everything."""

    BINDINGS = [
        Binding("a", "choose('article')", "This article", id="remove.article"),
        Binding("s", "choose('source')", "Its source", id="remove.source"),
        Binding("escape", "cancel", "Keep", id="remove.cancel"),
    ]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    RemoveScreen > Vertical { width: 84; max-width: 96%; }
    RemoveScreen #remove-choices { margin: 1 0; height: auto; }
    """

    @dataclass(eq=False, repr=False)  # see tui.messages
    class Read(Message):
        title: str
        source: str
        article: Selection
        source_articles: Selection

    def __init__(self, library: Library, article_id: int) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id  # the reader's open article, as its cursor chose it
        self.choices: dict[str, Selection] = {}  # once read

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Remove from the library, with its claims and names:")
            yield Static("Counting…", id="remove-choices")
            yield Static("", id="remove-undo")

    def on_mount(self) -> None:
        self.read_choices()

    @work(thread=True, exclusive=True, group="remove", exit_on_error=False)
    def read_choices(self) -> None:
        ref = self.library.article_refs([self.article_id]).get(self.article_id)
        source = ref["source"] if ref else ""
        self.post_message(self.Read(
            ref["title"] if ref else "", source,
            self.library.to_remove(articles=[self.article_id]),
            self.library.to_remove(sources=[source] if ref else [])))  # fmt: skip

    @on(Read)
    def _read(self, message: Read) -> None:
        article, source, name = message.article, message.source_articles, inert(message.source)
        if not article.articles:  # removed meanwhile, by another claimdiff
            self.dismiss(None)
            return
        self.choices = {"article": article}
        lines = Text()
        lines.append("a", style="bold")
        lines.append(f"  this article, \u201c{inert(message.title)}\u201d ({article.claims:,} "
                     f"claim{'s' * (article.claims != 1)})")  # fmt: skip
        if len(source.articles) > 1:
            self.choices["source"] = source
            lines.append("\ns", style="bold")
            lines.append(f"  every article of {name}: {source}")
        else:
            lines.append(f"\n   (the only article of {name})", style="dim")
        self.query_one("#remove-choices", Static).update(lines)
        keys = " or ".join(("a", "s")[: len(self.choices)])
        undo = (
            "u in the reader puts it back, until the reader closes."
            if all(c.undoable for c in self.choices.values())
            else f"u in the reader puts the article back, not its source's: over {KEPT_UP_TO:,} "
            "articles are too many to keep."
        )
        self.query_one("#remove-undo", Static).update(Text(f"{undo} {keys} removes, esc keeps."))

    def action_choose(self, which: str) -> None:
        if which in self.choices:
            self.dismiss(self.choices[which])

    def action_cancel(self) -> None:
        self.dismiss(None)
