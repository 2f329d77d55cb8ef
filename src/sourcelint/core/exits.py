"""The exit codes of every command (DESIGN.md's contract): 0 clean, 1 findings, 2 error."""

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
