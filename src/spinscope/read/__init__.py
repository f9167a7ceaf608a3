"""Readers: text, Markdown, HTML, JSONL and WARC inputs from files, directories, globs and stdin, as Documents."""

from spinscope.read.sources import DEFAULT_MAX_BYTES, iter_bytes, read_bytes, read_paths

__all__ = ["DEFAULT_MAX_BYTES", "iter_bytes", "read_bytes", "read_paths"]
