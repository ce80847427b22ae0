"""What the main screens look like at 80x24 and 160x48, compared with approved snapshots.

Update them after a deliberate change of look: `.venv/bin/pytest tests/test_snapshots.py
--snapshot-update`, then look at the report before committing.
"""

from __future__ import annotations

import pytest

from store import Library
from tui.app import ClaimdiffApp

SIZES = [(80, 24), (160, 48)]


async def steady(pilot) -> None:
    """Wait until loading, and what loading sets off (the first claim shown in its
    article), has settled: a snapshot taken mid-way differs from run to run."""
    pilot.app.sub_title = "library.db"  # the temporary path changes every run
    for _ in range(6):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.05)


@pytest.mark.parametrize("size", SIZES)
def test_reader(snap_compare, library: Library, size):
    assert snap_compare(ClaimdiffApp(library), terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_discrepancies(snap_compare, library: Library, size):
    async def open_view(pilot) -> None:
        await steady(pilot)
        await pilot.press("d")
        await steady(pilot)

    assert snap_compare(ClaimdiffApp(library), terminal_size=size, run_before=open_view)


def test_help(snap_compare, library: Library):
    async def open_help(pilot) -> None:
        await steady(pilot)
        await pilot.press("question_mark")
        await steady(pilot)

    assert snap_compare(ClaimdiffApp(library), terminal_size=(80, 24), run_before=open_help)
