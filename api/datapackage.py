"""The dump as a Frictionless Data Package: one CSV per kind of record and datapackage.json describing them.

Rows are what the dump holds (sources.export.export_queryset with `public=True`): published records,
the rows that hang on them only when every record they need is published, an optional reference to a
draft left empty. Every table is derived from the registry of kinds and the models' fields: a column
per field (translated fields as `name_fr`, `name_en`; a foreign key as the target's slug, in a column
named after the field), a link table per many-to-many field (`practice_themes.csv`: `practice`,
`theme`), and a Table Schema per table (types, `required`, vocabularies as `enum`, the slug as
primary key, foreign keys to the other tables' slugs), described in English from the models.

A build reads one query per table (a link table is its owner's prefetch), EXPORT_CHUNK rows at a
time, and one for the sources named in the package: about as long as the JSON export.
"""

import csv
import datetime
import json
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.text import capfirst

from records.kinds import KINDS
from records.models import is_record
from sources.export import EXPORT_CHUNK, export_queryset
from sources.load import COMPUTED_FIELDS, translated_fields
from sources.models import Source

# Old slugs that redirect: how the site keeps its URLs, not a fact about the networks.
LEFT_OUT = {"sources.slugredirect"}
# Every row of the package is published: the flag would be a column of `true`.
NOT_WRITTEN = {"is_published", *COMPUTED_FIELDS}
LANGUAGE_NAMES = {"fr": "French", "en": "English"}

TITLE = "Hospitable-city networks — knowledge base"
DESCRIPTION = (
    "The published records of a curated, bilingual (French first, English second) knowledge base about "
    "the networks that cities and local governments form around migration: networks and their typology, "
    "member places and organisations, people and their roles, good practices, forums, events and "
    "declarations, each fact cited from one of the source documents (citations, claims). Translated "
    "fields are in two columns (`_fr`, `_en`); English texts are the editors' translation. A reference "
    "to another record is its slug; a many-to-many link is a row of a link table."
)


def package_kinds():
    return [kind for kind in KINDS if kind.label not in LEFT_OUT]


def resource_name(kind):
    """The API's name for a kind it serves (`networks`), else its English plural (`key_figures`)."""
    if kind.api_path:
        return kind.api_path
    with translation.override("en"):
        return str(kind.model._meta.verbose_name_plural).replace(" ", "_")


def resource_names():
    return {kind.model: resource_name(kind) for kind in package_kinds()}


def columns(model):
    """The fields written as columns, in the model's order: every concrete field but the surrogate
    key, the bare field a translated one mirrors, and what every row shares or the site computes."""
    bare = translated_fields(model)
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name not in {*bare, *NOT_WRITTEN}
    ]


def link_columns(model, field):
    """The two columns of a many-to-many field's link table, named after the two models."""
    owner, target = model._meta.model_name, field.related_model._meta.model_name
    return (owner, target) if owner != target else (owner, field.name)


def field_type(field):
    if isinstance(field, models.BooleanField):
        return "boolean"
    if isinstance(field, models.DateTimeField):
        return "datetime"
    if isinstance(field, models.DateField):
        return "date"
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return "integer"
    if isinstance(field, (models.DecimalField, models.FloatField)):
        return "number"
    return "string"  # text, slugs, URLs, and a foreign key's slug


def field_description(field, names):
    """The field's verbose name and help text in sentences, with what a reference or a code means."""
    if field.name == "slug":
        return "The record's stable identifier, the same in both languages and in its URLs."
    original = getattr(field, "translated_field", None)  # name_fr → name (modeltranslation)
    name = capfirst(str((original or field).verbose_name))
    if original is not None:
        name += f", in {LANGUAGE_NAMES[field.language]}"
    if field.many_to_one:
        name += f": the slug of a record of `{names[field.related_model]}`"
    sentences = [name, str(field.help_text)]
    if field.choices:
        codes = "; ".join(f"{value or 'empty'}: {label}" for value, label in field.choices)
        sentences.append(f"One of {codes}")
    return " ".join(
        sentence if sentence[-1] in ".…" else f"{sentence}." for sentence in sentences if sentence
    )


def field_schema(field, names):
    """A Table Schema field. `required` is a value every row has: a CSV cell cannot tell an empty text
    from a missing one (both are "", the schema's missing value), so a text the model lets be blank
    is not required even when its column is NOT NULL."""
    schema = {"name": field.name, "type": field_type(field), "description": field_description(field, names)}
    constraints = {}
    if not field.blank:
        constraints["required"] = True
    if field.unique and not field.many_to_one:
        constraints["unique"] = True
    if field.choices:
        constraints["enum"] = [value for value, _label in field.choices]
    if isinstance(field, models.CharField) and not field.many_to_one and field.max_length:
        constraints["maxLength"] = field.max_length
    if isinstance(field, models.IntegerField):  # the tightest of its validators (years: 1800 to 2100)
        minimum = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
        maximum = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
        if minimum:
            constraints["minimum"] = max(minimum)
        if maximum:
            constraints["maximum"] = min(maximum)
    if constraints:
        schema["constraints"] = constraints
    return schema


