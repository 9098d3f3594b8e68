"""The house keeps its shape: imports point down the flow (inventory → secrets → checks →
checklist → report, the engine joining them, intake and the CLI on top), no import cycle, only
`secrets` touches the keyring, and no module or function grows past what a reader takes in."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "auditor"
LAYERS = [
    "auditor",  # the shared words: errors, vocabulary, progress, files, __version__
    "auditor.inventory",
    "auditor.secrets",
    "auditor.breach",
    "auditor.strength",  # password strength: estimators, the weak rule, the scoring workers
    "auditor.checks",
    "auditor.checklist",
    "auditor.report",
    "auditor.engine",
    "auditor.lockout",  # why and map: the inventory, secrets and check facts, read for one day
    "auditor.intake",
    "auditor.demo",
    "auditor.cli",
    "auditor.__main__",
]
"""The flow, bottom first: a module may import its own layer and the layers before it."""
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 60


def modules() -> dict[str, Path]:
    """Module name → file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, known: set[str]) -> set[str]:
    """The package modules a file imports, anywhere in it: lazy imports inside functions too,
    and the renderers a `Lazy("auditor.…", "name")` record imports when it is called."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Lazy" and node.args:
            if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from auditor.inventory import platforms` imports the submodule; `from
            # auditor.inventory import Account` the package.
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return {name for name in found if name in known}


def layer(module: str) -> int:
    """Index of the deepest layer the module belongs to."""
    return max(
        i for i, name in enumerate(LAYERS) if module == name or module.startswith(name + ".")
    )


def upward_imports(everything: dict[str, Path]) -> list[str]:
    """Every import that points up the layer list."""
    return [
        f"{source} imports {target}"
        for source, path in everything.items()
        for target in imports(path, set(everything))
        if layer(target) > layer(source)
    ]


def test_imports_point_down_the_flow() -> None:
    assert not upward_imports(modules())


def test_no_import_cycle() -> None:
    everything = modules()
    graph = {name: imports(path, set(everything)) - {name} for name, path in everything.items()}
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in visiting:
            raise AssertionError(" → ".join([*visiting[visiting.index(node) :], node]))
        if node in done:
            return
        visiting.append(node)
        for target in sorted(graph[node]):
            visit(target)
        visiting.pop()
        done.add(node)

    for name in sorted(graph):
        visit(name)


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    # Real upward edges, fed through the same detector as the package: the inventory reaching
    # into the checks (at the top, and lazily inside a function), and the shared words naming
    # a report renderer in a Lazy record.
    planted = {
        "auditor.inventory.planted": "from auditor.checks.context import AuditContext\n",
        "auditor.inventory.planted_lazily": "def f():\n    from auditor.engine import run_audit\n",
        "auditor.planted_record": 'RENDER = Lazy("auditor.report.sarif", "render_sarif")\n',
    }
    everything = modules()
    for name, text in planted.items():
        everything[name] = tmp_path / f"{name}.py"
        everything[name].write_text(text)
    assert sorted(upward_imports(everything)) == [
        "auditor.inventory.planted imports auditor.checks.context",
        "auditor.inventory.planted_lazily imports auditor.engine",
        "auditor.planted_record imports auditor.report.sarif",
    ]


@pytest.mark.parametrize("library", ["keyring", "secretstorage", "jeepney"])
def test_only_secrets_touches_the_keyring(library: str) -> None:
    users = sorted(
        name
        for name, path in modules().items()
        if any(
            (isinstance(n, ast.Import) and any(a.name.split(".")[0] == library for a in n.names))
            or (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == library)
            for n in ast.walk(ast.parse(path.read_text()))
        )
    )
    assert all(name.startswith("auditor.secrets") for name in users), users


WRITING = ("auditor.intake.session", "auditor.inventory.locking", "auditor.secrets.writes")
"""The writing frame (the lock, the journal, the keyring writer): only intake/ holds it."""


def test_the_cli_leaves_writing_to_intake() -> None:
    """A writing command parses, calls one intake function, prints and exits: no module of
    cli/ takes the lock or writes the keyring itself."""
    everything = modules()
    frames = sorted(
        f"{name} imports {target}"
        for name, path in everything.items()
        if name.startswith("auditor.cli")
        for target in imports(path, set(everything))
        if target in WRITING
    )
    assert not frames


CHECKS_SUPPORT = {"auditor.checks", "auditor.checks.check", "auditor.checks.context"}
"""What checks/ holds besides the checks: the registry, the Check record, the context they read."""


def test_checks_holds_checks() -> None:
    """Every other module of checks/ is a registered check; what the checks share with other
    layers (people, chains, wording, the map) lives in the layer it belongs to."""
    from auditor.checks import CHECKS

    registered = {check.run.__module__ for check in CHECKS.values()}
    strays = sorted(
        name
        for name in modules()
        if name.startswith("auditor.checks") and name not in CHECKS_SUPPORT | registered
    )
    assert not strays


def test_checks_never_touch_the_terminal() -> None:
    for name, path in modules().items():
        if name.startswith(("auditor.checks", "auditor.checklist")):
            assert "click" not in {
                n.module.split(".")[0]
                for n in ast.walk(ast.parse(path.read_text()))
                if isinstance(n, ast.ImportFrom) and n.module
            } | {
                a.name.split(".")[0]
                for n in ast.walk(ast.parse(path.read_text()))
                if isinstance(n, ast.Import)
                for a in n.names
            }, name


def test_modules_and_functions_stay_short() -> None:
    long_modules = []
    long_functions = []
    for name, path in modules().items():
        text = path.read_text()
        if len(text.splitlines()) > MAX_MODULE_LINES:
            long_modules.append(name)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                    long_functions.append(f"{name}.{node.name}")
    assert not long_modules
    assert not long_functions
