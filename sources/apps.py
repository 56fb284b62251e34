from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Sources and citations")

    def ready(self):
        from django.db.backends.signals import connection_created

        from sources import signals  # noqa: F401
        from sources.search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions)

        from django.db.models.signals import post_migrate

        post_migrate.connect(ensure_curator_group_once, sender=self)


def ensure_curator_group_once(sender, **kwargs):
    from sources.permissions import ensure_curator_group

    ensure_curator_group()
