"""apostil: a keyboard-driven terminal reader and annotator for articles."""

# The one place the version is written (pyproject.toml reads it from here); a literal, so
# that starting apostil does not pay for importlib.metadata.
__version__ = "0.1.0"
