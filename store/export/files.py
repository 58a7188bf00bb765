"""Writing Markdown exports to disk: safe names, no foreign file overwritten, atomic writes.

apostil recognises its own files by their front matter (``generator: apostil`` and an
``apostil_id``: the article's id, or ``tag:<tag>`` for a per-tag export). Exporting again
updates apostil's own files in place; when an article's title changed, its previous file (found
by scanning the front matter of the folder's ``.md`` files for the same ``apostil_id``) is
replaced by the file under the new name, never left as a duplicate. A file apostil did not
write is overwritten only with ``force``. Every file lands inside the target folder: names are
checked, and a symbolic link pointing outside it is refused even with ``force``. Writes go to
a temporary file in the same folder, then ``os.replace``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..atomic import atomic_write_bytes
from ..model import Article, Note
from .errors import ExportError, ForeignFile, ImportFormatError, UnsafePath
from .markdown import (
    GENERATOR,
    render_article_markdown,
    render_tag_markdown,
    split_front_matter,
)

MAX_SLUG = 60
SHORT_ID = 8
HEAD_BYTES = 64 * 1024
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(1, 10)}
    | {f"LPT{i}" for i in range(1, 10)}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_EXPORTED_LINE = re.compile(r"^exported:.*$", re.MULTILINE)

WriteStatus = Literal["created", "updated", "unchanged", "renamed"]


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What happened to one export file; ``previous`` is the file it replaced when renamed."""

    path: Path
    status: WriteStatus
    previous: Path | None = None


def slugify(text: str, limit: int = MAX_SLUG) -> str:
    """Lower-case ASCII letters and digits joined by ``-`` (accents dropped), at most
    ``limit`` characters, cut at a ``-`` when possible."""
    ascii_form = unicodedata.normalize("NFKD", text)
    ascii_form = "".join(ch for ch in ascii_form if not unicodedata.combining(ch))
    slug = _NOT_SLUG.sub("-", ascii_form.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[limit // 2 :] else cut
    return slug.strip("-")


def safe_filename(title: str, article_id: str) -> str:
    """``<slug of the title>-<short id>.md``: ASCII, no separators, not hidden, bounded
    length, never a Windows-reserved name."""
    short = slugify(article_id, SHORT_ID * 4)[:SHORT_ID].strip("-")
    stem = "-".join(part for part in (slugify(title), short) if part) or "untitled"
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem += "_"
    return f"{stem}.md"


def tag_filename(tag: str) -> str:
    """The file name of a per-tag export: ``tag-<slug>.md``."""
    return f"tag-{slugify(tag) or 'untitled'}.md"


def markdown_files(
    items: Sequence[tuple[Article, Sequence[Note]]], *, exported: str
) -> dict[str, str]:
    """``{file name: Markdown}`` for one file per article (names unique, see
    ``safe_filename``), ready for ``write_exports``."""
    files: dict[str, str] = {}
    for article, notes in items:
        name = safe_filename(article.title, article.id)
        if name in files:
            name = f"{name[:-3]}-{slugify(article.id, 64)}.md"
        files[name] = render_article_markdown(article, notes, exported=exported)
    return files


def tag_markdown_file(
    tag: str, items: Sequence[tuple[Article, Sequence[Note]]], *, exported: str
) -> dict[str, str]:
    """``{file name: Markdown}`` for the per-tag export of ``tag``."""
    return {tag_filename(tag): render_tag_markdown(tag, items, exported=exported)}


def export_identity(path: Path) -> str | None:
    """The ``apostil_id`` of an export file apostil wrote, None for any other file."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return None
    return _identity_of(head.decode("utf-8", errors="replace"))


def write_exports(
    target_dir: Path, files: Mapping[str, str], *, force: bool = False
) -> list[WriteResult]:
    """Write ``{file name: Markdown}`` into ``target_dir`` (created if missing).

    Everything is checked before anything is written: a bad name raises ``UnsafePath``, a
    file in the way that apostil did not write (or that holds another export) raises
    ``ForeignFile`` unless ``force``, a symbolic link pointing outside the folder raises
    ``UnsafePath`` always. Each file must be an apostil export (``ValueError`` otherwise).
    """
    root = _prepare_dir(Path(target_dir))
    identities: dict[str, str] = {}
    for name, content in files.items():
        _check_name(name)
        identity = _identity_of(content)
        if identity is None:
            raise ValueError(f"{name}: not an apostil export (no apostil front matter)")
        if identity in identities.values():
            raise ValueError(f"{name}: a second file for export {identity!r}")
        identities[name] = identity
    existing = _scan(root)
    plan: list[tuple[Path, str, list[Path]]] = []
    for name, content in files.items():
        dest = root / name
        _check_destination(root, dest, identities[name], force=force)
        previous = [p for p in existing.get(identities[name], []) if p.name != name]
        plan.append((dest, content, previous))
    return [_write_one(dest, content, previous) for dest, content, previous in plan]


def write_export(path: Path, content: str, *, force: bool = False) -> WriteResult:
    """Write one export to the file ``path`` names (``-o FILE``); its folder must exist.

    A file there that apostil did not write, or a symbolic link, is replaced only with
    ``force`` (the link itself is replaced, never the file it points to).
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    if path.is_symlink() or path.exists():
        if path.is_dir():
            raise ExportError(f"{path}: is a folder")
        if path.is_symlink() and not force:
            raise ForeignFile(f"{path} is a symbolic link; use --force to replace it")
        if export_identity(path) is None and not force:
            raise ForeignFile(f"{path} was not written by apostil; use --force to overwrite it")
    return _write_one(path, content, [])


# --- helpers ------------------------------------------------------------------------------


def _identity_of(text: str) -> str | None:
    try:
        meta, _ = split_front_matter(text)
    except ImportFormatError:
        return None
    identity = meta.get("apostil_id")
    if meta.get("generator") == GENERATOR and isinstance(identity, str) and identity:
        return identity
    return None


def _prepare_dir(target: Path) -> Path:
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target}: not a folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"{target}: cannot create the folder ({error.strerror})") from None
    return target.resolve()


