"""Time limits of a run, in a module of their own so that the CLI's option defaults do not import
the batch machinery (and spaCy) for `nerpipe --help`."""

from __future__ import annotations

# A document may take this many seconds, plus as many per million characters, before it is
# given up as an error row (`--timeout`): a 60 KB article takes well under a second, a 60 MB
# text about six minutes on this project's machine.
TIMEOUT = 60.0

# Seconds to wait for a Dask scheduler to answer (`--connect-timeout`).
CONNECT_TIMEOUT = 10.0
