"""The analyst's judgement in the reader: v on a claim or in the discrepancy view, the note
dialog, the verdict filter, and taking a claim out of a group or merging two, as a user
sees them."""

from __future__ import annotations

from store import Library
from tests.driving import SIZE, column, settle, shown
from tui.app import ClaimdiffApp
from tui.screens.discrepancies import ClaimCard, DiscrepancyScreen, GroupList
from tui.screens.verdict import VerdictScreen
from tui.widgets.tables import ClaimTable

NOTE = "NIS says 3,000 [b]bold[/b]"  # markup in a note is text


async def judge(app: ClaimdiffApp, pilot, choice: str, note: str | None = None) -> None:
    """v, a number for the verdict, the note typed after tab, enter."""
    await pilot.press("v")
    await pilot.pause()
    assert isinstance(app.screen, VerdictScreen)
    await pilot.press(choice)
    if note is not None:
        await pilot.press("tab")
        app.screen.query_one("#verdict-note").value = note
    await pilot.press("enter")
    await settle(app, pilot)


async def test_v_on_a_claim_keeps_a_verdict_and_note_shown_on_its_row(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "j")  # the claims pane, its second claim
        table = app.screen.query_one(ClaimTable)
        claim = table.current_row
        assert "Verdict" not in shown(table)[0]  # nothing judged: no column
        await judge(app, pilot, "2", NOTE)
        assert column(table, "Verdict")[1] == "disputed ✎"
        assert shown(table)[2].lstrip().startswith("?")  # its sign, however narrow
        kept = library.claim_verdicts([claim.id])[claim.id]
        assert (kept.verdict, kept.note) == ("disputed", NOTE)
        # The dialog opens on what is kept; 5 clears it.
        await pilot.press("v")
        await pilot.pause()
        assert app.screen.query_one("#verdict-note").value == NOTE
        assert str(app.screen.query_one("#verdict-what").render()) == claim.sentence
        await pilot.press("5", "enter")
        await settle(app, pilot)
        assert library.claim_verdicts([claim.id]) == {}
        assert "Verdict" not in shown(table)[0]


async def test_escape_in_the_verdict_dialog_changes_nothing(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "v")
        await pilot.pause()
        await pilot.press("3", "escape")
        await settle(app, pilot)
        claim = app.screen.query_one(ClaimTable).current_row
        assert library.claim_verdicts([claim.id]) == {}


async def test_the_verdict_filter_keeps_judged_claims_and_those_without(library: Library):
    from tui.screens.filters import FilterScreen

    judged = library.claims()[3]
    library.judge_claim(judged.id, "false")
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FilterScreen)
        # All are ticked at first: a unticks them all, space ticks the one kept.
        await pilot.press("tab", "tab", "tab", "a", "down", "down", "space", "enter")  # false
        await settle(app, pilot)
        table = app.screen.query_one(ClaimTable)
        assert [c.id for c in table.rows_shown] == [judged.id]
        assert column(table, "Verdict") == ["false"]
        bar = str(app.screen.query_one("#filters").render())
        assert "verdict: false" in bar
        await pilot.press("escape")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "a", "end", "space", "enter")  # no verdict
        await settle(app, pilot)
        ids = {c.id for c in table.rows_shown}
        assert judged.id not in ids and len(ids) == len(library.claims()) - 1


async def test_the_discrepancy_view_judges_groups_and_cards_splits_and_merges(
    library: Library,
):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiscrepancyScreen)
        groups = screen.query_one(GroupList)
        first = groups.current_row
        await judge(app, pilot, "2", "two agencies")  # on the group
        assert column(groups, "Verdict")[0] == "disputed ✎"
        assert "your verdict: disputed · two agencies" in str(screen.query_one("#why").render())
        await pilot.press("enter")  # to the first card
        await pilot.pause()
        card = screen.focused
        assert isinstance(card, ClaimCard)
        await judge(app, pilot, "3", NOTE)  # on the card's claim
        again = next(c for c in screen.query(ClaimCard) if c.claim.id == card.claim.id)
        assert f"verdict: false · {NOTE}" in str(again.render())
        assert groups.current_key == first.key  # the cursor stayed on the group

        # t takes the card's claim out of its group; the group stays under the cursor.
        again.focus()
        await pilot.press("t")
        await settle(app, pilot)
        now = groups.current_row
        assert now.topic == first.topic and now.claims == first.claims - 1
        assert card.claim.id not in {c.claim.id for c in screen.query(ClaimCard)}

        # m on one group, m on another: the first's claims join the second.
        topics = [g.topic for g in groups.rows_shown]
        generals = topics.index("North Korean generals in Russia")
        officers = topics.index("North Korean officers in Russia")
        groups.focus()
        groups.move_cursor(row=generals)
        await pilot.press("m")
        groups.move_cursor(row=officers)
        await pilot.press("m")
        await settle(app, pilot)
        topics = [g.topic for g in groups.rows_shown]
        assert "North Korean generals in Russia" not in topics
        assert groups.current_row.topic == "North Korean officers in Russia"
        assert groups.current_row.claims == 6


async def test_not_a_claim_in_the_reader_takes_the_figure_out_of_its_group(library: Library):
    app = ClaimdiffApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        groups = app.screen.query_one(GroupList)
        before = groups.current_row
        await pilot.press("enter")
        await pilot.pause()
        await judge(app, pilot, "4")  # not a claim
        assert groups.current_row.key != before.key or groups.current_row.claims < before.claims
        assert next(g for g in groups.rows_shown if g.topic == before.topic).claims == (
            before.claims - 1
        )
        groups.focus()
        await pilot.press("v")  # a group cannot be "not a claim": three verdicts and clear
        await pilot.pause()
        assert app.screen.query_one("#verdict-choice").option_count == 4


def test_a_verdict_filter_is_kept_with_the_settings_and_escape_takes_it_off(tmp_path):
    from store import ClaimFilter
    from tui.config import Config, load_config, save_config
    from tui.state import ReaderFilter

    chosen = ClaimFilter(verdicts=frozenset({"false", "none"}))
    config = Config()
    config.remember(chosen)
    save_config(tmp_path / "config.json", config)
    loaded, problem = load_config(tmp_path / "config.json")
    assert problem is None and loaded.claim_filter() == chosen
    shown = ReaderFilter().chosen(chosen)
    assert shown.labels() == ["verdict: false, no verdict"]
    assert shown.without_last().is_empty
