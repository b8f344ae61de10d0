"""Import hygiene: the core import stays light and imports follow the data flow.

The flow (the project style guide, part 2) is errors -> collector -> spans -> blanks -> rows ->
exactjson -> records (the contract at the bottom) -> trusted -> keysharing -> packed -> newlines ->
lexicon -> naming_phrases -> annotation -> wrap -> annotators -> quotemarks -> quotes -> kinds ->
context -> notspeech -> mention_words -> mentions -> furniture -> opening -> coref -> rules ->
narrator -> confidence -> many -> batch -> result -> speaker_names -> pipeline -> render -> the
package ``__init__`` -> cli (-> ``__main__``, which only runs the CLI).
A module may import only modules at or above its own place, not even inside a function,
and no modules import each other in a circle, not even within one layer.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import quoteattr

PACKAGE_DIR = Path(quoteattr.__file__).parent

LAYERS = (
    "errors", "collector", "spans", "blanks", "rows", "exactjson", "records", "trusted",
    "keysharing", "packed", "newlines",
    "wordtrie", "lexicon", "naming_phrases", "annotation", "wrap", "stanza_models", "annotators",
    "quotemarks",
    "quotes", "kinds", "context", "notspeech", "mention_words", "mentions", "furniture",
    "opening", "coref",
    "rules", "narrator", "confidence", "many",
    "batch", "result", "speaker_names", "pipeline",
    "spark",
    "render", "evaluation", "__init__", "cli", "__main__",
)
"""The data-flow order; ``__init__`` is the package itself (``from . import Attributor``) and
``__main__`` the ``python -m quoteattr`` entry point, which runs the CLI. ``batch`` comes
before ``pipeline``: it receives the Attributor as a value, and ``attribute_many`` imports
it (lazily: the process pool is optional machinery). ``records`` imports no renderer:
``render`` registers the notebook view with it."""


def _layer(module: str) -> str:
    """``quoteattr.annotators.embedded`` -> ``annotators``; ``quoteattr`` -> ``__init__``."""
    parts = module.split(".")
    assert parts[0] == "quoteattr", module
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_modules() -> list[Path]:
    return sorted(PACKAGE_DIR.rglob("*.py"))


def _imports(path: Path) -> list[tuple[str, bool, int]]:
    """Every module ``path`` imports, absolute, with whether it sits inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    this = _module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    out: list[tuple[str, bool, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                out.extend((alias.name, in_function, child.lineno) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if child.module is None:
                    # "from . import x": x is a submodule if a file of that name exists.
                    for alias in child.names:
                        sub = PACKAGE_DIR.parent.joinpath(*target.split("."), alias.name)
                        is_module = sub.with_suffix(".py").exists() or sub.is_dir()
                        name = f"{target}.{alias.name}" if is_module else target
                        out.append((name, in_function, child.lineno))
                else:
                    out.append((target, in_function, child.lineno))
            visit(child, nested)

    visit(tree, False)
    return out


def _rel(path: Path) -> str:
    return str(path.relative_to(PACKAGE_DIR.parent))


def test_parser_resolves_relative_imports() -> None:
    """The import parser itself: relative imports resolve to ``quoteattr.*`` names."""
    found = {name for name, _, _ in _imports(PACKAGE_DIR / "annotators" / "embedded.py")}
    assert {"quoteattr.annotation", "quoteattr.lexicon", "quoteattr.spans"} <= found
    found = {name for name, _, _ in _imports(PACKAGE_DIR / "pipeline.py")}
    assert {"quoteattr.records", "quoteattr.quotes", "quoteattr.errors"} <= found


def test_every_module_has_a_place_in_the_flow() -> None:
    """A new module must be given a layer here, or the order test would not check it."""
    unplaced = [_rel(p) for p in _source_modules() if _layer(_module_name(p)) not in LAYERS]
    assert unplaced == []


@pytest.mark.parametrize("path", _source_modules(), ids=_rel)
def test_imports_point_down_the_flow(path: Path) -> None:
    """No module imports one that comes later in the data flow."""
    own = _layer(_module_name(path))
    if own not in LAYERS:
        pytest.fail(f"{_rel(path)} has no layer in LAYERS")
    rank = LAYERS.index(own)
    bad = []
    for name, in_function, line in _imports(path):
        if name.split(".")[0] != "quoteattr":
            continue
        target = _layer(name)
        if target not in LAYERS:
            bad.append(f"line {line}: imports unplaced {name}")
        elif LAYERS.index(target) > rank:
            where = " inside a function" if in_function else ""
            bad.append(f"line {line}: {own} imports {name}{where}, which comes later")
    assert bad == []


def _import_graph() -> dict[str, set[str]]:
    """Module -> the quoteattr modules it imports anywhere (top level, functions,
    ``TYPE_CHECKING`` blocks): a lazy import is still a dependency."""
    graph: dict[str, set[str]] = {}
    for path in _source_modules():
        targets = {name for name, _, _ in _imports(path) if name.split(".")[0] == "quoteattr"}
        graph[_module_name(path)] = targets - {_module_name(path)}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_circle_finder_finds_circles() -> None:
    """Control for the test below: a loop through three modules, and one through two, are
    found; a chain is not."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d", "a"}, "f": {"a"}}
    assert sorted(_circles(graph)) == [["a", "b", "c"], ["d", "e"]]
    assert _circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_modules_import_each_other_in_a_circle() -> None:
    """Imports form no loop, lazy ones included: a circle means neither module can be read,
    tested or moved without the other."""
    assert _circles(_import_graph()) == []


@pytest.mark.parametrize(
    "path", [p for p in _source_modules() if p.name != "__main__.py"], ids=_rel
)
def test_nothing_imports_cli(path: Path) -> None:
    """``cli`` sits at the end of the flow: no module imports it, not even lazily.

    The one exception, left out here, is ``__main__``, whose whole job is to run ``cli.main``.
    """
    assert [n for n, _, _ in _imports(path) if n == "quoteattr.cli"] == []


def test_records_imports_only_pydantic_errors_and_rows() -> None:
    """``records`` is the JSON contract at the bottom: pydantic, the stdlib, the errors,
    the flat rows its ``to_dataframe`` builds on and the exact-JSON base of its models,
    nothing else, not even lazily."""
    bad = []
    for name, _, line in _imports(PACKAGE_DIR / "records.py"):
        top = name.split(".")[0]
        if top in sys.stdlib_module_names or top in {"pydantic", "pydantic_core", "__future__"}:
            continue
        if name in {"quoteattr.errors", "quoteattr.rows", "quoteattr.exactjson"}:
            continue
        bad.append(f"line {line}: {name}")
    assert bad == []


def test_import_leaves_heavy_backends_unloaded(tmp_path: Path) -> None:
    """``import quoteattr`` and a call to ``attribute`` never load stanza or torch.

    Importable stand-ins for both are put on the path, so the test also fails
    when they are not installed but quoteattr tries to import them.
    """
    for name in ("stanza", "torch"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("", encoding="utf-8")
    script = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        import quoteattr
        doc = quoteattr.attribute('"We will rebuild," Mayor Ana Duarte said.')
        assert doc.quotes, "the pipeline ran"
        print(sorted(m for m in ("stanza", "torch") if m in sys.modules))
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_stand_in_backends_would_be_seen(tmp_path: Path) -> None:
    """Control for the test above: an import of the stand-in does show in sys.modules."""
    (tmp_path / "stanza").mkdir()
    (tmp_path / "stanza" / "__init__.py").write_text("", encoding="utf-8")
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import stanza; "
        "print('stanza' in sys.modules)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=60,
    )
    assert proc.stdout.strip() == "True", proc.stderr


def test_no_compiled_module_shadows_the_sources() -> None:
    """A compiled build made in this tree (``HATCH_BUILD_HOOK_ENABLE_MYPYC=true pip install
    .`` builds in place) leaves ``.so`` files beside the sources; Python would import them
    instead of the edited ``.py`` files, and the tests would test stale code."""
    root = PACKAGE_DIR.parent
    if not (root / "pyproject.toml").is_file():
        pytest.skip("quoteattr is installed, not imported from a source checkout")
    # (an installed compiled build is no stale one, and other packages compiled with mypyc,
    # mypy among them, keep their own *__mypyc*.so in site-packages)
    stale = sorted(PACKAGE_DIR.rglob("*.so")) + sorted(root.glob("*__mypyc*.so"))
    assert not stale, "delete these compiled modules: " + ", ".join(map(str, stale))
