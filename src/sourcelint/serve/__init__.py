"""``sourcelint serve``: a local, read-only web page that lints a draft as it is typed.

Standard library only (``http.server``): ``safety`` holds what a request may and may
not do, ``workspace`` the files under the served directory and the linter, ``app`` the
routes; the page itself ships as package data in ``static/``. Nothing here writes to disk.
"""
