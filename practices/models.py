"""What cities do: good-practice fiches and the themes that classify them."""

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from records.models import PUBLISHED, PlainText, Record, RecordQuerySet, Searchable, SlugManager, year_field
from records.record_urls import record_url
from sources.models import Sourced, citations_prefetch, claims_prefetch


class Theme(Record):
    """A controlled vocabulary entry: housing, identity documents, participation…"""

    name = models.CharField(_("label"), max_length=120)
    description = models.CharField(_("description"), max_length=400)

    objects = SlugManager.from_queryset(RecordQuerySet)()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def get_absolute_url(self):
        return reverse("practices:practice-list") + f"?theme={self.slug}"


class PracticeQuerySet(RecordQuerySet):
    def for_listing(self):
        return self.prefetch_related("places", "themes")

    def for_detail(self):
        """The whole fiche: its figures and quotes with their sources, its links, the networks,
        organisations and people involved, citations and claims; the page and the API show the same."""
        return self.for_listing().prefetch_related(
            "networks",
            "organisations",
            "people",
            "further_reading",
            Prefetch("key_figures", queryset=KeyFigure.objects.select_related("source")),
            Prefetch("quotes", queryset=PracticeQuote.objects.select_related("source", "speaker")),
            citations_prefetch(),
            claims_prefetch(),
        )

    def for_brief(self):
        """What a council brief sets out of each fiche: its places, key figures with their sources and
        citations with theirs (a fixed number of queries, whatever the number of fiches)."""
        return self.prefetch_related(
            "places",
            Prefetch("key_figures", queryset=KeyFigure.objects.select_related("source")),
            citations_prefetch(),
        )


class Practice(Record, Searchable):
    """A good-practice fiche."""

    search_fields = ("title_fr", "title_en", "slug", "summary_fr", "summary_en", "steps_fr", "steps_en")

    class Status(models.TextChoices):
        ONGOING = "ongoing", _("ongoing")
        ENDED = "ended", _("ended")
        SUSPENDED = "suspended", _("suspended")
        CONTESTED = "contested", _("contested")
        UNKNOWN = "unknown", _("not stated")

    class Family(models.TextChoices):
        # The two sections of the OCU guide.
        PLACE_OF_MIGRANTS = "place-of-migrants", _("rethinking the place of migrants in city life")
        CIVIL_SOCIETY = "civil-society", _("joint action with civil society")
        NONE = "", _("outside the guide's two families")

    number = models.PositiveSmallIntegerField(
        _("number in the OCU guide"),
        null=True,
        blank=True,
        unique=True,
        help_text=_("1–10 for the ten fiches of the OCU guide."),
    )
    title = models.CharField(_("title"), max_length=300)
    places = models.ManyToManyField(
        "actors.Place", blank=True, related_name="practices", verbose_name=_("places")
    )
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2, blank=True, db_index=True)
    period_start = year_field(_("started"))
    period_end = year_field(_("ended"))
    period_note = models.CharField(
        _("period"), max_length=200, blank=True, help_text=_("As the source words it.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.UNKNOWN, db_index=True
    )
    status_as_of = year_field(_("status as of"), help_text=_("The year of the source that gives the status."))
    family = models.CharField(_("family"), max_length=20, choices=Family, blank=True, db_index=True)
    summary = models.TextField(_("in brief"))
    context = models.TextField(_("context"), blank=True)
    steps = models.TextField(_("how? (steps taken)"), blank=True, help_text=_("One step per paragraph."))
    outcome = models.TextField(_("outcome"), blank=True)
    takeaways = models.TextField(_("takeaways"), blank=True, help_text=_("One takeaway per paragraph."))
    themes = models.ManyToManyField(Theme, related_name="practices", verbose_name=_("themes"))
    networks = models.ManyToManyField("networks.Network", blank=True, related_name="practices")
    organisations = models.ManyToManyField("actors.Organisation", blank=True, related_name="practices")
    people = models.ManyToManyField("actors.Person", blank=True, related_name="practices")

    objects = SlugManager.from_queryset(PracticeQuerySet)()

    class Meta:
        ordering = ["number", "title", "slug"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=models.F("period_end")),
                name="practice_period_in_order",
            ),
        ]
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(
                fields=["number", "title_fr", "slug"], name="practice_listing_fr", condition=PUBLISHED
            ),
            models.Index(
                fields=["number", "title_en", "slug"], name="practice_listing_en", condition=PUBLISHED
            ),
            models.Index(
                fields=["country", "family", "status", "id"], name="practice_facets", condition=PUBLISHED
            ),
        ]

    def get_absolute_url(self):
        return record_url("practices:practice-detail", self.slug)


class KeyFigure(PlainText):
    """A figure set out on a fiche: value + label (“450 habitants”)."""

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="key_figures")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    value = models.CharField(_("value"), max_length=60, help_text=_("As printed, e.g. “1,2 million”."))
    label = models.CharField(_("label"), max_length=300)
    source = models.ForeignKey("sources.Source", models.PROTECT, related_name="key_figures")
    locator = models.CharField(_("locator"), max_length=160, help_text=_("The section of the document."))

    class Meta:
        ordering = ["practice", "order", "pk"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self):
        return f"{self.value} {self.label}"


class PracticeQuote(Sourced):
    """A quote of a mayor or an actor about the practice, verbatim with its translation."""

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="quotes")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    speaker = models.ForeignKey(
        "actors.Person", models.SET_NULL, null=True, blank=True, related_name="quotes"
    )
    speaker_label = models.CharField(
        _("speaker"), max_length=300, help_text=_("Who speaks, as the source introduces them.")
    )
    source = models.ForeignKey("sources.Source", models.PROTECT, related_name="practice_quotes")

    class Meta:
        ordering = ["practice", "order", "pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self):
        return f"{self.speaker_label}: {self.quote[:60]}"


class FurtherReading(PlainText):
    """A “Pour aller plus loin” link."""

    practice = models.ForeignKey(Practice, models.CASCADE, related_name="further_reading")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=400)
    url = models.URLField(_("URL"), max_length=600)

    class Meta:
        ordering = ["practice", "order", "pk"]
        verbose_name = _("further reading")
        verbose_name_plural = _("further reading")

    def __str__(self):
        return self.label
