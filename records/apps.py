from django.apps import AppConfig, apps
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from records.visibility import hide_drafts_behind_foreign_keys


class RecordsConfig(AppConfig):
    name = "records"
    verbose_name = _("Records")

    def ready(self):
        # Deferred to ready(): these modules define or read models, which exist only once apps load.
        from records import signals  # noqa: F401, PLC0415
        from records.models import is_record  # noqa: PLC0415
        from records.search import register_sqlite_functions  # noqa: PLC0415

        connection_created.connect(register_sqlite_functions)
        hide_drafts_behind_foreign_keys(apps.get_models(), is_record)
