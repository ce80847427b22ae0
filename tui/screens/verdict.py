"""The analyst's verdict and note on a claim or a group, in one dialog.

↑/↓ (or 1-5) choose the verdict, tab moves to the note, enter keeps both, escape leaves
them as they were. What is judged (a sentence, a group's topic) is shown as text, never as
markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from extract.text import inert
from store.verdicts import CLEAR, NOT_A_CLAIM, VERDICTS, Verdict

# What each verdict says, as the dialog and the lists show it.
VERDICT_WORDS = {
    "confirmed": "confirmed",
    "disputed": "disputed",
    "false": "false",
    NOT_A_CLAIM: "not a claim (an extraction mistake: it leaves its groups)",
    CLEAR: "no verdict (clear)",
}


class VerdictScreen(ModalScreen[Verdict | None]):
    """Returns the verdict chosen (None in it: cleared) with the note, or None to cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="verdict.cancel"),
        Binding("enter", "apply", "Keep", id="verdict.apply", priority=True),
        *(
            Binding(str(n), f"choose({n - 1})", show=False, id=f"verdict.choose_{n}")
            for n in range(1, 6)
        ),
    ]
    DEFAULT_CLASSES = "dialog"  # app.tcss
    DEFAULT_CSS = """
    VerdictScreen > Vertical { width: 80; }
    VerdictScreen Label { width: 100%; }
    VerdictScreen OptionList { height: auto; max-height: 7; }
    VerdictScreen #verdict-what { height: auto; max-height: 4; color: $text-muted; }
    """

    def __init__(self, what: str, current: Verdict, claim: bool = True) -> None:
        super().__init__()
        self.what = what  # the sentence, or the group's topic
        self.current = current
        # A group is not an extraction mistake: not_a_claim is a claim's verdict only.
        self.choices = [v for v in VERDICTS if claim or v != NOT_A_CLAIM] + [CLEAR]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Your verdict. ↑/↓ or 1-5 choose, tab to the note, enter keeps it, "
                        "esc cancels.")  # fmt: skip
            yield Label(Text(inert(self.what)), id="verdict-what")
            yield OptionList(
                *(Option(Text(f"{n}  {VERDICT_WORDS[v]}"), id=v)
                  for n, v in enumerate(self.choices, 1)),
                id="verdict-choice",
            )  # fmt: skip
            yield Input(self.current.note, placeholder="a note (why, where it was checked)",
                        id="verdict-note")  # fmt: skip

    def on_mount(self) -> None:
        choice = self.query_one("#verdict-choice", OptionList)
        current = self.current.verdict or CLEAR
        choice.highlighted = self.choices.index(current) if current in self.choices else 0
        choice.focus()

    def action_choose(self, index: int) -> None:
        if self.focused is not self.query_one("#verdict-note") and index < len(self.choices):
            self.query_one("#verdict-choice", OptionList).highlighted = index

    def action_apply(self) -> None:
        index = self.query_one("#verdict-choice", OptionList).highlighted or 0
        chosen = self.choices[index]
        note = self.query_one("#verdict-note", Input).value
        self.dismiss(Verdict(None if chosen == CLEAR else chosen, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
