"""Settings of the benchmark's server: the project's own, plus the floor views
(`bench/floor_urls.py`). Nothing here changes how the application itself behaves."""

from thidua.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
