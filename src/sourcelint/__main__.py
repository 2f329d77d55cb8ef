"""Allow ``python -m sourcelint``."""

from sourcelint.cli import main

main()
