from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Sources and citations")

    def ready(self):
        # Deferred to ready(): these modules import models, which exist only once apps are loaded.
        from sources import signals  # noqa: F401, PLC0415
        from sources.permissions import ensure_curator_group  # noqa: PLC0415

        post_migrate.connect(lambda **kwargs: ensure_curator_group(), sender=self, weak=False)
