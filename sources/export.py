"""Writing the database's content back to fixtures/ (or a backup folder): one file per app, natural
keys, a stable order, so that a curator's edit is a reviewable diff."""

import itertools
import json
import textwrap
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db import models
from django.db.models import Prefetch
from django.utils import translation

from records.models import is_record, without_drafts_in
from sources.load import (
    APP_FILES,
    COMPUTED_FIELDS,
    CONTENT_MODELS,
    FIXTURES_DIR,
    content_model,
    translated_fields,
)


def export_content(directory=FIXTURES_DIR, public=False):
    """Write each app's records to <directory>/<app>.json: natural keys, stable order, no surrogate pks.

    Records are read and written in chunks, so memory stays flat however large the content; the
    output is byte for byte what json.dumps(records, indent=2) gives.

    `public=True` (the downloadable dump) writes what the site shows and nothing else: published
    records; the rows that hang on a record (citations, claims, memberships, roles, key figures…)
    only when every record they need is published; links to an unpublished record left out, and an
    optional reference to one written as null. A backup (`public=False`) keeps everything.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = {}
    with translation.override(settings.LANGUAGE_CODE):
        for app_label in APP_FILES:
            path = directory / f"{app_label}.json"
            count = 0
            with path.open("w", encoding="utf-8") as out:
                out.write("[")
                for label in CONTENT_MODELS:
                    if label.startswith(app_label + "."):
                        for record in exported_records(content_model(label), public):
                            text = json.dumps(record, ensure_ascii=False, indent=2)
                            out.write(("\n" if count == 0 else ",\n") + textwrap.indent(text, "  "))
                            count += 1
                out.write("\n]\n" if count else "]\n")
            written[str(path)] = count
    return written


EXPORT_CHUNK = 2000


def exported_records(model, public=False):
    """The model's records as fixture dicts (natural keys, sorted links), read EXPORT_CHUNK at a time."""
    bare = translated_fields(model)
    exported = [  # the bare field mirrors one language; fixtures carry _fr and _en
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if not field.primary_key and field.name not in {*bare, *COMPUTED_FIELDS}
    ]
    links = m2m_names(model)
    # Optional references that the public dump writes as null when they name an unpublished record.
    hidden = optional_record_references(model, exported) if public else []
    # Django writes a time to the millisecond, and without any fraction when its microseconds are 0:
    # a time 12:00:00.000400 is written "12:00:00.000Z", read back as 12:00:00 and written "12:00:00Z".
    times = [field.name for field in model._meta.concrete_fields if isinstance(field, models.DateTimeField)]
    rows = export_queryset(model, exported, public).iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(itertools.islice(rows, EXPORT_CHUNK)):
        if public and model._meta.label_lower == "sources.slugredirect":
            chunk = redirects_to_published_records(chunk)
        serialized = serializers.serialize(
            "json", chunk, fields=exported, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        for obj, record in zip(chunk, json.loads(serialized), strict=True):
            record.pop("pk", None)
            for name, value in record["fields"].items():
                if isinstance(value, list) and name in links:
                    value.sort()
            for name in times:  # one format whatever the microseconds: a round trip writes the same text
                value = record["fields"].get(name)
                if isinstance(value, str) and len(value) == len("2026-01-01T00:00:00Z"):
                    record["fields"][name] = value[:-1] + ".000Z"
            for name in hidden:
                related = getattr(obj, name)
                if related is not None and not related.is_published:
                    record["fields"][name] = None
            yield record


def record_references(model, names):
    """The foreign keys among `names` that point to a record (a model with a publication flag)."""
    fields = [model._meta.get_field(name) for name in names]
    return [field for field in fields if field.many_to_one and is_record(field.related_model)]


def optional_record_references(model, names):
    return [field.name for field in record_references(model, names) if field.null]


def redirects_to_published_records(redirects):
    """The redirects whose new slug names a published record: one query per kind in the chunk."""
    published = {}
    for label in {redirect.model for redirect in redirects}:
        slugs = [redirect.new_slug for redirect in redirects if redirect.model == label]
        published[label] = set(
            apps.get_model(label).objects.published().filter(slug__in=slugs).values_list("slug", flat=True)
        )
    return [redirect for redirect in redirects if redirect.new_slug in published[redirect.model]]


def export_queryset(model, exported, public=False):
    """Every record of the model in export order, with what its natural keys need read in bulk.

    The serialiser writes each foreign key and many-to-many link as the related record's slug:
    without select_related / prefetch_related that is one query per link (minutes at 100 times the
    content)."""
    fields = [model._meta.get_field(name) for name in exported]
    foreign_keys = [field.name for field in fields if field.many_to_one or field.one_to_one]
    own = [field.name for field in fields if not field.many_to_many]
    links = [
        Prefetch(field.name, queryset=linked_records(field.related_model, public))
        for field in fields
        if field.many_to_many
    ]
    queryset = model._default_manager.all()
    loaded = [f"{name}__slug" for name in foreign_keys]
    if public:
        references = record_references(model, foreign_keys)
        if is_record(model):  # a record needs what it cannot be without; optional links become null
            queryset = queryset.published()
            needed = [field.name for field in references if not field.null]
        else:  # a row that hangs on records (a citation, a role…) needs every one of them
            needed = [field.name for field in references]
        queryset = without_drafts_in(queryset, needed)
        # Every reference's flag is read (drafts become null, and a public request's foreign keys test
        # it): loaded with the row, or it would be one query per reference.
        loaded += [f"{field.name}__is_published" for field in references]
    return (
        queryset.select_related(*foreign_keys)
        .only(*own, *loaded)
        .prefetch_related(*links)
        .order_by(*export_ordering(model))
    )


def linked_records(model, public):
    queryset = model._base_manager.only("pk", "slug")
    if public and is_record(model):
        queryset = queryset.filter(is_published=True)
    return queryset


def export_ordering(model):
    if any(f.name == "slug" for f in model._meta.fields):
        return ["slug"]
    names = [f.name for f in model._meta.fields]
    parent = next((n for n in ("practice", "person") if n in names), None)
    if parent:
        return [f"{parent}__slug", "order" if "order" in names else "pk", "pk"]
    if model._meta.label_lower == "sources.citation":
        return ["source__slug", *[f"{n}__slug" for n in ("network", "place", "practice")], "locator", "pk"]
    return ["pk"]


def m2m_names(model):
    return {f.name for f in model._meta.many_to_many}
