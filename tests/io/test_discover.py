"""Finding input files: recursion, order, names, and paths that cannot be read."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimx.io.discover import iter_input_files


def _touch(path: Path, text: str = "Text.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _names(paths, **kwargs) -> list[tuple[str, str | None]]:
    """Articles and errors; files skipped as not articles are left out (see `_skipped`)."""
    return [(f.name, f.error.code if f.error else None)
            for f in iter_input_files(paths, **kwargs) if f.skip is None]


def _skipped(paths, **kwargs) -> list[tuple[str, str]]:
    return [(f.name, f.skip) for f in iter_input_files(paths, **kwargs) if f.skip is not None]


def test_discover_recursive_sorted_supported_only(tmp_path):
    for name in ["b.txt", "a.md", "Z.html", "c.htm", "notes.pdf", "image.png", "sub/x.txt",
                 "sub/deeper/y.markdown", ".hidden.txt", ".git/config.txt", "README"]:
        _touch(tmp_path / name)
    assert _names([tmp_path]) == [
        ("Z.html", None), ("a.md", None), ("b.txt", None), ("c.htm", None),
        ("sub/deeper/y.markdown", None), ("sub/x.txt", None),
    ]
    # Not articles, but not hidden: listed as skipped so a run can report them.
    assert _skipped([tmp_path]) == [("README", "S001"), ("image.png", "S001"), ("notes.pdf", "S001")]


def test_discover_folder_documentation_is_skipped_unless_named(tmp_path):
    for name in ["README.md", "sub/readme.txt", "LICENSE.txt", "CHANGELOG.md", "article.md",
                 "readme-study.md"]:
        _touch(tmp_path / name)
    assert _names([tmp_path]) == [("article.md", None), ("readme-study.md", None)]
    assert _skipped([tmp_path]) == [("CHANGELOG.md", "S002"), ("LICENSE.txt", "S002"),
                                    ("README.md", "S002"), ("sub/readme.txt", "S002")]
    # Named on its own, a README is read like any other article.
    assert _names([tmp_path / "README.md"]) == [("README.md", None)]


def test_discover_order_does_not_depend_on_creation_order(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for name in ["c.txt", "a.txt", "b.txt"]:
        _touch(first / name)
    for name in ["b.txt", "c.txt", "a.txt"]:
        _touch(second / name)
    assert _names([first]) == _names([second]) == [("a.txt", None), ("b.txt", None), ("c.txt", None)]


def test_discover_single_file_named_by_its_file_name(tmp_path):
    path = _touch(tmp_path / "deep" / "article.TXT")
    assert _names([path]) == [("article.TXT", None)]


def test_discover_several_roots_keep_order_and_prefix_folder_names(tmp_path):
    _touch(tmp_path / "news" / "a.txt")
    _touch(tmp_path / "blogs" / "a.txt")
    single = _touch(tmp_path / "z.md")
    assert _names([tmp_path / "news", tmp_path / "blogs", single]) == [
        ("news/a.txt", None), ("blogs/a.txt", None), ("z.md", None)]


def test_discover_same_file_name_from_two_roots_stays_unique(tmp_path):
    first = _touch(tmp_path / "x" / "article.txt")
    second = _touch(tmp_path / "y" / "article.txt")
    assert _names([first, second]) == [("article.txt", None), ("y/article.txt", None)]


def test_discover_file_reached_twice_is_listed_once(tmp_path):
    path = _touch(tmp_path / "a.txt")
    assert _names([tmp_path, path]) == [(f"{tmp_path.name}/a.txt", None)]


def test_discover_excluded_folder_is_skipped(tmp_path):
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "out" / "texts" / "a.txt.txt")
    assert _names([tmp_path], exclude=[tmp_path / "out"]) == [("a.txt", None)]


def test_discover_missing_path_and_unsupported_file(tmp_path):
    pdf = _touch(tmp_path / "paper.pdf")
    assert _names([tmp_path / "missing.txt", pdf, tmp_path / "missing-folder"]) == [
        ("missing.txt", "E001"), ("paper.pdf", "E007"), ("missing-folder", "E001")]


def test_discover_dangling_symlinks(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")  # not an article: ignored
    entries = list(iter_input_files([root]))
    assert [(e.name, e.error.code) for e in entries] == [("gone.txt", "E012")]
    assert "nowhere.txt" in entries[0].error.reason
    assert _names([root / "gone.txt"]) == [("gone.txt", "E012")]


def test_discover_file_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "self").symlink_to(tmp_path / "self")  # no suffix: still a loop to report
    assert _names([tmp_path]) == [("a.txt", "E008"), ("b.txt", "E008"), ("self", "E008")]


def test_discover_folder_symlink_loop_reported_once_and_walk_ends(tmp_path):
    _touch(tmp_path / "sub" / "a.txt")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    assert _names([tmp_path]) == [("sub/a.txt", None), ("sub/up", "E008")]


def test_discover_symlinked_file_and_folder_are_followed(tmp_path):
    target = _touch(tmp_path / "elsewhere" / "real.txt")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.txt").symlink_to(target)
    (root / "linked-folder").symlink_to(target.parent)
    # The same file through two links is one article, under its first name.
    assert _names([root]) == [("link.txt", None)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_discover_unreadable_folder(tmp_path):
    locked = tmp_path / "locked"
    _touch(locked / "a.txt")
    locked.chmod(0)
    try:
        assert _names([tmp_path]) == [("locked", "E002")]
    finally:
        locked.chmod(0o755)


def test_discover_unreadable_folder_simulated(tmp_path, monkeypatch):
    # The chmod test above cannot run as root (CI); simulate the permission error.
    locked = tmp_path / "locked"
    _touch(locked / "a.txt")
    _touch(tmp_path / "b.txt")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("claimx.io.discover.os.scandir", scandir)
    entries = list(iter_input_files([tmp_path]))
    assert [(e.name, e.error.code if e.error else None) for e in entries] == [("b.txt", None), ("locked", "E002")]
    assert "Permission denied" in entries[1].error.reason
