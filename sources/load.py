"""Loading the curated content of fixtures/ (or a backup) into the database, all or nothing.

The fixtures are Django serialisations with natural keys (slugs), one file per app, both
languages in every record (`name_fr`, `name_en`; never the bare `name`).
"""

import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone, translation
from modeltranslation.translator import NotRegistered, translator

from records.kinds import CONTENT_APPS, LABELS
from records.search import refresh_search_vectors
from records.versioning import one_bump

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# Every content model, in the order records are saved (targets of foreign keys first), and the apps
# that have a fixture file each: both from the registry of kinds.
CONTENT_MODELS = LABELS
APP_FILES = CONTENT_APPS
# Derived from other columns, never written in fixtures.
COMPUTED_FIELDS = ("search_vector",)


class ContentError(Exception):
    """A fixture that cannot be loaded; the message names the file, the record and the field."""


def content_model(label):
    return apps.get_model(label)


def translated_fields(model):
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def default_fixture_paths(directory=FIXTURES_DIR):
    """The fixture files of a folder (fixtures/ or a backup), one per content app, in load order."""
    directory = Path(directory)
    return [directory / f"{name}.json" for name in APP_FILES if (directory / f"{name}.json").exists()]


def has_content():
    return any(content_model(label)._default_manager.exists() for label in CONTENT_MODELS)


def describe(record, index):
    fields = record.get("fields", {}) if isinstance(record, dict) else {}
    key = fields.get("slug") or record.get("pk") if isinstance(record, dict) else None
    model = record.get("model", "?") if isinstance(record, dict) else "?"
    return f"record #{index} ({model}{' ' + repr(key) if key else ''})"


def read_records(path):
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContentError(f"{path}: cannot be read as JSON: {exc}") from exc
    if not isinstance(records, list):
        raise ContentError(f"{path}: expected a JSON list of records")
    for index, record in enumerate(records):
        where = f"{path}: {describe(record, index)}"
        if (
            not isinstance(record, dict)
            or "model" not in record
            or not isinstance(record.get("fields"), dict)
        ):
            raise ContentError(f"{where}: each record needs 'model' and 'fields'")
        label = record["model"].lower()
        if label not in CONTENT_MODELS:
            raise ContentError(f"{where}: unknown model {record['model']!r}")
        model = content_model(label)
        bare = [name for name in translated_fields(model) if name in record["fields"]]
        if bare:
            raise ContentError(
                f"{where}: field {bare[0]!r} must be given per language "
                f"({bare[0]}_fr, {bare[0]}_en), not bare"
            )
        for name in record["fields"]:
            try:
                model._meta.get_field(name)
            except FieldDoesNotExist:
                raise ContentError(f"{where}: field {name!r} does not exist on {label}") from None
            if name in COMPUTED_FIELDS:
                raise ContentError(f"{where}: field {name!r} is computed by the site; leave it out")
    return records


def load_content(paths, replace=False, stdout=None):
    """Load fixture files in one transaction; on any error nothing is changed."""
    paths = [Path(p) for p in paths]
    tagged = []
    for path in paths:
        for index, record in enumerate(read_records(path)):
            tagged.append((CONTENT_MODELS.index(record["model"].lower()), str(path), index, record))
    tagged.sort(key=lambda item: item[0])  # stable: file order kept within a model

    counts = {}
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic(), one_bump():
        if replace:
            clear_content()
        deferred = []
        for _rank, path, index, record in tagged:
            where = f"{path}: {describe(record, index)}"
            try:
                (obj,) = list(serializers.deserialize("python", [record], handle_forward_references=True))
            except Exception as exc:  # DeserializationError, ObjectDoesNotExist, ValidationError…
                raise ContentError(f"{where}: {clean_message(exc)}") from exc
            instance = obj.object
            for stamp in ("created_at", "updated_at"):
                if hasattr(instance, stamp) and getattr(instance, stamp) is None:
                    setattr(instance, stamp, now)
            validate(instance, where, skip=set(obj.deferred_fields or {}) | set(obj.m2m_data or {}))
            try:
                with transaction.atomic():
                    obj.save()
            except DatabaseError as exc:
                raise ContentError(f"{where}: {clean_message(exc)}") from exc
            if obj.deferred_fields:
                deferred.append((where, obj))
            counts[instance._meta.label_lower] = counts.get(instance._meta.label_lower, 0) + 1
        for where, obj in deferred:
            try:
                with transaction.atomic():
                    obj.save_deferred_fields()
            except Exception as exc:
                field = next(iter(obj.deferred_fields), None)
                raise ContentError(f"{where}: field {field.name!r}: {clean_message(exc)}") from exc
        # Raw saves skip the per-record refresh (records/signals.py): one UPDATE per model instead.
        refresh_search_vectors()
    return counts


def validate(instance, where, skip):
    exclude = {f.name for f in skip if hasattr(f, "name")}
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        field, messages = next(iter(errors.items()))
        raise ContentError(f"{where}: field {field!r}: {' '.join(messages)}") from exc


def clean_message(exc):
    return " ".join(str(exc).split())


def clear_content():
    for label in reversed(CONTENT_MODELS):
        content_model(label)._default_manager.all().delete()
