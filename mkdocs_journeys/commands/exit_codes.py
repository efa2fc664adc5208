"""What a command exits with: its codes, and the usage error that means the last of them.

Kept apart from the options so that the command line can name them before it imports anything heavy
(``check`` starts reading a big handbook first, see :func:`~mkdocs_journeys.load.file_cache.read_ahead`).
"""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: exit 2 with the message."""
