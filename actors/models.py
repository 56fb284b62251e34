"""Who and where: places, organisations, people and their dated roles."""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from networks.models import memberships_prefetch
from records.models import (
    PUBLISHED,
    Record,
    RecordQuerySet,
    Searchable,
    SlugManager,
    without_drafts_in,
    year_field,
)
from records.record_urls import record_url
from sources.models import Sourced, citations_prefetch, claims_prefetch


class PlaceQuerySet(RecordQuerySet):
    def for_listing(self):
        return self.select_related("parent")

    def for_detail(self):
        """What a place's page and its API detail both show: parent, places within, networks
        (memberships), citations and claims. The page adds its people, practices and events, which
        the API does not show."""
        return self.for_listing().prefetch_related(
            "children", memberships_prefetch(), citations_prefetch(), claims_prefetch()
        )

    def for_comparison(self):
        """What the comparison of places (page and API) shows of each place, in seven queries however
        many places: networks (memberships), fiches, events hosted, declarations adopted, people's
        roles (a person in preparation left out) and published claims, each with what it names."""
        roles = Role.objects.select_related("person", "source")
        roles = Prefetch("roles", queryset=without_drafts_in(roles, ["person"]))
        return self.for_listing().prefetch_related(
            memberships_prefetch(), "practices", "events", "adopted_declarations", roles, claims_prefetch()
        )


class Place(Record, Searchable):
    search_fields = ("name_fr", "name_en", "slug", "description_fr", "description_en")

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        TOWN = "town", _("town")
        VILLAGE = "village", _("village")
        ARRONDISSEMENT = "arrondissement", _("arrondissement")
        DISTRICT = "district", _("district")
        METROPOLIS = "metropolis", _("metropolitan area")
        DEPARTMENT = "department", _("department")
        REGION = "region", _("region")
        PROVINCE = "province", _("province")
        STATE = "state", _("state")
        COUNTRY = "country", _("country")

    class SizeBand(models.TextChoices):
        SMALL = "small", _("under 10,000 inhabitants")
        MEDIUM = "medium", _("10,000 to 100,000 inhabitants")
        LARGE = "large", _("100,000 to 1 million inhabitants")
        VERY_LARGE = "very-large", _("over 1 million inhabitants")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CITY)
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2, db_index=True)
    parent = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent place"),
    )
    description = models.TextField(_("description"), blank=True)
    # A population only where it is certain: given by a source (and then also a cited claim) or by
    # a statistical office, always with its year and where it comes from.
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = year_field(_("population year"))
    population_source = models.CharField(
        _("population source"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where the figure comes from, e.g. “INSEE, 2021” or the source document and its section."
        ),
    )
    # The size band: computed from the population when there is one, otherwise the editors' estimate
    # (left blank where the editors are not sure of it).
    size_band = models.CharField(_("size band"), max_length=12, choices=SizeBand, blank=True, db_index=True)
    # Editors' reference data (not from the sources): coordinates, country code and an estimated size
    # band, as checked in this year; labelled as such wherever shown.
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    reference_year = year_field(
        _("year of the reference data"),
        help_text=_(
            "Editors' reference data (coordinates, country code, estimated size band) as of this year."
        ),
    )

    objects = SlugManager.from_queryset(PlaceQuerySet)()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_valid",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_valid",
            ),
            models.CheckConstraint(
                condition=Q(population__isnull=True)
                | Q(population_year__isnull=False) & ~Q(population_source=""),
                name="place_population_has_year",
            ),
            # A population's band is computed from it; only a band without a population is an estimate.
            models.CheckConstraint(
                condition=Q(population__isnull=True)
                | Q(population__lt=10_000, size_band="small")
                | Q(population__gte=10_000, population__lt=100_000, size_band="medium")
                | Q(population__gte=100_000, population__lt=1_000_000, size_band="large")
                | Q(population__gte=1_000_000, size_band="very-large"),
                name="place_size_band_follows_population",
            ),
            # Reference data carry the year they were checked in.
            models.CheckConstraint(
                condition=Q(reference_year__isnull=False)
                | Q(latitude__isnull=True, longitude__isnull=True)
                & (Q(size_band="") | Q(population__isnull=False)),
                name="place_reference_data_has_year",
            ),
        ]
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(fields=["name_fr", "slug"], name="place_listing_fr", condition=PUBLISHED),
            models.Index(fields=["name_en", "slug"], name="place_listing_en", condition=PUBLISHED),
            models.Index(
                fields=["country", "kind", "size_band", "id"], name="place_facets", condition=PUBLISHED
            ),
            # The places with a size band: the fiche list's size facet starts from them.
            models.Index(fields=["size_band"], name="place_size_band", condition=~Q(size_band="")),
        ]

    def get_absolute_url(self):
        return record_url("actors:place-detail", self.slug)

    @classmethod
    def band_of(cls, population):
        if population is None:
            return ""
        if population < 10_000:
            return cls.SizeBand.SMALL
        if population < 100_000:
            return cls.SizeBand.MEDIUM
        if population < 1_000_000:
            return cls.SizeBand.LARGE
        return cls.SizeBand.VERY_LARGE

    @property
    def size_is_estimate(self):
        """The size band is the editors' estimate (no certain population behind it)."""
        return bool(self.size_band) and self.population is None

    def save(self, *args, **kwargs):
        if self.population is not None:
            self.size_band = self.band_of(self.population)
        super().save(*args, **kwargs)


