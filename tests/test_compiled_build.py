"""The opt-in compiled build (mypyc, ``HATCH_BUILD_HOOK_ENABLE_MYPYC=true``) gives the
same results and the same errors as the pure-Python package it is built from.

The wheel is built from a copy of the sources, as a user's ``pip install .`` would build
it, and imported in a subprocess from its own directory, so the compiled modules are the
ones that run. Building takes about a minute on two cores.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fuzz_support import SEED, fuzz_module

import quoteattr

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
HOOK = "HATCH_BUILD_HOOK_ENABLE_MYPYC"
tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the build itself does not need it

pytestmark = pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None,
    reason="the compiled build needs a C compiler",
)


def _compiled_modules() -> list[str]:
    """The modules pyproject.toml asks mypyc to compile, as dotted names."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    paths = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]["include"]
    return [p.removesuffix(".py").replace("/", ".") for p in paths]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(wheel, directory the wheel is installed into) for the compiled build."""
    work = tmp_path_factory.mktemp("compiled")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "quoteattr", source / "quoteattr",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    wheels, target = work / "wheels", work / "installed"
    env = {**os.environ, HOOK: "true"}
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(wheels), str(source)], check=True, env=env, capture_output=True)
    (wheel,) = wheels.glob("quoteattr-*.whl")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    yield wheel, target


def _run_compiled(target: Path, script: str, stdin: object = None) -> Any:
    """Run ``script`` with the installed compiled build first on the path; ``stdin`` goes
    in and the script's ``result`` comes out pickled (JSON would merge a pair of lone
    surrogates, which the fuzz texts hold, into one character)."""
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import pickle, sys\nstdin = pickle.load(sys.stdin.buffer)\n" + script
            + "\npickle.dump(result, sys.stdout.buffer)\n")
    done = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(stdin),
                          capture_output=True, env=env, cwd=target, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return pickle.loads(done.stdout)


FUZZ_CASES = 400


def _texts() -> list[str]:
    """Fixture articles, the seeds when present, hostile one-liners, and generated texts
    of the fuzz campaign (edited articles, long runs, deep nesting, random pieces)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["", "no quotes here", '"', '"""', "“‘nested’ all the way”", "\u0130stanbul “yes”",
              '"Fine," he said.' * 50, "İ said “x”", '“unclosed', "\x00“\r\n”\u2028"]
    fuzz = fuzz_module()
    texts += [fuzz.generate(SEED, index) for index in range(FUZZ_CASES)]
    return texts


def test_the_wheel_holds_a_compiled_module_for_each_listed_one(
    built: tuple[Path, Path],
) -> None:
    wheel, _ = built
    names = zipfile.ZipFile(wheel).namelist()
    for module in _compiled_modules():
        stem = module.replace(".", "/")
        assert any(n.startswith(stem + ".") and n.endswith(".so") for n in names), module


def test_compiled_results_equal_the_pure_ones(built: tuple[Path, Path]) -> None:
    _, target = built
    texts = _texts()
    script = (
        "import importlib\n"
        "import quoteattr\n"
        "texts, modules = stdin\n"
        "a = quoteattr.Attributor()\n"
        "result = ({m: importlib.import_module(m).__file__ for m in modules},\n"
        "          [a.attribute(t).to_json() for t in texts], quoteattr.COMPILED)\n"
    )
    files, results, compiled = _run_compiled(target, script, (texts, _compiled_modules()))
    for module, path in files.items():
        assert path.endswith(".so") and path.startswith(str(target)), (module, path)
    assert compiled and not quoteattr.COMPILED  # what each build says of itself
    pure = quoteattr.Attributor()
    assert results == [pure.attribute(t).to_json() for t in texts]


def test_compiled_build_raises_quoteattrs_own_errors(built: tuple[Path, Path]) -> None:
    """Argument checks stay in the interpreted pipeline, so a wrong argument still raises
    quoteattr's error with its message (a compiled signature would raise a bare TypeError)."""
    _, target = built
    script = (
        "import quoteattr\n"
        "result = []\n"
        "for call in (lambda: quoteattr.attribute(123),\n"
        "             lambda: list(quoteattr.Attributor().attribute_many(['x'], n_process=True)),\n"
        "             lambda: quoteattr.attribute('x', doc_id=5)):\n"
        "    try:\n"
        "        call()\n"
        "    except quoteattr.QuoteattrError as err:\n"
        "        result.append(f'{type(err).__name__} {err}')\n"
    )
    compiled = _run_compiled(target, script)
    namespace: dict[str, Any] = {}
    exec(script, namespace)  # the same calls on the pure package of this process
    pure = namespace["result"]
    assert len(compiled) == 3
    assert compiled == pure
