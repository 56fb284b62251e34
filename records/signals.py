"""What every change to the content sets off in the base.

- A new content version, so every cached page and the dump are invalidated.
- A saved record's stored search vector is recomputed (PostgreSQL).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from records.kinds import CONTENT_APPS
from records.models import Searchable
from records.search import refresh_search_vectors
from records.versioning import bump


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, **kwargs):
    """Any change to the content invalidates every cached page (a new content version)."""
    if sender._meta.app_label in CONTENT_APPS:
        bump()


@receiver(m2m_changed)
def content_relations_changed(sender, action, **kwargs):
    if action.startswith("post_") and sender._meta.app_label in CONTENT_APPS:
        bump()


@receiver(post_save)
def refresh_search_vector(sender, instance, raw=False, using="default", **kwargs):
    """A saved record is found by its new text at once (bulk loads refresh all rows at the end)."""
    if raw or not isinstance(instance, Searchable):
        return
    refresh_search_vectors([sender], using=using, pk=instance.pk)
