"""What the entity rule tests share."""

from __future__ import annotations

from unittest import mock

from apostil.store.entities import find_entities


def found(text: str) -> dict[str, str]:
    """surface -> type for every mention the rules give, without the reranking pass.

    The rule tests pin what each rule does on one made-up sentence; the reranker judges a
    name by every mention in a real article, so it is tested on its own
    (tests/store/test_entities_rerank.py) and on the gold set.
    """
    with mock.patch("apostil.store.entities.rerank.default_model", return_value=None):
        return {text[s:e]: ent.type for ent in find_entities(text) for s, e in ent.mentions}


def found_reranked(text: str) -> dict[str, str]:
    """surface -> type for every mention, as the app shows them."""
    return {text[s:e]: ent.type for ent in find_entities(text) for s, e in ent.mentions}
