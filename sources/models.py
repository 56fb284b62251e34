"""What every fact rests on: the source documents, citations, dated claims.

Also home of the `Record` base shared by every published model (stable slug, publication flag,
original language) and of the slug history that lets renamed records redirect.
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

YEAR_VALIDATORS = [MinValueValidator(1800), MaxValueValidator(2100)]
# The condition of partial indexes over what the site shows (RecordQuerySet.published).
PUBLISHED = Q(is_published=True)


def year_field(verbose_name, **kwargs):
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, validators=YEAR_VALIDATORS, **kwargs
    )


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class RecordQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_listing(self):
        return self


class SlugManager(models.Manager):
    """Natural key = slug, so fixtures reference records by their readable identifier.

    A searchable record's stored search vector is never read back by the site, so it is deferred:
    list pages and the API do not carry it from the database.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        if issubclass(self.model, Searchable):
            queryset = queryset.defer("search_vector")
        return queryset

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Record(models.Model):
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
    """A record the site's search finds (sources/search.py).

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
        help_text=_("Name of the plain-text file in the seeds folder, used to verify quotes."),
    )

    objects = SlugManager.from_queryset(RecordQuerySet)()

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
        from django.urls import reverse

        return reverse("sources:source-detail", kwargs={"slug": self.slug})


class Sourced(models.Model):
    """A source, a locator in it and a short verbatim quote, with its translation."""

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="+")
    locator = models.CharField(_("locator"), max_length=120, help_text=_("Page or section, e.g. “p. 12”."))
    quote = models.TextField(_("verbatim quote"), help_text=_("Short, verbatim, in the source's language."))
    quote_translation = models.TextField(
        _("quote translation"), blank=True, help_text=_("The editors' English translation of the quote.")
    )

    class Meta:
        abstract = True


CITABLE_MODELS = {
    # field name on Citation -> "app_label.ModelName"
    "place": "actors.Place",
    "organisation": "actors.Organisation",
    "person": "actors.Person",
    "network": "networks.Network",
    "membership": "networks.Membership",
    "forum": "networks.Forum",
    "event": "networks.Event",
    "declaration": "networks.Declaration",
    "practice": "practices.Practice",
}


def exactly_one_of(fields, name):
    """A CheckConstraint: exactly one of these nullable foreign keys is set."""
    options = [
        Q(**{f"{field}__isnull": False}, **{f"{other}__isnull": True for other in fields if other != field})
        for field in fields
    ]
    condition = options[0]
    for option in options[1:]:
        condition |= option
    return models.CheckConstraint(condition=condition, name=name)


class CitationQuerySet(models.QuerySet):
    def with_targets(self):
        return self.select_related("source", *CITABLE_MODELS)


class Citation(Sourced):
    """Attaches a source (locator + verbatim quote) to exactly one record of any kind."""

    place = models.ForeignKey("actors.Place", models.CASCADE, null=True, blank=True, related_name="citations")
    organisation = models.ForeignKey(
        "actors.Organisation", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    person = models.ForeignKey(
        "actors.Person", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    network = models.ForeignKey(
        "networks.Network", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    membership = models.ForeignKey(
        "networks.Membership", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    forum = models.ForeignKey(
        "networks.Forum", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    event = models.ForeignKey(
        "networks.Event", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    declaration = models.ForeignKey(
        "networks.Declaration", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    practice = models.ForeignKey(
        "practices.Practice", models.CASCADE, null=True, blank=True, related_name="citations"
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations"
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["source__year", "source__slug", "locator", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [exactly_one_of(list(CITABLE_MODELS), "citation_cites_exactly_one_record")]

    def __str__(self):
        return f"{self.source.slug}, {self.locator}"

    @property
    def target(self):
        for field in CITABLE_MODELS:
            value = getattr(self, field)
            if value is not None:
                return value
        return None


CLAIM_SUBJECTS = {
    "network": "networks.Network",
    "place": "actors.Place",
    "organisation": "actors.Organisation",
    "person": "actors.Person",
    "forum": "networks.Forum",
    "event": "networks.Event",
    "declaration": "networks.Declaration",
    "practice": "practices.Practice",
}


class ClaimQuerySet(RecordQuerySet):
    def for_listing(self):
        """With the source, and the subject's slug as `subject_slug`.

        A join per possible subject (nine LEFT JOINs) made PostgreSQL spend 40 ms planning each list
        query; one indexed subquery per subject, of which COALESCE evaluates until one answers, is
        planned in well under a millisecond."""
        from django.apps import apps
        from django.db.models import OuterRef, Subquery
        from django.db.models.functions import Coalesce

        slugs = [
            Subquery(apps.get_model(label)._base_manager.filter(pk=OuterRef(f"{name}_id")).values("slug")[:1])
            for name, label in CLAIM_SUBJECTS.items()
        ]
        return self.select_related("source").annotate(subject_slug=Coalesce(*slugs))


class Claim(Record):
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

    network = models.ForeignKey(
        "networks.Network", models.CASCADE, null=True, blank=True, related_name="claims"
    )
    place = models.ForeignKey("actors.Place", models.CASCADE, null=True, blank=True, related_name="claims")
    organisation = models.ForeignKey(
        "actors.Organisation", models.CASCADE, null=True, blank=True, related_name="claims"
    )
    person = models.ForeignKey("actors.Person", models.CASCADE, null=True, blank=True, related_name="claims")
    forum = models.ForeignKey("networks.Forum", models.CASCADE, null=True, blank=True, related_name="claims")
    event = models.ForeignKey("networks.Event", models.CASCADE, null=True, blank=True, related_name="claims")
    declaration = models.ForeignKey(
        "networks.Declaration", models.CASCADE, null=True, blank=True, related_name="claims"
    )
    practice = models.ForeignKey(
        "practices.Practice", models.CASCADE, null=True, blank=True, related_name="claims"
    )

    kind = models.CharField(_("kind of fact"), max_length=20, choices=Kind, db_index=True)
    value = models.CharField(_("value"), max_length=300, help_text=_("As the source gives it, e.g. “2018”."))
    value_number = models.DecimalField(
        _("numeric value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    as_of_year = year_field(_("as of year"))
    note = models.TextField(_("note"), blank=True)
    disputed = models.BooleanField(
        _("disputed"), default=False, help_text=_("Another source (or the same one) gives a different value.")
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="claims"
    )
    locator = models.CharField(_("locator"), max_length=120)
    quote = models.TextField(_("verbatim quote"))
    quote_translation = models.TextField(_("quote translation"), blank=True)

    objects = SlugManager.from_queryset(ClaimQuerySet)()

    class Meta:
        ordering = ["kind", "as_of_year", "slug"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [exactly_one_of(list(CLAIM_SUBJECTS), "claim_has_exactly_one_subject")]

    def __str__(self):
        return f"{self.subject}: {self.get_kind_display()} = {self.value} ({self.source.slug})"

    def get_absolute_url(self):
        return self.subject_url() + f"#claim-{self.slug}"

    def subject_url(self):
        slug = getattr(self, "subject_slug", None)  # annotated by ClaimQuerySet.for_listing
        if slug is None:
            return self.subject.get_absolute_url()
        # Every subject's page URL is made from its slug alone: no need to read the subject.
        kind = next(field for field in CLAIM_SUBJECTS if getattr(self, f"{field}_id"))
        return self._meta.get_field(kind).related_model(slug=slug).get_absolute_url()

    @property
    def subject(self):
        for field in CLAIM_SUBJECTS:
            value = getattr(self, field)
            if value is not None:
                return value
        return None


def citations_prefetch():
    """A record's citations with their sources: what every detail page and API detail shows."""
    return models.Prefetch("citations", queryset=Citation.objects.select_related("source"))


def claims_prefetch():
    """A record's published claims with their sources."""
    return models.Prefetch("claims", queryset=Claim.objects.published().select_related("source"))


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


class ContentVersion(models.Model):
    """One row whose number changes whenever any content changes: the key of every cached page."""

    value = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"v{self.value} ({self.changed_at:%Y-%m-%d %H:%M})"
