from django.core.management.base import BaseCommand

from thidua.accounts.lockout import lift_all


class Command(BaseCommand):
    help = (
        "Mở khóa đăng nhập cho một tên đăng nhập, từ mọi địa chỉ (cũng có thể mở trên trang "
        "«Tài khoản bị khóa» của hệ thống)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập cần mở khóa")

    def handle(self, *args, username: str, **options):
        removed = lift_all(username)
        self.stdout.write(f"Đã mở khóa tài khoản «{username}» (xóa {removed} bản ghi đăng nhập sai).")
