"""Loading, exporting and checking the curated content in fixtures/.

The fixtures are Django serialisations with natural keys (slugs), one file per app, both
languages in every record (`name_fr`, `name_en`; never the bare `name`).
"""

import itertools
import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models, transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from modeltranslation.translator import NotRegistered, translator

from sources.search import refresh_search_vectors

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# Every content model, in the order records are saved (targets of foreign keys first).
CONTENT_MODELS = [
    "sources.source",
    "actors.place",
    "actors.organisation",
    "actors.person",
    "networks.network",
    "networks.membership",
    "networks.forum",
    "networks.event",
    "networks.declaration",
    "actors.role",
    "practices.theme",
    "practices.practice",
    "practices.keyfigure",
    "practices.practicequote",
    "practices.furtherreading",
    "sources.citation",
    "sources.claim",
    "sources.slugredirect",
]
# Not content: the content version is bookkeeping of the page cache.
APP_FILES = ["sources", "actors", "networks", "practices"]
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


def default_fixture_paths():
    return [FIXTURES_DIR / f"{name}.json" for name in APP_FILES if (FIXTURES_DIR / f"{name}.json").exists()]


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
    from sources.versioning import one_bump

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
        # Raw saves skip the per-record refresh (sources/signals.py): one UPDATE per model instead.
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


# --- The content check -------------------------------------------------------------------

CITED_MODELS = [
    "actors.place",
    "actors.organisation",
    "actors.person",
    "networks.network",
    "networks.membership",
    "networks.forum",
    "networks.event",
    "networks.declaration",
    "practices.practice",
]
SELF_SOURCED_MODELS = ["sources.claim", "actors.role", "practices.practicequote"]


@dataclass
class Problem:
    record: str
    message: str

    def __str__(self):
        return f"{self.record}: {self.message}"


def label_of(obj):
    slug = getattr(obj, "slug", None)
    return f"{obj._meta.label_lower} {slug or obj.pk}"


def missing_translations(obj):
    """Names of translated fields filled in one language and empty in the other (or required and empty)."""
    missing = []
    for name in translated_fields(type(obj)):
        field = obj._meta.get_field(name)
        french, english = getattr(obj, f"{name}_fr") or "", getattr(obj, f"{name}_en") or ""
        if (french.strip() and not english.strip()) or (not field.blank and not english.strip()):
            missing.append(f"{name}_en")
        if (english.strip() and not french.strip()) or (not field.blank and not french.strip()):
            missing.append(f"{name}_fr")
    return missing


def is_published(obj):
    return getattr(obj, "is_published", True)


def content_problems(sources_dir=None):
    """Every problem the content check reports, as a list of Problem."""
    problems = []
    Citation = content_model("sources.citation")
    for label in CITED_MODELS:
        model = content_model(label)
        cited = set(
            Citation.objects.filter(**{f"{model._meta.model_name}__isnull": False}).values_list(
                model._meta.model_name, flat=True
            )
        )
        for obj in model._default_manager.filter(is_published=True).only("pk", "slug"):
            if obj.pk not in cited:
                problems.append(Problem(label_of(obj), "no citation (source, locator and verbatim quote)"))
    for citation in Citation.objects.with_targets():
        target = citation.target
        if target is not None and not is_published(target):
            continue
        where = f"citation {citation.pk} of {label_of(target) if target else '?'}"
        problems.extend(sourced_problems(citation, where))
    for label in SELF_SOURCED_MODELS:
        for obj in content_model(label)._default_manager.select_related("source"):
            problems.extend(sourced_problems(obj, label_of(obj)))
    for obj in content_model("practices.keyfigure")._default_manager.all():
        if not obj.locator.strip():
            problems.append(Problem(label_of(obj), "key figure without a locator"))
    for label in CONTENT_MODELS:
        model = content_model(label)
        if not translated_fields(model):
            continue
        for obj in model._default_manager.all():
            if not is_published(obj):
                continue
            missing = missing_translations(obj)
            if missing:
                problems.append(Problem(label_of(obj), f"missing text: {', '.join(missing)}"))
    if sources_dir:
        problems.extend(quote_problems(Path(sources_dir)))
    return problems


def sourced_problems(obj, where):
    problems = []
    if not obj.locator.strip():
        problems.append(Problem(where, "no locator (page or section)"))
    if not obj.quote.strip():
        problems.append(Problem(where, "no verbatim quote"))
    if not obj.quote_translation.strip():
        problems.append(Problem(where, "quote has no English translation"))
    return problems


def normalise(text):
    """Fold what PDF conversion changes: line breaks, hyphenation at line ends, runs of spaces.

    Hyphens are dropped altogether, so “para-diplomatie” matches “para-\ndiplomatie” and
    “incondi-\ntionnel” matches “inconditionnel”; everything else must match exactly.
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"-[ \t]*\n\s*", "", text).replace("-", "").replace("\u00ad", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def quote_problems(sources_dir):
    problems = []
    texts = {}
    for source in content_model("sources.source")._default_manager.all():
        if not source.file_name:
            continue
        path = sources_dir / source.file_name
        if not path.exists():
            problems.append(Problem(label_of(source), f"source text {path} not found"))
            continue
        texts[source.pk] = normalise(path.read_text(encoding="utf-8"))
    Citation = content_model("sources.citation")
    quoted = [(c, f"citation {c.pk} of {label_of(c.target)}") for c in Citation.objects.with_targets()]
    for label in SELF_SOURCED_MODELS:
        quoted += [
            (obj, label_of(obj)) for obj in content_model(label)._default_manager.select_related("source")
        ]
    for obj, where in quoted:
        text = texts.get(obj.source_id)
        quote = normalise(obj.quote)
        if text is None or not quote:
            continue
        if quote not in text:
            problems.append(Problem(where, f"quote not found in {obj.source.file_name}: «{obj.quote[:80]}»"))
    return problems


def counts_table():
    """The number of records per kind, as a Markdown table (English labels, stable order)."""
    with translation.override("en"):
        rows = ["| kind | records |", "|---|---:|"]
        for label in CONTENT_MODELS:
            if label == "sources.slugredirect":
                continue
            model = content_model(label)
            rows.append(f"| {model._meta.verbose_name_plural} | {model._default_manager.count()} |")
        disputed = content_model("sources.claim")._default_manager.filter(disputed=True).count()
        rows.append(f"| claims marked disputed | {disputed} |")
    return "\n".join(rows)


def is_content_model(model):
    return (
        isinstance(model, type)
        and issubclass(model, models.Model)
        and model._meta.label_lower in CONTENT_MODELS
    )
