"""Every key of the app, grouped by where it applies: ``escape``, ``q`` or ``?`` closes.

The rows come from the code: :func:`bindings_help` reads the ``BINDINGS`` of screens and
widgets (showing keys as remapped by the user's keymap), and the caller adds static rows for
keys that are not bindings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.keys import format_key
from textual.widgets import Label, Static

from ..safe_text import safe_content
from .dialog import Dialog

if TYPE_CHECKING:
    from textual.app import App

HelpRows = Sequence[tuple[str, str]]
HelpSections = Sequence[tuple[str, HelpRows]]


def bindings_help(
    *sources: DOMNode | type[DOMNode],
    app: App[object] | None = None,
    keymap: Mapping[str, str] | None = None,
    include_textual: bool = False,
) -> list[tuple[str, str]]:
    """``(keys, description)`` for each binding of ``sources`` (classes or mounted nodes).

    Bindings are read from each class's ``BINDINGS`` along its MRO (the way Textual merges
    them: a subclass binding of the same key wins). Bindings declared by Textual's own classes
    are left out unless ``include_textual``; ``system`` bindings always are. Keys are shown
    with ``app.get_key_display`` (the app of a mounted node when ``app`` is not given), else
    with Textual's key names; a binding whose id is in ``keymap`` (by default the app's keymap)
    shows its remapped keys.
    """
    rows: list[tuple[str, str]] = []
    seen_rows: set[tuple[str, str]] = set()
    for source in sources:
        cls = source if isinstance(source, type) else type(source)
        source_app = app
        if source_app is None and not isinstance(source, type):
            source_app = _node_app(source)
        active_keymap = keymap if keymap is not None else _app_keymap(source_app)
        for binding in _class_bindings(cls, include_textual=include_textual):
            row = (
                _keys_display(binding, source_app, active_keymap),
                binding.description or _humanize(binding.action),
            )
            if row not in seen_rows:
                seen_rows.add(row)
                rows.append(row)
    return rows


def _class_bindings(cls: type[DOMNode], *, include_textual: bool) -> list[Binding]:
    """The bindings in force on ``cls``, most derived class first, declaration order kept."""
    chain: list[type] = []
    for base in cls.__mro__:
        if not (isinstance(base, type) and issubclass(base, DOMNode)):
            continue
        chain.append(base)
        if not base.__dict__.get("_inherit_bindings", True):
            break
    taken: set[str] = set()
    result: list[Binding] = []
    for base in chain:
        if not include_textual and base.__module__.split(".")[0] == "textual":
            continue
        declared: list[BindingType] = list(base.__dict__.get("BINDINGS", []))
        for raw in declared:
            binding = raw if isinstance(raw, Binding) else Binding(*raw)
            if binding.system:
                continue
            keys = {b.key for b in Binding.make_bindings([binding])}
            if keys <= taken:
                continue  # every key overridden by a subclass
            taken |= keys
            result.append(binding)
    return result


def _keys_display(binding: Binding, app: App[object] | None, keymap: Mapping[str, str]) -> str:
    remapped = keymap.get(binding.id) if binding.id else None
    if remapped:
        binding = Binding(remapped, binding.action, binding.description, id=binding.id)
    elif binding.key_display:
        return binding.key_display
    shown: list[str] = []
    for single in Binding.make_bindings([binding]):
        text = app.get_key_display(single) if app is not None else _fallback_display(single)
        if text not in shown:
            shown.append(text)
    return " / ".join(shown)


def _fallback_display(binding: Binding) -> str:
    modifiers, key = binding.parse_key()
    return "+".join([*modifiers, format_key(key)])


def _humanize(action: str) -> str:
    name = action.rsplit(".", 1)[-1].split("(", 1)[0]
    return name.replace("_", " ").capitalize()


def _node_app(node: DOMNode) -> App[object] | None:
    try:
        return node.app
    except Exception:  # a node that is not mounted has no app
        return None


def _app_keymap(app: App[object] | None) -> Mapping[str, str]:
    # Textual keeps the keymap set with App.set_keymap/update_keymap here (no public getter).
    keymap = getattr(app, "_keymap", None) if app is not None else None
    return keymap if isinstance(keymap, Mapping) else {}


class HelpScreen(Dialog[None]):
    """The keys of the app, section by section: ``sections`` is ``[(title, [(keys, what)])]``."""

    DEFAULT_CSS = """
    HelpScreen > #dialog {
        width: 76;
        max-width: 95%;
        max-height: 90%;
        border-subtitle-color: $text-muted;
    }
    HelpScreen #sections {
        height: auto;
        max-height: 100%;
        padding: 0 2;
    }
    HelpScreen .section-title {
        width: 100%;
        margin-top: 1;
        color: $text-accent;
        text-style: bold;
        border-bottom: solid $primary 40%;
    }
    HelpScreen .rows {
        grid-size: 2;
        grid-columns: 18 1fr;
        grid-gutter: 0 2;
        height: auto;
    }
    HelpScreen .key {
        color: $text-warning;
        text-style: bold;
        width: 100%;
        text-align: right;
    }
    HelpScreen .what {
        width: 100%;
    }
    HelpScreen #empty {
        color: $text-muted;
        margin: 1 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
    ]

    def __init__(self, sections: HelpSections, *, title: str = "Keys") -> None:
        super().__init__()
        self.sections: list[tuple[str, list[tuple[str, str]]]] = [
            (section, list(rows)) for section, rows in sections
        ]
        self.help_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = safe_content(self.help_title)
            dialog.border_subtitle = "esc close · ↑↓ scroll"
            with VerticalScroll(id="sections"):
                shown = [(title, rows) for title, rows in self.sections if rows]
                if not shown:
                    yield Static("No keys to show.", id="empty", markup=False)
                for title, rows in shown:
                    yield Label(safe_content(title), classes="section-title")
                    yield Grid(*_row_widgets(rows), classes="rows")

    def on_mount(self) -> None:
        self.query_one("#sections", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _row_widgets(rows: Iterable[tuple[str, str]]) -> list[Label]:
    widgets: list[Label] = []
    for keys, what in rows:
        widgets.append(Label(safe_content(keys), classes="key"))
        widgets.append(Label(safe_content(what), classes="what"))
    return widgets
