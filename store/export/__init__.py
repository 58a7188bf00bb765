"""Exporting notes: Markdown files (``markdown``, ``files``) and W3C Web Annotations
(``webanno``), with the parsers that read them back."""
