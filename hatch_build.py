"""Build hook: compile each gettext catalog (auditor/locale/*/LC_MESSAGES/*.po) to the `.mo` the
standard library reads at run time, and put it in the wheel beside its source.

The compiler is auditor/i18n/po.py, loaded by path (the package is not installed while it is
being built); it needs only the standard library, so building needs nothing beyond hatchling.
An editable install gets no `.mo`: it reads the `.po` itself, so a translator's edit shows on the
next run.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[misc]
    """Compiles the message catalogs for a wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        name = "_store_audit_po"
        spec = importlib.util.spec_from_file_location(name, root / "auditor" / "i18n" / "po.py")
        assert spec is not None and spec.loader is not None  # noqa: S101 (the file is ours)
        po = importlib.util.module_from_spec(spec)
        sys.modules[name] = po  # dataclasses look their module up while the file runs
        spec.loader.exec_module(po)
        out = Path(self.directory) / "catalogs"
        for source in sorted((root / "auditor" / "locale").glob("*/LC_MESSAGES/*.po")):
            relative = source.relative_to(root).with_suffix(".mo")
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(po.compile_mo(po.parse(source.read_text("utf-8"))))
            build_data["force_include"][str(target)] = str(relative)
