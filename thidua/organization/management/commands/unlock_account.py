from axes.utils import reset
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Mở khóa một tài khoản bị khóa vì đăng nhập sai nhiều lần."

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập cần mở khóa")

    def handle(self, *args, username: str, **options):
        removed = reset(username=username)
        self.stdout.write(f"Đã mở khóa tài khoản «{username}» (xóa {removed} lần đăng nhập sai).")
