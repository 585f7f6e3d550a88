class BackupError(Exception):
    """A backup or restore that cannot go on; the message says what to do, and nothing
    has been changed when it is raised before the database is written."""