def _check_name(name: str) -> None:
    bad = (
        not name
        or name != name.strip()
        or name.startswith(".")
        or any(sep in name for sep in ("/", "\\", "\0", ":"))
        or name in (".", "..")
        or len(name.encode("utf-8")) > 255
        or not name.lower().endswith(".md")
    )
    if bad:
        raise UnsafePath(f"{name!r} is not a safe export file name")


def _check_destination(root: Path, dest: Path, identity: str, *, force: bool) -> None:
    if dest.is_symlink():
        if not _inside(root, dest.resolve()):
            raise UnsafePath(f"{dest} is a symbolic link pointing outside {root}")
        if not force:
            raise ForeignFile(f"{dest} is a symbolic link; use --force to replace it")
        return
    if not dest.exists():
        return
    if not dest.is_file():
        raise ExportError(f"{dest}: not a regular file")
    owner = export_identity(dest)
    if force:
        return
    if owner is None:
        raise ForeignFile(f"{dest} was not written by apostil; use --force to overwrite it")
    if owner != identity:
        raise ForeignFile(f"{dest} holds apostil's export of {owner!r}; use --force to replace it")


def _scan(root: Path) -> dict[str, list[Path]]:
    """apostil's own export files in ``root`` (regular files only), by ``apostil_id``."""
    found: dict[str, list[Path]] = {}
    try:
        entries = list(os.scandir(root))
    except OSError as error:
        raise ExportError(f"{root}: cannot list the folder ({error.strerror})") from None
    for entry in entries:
        if not entry.name.lower().endswith(".md") or entry.name.startswith("."):
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        identity = export_identity(Path(entry.path))
        if identity is not None:
            found.setdefault(identity, []).append(Path(entry.path))
    return found


def _inside(root: Path, path: Path) -> bool:
    return path == root or root in path.parents


def _write_one(dest: Path, content: str, previous: list[Path]) -> WriteResult:
    existed = dest.exists() and not dest.is_symlink()
    unchanged = existed and _same_export(dest, content)
    if not unchanged:
        _atomic_write(dest, content)
    replaced = None
    for old in previous:
        if old.exists() and not os.path.samefile(old, dest):
            old.unlink()
            replaced = old
    if replaced is not None:
        return WriteResult(dest, "renamed", replaced)
    if unchanged:
        return WriteResult(dest, "unchanged")
    return WriteResult(dest, "updated" if existed else "created")


def _same_export(path: Path, content: str) -> bool:
    """Whether the file holds ``content`` but for its ``exported:`` time."""
    try:
        old = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return _EXPORTED_LINE.sub("", old, count=1) == _EXPORTED_LINE.sub("", content, count=1)


def _atomic_write(dest: Path, content: str) -> None:
    """Write ``dest`` atomically, keeping an existing file's permissions (else 0644: an
    export is meant to be shared)."""
    try:
        mode = dest.stat().st_mode & 0o777 if dest.is_file() and not dest.is_symlink() else 0o644
    except OSError:
        mode = 0o644
    try:
        atomic_write_bytes(dest, content.encode("utf-8"), mode=mode)
    except OSError as error:
        raise ExportError(f"{dest}: cannot write ({error.strerror})") from None
