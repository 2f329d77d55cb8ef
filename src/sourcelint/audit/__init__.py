"""``sourcelint audit``: how an archive sources its stories, over every article of it.

``inputs`` reads the archive record by record; ``chunks`` lints a chunk of records in any
process (``engines``: a local pool or Dask); ``store`` keeps each chunk's rows and errors
as it is done, so a run resumes where it stopped; ``aggregate`` sums the rows per outlet,
author and month; ``report`` draws the page.
"""
