"""For the day a seller cannot get in: `why` (a guided, read-only diagnosis of one account) and
`map` (who signs in where). Both read the inventory, the keyring (once, like the audit) and the
facts the checks derive, and never write anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.formats import Format, Lazy, registry

if TYPE_CHECKING:
    from auditor.checks.signin_map import SignInMap

MAP_FORMATS: dict[str, Format[SignInMap]] = registry(
    Format("table", Lazy("auditor.lockout.map_formats", "render_map_table")),
    Format("json", Lazy("auditor.lockout.map_formats", "map_json")),
    Format("markdown", Lazy("auditor.lockout.map_formats", "render_map_markdown")),
)
"""What `map --format` offers; a renderer is imported only when it renders."""

__all__ = ["MAP_FORMATS"]
