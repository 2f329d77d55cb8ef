"""The kinds of source an attribution may credit: part of the JSON contract (docs/json.md)."""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    """What kind of source an attribution credits (the profile counts these)."""

    NAMED = "named"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    VAGUE = "vague"
    NONE = "none"
    OTHER = "other"  # a source the fast tier cannot type; never flagged
