"""Reading article files (plain text, Markdown, HTML) into ``Document``s.

``read_path`` and ``read_bytes`` check, decode, normalise and structure one article;
``iter_article_paths`` expands the paths a user names into article files.
"""

from .decoding import decode_bytes
from .normalize import normalize_text
from .paths import SUPPORTED_SUFFIXES, iter_article_paths
from .reader import MAX_BYTES, read_bytes, read_path

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "decode_bytes",
    "iter_article_paths",
    "normalize_text",
    "read_bytes",
    "read_path",
]
