"""What importing a folder takes: articles, not the tools, packages and papers kept beside
them, unless the user names those themselves."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import run

STORY = "Troops arrive\n\nAbout 3,000 North Korean troops arrived in Russia, officials said."


def project(tmp_path: Path) -> Path:
    """A story's folder as people keep one: beside the articles, a virtual environment,
    packages, caches, a readme and a licence."""
    folder = tmp_path / "story"
    files = {
        "reuters/kursk.txt": STORY,
        "README.TXT": "BBC dataset\n\nThe 2,225 articles of this dataset are in five folders.",
        "LICENSE.md": "MIT License\n\nCopyright 2024. Permission is hereby granted.",
        "readme-first.md": "Read me first\n\nThe notes are in the folder of each outlet.",
        "licence-fee.txt": "Licence fee rises\n\nThe BBC licence fee rises by 5,000 pence.",
        "env/pyvenv.cfg": "home = /usr/bin",
        "env/lib/entry_points.txt": "[console_scripts]\n\nclaimdiff = tui.cli:main",
        ".venv/lib/top_level.txt": "Top level\n\nextract and store, 2 packages.",
        "lib/site-packages/pkg/METADATA.txt": "Metadata\n\nVersion 1,000 of the package.",
        "web/node_modules/left-pad/notes.md": "left-pad\n\n11 lines of code, 2016.",
        "__pycache__/cached.txt": "Cache\n\n300 entries were cached.",
        ".git/description.txt": "Unnamed repository\n\nEdit this file to name it, 1 line.",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_folder_passes_over_environments_packages_and_papers_with_a_note(
    tmp_path: Path, db_path: Path
):
    folder = project(tmp_path)
    result = run("import", str(folder), db=db_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2 imported, 0 already present, 0 failed, 9 passed over"
    why = {line.split(": ", 2)[1]: line.split(": ", 2)[2] for line in result.stderr.splitlines()}
    assert why == {
        str(folder / ".git"): "a hidden folder; name it to import it",
        str(folder / ".venv"): "a hidden folder; name it to import it",
        str(folder / "__pycache__"): "a folder of software packages (__pycache__); name it "
        "to import it",
        str(folder / "env"): "a Python virtual environment (it holds pyvenv.cfg); name it to "
        "import it",
        str(folder / "lib" / "site-packages"): "a folder of software packages (site-packages); "
        "name it to import it",
        str(folder / "web" / "node_modules"): "a folder of software packages (node_modules); "
        "name it to import it",
        **{
            str(folder / name): "a readme, licence or change log by its name, not an article; "
            "name it to import it"
            for name in ("README.TXT", "LICENSE.md", "readme-first.md")
        },
    }  # fmt: skip
    sources = run("sources", db=db_path).stdout.split()
    assert "reuters" in sources and "licence-fee" in sources  # a news story, by its name


def test_a_folder_or_a_paper_named_itself_is_imported(tmp_path: Path, db_path: Path):
    folder = project(tmp_path)
    named = run("import", str(folder / "env"), str(folder / "README.TXT"), db=db_path)
    assert named.returncode == 0, named.stderr
    assert named.stdout.strip() == "2 imported, 0 already present, 0 failed"
    hidden = run("import", str(folder / ".venv"), db=db_path)
    assert hidden.stdout.strip() == "1 imported, 0 already present, 0 failed"
