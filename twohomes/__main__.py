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
        _speak_the_terminals_language()
        execute_from_command_line(argv)
    except ImproperlyConfigured as problem:
        print(f"twohomes: configuration error: {problem}", file=sys.stderr)
        return 1
    return 0


def terminal_language(environ: dict[str, str] | os._Environ[str]) -> str:
    """The language the terminal asks for (LC_ALL, LC_MESSAGES, LANG: "es_MX.UTF-8" is
    es-mx), or "" for none (unset, C, POSIX)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # the first one set decides
        value = environ.get(name, "").split(".")[0].split("@")[0]
        if value:
            return "" if value in ("C", "POSIX") else value.replace("_", "-").lower()
    return ""


def _speak_the_terminals_language() -> None:
    """What the commands print is in the terminal's language, where TwoHomes speaks it
    (Spanish for es_MX.UTF-8), else in the site's default."""
    import django
    from django.utils import translation

    django.setup()
    asked = terminal_language(os.environ)
    try:
        translation.activate(translation.get_supported_language_variant(asked))
    except LookupError:
        pass  # a language TwoHomes does not speak (or none): the default stays


if __name__ == "__main__":
    sys.exit(main())
