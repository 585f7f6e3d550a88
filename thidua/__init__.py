"""Thi Đua: emulation movements and commendation for Vietnamese public agencies."""

# The one place the version is written (pyproject.toml reads it); backups record it.
__version__ = "0.1.0"
