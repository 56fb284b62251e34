from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark: synthetic ×N content, its settings, URLs and reference view.

    Installed by bench.settings and the tests only; the site never imports it."""

    name = "bench"
