"""Find input files under the paths a user gives, in a stable order, with their names."""
from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import PathLike
from .read import SUPPORTED_SUFFIXES


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    name: str  # the article's name: path relative to the input root, '/'-separated
    error: InputError | None = None
    skip: str | None = None  # a `Skips` code: found in a folder, not an article


# A folder's own documentation, not an article, however it is spelled (README.md,
# LICENSE.txt, CHANGELOG.md). Named explicitly on the command line, such a file is read.
FOLDER_DOCUMENTATION = frozenset({
    "readme", "license", "licence", "copying", "notice", "changelog", "changes", "history",
    "contributing", "authors", "code_of_conduct", "security",
})


def iter_input_files(paths: Iterable[PathLike], *, exclude: Iterable[PathLike] = ()) -> Iterator[InputFile]:
    """Every supported file under `paths` (files or folders), recursively.

    Folders are walked in sorted order (by code point, so the order does not depend on
    the file system or the locale); roots keep the order the user gave. A file is named
    by its path relative to the root folder it was found under; with several roots the
    root folder's own name is put in front, and a name already taken gets more of its
    parent folders, so names stay unique. A file reached twice is processed once.

    Problems (missing paths, symlink loops, dangling links, unsupported files named
    explicitly) are yielded as `InputFile`s with `error` set rather than raised, so one
    bad path never stops the run. Files in a folder that are not articles (other file
    types, a README) are yielded with `skip` set, so the run can list them. Hidden
    files and folders are passed over, and so are the folders in `exclude` (the output
    folder, when it lies inside an input folder).
    """
    roots = [Path(p) for p in paths]
    several = len(roots) > 1
    skipped = frozenset(key for key in map(_file_key, map(Path, exclude)) if isinstance(key, tuple))
    seen: set[tuple[int, int] | Path] = set()
    taken: set[str] = set()
    for root in roots:
        if _is_dir(root):
            prefix = f"{root.resolve().name}/" if several else ""
            entries = (InputFile(e.path, prefix + e.name, e.error, e.skip) for e in _walk(root, root, skipped))
        else:
            entries = iter([_explicit_file(root)])
        for entry in entries:
            key = _file_key(entry.path) if entry.error is None else entry.path.absolute()
            if key in seen:
                continue
            seen.add(key)
            name = _unique_name(entry, taken)
            taken.add(name)
            yield InputFile(entry.path, name, entry.error, entry.skip)


def _explicit_file(path: Path) -> InputFile:
    if path.is_symlink() and not path.exists():
        return InputFile(path, path.name, _link_error(path))
    if not path.exists():
        return InputFile(path, path.name, InputError(path, "E001"))
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        suffix = path.suffix or "(no suffix)"
        return InputFile(path, path.name, InputError(
            path, "E007", f"unsupported file type {suffix} (expected .txt, .md or .html)"))
    return InputFile(path, path.name)


def _walk(root: Path, folder: Path, skipped: frozenset[tuple[int, int]],
          ancestors: frozenset[tuple[int, int]] = frozenset()) -> Iterator[InputFile]:
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in skipped:
            return
        if key in ancestors:  # a symlink back to a folder we are inside
            yield InputFile(folder, _relative(root, folder), InputError(folder, "E008"))
            return
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputFile(folder, _relative(root, folder), _os_error(folder, exc))
        return
    ancestors = ancestors | {key}
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are never articles
        path = Path(entry.path)
        supported = path.suffix.lower() in SUPPORTED_SUFFIXES
        if entry.is_symlink() and not path.exists():
            error = _link_error(path)
            # A loop is reported whatever its name (it may have been meant as a folder);
            # a dangling link only when it would have been an article.
            if error.code == "E008" or supported:
                yield InputFile(path, _relative(root, path), error)
        elif _is_dir(path):
            yield from _walk(root, path, skipped, ancestors)
        elif not supported:  # images, PDFs, a saved page's scripts: a folder may hold more
            yield InputFile(path, _relative(root, path), skip="S001")
        elif path.stem.lower() in FOLDER_DOCUMENTATION:
            yield InputFile(path, _relative(root, path), skip="S002")
        else:
            yield InputFile(path, _relative(root, path))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()  # follows symlinks; False for loops and dangling links
    except OSError:
        return False


def _link_error(path: Path) -> InputError:
    """A symlink whose target cannot be reached: a loop (E008) or missing (E012)."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(path, "E008")
    try:
        target = os.readlink(path)
    except OSError:
        return InputError(path, "E012")
    return InputError(path, "E012", f"dangling symbolic link (to {target})")


def _file_key(path: Path) -> tuple[int, int] | Path:
    try:
        info = path.stat()
        return (info.st_dev, info.st_ino)
    except OSError:
        return path


def _unique_name(entry: InputFile, taken: set[str]) -> str:
    if entry.name not in taken:
        return entry.name
    # Same file name from two roots (`claimx extract a/x.txt b/x.txt`): add parents.
    parts = entry.path.absolute().parts
    for n in range(entry.name.count("/") + 2, len(parts) + 1):
        name = "/".join(parts[-n:]).lstrip("/")
        if name not in taken:
            return name
    return entry.path.absolute().as_posix().lstrip("/")


def _relative(root: Path, path: Path) -> str:
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        return path.name
    return path.name if relative == "." else relative


def _os_error(path: Path, exc: OSError) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError(path, "E008")
    if exc.errno == errno.ENOENT:
        return InputError(path, "E012" if path.is_symlink() else "E001")
    return InputError(path, "E002", f"file is not readable ({exc.strerror or exc})")
