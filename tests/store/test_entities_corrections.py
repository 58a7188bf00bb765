"""The user's corrections win over the engine, in every article."""

from __future__ import annotations

import itertools

from apostil.store.entities import apply_corrections, corrections_version, find_entities

TEXT = (
    "Joris Bakker of the Dutch Dockworkers Union spoke in Rotterdam on Tuesday. "
    "Bakker said Fjord Line ships would wait. Washington urged calm. "
    "The Zapad drill ended; Zapad was the word."
)


def by_text(entities):
    return {e.text: e for e in entities}


def test_add_makes_a_watch_list_term_found_everywhere() -> None:
    fixes = [{"action": "add", "text": "Fjord Line", "type": "organization"}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    term = result["Fjord Line"]
    assert term.type == "organization" and term.origin == "user"
    assert [TEXT[s:e] for s, e in term.mentions] == ["Fjord Line"]


def test_add_replaces_overlapping_engine_mentions_and_matches_whole_words() -> None:
    text = "Rotterdam Port grew. Rotterdam Portside did not. Rotterdam Port again."
    fixes = [{"action": "add", "text": "Rotterdam Port", "type": "place"}]
    result = find_entities(text, corrections=fixes)
    port = by_text(result)["Rotterdam Port"]
    assert port.count == 2
    spans = sorted(m for e in result for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_retype_changes_the_type_of_every_mention() -> None:
    fixes = [{"action": "retype", "text": "Washington", "type": "person"}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    assert result["Washington"].type == "person"


def test_hide_drops_a_false_entity_and_retype_of_an_alias_moves_the_entity() -> None:
    fixes = [{"action": "hide", "text": "Zapad"}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    assert "Zapad" not in result
    fixes = [{"action": "retype", "text": "Bakker", "type": "organization"}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    assert result["Joris Bakker"].type == "organization"


def test_hide_an_alias_drops_only_those_mentions() -> None:
    fixes = [{"action": "hide", "text": "Bakker"}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    bakker = result["Joris Bakker"]
    assert bakker.count == 1 and "Bakker" not in bakker.aliases


def test_merge_alias_into_canonical() -> None:
    fixes = [{"action": "merge", "text": "Rotterdam", "into": "Dutch Dockworkers Union"}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    union = result["Dutch Dockworkers Union"]
    assert "Rotterdam" in union.aliases and union.count == 2
    assert "Rotterdam" not in result


def test_merge_into_a_name_absent_from_the_article_renames() -> None:
    fixes = [{"action": "merge", "text": "Washington", "into": "Washington, D.C."}]
    result = by_text(find_entities(TEXT, corrections=fixes))
    assert result["Washington, D.C."].aliases == ("Washington",)


def test_later_correction_wins_and_bad_records_are_ignored() -> None:
    fixes = [
        {"action": "hide", "text": "Rotterdam"},
        {"action": "add", "text": "Rotterdam", "type": "place"},
        {"action": "explode", "text": "Rotterdam"},
        {"action": "add", "text": "", "type": "place"},
        {"action": "retype", "text": "Bakker", "type": "planet"},
    ]
    result = by_text(find_entities(TEXT, corrections=fixes))
    assert result["Rotterdam"].origin == "user"


def test_corrections_version_is_stable_and_order_sensitive() -> None:
    a = {"action": "hide", "text": "Zapad"}
    b = {"action": "add", "text": "Fjord Line", "type": "organization"}
    assert corrections_version([a, b]) == corrections_version([dict(a), dict(b)])
    assert corrections_version([a, b]) != corrections_version([b, a])
    assert corrections_version([]) == corrections_version([{"action": "nonsense"}]) == "none"
    assert corrections_version([{"text": " Zapad ", "action": "hide"}]) == corrections_version([a])


def test_apply_corrections_on_plain_entities_keeps_order_by_count() -> None:
    entities = find_entities(TEXT)
    out = apply_corrections(entities, TEXT, [{"action": "add", "text": "ships", "type": "misc"}])
    counts = [e.count for e in out]
    assert counts == sorted(counts, reverse=True)
    assert any(e.text == "ships" for e in out)
