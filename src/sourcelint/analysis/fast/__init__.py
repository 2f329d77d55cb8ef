"""The fast tier's sourcing model: cues, sources and kinds read from the words around
them, with no parse (``analysis/parse/`` is the parse tier's, as ordered passes)."""
