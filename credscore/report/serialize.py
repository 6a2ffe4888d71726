"""JSON and JSON Lines views of analyses (and of per-document failures)."""

from __future__ import annotations

import json
from typing import Any, Iterable

from ..types import Analysis


def record(item: Analysis | dict[str, Any], *, include_text: bool = False) -> dict[str, Any]:
    """One JSON-ready record: an analysis, or an ``{"name", "error"}`` failure dict."""
    return item.to_dict(include_text=include_text) if isinstance(item, Analysis) else dict(item)


def to_json(items: Iterable[Analysis | dict[str, Any]], *, include_text: bool = False) -> str:
    return json.dumps([record(i, include_text=include_text) for i in items], ensure_ascii=False, indent=2) + "\n"


def to_jsonl(items: Iterable[Analysis | dict[str, Any]], *, include_text: bool = False) -> str:
    return "".join(json.dumps(record(i, include_text=include_text), ensure_ascii=False) + "\n" for i in items)