class OrganisationQuerySet(RecordQuerySet):
    def for_detail(self):
        """What an organisation's page and its API detail both show: networks (memberships),
        citations and claims. The page adds the networks it supports, its forums, events and
        practices, which the API does not show."""
        return self.prefetch_related(memberships_prefetch(), citations_prefetch(), claims_prefetch())


class Organisation(Record, Searchable):
    search_fields = ("name_fr", "name_en", "acronym", "slug", "description_fr", "description_en")

    class Kind(models.TextChoices):
        INTERGOVERNMENTAL = "intergovernmental", _("intergovernmental organisation")
        UN_AGENCY = "un-agency", _("UN agency or programme")
        GOVERNMENT = "government", _("national government or ministry")
        LOCAL_AUTHORITY = "local-authority", _("local authority body")
        NGO = "ngo", _("NGO or association")
        FOUNDATION = "foundation", _("foundation or donor")
        RESEARCH = "research", _("research institute or university")
        PARTY = "party", _("political party")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2, blank=True, db_index=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = SlugManager.from_queryset(OrganisationQuerySet)()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(fields=["name_fr", "slug"], name="organisation_listing_fr", condition=PUBLISHED),
            models.Index(fields=["name_en", "slug"], name="organisation_listing_en", condition=PUBLISHED),
            models.Index(fields=["kind", "country", "id"], name="organisation_facets", condition=PUBLISHED),
        ]

    def get_absolute_url(self):
        return record_url("actors:organisation-detail", self.slug)


class PersonQuerySet(RecordQuerySet):
    def for_listing(self):
        return self.prefetch_related("roles__place", "roles__organisation", "roles__network")

    def for_detail(self):
        """What a person's page and its API detail both show: the roles with where each was held and
        its source, citations and claims. The page adds the person's practices, which the API does
        not show. (Not built on `for_listing`: its `roles` prefetch is a different one.)"""
        roles = Prefetch(
            "roles", queryset=Role.objects.select_related("place", "organisation", "network", "source")
        )
        return self.prefetch_related(roles, citations_prefetch(), claims_prefetch())


class Person(Record, Searchable):
    search_fields = ("name", "slug", "description_fr", "description_en")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    objects = SlugManager.from_queryset(PersonQuerySet)()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(fields=["name", "slug"], name="person_listing", condition=PUBLISHED),
        ]

    def get_absolute_url(self):
        return record_url("actors:person-detail", self.slug)


class Role(Sourced):
    """A dated role of a person: mayor of X, chair of network Y, director of Z."""

    person = models.ForeignKey(Person, models.CASCADE, related_name="roles", verbose_name=_("person"))
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. “maire”, “adjoint au maire”."))
    place = models.ForeignKey(Place, models.CASCADE, null=True, blank=True, related_name="roles")
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, null=True, blank=True, related_name="roles"
    )
    network = models.ForeignKey(
        "networks.Network", models.CASCADE, null=True, blank=True, related_name="roles"
    )
    start_year = year_field(_("from"))
    end_year = year_field(_("to"))
    source = models.ForeignKey(
        "sources.Source", verbose_name=_("source"), on_delete=models.PROTECT, related_name="roles"
    )

    class Meta:
        ordering = ["person", "start_year", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(start_year__lte=models.F("end_year")),
                name="role_years_in_order",
            ),
        ]

    def __str__(self):
        where = self.place or self.organisation or self.network
        return f"{self.person}: {self.title}" + (f" ({where})" if where else "")
