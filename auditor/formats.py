"""What an output format is: a `Format` record names it, says which options it takes and where
its renderer lives. The registries (`auditor.report.FORMATS` for reports, `auditor.lockout.
MAP_FORMATS` for `map`) are built from these records alone, so click's choices and `--help`
read the names without importing a renderer, and no list of format names is written twice.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Lazy:
    """A function named by its module, imported the first time it is called."""

    module: str
    """The module it is defined in, such as `auditor.report.sarif`."""
    name: str
    """Its name in that module."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)


@dataclass(frozen=True)
class Format(Generic[T]):
    """One output format: its name on the command line and the renderer that writes it."""

    name: str
    """What `--format` takes."""
    render: Callable[..., str]
    """The whole text for a report (or map), given the options it takes as keywords."""
    options: tuple[str, ...] = ()
    """The command-line options only this format reads (`sarif_root`), passed as keywords."""
    chunks: Callable[..., Iterable[str]] | None = None
    """The same text as pieces, for a format written without ever holding it whole."""
    file_start: str = ""
    """What a file of this format (`--output`) starts with, before the text: standard output
    gets the text alone."""

    def __call__(self, item: T, **options: Any) -> str:
        return self.render(item, **self.taken(options))

    def pieces(self, item: T, **options: Any) -> Iterable[str]:
        """The text as pieces to write one after another."""
        if self.chunks is not None:
            return self.chunks(item, **self.taken(options))
        return (self(item, **options),)

    def taken(self, options: dict[str, Any]) -> dict[str, Any]:
        """The options this format reads, of those given; the others are not its business."""
        return {k: v for k, v in options.items() if k in self.options and v is not None}


def registry(*formats: Format[T]) -> dict[str, Format[T]]:
    """Format name → its record, in the order given (the order --help lists them)."""
    return {f.name: f for f in formats}
