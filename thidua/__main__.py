"""The `thidua` console script: Django's manage.py with the project settings preset."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    try:
        execute_from_command_line([sys.argv[0].rsplit("/", 1)[-1], *sys.argv[1:]])
    except ImproperlyConfigured as error:  # a missing setting is named, not traced back
        sys.stderr.write(f"thidua: {error}\n")
        sys.exit(1)
    except (OperationalError, ProgrammingError):
        # A command run before the database exists or is migrated says so in one line
        # instead of a traceback; any other database error is shown as it is.
        from thidua.core.readiness import database_problem

        problem = database_problem()
        if problem is None:
            raise
        sys.stderr.write(f"thidua: {problem}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
