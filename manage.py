#!/usr/bin/env python
"""Same as the `thidua` console script, for those who expect a manage.py."""

from thidua.__main__ import main

if __name__ == "__main__":
    main()
