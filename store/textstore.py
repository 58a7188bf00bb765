"""Article texts kept by the library, content-addressed, apart from library.json.

Keeping each parsed article (text, blocks, metadata) in its own file named by the text's
hash means a note save never rewrites article texts, and notes never lose their source when
the original file moves or changes. Files are written once, atomically, and never changed.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import orjson

from .atomic import atomic_write_bytes
from .errors import LibraryError
from .model import Document


class TextStore:
    """Parsed documents by content hash: in a folder, or in memory when ``folder`` is None."""

    def __init__(self, folder: Path | None, cache_size: int = 16) -> None:
        self.folder = folder
        self._memory: dict[str, Document] = {}
        self._cache: OrderedDict[str, Document] = OrderedDict()
        self._cache_size = cache_size

    def _path(self, content_hash: str) -> Path:
        assert self.folder is not None
        return self.folder / content_hash[:2] / f"{content_hash}.json"

    def put(self, document: Document) -> str:
        key = document.content_hash
        if self.folder is None:
            self._memory[key] = document
        else:
            path = self._path(key)
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    atomic_write_bytes(path, orjson.dumps(document.to_json()))
                except OSError as exc:
                    raise LibraryError(
                        f"could not save the article text {path}: {exc.strerror or exc}"
                    ) from None
        self._remember(key, document)
        return key

    def get(self, content_hash: str) -> Document:
        cached = self._cache.get(content_hash)
        if cached is not None:
            self._cache.move_to_end(content_hash)
            return cached
        if self.folder is None:
            try:
                document = self._memory[content_hash]
            except KeyError:
                raise LibraryError(f"the article text {content_hash[:12]} is missing") from None
        else:
            path = self._path(content_hash)
            try:
                document = Document.from_json(orjson.loads(path.read_bytes()))
            except FileNotFoundError:
                raise LibraryError(
                    f"the article text {path} is missing; run 'apostil doctor'"
                ) from None
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
                raise LibraryError(
                    f"the article text {path} is damaged; re-import the article"
                ) from None
        self._remember(content_hash, document)
        return document

    def exists(self, content_hash: str) -> bool:
        if self.folder is None:
            return content_hash in self._memory
        return self._path(content_hash).exists()

    def _remember(self, key: str, document: Document) -> None:
        self._cache[key] = document
        self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
