"""Views of analyses: terminal table, JSON/JSONL, HTML.  Views never recompute."""

from .html import render_html
from .serialize import to_json, to_jsonl
from .table import render_table

FORMATS = ("table", "json", "jsonl", "html")

__all__ = ["FORMATS", "render_html", "render_table", "to_json", "to_jsonl"]
