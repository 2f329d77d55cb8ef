"""``sourcelint lsp``: a language server that lints drafts as they are written."""
