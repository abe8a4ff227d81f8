"""Reading annotated folders: texts exactly as offsets count them, and folder checks."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def read_text(path: Path) -> str:
    """A text file exactly as annotation offsets count it: UTF-8, line ends untouched."""
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def require_directory(directory: Path) -> None:
    """Raise ``InputError`` unless ``directory`` is a folder, saying what it is instead."""
    if not directory.is_dir():
        what = "not a directory" if directory.exists() else "no such directory"
        raise InputError(f"{directory}: {what}")
