"""The base every content model builds on: a record with a stable slug, its QuerySet and manager,
searchable records, exclusive arcs of foreign keys, and the content version the caches key on."""

import re

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from records.visibility import is_public_reading

YEAR_VALIDATORS = [MinValueValidator(1800), MaxValueValidator(2100)]
# The condition of partial indexes over what the site shows (RecordQuerySet.published).
PUBLISHED = Q(is_published=True)


def year_field(verbose_name, **kwargs):
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, validators=YEAR_VALIDATORS, **kwargs
    )


# C0 control characters and DEL, except tab, line feed and carriage return (browsers send a
# textarea's lines with CR LF): no text here needs them, and one of them makes XML ill-formed.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text):
    return CONTROL_CHARACTERS.sub("", text) if isinstance(text, str) else text


class PlainText(models.Model):
    """Text fields without control characters: refused when a record is validated (the admin's
    forms and `load_content` both validate), with the field named."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self._meta.concrete_fields:
            if not isinstance(field, (models.CharField, models.TextField)) or field.name in (exclude or ()):
                continue
            found = CONTROL_CHARACTERS.search(getattr(self, field.attname) or "")
            if found:
                message = _("Control character U+%(code)04X is not allowed in a text.")
                errors.setdefault(field.name, []).append(
                    ValidationError(message, code="control_character", params={"code": ord(found.group())})
                )
        if errors:
            raise ValidationError(errors)


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


def is_record(model):
    """A record (with a publication flag); rows of other models are public with their owner."""
    return issubclass(model, Record)


def without_drafts_in(queryset, fields):
    """The rows none of whose foreign keys among `fields` points to an unpublished record.

    One anti-join per field on the few unpublished rows (`NOT IN (SELECT …)`), not a join per field:
    a claim or a citation has one foreign key per kind, and nine joins cost PostgreSQL 40 ms of
    planning (sources.models.ClaimQuerySet.for_listing)."""
    for name in fields:
        related = queryset.model._meta.get_field(name).related_model
        if is_record(related):
            queryset = queryset.exclude(**{f"{name}__in": not_public(related).values("pk")})
    return queryset


def not_public(model):
    """The rows of a record model the site does not show: unpublished ones, and for a model whose
    `published()` asks more (a membership of a draft), every row it leaves out."""
    if type(model.objects.all()).published is RecordQuerySet.published:
        return model._base_manager.filter(is_published=False)
    return model._base_manager.exclude(pk__in=model.objects.published().values("pk"))


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def without_drafts_in(self, *fields):
        return without_drafts_in(self, fields)

    def for_listing(self):
        """What a list page and an API list show of each record, in a fixed number of queries."""
        return self

    def for_detail(self):
        """What a record's page and its API detail show, in a fixed number of queries."""
        return self.for_listing()


class SlugManager(models.Manager):
    """Natural key = slug, so fixtures reference records by their readable identifier.

    A searchable record's stored search vector is never read back by the site, so it is deferred:
    list pages and the API do not carry it from the database.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if issubclass(self.model, Searchable):
            queryset = queryset.defer("search_vector")
        if is_public_reading():  # a public request: drafts are not there (records/visibility.py)
            queryset = queryset.filter(is_published=True)
        return queryset

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Record(PlainText):
    """A published record of the knowledge base: one slug for both languages."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    is_published = models.BooleanField(_("published"), default=True)
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=Language,
        default=Language.FRENCH,
        help_text=_("Language of the source text; the other language is the editors' translation."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return str(getattr(self, "name", None) or getattr(self, "title", None) or self.slug)

    def natural_key(self):
        return (self.slug,)


class Searchable(models.Model):
    """A record the site's search finds (records/search.py).

    `search_fields` name the searched columns, the name or title first (the first three weigh most
    in the ranking). On PostgreSQL `search_vector` stores their full-text vector (French columns
    with the French configuration, English with the English one, accents folded), behind a GIN
    index; it is refreshed on every save and after bulk loads (`refresh_search_vectors`). SQLite
    leaves it empty and searches the columns themselves.
    """

    search_fields = ("slug",)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True


class ExclusiveArc:
    """Nullable foreign keys of which exactly one is set (a citation cites one record of any kind).

    The constraint, the "which one is set" lookup and the list of the fields are made here, once.
    """

    def __init__(self, fields, constraint_name):
        self.fields = list(fields)
        self.constraint_name = constraint_name

    def constraint(self):
        """A CheckConstraint: exactly one of the foreign keys is set."""
        options = [
            Q(
                **{f"{field}__isnull": False},
                **{f"{other}__isnull": True for other in self.fields if other != field},
            )
            for field in self.fields
        ]
        condition = options[0]
        for option in options[1:]:
            condition |= option
        return models.CheckConstraint(condition=condition, name=self.constraint_name)

    def field_of(self, instance):
        """The name of the foreign key that is set (read from its column: no query)."""
        return next((field for field in self.fields if getattr(instance, f"{field}_id") is not None), None)

    def value_of(self, instance):
        field = self.field_of(instance)
        return getattr(instance, field) if field else None


def foreign_keys_to(kinds, related_name):
    """An abstract model with one nullable foreign key to each kind, named by `Kind.arc_field`.

    Citation and Claim inherit theirs from it, so adding a kind to the registry adds the column
    (and its migration) without writing the field by hand."""
    fields = {
        kind.arc_field: models.ForeignKey(
            kind.label, models.CASCADE, null=True, blank=True, related_name=related_name
        )
        for kind in kinds
    }
    meta = type("Meta", (), {"abstract": True})
    name = f"ForeignKeysTo{related_name.title()}"
    return type(name, (models.Model,), {**fields, "Meta": meta, "__module__": __name__})


class ContentVersion(models.Model):
    """One row whose number changes whenever any content changes: the key of every cached page."""

    value = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "sources_contentversion"  # made by the sources app, before the base had its own
        verbose_name = _("content version")

    def __str__(self):
        return f"v{self.value} ({self.changed_at:%Y-%m-%d %H:%M})"
