"""The `thidua` console script: Django's manage.py with the project settings preset."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0].rsplit("/", 1)[-1], *sys.argv[1:]])


if __name__ == "__main__":
    main()
