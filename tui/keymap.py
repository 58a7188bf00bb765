"""The user's keymap (``[keymap]`` in config.toml) applied to the app's bindings.

Every remappable binding carries an ``id`` (``"reader.down"``); the keymap maps ids to keys
(``{"reader.down": "j,down"}``) and Textual swaps the keys in (``App.set_keymap``). This module
checks the keymap first: ids no binding has, empty keys and keys given to two bindings of the
same screen or widget come back as one-line warnings for the app to show.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Mapping

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import format_key

APP_PACKAGE = "apostil"


def binding_ids(*classes: type[DOMNode]) -> dict[str, list[type[DOMNode]]]:
    """Every binding id declared by ``classes`` (and their bases) -> the classes that have it."""
    found: dict[str, list[type[DOMNode]]] = {}
    for cls in classes:
        for binding in _bindings_of(cls):
            if binding.id:
                owners = found.setdefault(binding.id, [])
                if cls not in owners:
                    owners.append(cls)
    return found


def app_classes(app: App[object]) -> list[type[DOMNode]]:
    """The classes whose bindings the app can use: its own class, the classes in its ``SCREENS``
    and every screen and widget class defined in the apostil package (the app imports most
    of them only when first shown: they are all imported here)."""
    _import_every_screen_and_widget()
    classes: list[type[DOMNode]] = [type(app)]
    for screen in getattr(app, "SCREENS", {}).values():
        if isinstance(screen, type) and issubclass(screen, DOMNode):
            classes.append(screen)
    for cls in _subclasses(DOMNode):
        if cls.__module__.split(".")[0] == APP_PACKAGE and cls not in classes:
            classes.append(cls)
    return classes


def check_keymap(keymap: Mapping[str, str], classes: Iterable[type[DOMNode]]) -> list[str]:
    """One-line warnings about ``keymap`` against the bindings of ``classes``."""
    classes = list(classes)
    known = binding_ids(*classes)
    warnings: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            warnings.append(f"keymap: no key binding has the id {binding_id!r}; ignored")
        elif not _split_keys(keys):
            warnings.append(f"keymap: {binding_id!r} has no key; ignored")
    for cls in classes:
        warnings.extend(_clashes(cls, keymap))
    return warnings


def apply_keymap(
    app: App[object],
    keymap: Mapping[str, str],
    *,
    classes: Iterable[type[DOMNode]] | None = None,
) -> list[str]:
    """Remap the app's bindings with ``keymap`` (binding id -> keys); returns the warnings.

    Only ids that some binding of ``classes`` (default: :func:`app_classes`) has are applied.
    Safe to call before the app runs (e.g. in ``__init__`` or ``on_mount``).
    """
    classes = app_classes(app) if classes is None else list(classes)
    warnings = check_keymap(keymap, classes)
    known = binding_ids(*classes)
    usable = {
        binding_id: ",".join(_split_keys(keys))
        for binding_id, keys in keymap.items()
        if binding_id in known and _split_keys(keys)
    }
    app.set_keymap(usable)
    return warnings


def keys_for(app: App[object], binding_id: str, default: str) -> str:
    """How to show the keys of ``binding_id`` in a hint: the keymap's keys, else ``default``."""
    keymap = getattr(app, "_keymap", None)  # set by App.set_keymap; Textual has no getter
    keys = keymap.get(binding_id) if isinstance(keymap, Mapping) else None
    if not keys:
        return default
    return "/".join(_hint_key(key) for key in _split_keys(keys))


def _hint_key(key: str) -> str:
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, format_key(name)])


def _split_keys(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _bindings_of(cls: type[DOMNode]) -> Iterator[Binding]:
    """The bindings ``cls`` has (as Textual merges them), one Binding per key."""
    for bindings in cls._merge_bindings().key_to_bindings.values():
        yield from bindings


def _clashes(cls: type[DOMNode], keymap: Mapping[str, str]) -> list[str]:
    """Keys the keymap gives to two different bindings of the same class."""
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for binding in _bindings_of(cls):
        if binding.id and binding.id in keymap and _split_keys(keymap[binding.id]):
            continue  # its new keys are counted below
        name = binding.id or binding.action
        key = _normal_key(binding.key)
        owner.setdefault(key, name)
    remapped = {binding.id for binding in _bindings_of(cls) if binding.id and binding.id in keymap}
    for binding_id in sorted(remapped):
        for key in _split_keys(keymap[binding_id]):
            key = _normal_key(key)
            other = owner.get(key)
            if other is not None and other != binding_id:
                clashes.append(
                    f"keymap: {binding_id!r} takes {key!r} from {other!r} in {cls.__name__}; "
                    "only one of them can have it"
                )
            owner.setdefault(key, binding_id)
    return clashes


def _normal_key(key: str) -> str:
    """A key in Textual's long form (``?`` -> ``question_mark``)."""
    return next(iter(Binding.make_bindings([Binding(key, "")]))).key


def _import_every_screen_and_widget() -> None:
    from . import screens, widgets

    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
