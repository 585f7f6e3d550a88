"""`thidua check_eligibility --input FILE.json`: the eligibility engine on a file of facts
(the JSON of `POST /api/v1/eligibility/evaluate`); prints the result JSON. Bad facts:
each bad field's path on stderr, the same error JSON as the API on stdout, exit code 1."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from thidua.commendation.eligibility.interface import evaluate_facts


class Command(BaseCommand):
    help = "Xét điều kiện khen thưởng từ tệp dữ kiện JSON; in kết quả JSON ra màn hình."

    def add_arguments(self, parser):
        parser.add_argument("--input", required=True, help="Tệp JSON dữ kiện («-» để đọc từ đầu vào chuẩn).")

    def handle(self, *args, input: str, **options):
        data = self._read(input)
        ok, body = evaluate_facts(data)
        self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
        if not ok:
            for error in body["errors"]:
                self.stderr.write(f"{error['path'] or '(toàn bộ)'}: {error['message']}")
            raise CommandError(f"Dữ kiện có {len(body['errors'])} lỗi; không xét được.")

    def _read(self, name: str):
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Không đọc được tệp {name}: {error}") from None
        try:
            return json.loads(text)
        except (ValueError, RecursionError) as error:
            raise CommandError(f"Tệp {name} không phải JSON hợp lệ: {error}") from None
