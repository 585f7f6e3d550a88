from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "bench.synthetic"
    verbose_name = "Dữ liệu sinh tự động"
