"""`THIDUA_BENCH=1 python manage.py generate_data --scale department|province [--seed N]`
(from the checkout's root; the product does not install it): synthetic data of a
department (about 100 people) or of a whole province (about 1,500 units and 50,000
people, five years), for trying the system out and for the benchmarks."""

from django.core.management.base import BaseCommand, CommandError

from bench.synthetic.generator import AlreadyGenerated, generate
from bench.synthetic.shape import SCALES


class Command(BaseCommand):
    help = (
        "Sinh dữ liệu giả lập (đơn vị, cán bộ, đăng ký, kết quả, chỉ tiêu, sáng kiến, báo cáo, xếp loại, "
        "khen thưởng) quy mô một Sở hoặc cả tỉnh. Dữ liệu sinh có mã GEN-… và được đánh dấu minh họa."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            default="department",
            help="department: khoảng 8 đơn vị, 100 cán bộ; province: khoảng 1.500 đơn vị, 50.000 cán bộ, 5 năm.",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Cùng hạt giống cho cùng dữ liệu (mặc định 2026).")

    def handle(self, *args, scale: str, seed: int, **options):
        try:
            summary = generate(scale, seed, stream=_Plain(self.stderr))
        except AlreadyGenerated as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(summary.line())
        if summary.office_username:
            self.stdout.write(
                f"Tài khoản Văn phòng để xem dữ liệu: {summary.office_username} (mật khẩu minh họa, xem README)."
            )


class _Plain:
    """The command's stderr without the added line ending and error colour, so the
    progress line can be redrawn in place."""

    def __init__(self, wrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, style_func=str, ending="")

    def flush(self) -> None:
        self.wrapper.flush()

    def isatty(self) -> bool:
        return self.wrapper.isatty()
