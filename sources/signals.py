"""A renamed record's old slug is remembered, so its former URLs redirect (sources.middleware)."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from records.models import Record
from sources.models import SlugRedirect


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
