"""sourcelint: a linter for journalism that flags weak sourcing and loaded language."""

__version__ = "0.1.0"
