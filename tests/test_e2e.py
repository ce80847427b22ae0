"""The installed reader in a real terminal (tmux): keys in, screen read back, file out."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from store import BUNDLED_ARTICLES
from tests.test_cli import CLAIMDIFF, run

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def screen(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
    ).stdout


def wait_for(session: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = screen(session)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen(session)}")


def keys(session: str, *sent: str) -> None:
    for key in sent:
        subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
        time.sleep(0.15)


def test_search_then_export_in_a_real_terminal(tmp_path: Path, db_path: Path):
    run("import", str(BUNDLED_ARTICLES), db=db_path)
    session = f"claimdiff-{uuid.uuid4().hex[:8]}"
    command = (
        f"CLAIMDIFF_DB='{db_path}' CLAIMDIFF_CONFIG='{tmp_path / 'config.json'}' '{CLAIMDIFF}'"
    )
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36",
         "-c", str(tmp_path), command],
        check=True, env={**os.environ, "TERM": "xterm-256color"},
    )  # fmt: skip
    try:
        wait_for(session, "Articles (5)")
        keys(session, "/", "generals", "Enter")
        wait_for(session, "search: generals")
        keys(session, "x")
        wait_for(session, "claims to:")
        keys(session, "Enter")
        target = tmp_path / "claimdiff-claims.csv"
        deadline = time.monotonic() + 20
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        with target.open(encoding="utf-8") as handle:
            exported = list(csv.DictReader(handle))
        expected = run("export", "claims", "--query", "generals", db=db_path).stdout
        assert exported == list(csv.DictReader(io.StringIO(expected)))
        assert exported and all("general" in r["sentence"].lower() for r in exported)
        keys(session, "q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_first_run_opens_the_sample_story_and_nothing_done_in_it_touches_its_files(
    tmp_path: Path,
):
    files = {p.name: p.read_bytes() for p in sorted(BUNDLED_ARTICLES.iterdir())}
    assert len(files) == 5  # the sample story: five reports on North Korean troops
    session = f"claimdiff-{uuid.uuid4().hex[:8]}"

    def open_reader(library: Path) -> None:
        command = (f"CLAIMDIFF_DB='{library}' CLAIMDIFF_CONFIG='{tmp_path / 'config.json'}' "
                   f"'{CLAIMDIFF}'")  # fmt: skip
        # The first reader's session (and the tmux server with it) may still be closing:
        # a new session of its name would meet the old one or a server on its way out.
        deadline = time.monotonic() + 10
        while (
            time.monotonic() < deadline
            and subprocess.run(
                ["tmux", "has-session", "-t", session], capture_output=True
            ).returncode
            == 0
        ):
            time.sleep(0.1)
        time.sleep(0.3)
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", session, "-x", "160", "-y", "48",
             "-c", str(tmp_path), command],
            check=True, env={**os.environ, "TERM": "xterm-256color"},
        )  # fmt: skip

    first = tmp_path / "first.db"
    open_reader(first)  # a library that does not exist yet: the first run
    try:
        wait_for(session, "Articles (5)")  # the count is shown before the rows are drawn
        shown = wait_for(session, "North Korea May Be Providing Russia")
        assert "North Korea May Be Providing Russia" in shown and "Newser" in shown
        assert shown.count("unknown outlet") == 4 and "002_0d673e60a" not in shown
        keys(session, "j")  # the next article, from no known outlet
        wait_for(session, "(R names it)")
        keys(session, "R")
        wait_for(session, "Name the outlet of")
        keys(session, "CNN", "Enter")
        wait_for(session, "CNN · 2024-10-25")
        keys(session, "q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    # The rename is the user's library's: the bundled files are as they were, and another
    # first run shows the sample story as it came.
    assert {p.name: p.read_bytes() for p in sorted(BUNDLED_ARTICLES.iterdir())} == files
    open_reader(tmp_path / "second.db")
    try:
        wait_for(session, "Articles (5)")  # the count is shown before the rows are drawn
        shown = wait_for(session, "North Korea May Be Providing Russia")
        assert "CNN" not in shown and shown.count("unknown outlet") >= 4
        keys(session, "q")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
