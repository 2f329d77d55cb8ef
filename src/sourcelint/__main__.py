"""Allow ``python -m sourcelint``."""

from sourcelint.cli.app import main

main()
