"""Where the stanza models live, whether they are all there, and how to fetch them.

Everything here except :func:`download` is pure file and JSON work: it never
imports stanza or torch, so checking for models costs milliseconds, and a missing
model is reported (with the command that fixes it) before the two-second torch
import is paid. :func:`download` imports stanza only when called.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .errors import BackendUnavailableError, InputTypeError, describe_type

DEFAULT_PROCESSORS: tuple[str, ...] = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
"""The stanza processors quoteattr uses; constituency and sentiment are never needed."""
ENV_VAR = "QUOTEATTR_STANZA_DIR"
"""Environment variable naming the stanza model folder."""
STANZA_VERSION = "1.15.0"
"""The pinned stanza release; its default model folder and ``resources.json`` are tied to it."""

_RESOURCES = "resources.json"
_INSTALL_HINT = (
    'install torch first (pip install torch==2.13.0, the CPU build), then '
    'pip install "quoteattr[stanza]"'
)


def model_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The stanza model folder: ``explicit``, else ``$QUOTEATTR_STANZA_DIR``, else stanza's default.

    Stanza's default is ``$STANZA_RESOURCES_DIR`` or else the per-user cache folder for
    its version (``~/.cache/stanza/1.15.0/resources`` on Linux). It is computed here the
    way stanza computes it, without importing stanza, because stanza reads its own
    variable only once, at import time.
    """
    if explicit is not None:
        if not isinstance(explicit, (str, os.PathLike)):
            msg = f"model_dir must be a str, a Path or None, got {describe_type(explicit)}"
            raise InputTypeError(msg)
        return Path(explicit).expanduser()
    for var in (ENV_VAR, "STANZA_RESOURCES_DIR"):
        value = os.environ.get(var)
        if value:
            return Path(value).expanduser()
    return _user_cache_dir() / "resources"


_model_dir = model_dir
"""An alias for use where a parameter called ``model_dir`` hides the function."""


def _user_cache_dir() -> Path:
    """``platformdirs.user_cache_dir("stanza", "StanfordNLP", version)``, as stanza uses."""
    try:
        from platformdirs import user_cache_dir
    except ImportError:  # platformdirs comes with stanza; without it use the Linux rule
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "stanza" / STANZA_VERSION
    return Path(user_cache_dir("stanza", "StanfordNLP", STANZA_VERSION))


def processor_names(processors: Iterable[str] | str) -> tuple[str, ...]:
    """Processor names as a tuple of lower-case str, from ``"tokenize,pos"`` or a sequence."""
    if isinstance(processors, str):
        names = tuple(p.strip().lower() for p in processors.split(",") if p.strip())
    elif isinstance(processors, Iterable):
        names = tuple(processors)
        bad = [p for p in names if not isinstance(p, str)]
        if bad:
            msg = f"processors must be names (str), got {describe_type(bad[0])} in {names!r}"
            raise InputTypeError(msg)
        names = tuple(p.strip().lower() for p in names)
    else:
        msg = (
            "processors must be a comma-separated str or an iterable of names, "
            f"got {describe_type(processors)}"
        )
        raise InputTypeError(msg)
    return names


def missing_model_files(
    model_dir: str | os.PathLike[str],
    lang: str = "en",
    package: str = "default",
    processors: Iterable[str] | str | None = DEFAULT_PROCESSORS,
) -> list[str]:
    """The files a ``stanza.Pipeline(lang, dir=model_dir, processors=...)`` would need but lack.

    Resolves each processor to its model the way stanza 1.15 does when ``processors``
    is given as names with ``package`` as the default for each, adds the models they
    depend on (word vectors, character language models), and lists the ``.pt`` files
    that are absent. An empty list means the pipeline can be built. A model the
    ``resources.json`` does not list at all is reported as ``resources.json#lang/proc``,
    since stanza would silently drop that processor. ``processors=None`` checks the
    whole package.
    """
    root = Path(model_dir)
    res_path = root / _RESOURCES
    try:
        resources = json.loads(res_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return [str(res_path)]
    if not isinstance(resources, dict) or not isinstance(resources.get(lang), dict):
        return [f"{res_path}#{lang}"]
    lang_res: dict[str, Any] = resources[lang]
    seen = {lang}
    while isinstance(lang_res.get("alias"), str) and lang_res["alias"] not in seen:
        lang = lang_res["alias"]
        seen.add(lang)
        if not isinstance(resources.get(lang), dict):
            return [f"{res_path}#{lang}"]
        lang_res = resources[lang]
    packages = lang_res.get("packages") or {}
    bundle: dict[str, Any] = packages.get(package) or {}
    names: tuple[str, ...]
    if processors is None:
        names = tuple(k for k in bundle if k != "optional")
        if not names:
            return [f"{res_path}#{lang}/packages/{package}"]
    else:
        names = processor_names(processors)
        if "tokenize" in names and "mwt" not in names and "mwt" in bundle:
            names = (*names, "mwt")  # stanza adds mwt itself when the package has one
    needed: set[tuple[str, str]] = set()
    unlisted: list[str] = []
    for proc in names:
        model = _resolve(lang_res, bundle, proc, package)
        if model is None:
            unlisted.append(f"{res_path}#{lang}/{proc}")
            continue
        if proc == "lemma" and model == "identity":
            continue
        needed.add((proc, model))
        deps = (lang_res.get(proc) or {}).get(model, {}).get("dependencies") or []
        needed.update(
            (d["model"], d["package"]) for d in deps
            if isinstance(d, dict) and "model" in d and "package" in d
        )
    paths = [root / lang / proc / f"{model}.pt" for proc, model in sorted(needed)]
    return unlisted + [str(p) for p in paths if not p.is_file()]


def _resolve(
    lang_res: dict[str, Any], bundle: dict[str, Any], proc: str, package: str
) -> str | None:
    """The model stanza loads for ``proc`` (its ``maintain_processor_list``); None if dropped."""
    listed = lang_res.get(proc)
    if isinstance(listed, dict) and package in listed:
        return package
    if proc in bundle:
        return str(bundle[proc])
    optional = bundle.get("optional") or {}
    if proc in optional:
        return str(optional[proc])
    if proc == "lemma" and package == "identity":
        return "identity"
    if proc not in lang_res:
        return package  # stanza "loads it anyway" from <lang>/<proc>/<package>.pt
    return None


def coref_available(model_dir: str | os.PathLike[str]) -> bool:
    """True when stanza's optional coreference model and the packages it needs are installed.

    Coref is not part of stanza's default English download: it needs a LoRA file in the
    model folder and the ``transformers`` and ``peft`` packages (plus their base model in
    the Hugging Face cache, which stanza itself checks when it loads).
    """
    if missing_model_files(model_dir, processors=("coref",)):
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("transformers", "peft"))


