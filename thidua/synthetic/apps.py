from django.apps import AppConfig


class SyntheticConfig(AppConfig):
    name = "thidua.synthetic"
    verbose_name = "Dữ liệu sinh tự động"
