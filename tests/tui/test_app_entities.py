"""The entity sidebar with the real (rules) engine: corrections, type toggles; contents."""

from __future__ import annotations

from app_support import drive, open_reader, seeded_library, wait_for

from apostil.store.config import Config
from apostil.tui.screens.entity_type import EntityTypeDialog
from apostil.tui.widgets.entity_sidebar import EntitySidebar
from apostil.tui.widgets.toc import TableOfContents

RULES = Config(engine="rules")


def _leaf(sidebar: EntitySidebar, text: str):
    for branch in sidebar.entity_tree.root.children:
        for leaf in branch.children:
            if getattr(leaf.data, "text", None) == text:
                return leaf
    raise AssertionError(f"{text} is not in the sidebar")


def _names(reader) -> set[str]:
    return {e.text for e in reader.entities}


def test_hiding_an_entity_stores_a_correction_and_it_goes() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app, entities=True)
        assert "Samuel Ramani" in _names(reader)
        await pilot.press("e")
        reader.entity_sidebar.entity_tree.move_cursor(_leaf(reader.entity_sidebar, "Samuel Ramani"))
        await pilot.press("x")
        await wait_for(pilot, lambda: library.corrections(), "the correction")
        (record,) = library.corrections()
        assert (record["action"], record["text"]) == ("hide", "Samuel Ramani")
        await wait_for(pilot, lambda: "Samuel Ramani" not in _names(reader), "recomputed")

    drive(library, steps, config=RULES)


def test_retyping_an_entity_asks_the_type() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app, entities=True)
        await pilot.press("e")
        reader.entity_sidebar.entity_tree.move_cursor(_leaf(reader.entity_sidebar, "Samuel Ramani"))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityTypeDialog))
        await pilot.press("6")  # misc
        await wait_for(pilot, lambda: library.corrections(), "the correction")
        assert library.corrections()[0]["type"] == "misc"
        await wait_for(
            pilot,
            lambda: any(e.text == "Samuel Ramani" and e.type == "misc" for e in reader.entities),
        )

    drive(library, steps, config=RULES)


def test_adding_the_selection_as_an_entity() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app, entities=True)
        text = reader.document.text
        start = text.index("deconfliction channels")
        reader.view.select_range(start, start + len("deconfliction channels"))
        await pilot.press("plus")
        await wait_for(pilot, lambda: isinstance(app.screen, EntityTypeDialog))
        await pilot.press("2")  # organisation
        await wait_for(pilot, lambda: library.corrections(), "the correction")
        record = library.corrections()[0]
        assert (record["action"], record["text"], record["type"]) == (
            "add",
            "deconfliction channels",
            "organization",
        )
        await wait_for(pilot, lambda: "deconfliction channels" in _names(reader))

    drive(library, steps, config=RULES)


def test_number_keys_switch_a_type_off_and_on() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app, entities=True)
        await pilot.press("e", "3")
        sidebar = reader.entity_sidebar
        assert sidebar.hidden_types == {"place"}
        places = next(b for b in sidebar.entity_tree.root.children if b.data == "place")
        assert "hidden" in str(places.label)
        await pilot.press("3")
        assert sidebar.hidden_types == set()

    drive(library, steps, config=RULES)


def test_contents_lists_headings_and_enter_jumps() -> None:
    library = seeded_library()

    async def steps(pilot, app) -> None:
        reader = await open_reader(pilot, app)
        await pilot.press("c")
        toc = reader.query_one(TableOfContents)
        await wait_for(pilot, lambda: app.focused is toc)
        headings = [b for b in reader.document.blocks if b.kind == "heading"]
        assert toc.option_count == len(headings) + 1  # and the title
        await pilot.press("down", "down", "enter")
        assert reader.view.cursor == headings[1].start
        assert app.focused is reader.view

    drive(library, steps, config=RULES)
