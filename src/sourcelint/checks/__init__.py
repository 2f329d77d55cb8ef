"""Built-in check kinds. Each module exposes ``build(context, params) -> check``."""
