"""User-facing errors: the CLI prints ``str(error)`` as one line and exits 1."""


class RegwatchError(Exception):
    """Base of every error a user can act on (bad input, missing model, store trouble)."""
