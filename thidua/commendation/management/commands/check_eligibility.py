"""`thidua check_eligibility --input FILE.json`: the eligibility engine on a file of facts
(the JSON of `POST /api/v1/eligibility/evaluate`); prints the result JSON. Bad facts:
each bad field's path on stderr, the same error JSON as the API on stdout, exit code 1.

The file is held to the API's limits: its size (DATA_UPLOAD_MAX_MEMORY_SIZE), how deep
its JSON nests, no NUL character nor NaN (`api.parsers.load_json`), and the number of
subjects, items and members (`eligibility.schema`); each refused with one line saying
which. A database that is missing or not migrated is said in one line too."""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.utils import DatabaseError

from thidua.api.parsers import JSONRefused, decode, load_json
from thidua.commendation.eligibility.interface import evaluate_facts
from thidua.core.limits import size_text
from thidua.core.readiness import database_problem


class Command(BaseCommand):
    help = "Xét điều kiện khen thưởng từ tệp dữ kiện JSON; in kết quả JSON ra màn hình."

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="Tệp JSON dữ kiện («-» để đọc từ đầu vào chuẩn).")

    def handle(self, *args, input: str, **options):
        data = self._read(input)
        ok, body = self._evaluate(data)
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        if not ok:
            for error in body["errors"]:
                self.stderr.write(f"{error['path'] or '(toàn bộ)'}: {error['message']}")
            raise CommandError(f"Dữ kiện có {len(body['errors'])} lỗi; không xét được.")

    @staticmethod
    def _evaluate(data) -> tuple[bool, dict]:
        try:
            return evaluate_facts(data)
        except DatabaseError:
            problem = database_problem()
            if problem is None:
                raise
            raise CommandError(f"Không xét được: {problem}") from None

    def _read(self, name: str):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            if name == "-":
                raw = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
            else:
                with Path(name).open("rb") as file:
                    raw = file.read() if limit is None else file.read(limit + 1)
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {name}: {error.strerror or error}") from None
        if limit is not None and len(raw) > limit:
            raise CommandError(
                f"Tệp {name} quá lớn: tối đa {size_text(limit)}, như giới hạn của API. "
                "Hãy chia dữ kiện thành nhiều tệp."
            )
        try:
            return load_json(decode(raw, "utf-8"))
        except JSONRefused as error:
            raise CommandError(f"Tệp {name}: {error}") from None
