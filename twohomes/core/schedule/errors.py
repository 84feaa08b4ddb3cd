"""The one error type the schedule engine raises for a plan it cannot use."""

from __future__ import annotations


class PlanError(ValueError):
    """A plan (or a query on it) is malformed; the message says what to fix.

    The command line prints the message on one line and exits with status 2, so every
    message is a single sentence naming the rule, field or value at fault.
    """
