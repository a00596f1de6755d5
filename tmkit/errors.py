"""Errors a user can act on.

Anything raised as :class:`InputError` is reported by the CLI as one line on stderr
with exit status 1; everything else is a bug and keeps its traceback.
"""


class InputError(Exception):
    """The user's input (file, option value, language) cannot be processed."""
