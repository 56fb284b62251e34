"""The content version: bumped on every change to the content, read by the page cache."""

from contextlib import contextmanager

from django.db.models import F
from django.utils import timezone

_suspended = False


def current_version():
    """(number, changed_at) of the content, creating the row on first use."""
    from sources.models import ContentVersion

    row = ContentVersion.objects.filter(pk=1).values_list("value", "changed_at").first()
    if row is None:
        version = ContentVersion.objects.create(pk=1)
        row = (version.value, version.changed_at)
    return row


def bump():
    from sources.models import ContentVersion

    if _suspended:
        return
    updated = ContentVersion.objects.filter(pk=1).update(value=F("value") + 1, changed_at=timezone.now())
    if not updated:
        ContentVersion.objects.create(pk=1, value=2)


@contextmanager
def one_bump():
    """Many changes (a fixture load), one new version at the end."""
    global _suspended
    previous, _suspended = _suspended, True
    try:
        yield
    finally:
        _suspended = previous
        bump()
