from django.apps import AppConfig


class WebConfig(AppConfig):
    """The public site's cross-cutting pages and parts: home, search, about, sitemaps, page cache."""

    name = "web"
