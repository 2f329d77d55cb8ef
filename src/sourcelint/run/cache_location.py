"""Where ``check`` keeps its results cache, and what ``sourcelint clean`` removes.

``--no-cache`` or $SOURCELINT_NO_CACHE (a boolean) turn the cache off. Otherwise the
folder is ``--cache-dir``, else $SOURCELINT_CACHE_DIR, else the ``cache-dir`` of the
config that applies in the working directory (or of ``--config``), else
``.sourcelint_cache`` in the working directory.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sourcelint.config import ConfigResolver
from sourcelint.core.errors import CacheError, ConfigError

DEFAULT_CACHE_DIR = ".sourcelint_cache"
NO_CACHE_VARIABLE = "SOURCELINT_NO_CACHE"
CACHE_DIR_VARIABLE = "SOURCELINT_CACHE_DIR"
# Marks the directory as a cache, for backup tools and for `sourcelint clean`, which
# removes no directory without it (https://bford.info/cachedir/).
TAG_NAME = "CACHEDIR.TAG"
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by sourcelint.\n"
)
# The words $SOURCELINT_NO_CACHE may hold, as other tools read such switches.
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"", "0", "false", "no", "off"})


def turned_off_by_environment() -> bool:
    """Whether $SOURCELINT_NO_CACHE turns the cache off (1, true, yes, on; any case).
    Unset, empty, 0, false, no or off keep it; any other value is a ConfigError."""
    value = os.environ.get(NO_CACHE_VARIABLE)
    if value is None:
        return False
    word = value.strip().lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise ConfigError(
        f"invalid value {value!r}; expected 1, true, yes or on to turn the cache off, "
        "or 0, false, no, off or nothing to keep it",
        key=NO_CACHE_VARIABLE,
    )


def cache_directory(
    no_cache: bool, cache_dir: Path | None, resolver: ConfigResolver
) -> Path | None:
    """Where ``check`` keeps results; None with ``--no-cache`` or $SOURCELINT_NO_CACHE on.

    Also None when the config that would name the folder is broken: that error is
    reported for the files it applies to, and no cache is better than one in a folder
    the config did not mean. A bad $SOURCELINT_NO_CACHE is a ConfigError."""
    if turned_off_by_environment() or no_cache:
        return None
    try:
        return default_directory(cache_dir, resolver)
    except ConfigError:
        return None


def default_directory(cache_dir: Path | None, resolver: ConfigResolver) -> Path:
    """``cache_dir``, else $SOURCELINT_CACHE_DIR, else the working directory's config's
    ``cache-dir``, else ``.sourcelint_cache`` here. ConfigError for a broken config."""
    if cache_dir is not None:
        return cache_dir
    variable = os.environ.get(CACHE_DIR_VARIABLE)
    if variable:
        return Path(variable)
    configured = resolver.settings_for_directory(resolver.cwd).cache_dir
    return configured or Path(DEFAULT_CACHE_DIR)


def clean(directory: Path) -> bool:
    """Remove a cache directory; False when there is none. A directory without the
    cache tag is refused (CacheError): it is not one sourcelint made. OSError when it
    cannot be removed."""
    if not directory.is_dir():
        return False
    if not (directory / TAG_NAME).is_file():
        raise CacheError(f"not a sourcelint cache (no {TAG_NAME}); left as it is", path=directory)
    shutil.rmtree(directory)
    return True
