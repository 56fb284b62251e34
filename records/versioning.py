"""The content version: bumped on every change to the content, read by the page cache."""

import time
from contextlib import contextmanager

from django.db.models import F
from django.utils import timezone

from records.models import ContentVersion

_suspended = False
# Each process re-reads the version at most once a second: a change made by this process is seen at
# once (bump() forgets the memo), a change made by another instance within a second.
MEMO_SECONDS = 1.0
_memo = {"row": None, "read_at": 0.0}


def current_version():
    """(number, changed_at) of the content, creating the row on first use."""
    now = time.monotonic()
    if _memo["row"] is not None and now - _memo["read_at"] < MEMO_SECONDS:
        return _memo["row"]
    row = ContentVersion.objects.filter(pk=1).values_list("value", "changed_at").first()
    if row is None:
        version = ContentVersion.objects.create(pk=1)
        row = (version.value, version.changed_at)
    _memo.update(row=row, read_at=now)
    return row


def forget():
    _memo.update(row=None, read_at=0.0)


def bump():
    if _suspended:
        return
    forget()
    updated = ContentVersion.objects.filter(pk=1).update(value=F("value") + 1, changed_at=timezone.now())
    if not updated:
        ContentVersion.objects.create(pk=1, value=2)


@contextmanager
def one_bump():
    """Many changes (a fixture load), one new version at the end."""
    global _suspended
    forget()
    previous, _suspended = _suspended, True
    try:
        yield
    finally:
        _suspended = previous
        bump()
