"""The ``twohomes`` command: Django's management commands, plus two that need no server.

``twohomes schedule …`` and ``twohomes verify …`` run the plain-Python engines directly,
so they work without a database or configuration (a court's expert can verify a bundle
with nothing set up).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else ""
    if command == "schedule":
        from twohomes.core.schedule.cli import main as schedule_main

        return schedule_main(argv[2:])
    if command == "verify":
        from twohomes.core.ledger.verify import main as verify_main

        return verify_main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twohomes.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    argv[0] = "twohomes"
    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as problem:
        print(f"twohomes: configuration error: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
