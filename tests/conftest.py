"""Fixtures shared by every test: named personas over a small department."""
