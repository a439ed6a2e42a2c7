"""Domain errors that the faces (GUI, command line) turn into Vietnamese messages."""

from __future__ import annotations

from dataclasses import dataclass


class DomainError(Exception):
    """An action the user asked for cannot be done; ``str(exc)`` is the Vietnamese reason."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(DomainError):
    """The data of a form breaks one or more rules; each error names its field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))


class NotFound(DomainError):
    pass
