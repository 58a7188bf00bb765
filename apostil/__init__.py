"""apostil: a keyboard-driven terminal reader and annotator for articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("apostil")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
