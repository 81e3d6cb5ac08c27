"""An article as read from an input, before the pipeline: text and metadata, or an error."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    id: str
    text: str | None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    error: str | None = None  # why it could not be read; then text is None
    error_code: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and self.text is not None

    @classmethod
    def failed(cls, id: str, code: str, reason: str, **meta: Any) -> Article:
        return cls(id=id, text=None, error=reason, error_code=code, **meta)
