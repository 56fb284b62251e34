from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The research API: router, pagination, renderers, errors, exports, schema."""

    name = "api"
