"""Compiling the translation catalogues with polib, so a machine without gettext's
msgfmt can still switch the interface to English."""

from pathlib import Path

import polib
from django.conf import settings


def compile_all() -> list[Path]:
    written = []
    for locale_dir in settings.LOCALE_PATHS:
        for po_path in Path(locale_dir).glob("*/LC_MESSAGES/*.po"):
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                written.append(mo_path)
    return written