def reference(field, names, model):
    """A Table Schema foreign key from the field's column to the target table's slug."""
    target = "" if field.related_model is model else names[field.related_model]  # "": the table itself
    return {"fields": [field.name], "reference": {"resource": target, "fields": ["slug"]}}


def doc(model):
    """The model's docstring, unless it is the one Django makes up ("Role(id, person, …)")."""
    text = model.__doc__ or ""
    return "" if text.startswith(f"{model.__name__}(") else " ".join(text.split())


def table(name, title, description, fields, primary_key, foreign_keys):
    resource = {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
    }
    if description:
        resource["description"] = description
    schema = {"fields": fields, "missingValues": [""]}
    if primary_key:
        schema["primaryKey"] = primary_key
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {**resource, "schema": schema}


def resources(kind, names):
    """The kind's table and its link tables, as Data Package resources."""
    model = kind.model
    fields = columns(model)
    keyed = any(field.name == "slug" for field in fields)
    yield table(
        names[model],
        capfirst(str(model._meta.verbose_name_plural)),
        doc(model),
        [field_schema(field, names) for field in fields],
        ["slug"] if keyed else None,
        [reference(field, names, model) for field in fields if field.many_to_one],
    )
    for field in model._meta.many_to_many:
        owner, target = link_columns(model, field)
        yield table(
            f"{model._meta.model_name}_{field.name}",
            f"{capfirst(str(model._meta.verbose_name_plural))}: {field.verbose_name}",
            f"One row per link: the {owner} and the {target}, by slug.",
            [
                {"name": owner, "type": "string", "constraints": {"required": True}},
                {"name": target, "type": "string", "constraints": {"required": True}},
            ],
            [owner, target],
            [
                {"fields": [column], "reference": {"resource": names[related], "fields": ["slug"]}}
                for column, related in [(owner, model), (target, field.related_model)]
            ],
        )


def utc(moment):
    """One format for every time, whatever its microseconds: a rebuild writes the same text."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def cell(record, field):
    """A field's value as CSV text: "" for none, a slug for a reference, `true`/`false`, UTC times."""
    if field.many_to_one:
        related = getattr(record, field.name)
        # An optional reference to a draft is left empty, as in the dump.
        if related is None or (is_record(field.related_model) and not related.is_published):
            return ""
        return related.slug
    value = getattr(record, field.attname)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return utc(value)
    return str(value)


def write_tables(directory, kind, names):
    """Write the kind's CSV and its link tables; the number of rows of each, by table name."""
    model = kind.model
    fields = columns(model)
    links = model._meta.many_to_many
    exported = [field.name for field in [*fields, *links]]
    tables = [names[model], *(f"{model._meta.model_name}_{field.name}" for field in links)]
    handles = [(directory / f"{name}.csv").open("w", encoding="utf-8", newline="") for name in tables]
    counts = dict.fromkeys(tables, 0)
    try:
        writers = [csv.writer(handle) for handle in handles]  # RFC 4180: CR LF, quotes doubled
        writers[0].writerow([field.name for field in fields])
        for field, writer in zip(links, writers[1:], strict=True):
            writer.writerow(link_columns(model, field))
        for record in export_queryset(model, exported, public=True).iterator(chunk_size=EXPORT_CHUNK):
            writers[0].writerow([cell(record, field) for field in fields])
            counts[tables[0]] += 1
            for field, writer, name in zip(links, writers[1:], tables[1:], strict=True):
                for slug in sorted(linked.slug for linked in getattr(record, field.name).all()):
                    writer.writerow([record.slug, slug])
                    counts[name] += 1
    finally:
        for handle in handles:
            handle.close()
    return counts


def package_sources():
    """The source documents every fact cites, as the package's `sources`."""
    listed = []
    for source in Source.objects.published().order_by("year", "slug"):
        entry = {"title": source.title, "authors": source.authors}
        if source.year:
            entry["year"] = source.year
        if source.url:
            entry["path"] = source.url
        listed.append(entry)
    return listed


def build_datapackage(directory, version, created=None):
    """Write datapackage.json and one CSV per table into `directory`; the files, datapackage.json first.

    `version` is the content version and `created` when that content last changed, so the same
    content gives the same files."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    names = resource_names()
    described, written = [], []
    with translation.override("en"):
        for kind in package_kinds():
            described += resources(kind, names)
            written += write_tables(directory, kind, names)
        package = {
            "profile": "tabular-data-package",
            "name": "hospitable-cities",
            "title": TITLE,
            "description": DESCRIPTION,
            "version": str(version),
            **({"created": utc(created)} if created else {}),
            "licenses": [
                {
                    "name": settings.KB_LICENCE_ID,
                    "path": settings.KB_LICENCE_URL,
                    "title": settings.KB_LICENCE,
                }
            ],
            "sources": package_sources(),
            "resources": described,
        }
    path = directory / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return [path, *(directory / f"{name}.csv" for name in written)]
