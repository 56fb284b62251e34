"""What every change to the content sets off.

- A renamed record's old slug is remembered, so it redirects.
- A new content version, so every cached page is invalidated.
- A saved record's stored search vector is recomputed (PostgreSQL).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from sources.models import Record, Searchable, SlugRedirect
from sources.search import refresh_search_vectors
from sources.versioning import bump

CONTENT_APPS = {"sources", "actors", "networks", "practices"}


@receiver(pre_save)
def remember_renamed_slug(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Record) or instance.pk is None:
        return
    old_slug = sender._default_manager.filter(pk=instance.pk).values_list("slug", flat=True).first()
    if old_slug and old_slug != instance.slug:
        label = sender._meta.label_lower
        SlugRedirect.objects.filter(model=label, new_slug=old_slug).update(new_slug=instance.slug)
        SlugRedirect.objects.filter(model=label, old_slug=instance.slug).delete()
        SlugRedirect.objects.update_or_create(
            model=label, old_slug=old_slug, defaults={"new_slug": instance.slug}
        )


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, **kwargs):
    """Any change to the content invalidates every cached page (a new content version)."""
    if sender._meta.app_label in CONTENT_APPS and sender._meta.model_name != "contentversion":
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
