"""Coded errors: each says what went wrong and, where it can, how to fix it.

Codes: E0xx pipeline, E1xx input, E2xx resources, E3xx store, E4xx configuration.
They are turned into a message once, at each boundary (CLI, HTTP, store).
"""

from __future__ import annotations


class MarsadError(Exception):
    """An error with a stable code and an optional fix."""

    def __init__(self, code: str, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.fix = fix

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} ({self.fix})" if self.fix else text


class PipelineOrderError(MarsadError):
    """A pipeline whose stages are out of order or unknown."""


class InputError(MarsadError):
    """An article that cannot be read: binary, empty, undecodable, too large, not Arabic."""


class ResourceError(MarsadError):
    """A lexicon or data file that breaks its schema."""
