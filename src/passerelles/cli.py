"""The ``passerelles`` command: every Django management command, as django-admin runs them.

``passerelles demo`` and ``passerelles serve`` are management commands of the project
(see ``passerelles/core/management/commands``).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is a local try-out: debug pages, console e-mail, runserver statics.
        os.environ.setdefault("PASSERELLES_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelles.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
