"""The benchmarks' data generator is no part of the installed product: the package
built from pyproject.toml does not hold it, the product's settings do not install it,
and THIDUA_BENCH=1 in a checkout does."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands
from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]


def test_the_built_package_leaves_the_generator_out():
    found = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    packages = find_packages(where=ROOT, include=found["include"])
    assert "thidua.commendation.eligibility" in packages  # the product's own packages are found
    assert not [p for p in packages if "synthetic" in p or p.startswith("bench")]


def test_the_product_settings_do_not_install_it():
    assert "bench.synthetic" not in settings.INSTALLED_APPS
    assert "generate_data" not in get_commands()


def test_thidua_bench_installs_generate_data_in_a_checkout():
    env = {**os.environ, "THIDUA_BENCH": "1", "THIDUA_TESTING": "1"}
    done = subprocess.run(
        [sys.executable, "manage.py", "help", "generate_data"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "--scale {department,province}" in done.stdout
