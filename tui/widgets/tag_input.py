"""A one-line input for tags (comma or space separated) that completes the tag being typed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from textual.suggester import Suggester
from textual.widgets import Input

from apostil.store.model import normalize_tag, parse_tags

_LAST_TOKEN = re.compile(r"[^\s,]*$")


class LastTagSuggester(Suggester):
    """Suggests the completion of the last tag in the value, from a list of known tags.

    ``"syria, conv"`` with ``convoys`` known suggests ``"syria, convoys"``. Tags already in the
    value are not suggested again; matching ignores case and a leading ``#``.
    """

    def __init__(self, known_tags: Iterable[str]) -> None:
        # Case is handled here, so the text already typed is kept exactly as it is.
        super().__init__(use_cache=True, case_sensitive=True)
        seen: dict[str, None] = {}
        for tag in known_tags:
            normal = normalize_tag(tag)
            if normal:
                seen.setdefault(normal, None)
        self.known_tags: tuple[str, ...] = tuple(seen)

    async def get_suggestion(self, value: str) -> str | None:
        token = _LAST_TOKEN.search(value)
        typed = token.group() if token else ""
        stem = typed.lstrip("#").casefold()
        if not stem:
            return None
        already = set(parse_tags(value[: len(value) - len(typed)]))
        for tag in self.known_tags:
            if tag.startswith(stem) and tag != stem and tag not in already:
                return value + tag[len(stem) :]
        return None


class TagInput(Input):
    """An ``Input`` holding tags, completing the last one from ``known_tags`` (``right`` accepts).

    ``tags`` is the parsed value (normalised, deduplicated, in order).
    """

    DEFAULT_CSS = """
    TagInput {
        width: 1fr;
    }
    """

    def __init__(
        self,
        tags: Sequence[str] = (),
        *,
        known_tags: Iterable[str] = (),
        placeholder: str = "tags, comma or space separated",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(
            value=", ".join(tags),
            placeholder=placeholder,
            suggester=LastTagSuggester(known_tags),
            select_on_focus=False,  # focusing must not let the next key wipe the tags
            id=id,
            classes=classes,
        )

    def on_mount(self) -> None:
        self.cursor_position = len(self.value)

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags in the input, as they will be stored."""
        return parse_tags(self.value)
