"""What a public request sees: records in preparation are invisible through every relation.

Pages and API views ask for published records (`published()`), but a published record's relations
would still name a draft: a fiche's places, an event's place, a person's role in a draft place. While
a public request is answered (web.middleware.PublicReadingMiddleware: everything but the admin),
`public_reading` is set, and then

- every record manager, and so every relation list and prefetch built from one, leaves out
  unpublished records (records.models.SlugManager);
- a foreign key to an unpublished record reads as None (`DraftHidingDescriptor`), so templates and
  serializers show nothing rather than a name and a link that 404s.

Outside a request (management commands, the admin, the tests' own queries) nothing is hidden.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor

_public_reading = ContextVar("public_reading", default=False)


def is_public_reading():
    return _public_reading.get()


@contextmanager
def public_reading():
    token = _public_reading.set(True)
    try:
        yield
    finally:
        _public_reading.reset(token)


class DraftHidingDescriptor(ForwardManyToOneDescriptor):
    """A foreign key to a record that reads as None, on public requests, when the record is a draft."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if value is not None and _public_reading.get() and not value.is_published:
            return None
        return value


def hide_drafts_behind_foreign_keys(models, is_record):
    """Give every foreign key to a record the draft-hiding descriptor (once the models are loaded)."""
    for model in models:
        for field in model._meta.concrete_fields:
            if field.many_to_one and is_record(field.related_model) and field.name in model.__dict__:
                setattr(model, field.name, DraftHidingDescriptor(field))
