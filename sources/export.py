"""Writing the database's content back to fixtures/ (or a backup folder): one file per app, natural
keys, a stable order, so that a curator's edit is a reviewable diff."""

import itertools
import json
import textwrap
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.db.models import Prefetch
from django.utils import translation

from sources.load import (
    APP_FILES,
    COMPUTED_FIELDS,
    CONTENT_MODELS,
    FIXTURES_DIR,
    content_model,
    translated_fields,
)


def export_content(directory=FIXTURES_DIR):
    """Write each app's records to <directory>/<app>.json: natural keys, stable order, no surrogate pks.

    Records are read and written in chunks, so memory stays flat however large the content; the
    output is byte for byte what json.dumps(records, indent=2) gives.
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
                        for record in exported_records(content_model(label)):
                            text = json.dumps(record, ensure_ascii=False, indent=2)
                            out.write(("\n" if count == 0 else ",\n") + textwrap.indent(text, "  "))
                            count += 1
                out.write("\n]\n" if count else "]\n")
            written[str(path)] = count
    return written


EXPORT_CHUNK = 2000


def exported_records(model):
    """The model's records as fixture dicts (natural keys, sorted links), read EXPORT_CHUNK at a time."""
    bare = translated_fields(model)
    exported = [  # the bare field mirrors one language; fixtures carry _fr and _en
        field.name
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if not field.primary_key and field.name not in {*bare, *COMPUTED_FIELDS}
    ]
    links = m2m_names(model)
    rows = export_queryset(model, exported).iterator(chunk_size=EXPORT_CHUNK)
    while chunk := list(itertools.islice(rows, EXPORT_CHUNK)):
        serialized = serializers.serialize(
            "json", chunk, fields=exported, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        for record in json.loads(serialized):
            record.pop("pk", None)
            for name, value in record["fields"].items():
                if isinstance(value, list) and name in links:
                    value.sort()
            yield record


def export_queryset(model, exported):
    """Every record of the model in export order, with what its natural keys need read in bulk.

    The serialiser writes each foreign key and many-to-many link as the related record's slug:
    without select_related / prefetch_related that is one query per link (minutes at 100 times the
    content)."""
    fields = [model._meta.get_field(name) for name in exported]
    foreign_keys = [field.name for field in fields if field.many_to_one or field.one_to_one]
    own = [field.name for field in fields if not field.many_to_many]
    links = [
        Prefetch(field.name, queryset=field.related_model._base_manager.only("pk", "slug"))
        for field in fields
        if field.many_to_many
    ]
    return (
        model._default_manager.select_related(*foreign_keys)
        .only(*own, *[f"{name}__slug" for name in foreign_keys])
        .prefetch_related(*links)
        .order_by(*export_ordering(model))
    )


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
