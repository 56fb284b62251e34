"""What every fact rests on: the source documents, citations and dated claims, and the slug
history that lets renamed records redirect."""

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from records.kinds import CITABLE, CLAIMABLE
from records.models import (
    ExclusiveArc,
    Language,
    PlainText,
    Record,
    RecordQuerySet,
    SlugManager,
    foreign_keys_to,
    without_drafts_in,
    year_field,
)


class SourceQuerySet(RecordQuerySet):
    def for_detail(self):
        """With every citation of a published record in the source, and the record each one cites."""
        citations = Citation.objects.public().with_targets()
        return self.prefetch_related(models.Prefetch("citations", queryset=citations))


class Source(Record):
    """A bibliographic record of one source document."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("journal article")
        WORKING_PAPER = "working-paper", _("working paper")
        BACKGROUND_PAPER = "background-paper", _("background paper")
        GUIDE = "guide", _("guide")
        REPORT = "report", _("meeting report")
        OTHER = "other", _("other")

    title = models.CharField(_("title (original language)"), max_length=400)
    title_translated = models.CharField(_("title (translation)"), max_length=400, blank=True)
    authors = models.CharField(_("authors"), max_length=400)
    year = year_field(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    series = models.CharField(_("series"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    identifier = models.CharField(
        _("identifier"), max_length=200, blank=True, help_text=_("HAL id, DOI, ISSN…")
    )
    url = models.URLField(_("URL"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language, default=Language.FRENCH)
    description = models.TextField(_("description"), blank=True)
    file_name = models.CharField(
        _("file name of the source text"),
        max_length=200,
        blank=True,
        help_text=_("Name of the plain-text copy of the document, used to verify quotes."),
    )

    objects = SlugManager.from_queryset(SourceQuerySet)()

    class Meta:
        ordering = ["year", "slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1800), name="source_year_valid"
            ),
        ]

    def __str__(self):
        return f"{self.authors} ({self.year or 's.d.'}) — {self.title}"

    def get_absolute_url(self):
        return reverse("sources:source-detail", kwargs={"slug": self.slug})


class Sourced(PlainText):
    """A source, a locator in it and a short verbatim quote, with its translation."""

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="+")
    locator = models.CharField(
        _("locator"),
        max_length=160,
        help_text=_(
            "The section of the document, e.g. « Fiche 1 (Riace), « En bref » »: the documents are kept as "
            "text without page numbers. The section's own title stays in the document's language."
        ),
    )
    quote = models.TextField(
        _("verbatim quote"), help_text=_("Short, verbatim, in the language it is printed in.")
    )
    quote_language = models.CharField(
        _("language of the quote"),
        max_length=2,
        choices=Language,
        default=Language.FRENCH,
        help_text=_("The language the quote is printed in (some of the documents quote English passages)."),
    )
    quote_translation = models.TextField(
        _("quote translation"),
        blank=True,
        help_text=_(
            "The editors' translation of the quote into the other language (English for a French quote)."
        ),
    )

    class Meta:
        abstract = True

    @property
    def translation_language(self):
        """The language of `quote_translation`: the other of the two."""
        return Language.ENGLISH if self.quote_language == Language.FRENCH else Language.FRENCH


# The record a citation cites, and the subject of a claim: one foreign key per kind (records.kinds).
CITED = ExclusiveArc([kind.arc_field for kind in CITABLE], "citation_cites_exactly_one_record")
SUBJECT = ExclusiveArc([kind.arc_field for kind in CLAIMABLE], "claim_has_exactly_one_subject")


class CitationQuerySet(models.QuerySet):
    def public(self):
        """Citations of published records only (a source's page lists what cites it)."""
        return without_drafts_in(self, CITED.fields)

    def with_targets(self):
        return self.select_related("source", *CITED.fields)

    def for_listing(self):
        """The citations resource: every citation of a published record, with the source and the
        record's slug as `record_slug` (one indexed subquery per kind, as ClaimQuerySet.for_listing)."""
        slugs = [
            Subquery(kind.model._base_manager.filter(pk=OuterRef(f"{kind.arc_field}_id")).values("slug")[:1])
            for kind in CITABLE
        ]
        return self.public().select_related("source").annotate(record_slug=Coalesce(*slugs)).order_by("pk")


class Citation(Sourced, foreign_keys_to(CITABLE, "citations")):
    """Attaches a source (locator + verbatim quote) to exactly one record of any kind."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations"
    )
    field = models.CharField(
        _("field supported"),
        max_length=60,
        blank=True,
        help_text=_(
            "The record's field whose value the quote states (e.g. founded_year); "
            "blank when the quote supports the record as a whole."
        ),
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["source__year", "source__slug", "locator", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [CITED.constraint()]

    def __str__(self):
        return f"{self.source.slug}, {self.locator}"

    @property
    def target(self):
        return CITED.value_of(self)


class ClaimQuerySet(RecordQuerySet):
    def published(self):
        """A claim is public only if it and its subject are published."""
        return super().published().without_drafts_in(*SUBJECT.fields)

    def for_listing(self):
        """With the source, and the subject's slug as `subject_slug`.

        A join per possible subject (nine LEFT JOINs) made PostgreSQL spend 40 ms planning each list
        query; one indexed subquery per subject, of which COALESCE evaluates until one answers, is
        planned in well under a millisecond."""
        slugs = [
            Subquery(kind.model._base_manager.filter(pk=OuterRef(f"{kind.arc_field}_id")).values("slug")[:1])
            for kind in CLAIMABLE
        ]
        return self.select_related("source").annotate(subject_slug=Coalesce(*slugs))


class Claim(Record, Sourced, foreign_keys_to(CLAIMABLE, "claims")):
    """A dated, sourced value for a fact that changes or that sources dispute.

    Two sources that disagree give two claims with the same subject and kind, both shown.
    """

    class Kind(models.TextChoices):
        FOUNDING_YEAR = "founding-year", _("founding year")
        FOUNDERS = "founders", _("founders")
        MEMBER_COUNT = "member-count", _("number of members")
        POPULATION = "population", _("population")
        MIGRANT_COUNT = "migrant-count", _("number of migrants")
        DATE = "date", _("date")
        NAME = "name", _("name or spelling")
        FIGURE = "figure", _("other figure")
        OTHER = "other", _("other fact")

    kind = models.CharField(_("kind of fact"), max_length=20, choices=Kind, db_index=True)
    value = models.CharField(_("value"), max_length=300, help_text=_("As the source gives it, e.g. “2018”."))
    value_number = models.DecimalField(
        _("numeric value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    as_of_year = year_field(_("as of year"))
    field = models.CharField(
        _("field it bears on"),
        max_length=60,
        blank=True,
        db_index=True,
        help_text=_(
            "The subject's field whose value the claim gives (founded_year, name, year, population, "
            "members_reported); blank for a fact the record has no field for. A disputed claim puts its "
            "field in the record's disputed_fields."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    disputed = models.BooleanField(
        _("disputed"), default=False, help_text=_("Another source (or the same one) gives a different value.")
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="claims"
    )

    objects = SlugManager.from_queryset(ClaimQuerySet)()

    class Meta:
        ordering = ["kind", "as_of_year", "slug"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [SUBJECT.constraint()]

    def __str__(self):
        return f"{self.subject}: {self.get_kind_display()} = {self.value} ({self.source.slug})"

    def get_absolute_url(self):
        return self.subject_url() + f"#claim-{self.slug}"

    def subject_url(self):
        slug = getattr(self, "subject_slug", None)  # annotated by ClaimQuerySet.for_listing
        if slug is None:
            return self.subject.get_absolute_url()
        # Every subject's page URL is made from its slug alone: no need to read the subject.
        return self._meta.get_field(SUBJECT.field_of(self)).related_model(slug=slug).get_absolute_url()

    @property
    def subject(self):
        return SUBJECT.value_of(self)


def citations_prefetch():
    """A record's citations with their sources: what every detail page and API detail shows."""
    return models.Prefetch("citations", queryset=Citation.objects.select_related("source"))


def claims_prefetch():
    """A record's published claims with their sources."""
    return models.Prefetch("claims", queryset=Claim.objects.published().select_related("source"))


def disputed_claims_prefetch():
    """A list's records with their published disputed claims as `disputed_claims` (the field each
    bears on is all a list shows of them): one query per page, whatever its length."""
    claims = Claim.objects.published().filter(disputed=True).only("field", *SUBJECT.fields)
    return models.Prefetch("claims", queryset=claims, to_attr="disputed_claims")


def disputed_fields_of(record):
    """The fields of the record on which its published claims disagree: those of its disputed claims."""
    claims = getattr(record, "disputed_claims", None)
    if claims is None:  # a detail: every published claim is prefetched (claims_prefetch)
        claims = [claim for claim in record.claims.all() if claim.disputed]
    return sorted({claim.field for claim in claims if claim.field})


def with_disputed_claims(queryset, value):
    """The records with (`value` True) or without a published disputed claim about them."""
    arc = queryset.model._meta.model_name  # Kind.arc_field: the foreign key named after the model
    disputed = Claim.objects.published().filter(disputed=True, **{arc: OuterRef("pk")})
    return queryset.filter(Exists(disputed)) if value else queryset.exclude(Exists(disputed))


class SlugRedirect(models.Model):
    """An old slug of a renamed record, so its former URLs keep working."""

    model = models.CharField(_("model"), max_length=60, help_text=_("app_label.modelname"))
    old_slug = models.SlugField(_("old slug"), max_length=120)
    new_slug = models.SlugField(_("new slug"), max_length=120)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("slug redirect")
        verbose_name_plural = _("slug redirects")
        constraints = [
            models.UniqueConstraint(fields=["model", "old_slug"], name="unique_old_slug_per_model")
        ]

    def __str__(self):
        return f"{self.model}: {self.old_slug} → {self.new_slug}"