def download_command(model_dir: str | os.PathLike[str],
                     processors: Iterable[str] | str = DEFAULT_PROCESSORS) -> str:
    """The shell command that fetches the models into ``model_dir`` (needs the network)."""
    procs = ",".join(processor_names(processors))
    return (
        f"python -c \"import stanza; stanza.download('en', model_dir='{model_dir}', "
        f"processors='{procs}')\""
    )


def require_models(
    model_dir: str | os.PathLike[str],
    processors: Iterable[str] | str = DEFAULT_PROCESSORS,
    *,
    lang: str = "en",
    package: str = "default",
) -> None:
    """Raise :class:`BackendUnavailableError` naming the missing files and the fix, if any."""
    missing = missing_model_files(model_dir, lang, package, processors)
    if not missing:
        return
    shown = "\n  ".join(missing[:12]) + ("\n  ..." if len(missing) > 12 else "")
    msg = (
        f"stanza model files are missing or unreadable in {model_dir}:\n  {shown}\n"
        f"Fetch them on a machine with network access:\n"
        f"  quoteattr download --dir {model_dir}\n"
        f"or\n  {download_command(model_dir, processors)}\n"
        f"then copy that folder here and pass its path as model_dir or set ${ENV_VAR}."
    )
    raise BackendUnavailableError(msg)


def import_stanza() -> Any:
    """Import stanza (and so torch), or raise :class:`BackendUnavailableError` saying how."""
    try:
        stanza = importlib.import_module("stanza")  # untyped: Any at this boundary
    except ImportError as exc:
        msg = f"the stanza backend needs stanza, which is not installed: {_INSTALL_HINT}"
        raise BackendUnavailableError(msg) from exc
    version = getattr(stanza, "__version__", None)
    if version != STANZA_VERSION:
        warnings.warn(  # not an error: other releases may work, but are untested
            f"stanza {version} is installed; quoteattr is tested with stanza "
            f"{STANZA_VERSION}, whose model folder layout it assumes",
            stacklevel=2,
        )
    return stanza


def download(
    model_dir: str | os.PathLike[str] | None = None,
    processors: Iterable[str] | str = DEFAULT_PROCESSORS,
) -> Path:
    """Fetch the English models into ``model_dir`` (see :func:`model_dir`); return the folder.

    Needs the network. Without it, stanza raises a ``requests`` error at once; that
    is turned into :class:`BackendUnavailableError` explaining how to copy a model
    folder from a machine that has the network.
    """
    target = _model_dir(model_dir)
    names = processor_names(processors)
    stanza = import_stanza()
    requests = importlib.import_module("requests")  # a stanza dependency

    try:
        stanza.download(
            "en", model_dir=str(target), processors=",".join(names), logging_level="INFO"
        )
    except requests.exceptions.RequestException as exc:
        msg = (
            f"could not download the stanza models into {target}: no network access "
            f"({type(exc).__name__}). On a machine with network access, run\n"
            f"  {download_command('DIR', names)}\n"
            f"(or: quoteattr download --dir DIR), then copy the whole DIR folder "
            f"(resources.json and en/) to this machine and pass it as model_dir "
            f"or set ${ENV_VAR} to it. Install stanza {STANZA_VERSION} on both machines: "
            f"the folder layout is tied to the version."
        )
        raise BackendUnavailableError(msg) from exc
    return target
