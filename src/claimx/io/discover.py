"""Find input files under the paths a user gives, in a stable order."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import Errors, InputError
from ..types import PathLike

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    name: str  # relative to the root the user named, '/'-separated
    error: InputError | None = None


def iter_input_files(paths: Iterable[PathLike]) -> Iterator[InputFile]:
    """Yield every supported file under `paths` (files or folders), sorted, recursively.

    Problems (missing paths, symlink loops) are yielded as `InputFile`s with `error`
    set rather than raised, so one bad path never stops the run.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, path, set())
        elif path.exists() or path.is_symlink():
            name = path.name
            if not path.exists():
                yield InputFile(path, name, InputError(path, "E001", Errors.E001))
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                yield InputFile(path, name, InputError(path, "E007", Errors.E007))
            else:
                yield InputFile(path, name)
        else:
            yield InputFile(path, path.name, InputError(path, "E001", Errors.E001))


def _walk(root: Path, folder: Path, seen: set[tuple[int, int]]) -> Iterator[InputFile]:
    try:
        stat = folder.stat()
    except OSError as exc:  # loop or permission problem on a symlinked folder
        yield InputFile(folder, _rel(root, folder), _os_error(folder, exc))
        return
    key = (stat.st_dev, stat.st_ino)
    if key in seen:
        yield InputFile(folder, _rel(root, folder), InputError(folder, "E008", Errors.E008))
        return
    seen = seen | {key}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield InputFile(folder, _rel(root, folder), _os_error(folder, exc))
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store) are never articles
        try:
            is_dir = entry.is_dir()  # follows symlinks
        except OSError as exc:
            yield InputFile(path, _rel(root, path), _os_error(path, exc))
            continue
        if is_dir:
            yield from _walk(root, path, seen)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            if not path.exists():  # dangling symlink or loop
                yield InputFile(path, _rel(root, path), InputError(path, "E008" if path.is_symlink() else "E001",
                                                                    Errors.E008 if path.is_symlink() else Errors.E001))
            else:
                yield InputFile(path, _rel(root, path))


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _os_error(path: Path, exc: OSError) -> InputError:
    if getattr(exc, "errno", None) == 40:  # ELOOP
        return InputError(path, "E008", Errors.E008)
    return InputError(path, "E002", f"{Errors.E002} ({exc.strerror or exc})")
