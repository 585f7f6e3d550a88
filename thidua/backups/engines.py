"""The two database engines an archive can hold, named as in the manifest."""

from django.utils.translation import gettext as _

from thidua.backups.errors import BackupError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

_BY_DJANGO_ENGINE = {
    "django.db.backends.sqlite3": SQLITE,
    "django.db.backends.postgresql": POSTGRESQL,
}


def engine_of(settings_dict: dict) -> str:
    engine = _BY_DJANGO_ENGINE.get(settings_dict.get("ENGINE", ""))
    if engine is None:
        raise BackupError(
            _("Chỉ sao lưu và khôi phục được SQLite và PostgreSQL, không phải %(engine)s.")
            % {"engine": settings_dict.get("ENGINE")}
        )
    return engine
