"""For the day a seller cannot get in: `why` (a guided, read-only diagnosis of one account) and
`map` (who signs in where). Both read the inventory, the keyring (once, like the audit) and the
facts the checks derive, and never write anything. And for the day someone leaves: `offboard`
(what to change on each account they can get into), from the inventory alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.formats import Format, Lazy, registry

if TYPE_CHECKING:
    from auditor.lockout.offboard import Offboarding
    from auditor.report.signin_map import SignInMap

MAP_FORMATS: dict[str, Format[SignInMap]] = registry(
    Format("table", Lazy("auditor.lockout.map_formats", "render_map_table")),
    Format("json", Lazy("auditor.lockout.map_formats", "map_json")),
    Format("markdown", Lazy("auditor.lockout.map_formats", "render_map_markdown")),
)
"""What `map --format` offers; a renderer is imported only when it renders."""

OFFBOARD_FORMATS: dict[str, Format[Offboarding]] = registry(
    Format("text", Lazy("auditor.lockout.offboard_formats", "render_offboard_text")),
    Format("json", Lazy("auditor.lockout.offboard_formats", "offboard_json")),
    Format("markdown", Lazy("auditor.lockout.offboard_formats", "render_offboard_markdown")),
)
"""What `offboard --format` offers."""

__all__ = ["MAP_FORMATS", "OFFBOARD_FORMATS"]
