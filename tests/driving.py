"""Driving the reader as a user does, and reading what it shows, for the reader's tests.

Waits are on Textual's own signals (workers done, messages handled); only what happens in
another process or thread, which no signal tells of, is waited for by a bounded `until`.
What the reader shows is read from its rendered lines, never from a widget's private state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot
from textual.scroll_view import ScrollView
from textual.widget import Widget

from tui.app import ClaimdiffApp

SIZE = (160, 48)
LABEL = re.compile(r"\S+(?: \S+)*")  # a column's label: words one space apart


async def settle(app: ClaimdiffApp, pilot: Pilot) -> None:
    """Let workers finish and their messages land."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot: Pilot, condition: Callable[[], bool], seconds: float = 30) -> None:
    """Let the app run until `condition` holds, for what another process or a thread does;
    fails after `seconds`."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), f"still not so after {seconds} s"


async def import_through_dialog(app: ClaimdiffApp, pilot: Pilot, path: Path | str) -> None:
    """i, type the path, enter: what a user does to import from inside the reader."""
    from tui.screens.importing import ImportScreen

    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ImportScreen)
    app.screen.query_one("#import-path").value = str(path)
    await pilot.press("enter")


async def export_through_dialog(app: ClaimdiffApp, pilot: Pilot, path: Path | str) -> None:
    """x, type the path, enter: what a user does to export."""
    await pilot.press("x")
    await pilot.pause()
    app.screen.query_one("#export-path").value = str(path)
    await pilot.press("enter")
    await settle(app, pilot)


class Notices:
    """Every notification the app shows, as Textual posts it: give it to run_test as its
    `message_hook` (run_test draws no toasts)."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.shown.append(message.notification)

    @property
    def messages(self) -> list[str]:
        return [n.message for n in self.shown]


def lines(widget: Widget) -> list[str]:
    """What a widget shows, a line of text per line of the screen, border included."""
    return [strip.text for strip in widget.render_lines(widget.region.reset_offset)]


def shown(view: ScrollView) -> list[str]:
    """What a line-API view (a list, the article) shows inside its border, top to bottom."""
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def column(pane: ScrollView, label: str) -> list[str]:
    """The cells a list shows in the column under `label` (a sort arrow aside), top to
    bottom: each column starts a cell before its label, where its padding does."""
    header, *rows = shown(pane)
    labels = list(LABEL.finditer(header))
    index = next(i for i, m in enumerate(labels) if m.group().rstrip("▲▼") == label)
    start = labels[index].start() - 1
    end = labels[index + 1].start() - 1 if index + 1 < len(labels) else None
    return [row[start:end].strip() for row in rows if row.strip()]


def cut(texts: list[str], cells: list[str]) -> bool:
    """Whether a list's cells show these texts, each whole or cut short with an ellipsis."""
    return len(cells) == len(texts) and all(
        cell == text or (cell.endswith("…") and text.startswith(cell[:-1].rstrip()))
        for text, cell in zip(texts, cells, strict=True)
    )
