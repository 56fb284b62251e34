from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Records")

    def ready(self):
        # Deferred to ready(): signals and search read models, which exist only once apps are loaded.
        from records import signals  # noqa: F401, PLC0415
        from records.search import register_sqlite_functions  # noqa: PLC0415

        connection_created.connect(register_sqlite_functions)
