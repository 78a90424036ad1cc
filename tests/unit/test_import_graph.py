"""src/dashboard has no import cycles, counting imports inside functions too (they hide cycles)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "dashboard"
# What pages may import of the charts: the registry (charts by id) and the types.
PAGE_CHART_MODULES = {"dashboard.charts.registry", "dashboard.charts.types"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The package's modules that a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from dashboard import data` imports the module dashboard.data.
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {name for name in names if name in known}
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(files)
    return {name: imports_of(path, known) - {name} for name, path in files.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk (each reported once, from where it was entered)."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for child in sorted(edges.get(node, ())):
            if state.get(child) == "open":
                found.append(path[path.index(child) :] + [child])
            elif child not in state:
                visit(child, [*path, child])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def test_the_checker_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_package_has_no_import_cycles():
    edges = graph()
    assert "dashboard.charts.registry" in edges and edges["dashboard.charts.registry"]
    # Package __init__ files import nothing of the package; a package's name is not an edge.
    edges = {
        name: {d for d in deps if d != "dashboard" and d != "dashboard.charts"}
        for name, deps in edges.items()
    }
    assert cycles(edges) == []


def test_chart_builders_do_not_import_streamlit():
    for path in (PACKAGE / "charts").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                assert not any(name.split(".")[0] == "streamlit" for name in names), path.name


def chart_imports(path: Path) -> set[str]:
    """The `dashboard.charts` modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from dashboard.charts import mapping` imports the module dashboard.charts.mapping.
            base = node.module
            names = [f"{base}.{alias.name}" if base == "dashboard.charts" else base
                     for alias in node.names]  # fmt: skip
        else:
            continue
        found |= {name for name in names if name.startswith("dashboard.charts")}
    return found


def test_the_checker_sees_every_form_of_chart_import(tmp_path):
    page = tmp_path / "page.py"
    page.write_text(
        "from dashboard.charts import mapping\nimport dashboard.charts.stats\n"
        "def f():\n    from dashboard.charts.common import escape\n"
        "from dashboard.charts.registry import get_chart\n"
    )
    assert chart_imports(page) - PAGE_CHART_MODULES == {
        "dashboard.charts.mapping", "dashboard.charts.stats", "dashboard.charts.common",
    }  # fmt: skip


def test_pages_reach_charts_only_through_the_registry():
    pages = sorted((ROOT / "app_pages").glob("*.py")) + [ROOT / "app.py"]
    assert len(pages) > 5
    reaching = {
        path.name: sorted(chart_imports(path) - PAGE_CHART_MODULES)
        for path in pages
        if chart_imports(path) - PAGE_CHART_MODULES
    }
    assert reaching == {}
