"""The family record: every decision and message, appended to a signed, append-only log.

``records.append(family, kind, actor, content)`` is the one call every feature uses.
"""

from __future__ import annotations

from typing import Any


def append(*args: Any, **kwargs: Any) -> Any:
    from .services import append as append_entry

    return append_entry(*args, **kwargs)
