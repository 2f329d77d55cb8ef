"""Read a check's parameters from its pack table, with errors naming the key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sourcelint.core.errors import RulePackError


class Params:
    """Typed access to ``[rule.check]``; ``finish`` rejects keys nobody read."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self._params = dict(params)
        self._where = str(self._params.pop("__where__", "rule check"))
        self._read: set[str] = set()

    def strings(self, key: str, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
        self._read.add(key)
        value = self._params.get(key)
        if value is None:
            if default is None:
                raise RulePackError("required: a list of strings", path=f"{self._where}.{key}")
            return default
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise RulePackError("expected a list of strings", path=f"{self._where}.{key}")
        return tuple(value)

    def words(
        self,
        key: str,
        default: tuple[str, ...] = (),
        *,
        lexicon: Callable[[str], tuple[str, ...]],
    ) -> tuple[str, ...]:
        """A word list, lower-cased, whose ``@name`` entries stand for lexicon lists."""
        found: list[str] = []
        for entry in self.strings(key, default):
            if entry.startswith("@"):
                try:
                    found.extend(lexicon(entry[1:]))
                except KeyError:
                    raise self.error(key, f"unknown lexicon list {entry!r}") from None
            else:
                found.append(entry)
        return tuple(word.lower() for word in found)

    def flag(self, key: str, default: bool) -> bool:
        self._read.add(key)
        value = self._params.get(key, default)
        if not isinstance(value, bool):
            raise RulePackError("expected true or false", path=f"{self._where}.{key}")
        return value

    def optional_flag(self, key: str) -> bool | None:
        self._read.add(key)
        if key not in self._params:
            return None
        return self.flag(key, False)

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.optional_choice(key, allowed)
        return default if value is None else value

    def optional_choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        self._read.add(key)
        value = self._params.get(key)
        if value is not None and value not in allowed:
            raise RulePackError(
                f"expected one of: {', '.join(allowed)}", path=f"{self._where}.{key}"
            )
        return value

    def error(self, key: str, message: str) -> RulePackError:
        return RulePackError(message, path=f"{self._where}.{key}")

    def finish(self) -> None:
        unknown = set(self._params) - self._read
        if unknown:
            raise RulePackError("unknown key", path=f"{self._where}.{sorted(unknown)[0]}")
