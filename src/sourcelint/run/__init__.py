"""A run over files: the check command's session, its workers and their processes.

Kept apart from the CLI so it can be driven and tested without a terminal. Errors about
one file (unreadable, bad config) are reported and the other files are still linted.
"""
