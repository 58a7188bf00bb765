"""What the entity rule tests share."""

from __future__ import annotations

from apostil.store.entities import find_entities


def found(text: str) -> dict[str, str]:
    """surface -> type for every mention."""
    return {text[s:e]: ent.type for ent in find_entities(text) for s, e in ent.mentions}
