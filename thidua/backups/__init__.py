"""Backup and restore of the whole system: the database and the uploaded files in one
archive with a manifest (`thidua backup`, `thidua restore`)."""
