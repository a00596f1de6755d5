"""Errors a user can act on, and the exit statuses commands end with.

Anything raised as :class:`InputError` is reported by the CLI as one line on stderr
with exit status 1; everything else is a bug and keeps its traceback.
"""

import re

#: A command stopped by Ctrl-C (or ``kill``) exits with this status, as shells report
#: a program interrupted by SIGINT (128 + 2), whatever it was doing.
INTERRUPTED_EXIT = 130


_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class InputError(Exception):
    """The user's input (file, option value, language) cannot be processed.

    The message is always one line: texts quoted from elsewhere (a parser's message, a
    file's contents) may hold line breaks, which become spaces here, once for all callers.
    """

    def __init__(self, message: object = "", *args: object):
        super().__init__(_LINE_BREAKS.sub(" ", str(message)).strip(), *args)
