"""How cities organise: networks, memberships, forums and their events, declarations."""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from records.models import (
    PUBLISHED,
    ExclusiveArc,
    Record,
    RecordQuerySet,
    Searchable,
    SlugManager,
    year_field,
)
from records.record_urls import record_url
from sources.models import Claim, citations_prefetch, claims_prefetch

# A network's members as the sources name them (each member once, whatever its roles) and the size it
# reports (the claims whose field is `members_reported`): what the member lists cover.
MEMBERS_REPORTED = "members_reported"


class NetworkQuerySet(RecordQuerySet):
    def for_listing(self):
        return self.select_related("parent", "founded_place")

    def for_detail(self):
        """What a network's page and its API detail both show: parent, founding place, member
        networks, supporting organisations, the networks it belongs to, citations and claims.

        The page adds its forums, declarations and practices (the API does not show them) and
        reads its members in its own query, ordered by role; the API adds the `memberships`
        prefetch, in the memberships' own order."""
        return self.for_listing().prefetch_related(
            "supporters",
            "children",
            memberships_prefetch("network_memberships"),
            citations_prefetch(),
            claims_prefetch(),
        )

    def with_members_listed(self):
        """`members_listed`: how many members the sources name (each once, whatever its roles; partners,
        observers and secretariats are not members), in one subquery."""
        members = (
            Membership.objects.published()
            .filter(network=OuterRef("pk"), role__in=Membership.MEMBER_ROLES)
            .order_by()
            .values("network")
            .annotate(
                count=Count("place", distinct=True)
                + Count("organisation", distinct=True)
                + Count("member_network", distinct=True)
            )
            .values("count")
        )
        return self.annotate(members_listed=Coalesce(Subquery(members), 0))

    def with_coverage(self):
        """A list's coverage: `members_listed`, and the claims that report each network's size as
        `reported_claims` (one query for the page), which `Network.members_reported` reads."""
        reported = Claim.objects.published().filter(field=MEMBERS_REPORTED).select_related("source")
        return self.with_members_listed().prefetch_related(
            models.Prefetch("claims", queryset=reported, to_attr="reported_claims")
        )


class Network(Record, Searchable):
    """A network of cities or local governments, typed with Lacroix's typology (Lacroix, 2020).

    The 35 networks of Lacroix's table carry his coding (`in_typology_table`); any other network's
    coding is the editors' inference, explained in `typology_note`, and a dimension the sources do not
    support is left blank ("not determined"). Its members (memberships) are those the sources name, not
    a complete register; the size it reports is in its claims whose field is `members_reported`.
    """

    search_fields = ("name_fr", "name_en", "acronym", "slug", "summary_fr", "summary_en")

    class Scale(models.TextChoices):
        UNTYPED = "", _("not determined")
        NATIONAL = "national", _("national")
        TRANSNATIONAL = "transnational", _("transnational")

    class Origin(models.TextChoices):
        UNTYPED = "", _("not determined")
        SPONTANEOUS = "spontaneous", _("spontaneous")
        COOPTED = "co-opted", _("co-opted")

    class Scope(models.TextChoices):
        UNTYPED = "", _("not determined")
        SPECIALIST = "specialist", _("specialist (migration only)")
        GENERALIST = "generalist", _("generalist")

    class MembershipMode(models.TextChoices):
        UNKNOWN = "", _("not stated by the sources")
        CHARTER = "charter", _("charter voted by the council")
        DECLARATION = "declaration", _("declaration signed")
        CERTIFICATION = "certification", _("certification")
        APPLICATION = "application", _("application and admission")
        INVITATION = "invitation", _("selection or invitation")
        AUTOMATIC = "automatic", _("automatic (by statute)")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    scale = models.CharField(_("scale"), max_length=20, choices=Scale, blank=True, db_index=True)
    origin = models.CharField(_("origin"), max_length=20, choices=Origin, blank=True, db_index=True)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope, blank=True, db_index=True)
    in_typology_table = models.BooleanField(
        _("in Lacroix's typology table"),
        default=False,
        help_text=_(
            "One of the 35 networks of the table in Lacroix (2020); "
            "otherwise the typology is the editors' inference."
        ),
    )
    typology_note = models.TextField(
        _("typology note"),
        blank=True,
        help_text=_(
            "How the typology was assigned: the cell of Lacroix's table, or the passages an inference "
            "rests on, or why a dimension is not determined."
        ),
    )
    country = models.CharField(
        _("country (ISO 3166-1 alpha-2)"),
        max_length=2,
        blank=True,
        db_index=True,
        help_text=_("For national networks."),
    )
    founded_year = year_field(_("founding year"), db_index=True)
    founded_place = models.ForeignKey(
        "actors.Place",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="founded_networks",
        verbose_name=_("founding place"),
    )
    parent = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("umbrella or parent network"),
    )
    supporters = models.ManyToManyField(
        "actors.Organisation",
        blank=True,
        related_name="supported_networks",
        verbose_name=_("supporting organisations"),
    )
    membership_mode = models.CharField(
        _("membership mode"), max_length=20, choices=MembershipMode, blank=True
    )
    membership_note = models.TextField(_("membership note"), blank=True)
    summary = models.TextField(_("summary"))
    history = models.TextField(_("history"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)

    objects = SlugManager.from_queryset(NetworkQuerySet)()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            models.CheckConstraint(
                condition=Q(scale__in=["", "national", "transnational"]), name="network_scale_valid"
            ),
            models.CheckConstraint(
                condition=Q(origin__in=["", "spontaneous", "co-opted"]), name="network_origin_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=["", "specialist", "generalist"]), name="network_scope_valid"
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="network_not_its_own_parent"),
        ]
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(fields=["name_fr", "slug"], name="network_listing_fr", condition=PUBLISHED),
            models.Index(fields=["name_en", "slug"], name="network_listing_en", condition=PUBLISHED),
            models.Index(
                fields=["scale", "origin", "scope", "country", "founded_year", "id"],
                name="network_facets",
                condition=PUBLISHED,
            ),
        ]

    def get_absolute_url(self):
        return record_url("networks:network-detail", self.slug)

    @property
    def members_reported(self):
        """The claim that reports the network's size: the latest a source gives (the largest when one
        year has two, e.g. associations and cities), or None when no source gives one."""
        claims = getattr(self, "reported_claims", None)
        if claims is None:  # a detail: its published claims are prefetched (claims_prefetch)
            claims = [claim for claim in self.claims.all() if claim.field == MEMBERS_REPORTED]
        if not claims:
            return None
        return max(claims, key=lambda claim: (claim.as_of_year or 0, claim.value_number or 0, claim.slug))


# A membership's member: a place, an organisation or another network, exactly one of them.
MEMBER = ExclusiveArc(["place", "organisation", "member_network"], "membership_has_exactly_one_member")


class MembershipQuerySet(RecordQuerySet):
    def published(self):
        """A membership is public only if it, its network and its member are published."""
        return super().published().without_drafts_in("network", *MEMBER.fields)

    def for_listing(self):
        return self.select_related("network", *MEMBER.fields)

    def for_detail(self):
        return self.for_listing().prefetch_related(citations_prefetch())


class Membership(Record):
    """A place, an organisation or another network in a network, with its role and dated where known.

    `status` says what the sources say of it: `current` (a source states it as holding in
    `status_as_of`), `ended` (a source says it ended, in `status_as_of`), or `unknown` (the sources only
    say that it began, or that the member took part). The year a membership ended (`end_year`) makes it
    `ended`; `end_year` empty means nothing by itself. Member lists hold the members the sources name,
    not complete registers."""

    class Status(models.TextChoices):
        CURRENT = "current", _("current")
        ENDED = "ended", _("ended")
        UNKNOWN = "unknown", _("not stated by the sources")

    class Role(models.TextChoices):
        FOUNDER = "founder", _("founder")
        MEMBER = "member", _("member")
        CHAIR = "chair", _("chair or presidency")
        VICE_CHAIR = "vice-chair", _("vice-chair")
        BOARD = "board", _("board member")
        SECRETARIAT = "secretariat", _("secretariat")
        PARTNER = "partner", _("partner")
        OBSERVER = "observer", _("observer")

    # The roles of a member (a partner, an observer or a secretariat works with the network).
    MEMBER_ROLES = ["founder", "member", "chair", "vice-chair", "board"]

    network = models.ForeignKey(
        Network, models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    place = models.ForeignKey(
        "actors.Place",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("place"),
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    member_network = models.ForeignKey(
        Network,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("member network"),
        help_text=_("A network that belongs to, or sits on a body of, this network."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    start_year = year_field(_("from"))
    end_year = year_field(_("to"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status,
        default=Status.UNKNOWN,
        db_index=True,
        help_text=_(
            "From the sources' wording, cited by a citation of field « status »: current or ended as of a "
            "year, or not stated."
        ),
    )
    status_as_of = year_field(
        _("status as of"), help_text=_("The year the source's statement of the status holds for.")
    )
    note = models.TextField(_("note"), blank=True)

    objects = SlugManager.from_queryset(MembershipQuerySet)()

    class Meta:
        ordering = ["network__slug", "start_year", "slug"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            MEMBER.constraint(),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(start_year__lte=models.F("end_year")),
                name="membership_years_in_order",
            ),
            models.UniqueConstraint(
                fields=["network", "place", "role"], name="unique_place_role_per_network"
            ),
            models.UniqueConstraint(
                fields=["network", "organisation", "role"], name="unique_org_role_per_network"
            ),
            models.UniqueConstraint(
                fields=["network", "member_network", "role"], name="unique_member_network_role_per_network"
            ),
            models.CheckConstraint(
                condition=~Q(member_network=models.F("network")), name="membership_not_in_itself"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["current", "ended", "unknown"]), name="membership_status_valid"
            ),
            # A stated status holds as of a year; an unknown one has none.
            models.CheckConstraint(
                condition=Q(status="unknown", status_as_of__isnull=True)
                | (~Q(status="unknown") & Q(status_as_of__isnull=False)),
                name="membership_status_has_its_year",
            ),
            # A membership with an end year has ended (and was still held until then, not after).
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(status="ended"), name="membership_end_year_means_ended"
            ),
        ]

    @property
    def member(self):
        return MEMBER.value_of(self)

    def get_absolute_url(self):
        return self.network.get_absolute_url() + f"#membership-{self.slug}"

    def __str__(self):
        return f"{self.member} — {self.network} ({self.get_role_display()})"


def memberships_prefetch(field="memberships"):
    """The published memberships of a network, a place or an organisation (`memberships`), or those
    of a network in other networks (`network_memberships`), each with its network and its member."""
    return models.Prefetch(field, queryset=Membership.objects.published().for_listing())


class ForumQuerySet(RecordQuerySet):
    def for_detail(self):
        """What a forum's page and its API detail both show: organisers, networks, citations, claims.

        Each adds its events: the page the published ones with their place, the API every
        event's slug."""
        return self.prefetch_related("organisers", "networks", citations_prefetch(), claims_prefetch())


class Forum(Record, Searchable):
    """A series of meetings: the Global Mayoral Forum, the GFMD, the Rabat Process…"""

    search_fields = ("name_fr", "name_en", "acronym", "slug", "description_fr", "description_en")

    class Kind(models.TextChoices):
        FORUM = "forum", _("forum")
        PROCESS = "process", _("intergovernmental process")
        SUMMIT = "summit", _("summit series")
        CONFERENCE = "conference", _("conference series")
        DIALOGUE = "dialogue", _("dialogue")

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.FORUM)
    founded_year = year_field(_("first held"))
    organisers = models.ManyToManyField("actors.Organisation", blank=True, related_name="forums")
    networks = models.ManyToManyField(Network, blank=True, related_name="forums")
    description = models.TextField(_("description"))

    objects = SlugManager.from_queryset(ForumQuerySet)()

    class Meta:
        ordering = ["founded_year", "name"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def get_absolute_url(self):
        return record_url("networks:forum-detail", self.slug)


class EventQuerySet(RecordQuerySet):
    def for_listing(self):
        return self.select_related("forum", "place")

    def for_detail(self):
        return self.for_listing().prefetch_related(
            "organisers", "organising_networks", "declarations", citations_prefetch(), claims_prefetch()
        )


class Event(Record, Searchable):
    """An edition of a forum, or a one-off summit, convention or meeting."""

    search_fields = ("name_fr", "name_en", "slug", "description_fr", "description_en")

    forum = models.ForeignKey(
        Forum, models.SET_NULL, null=True, blank=True, related_name="events", verbose_name=_("forum")
    )
    name = models.CharField(_("name"), max_length=300)
    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    year = year_field(_("year"), db_index=True)
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    end_year = year_field(_("end year"))
    place = models.ForeignKey(
        "actors.Place", models.SET_NULL, null=True, blank=True, related_name="events", verbose_name=_("place")
    )
    organisers = models.ManyToManyField("actors.Organisation", blank=True, related_name="events")
    organising_networks = models.ManyToManyField(Network, blank=True, related_name="events")
    description = models.TextField(_("description"))
    outcome = models.TextField(_("outcome"), blank=True)

    objects = SlugManager.from_queryset(EventQuerySet)()

    class Meta:
        ordering = ["year", "month", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12), name="event_month_valid"
            ),
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(end_year__isnull=True) | Q(year__lte=models.F("end_year")),
                name="event_years_in_order",
            ),
        ]
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(fields=["year", "month", "slug"], name="event_listing", condition=PUBLISHED),
        ]

    def get_absolute_url(self):
        return record_url("networks:event-detail", self.slug)


class DeclarationQuerySet(RecordQuerySet):
    def for_listing(self):
        return self.select_related("event", "place")

    def for_detail(self):
        return self.for_listing().prefetch_related(
            "adopted_by_organisations",
            "adopted_by_networks",
            "adopted_by_places",
            citations_prefetch(),
            claims_prefetch(),
        )


class Declaration(Record, Searchable):
    """A declaration, charter, pact, strategy, law or tool, with where and by whom it was adopted."""

    search_fields = ("name_fr", "name_en", "slug", "description_fr", "description_en")

    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("declaration")
        CHARTER = "charter", _("charter")
        CALL = "call", _("call or appeal")
        COMPACT = "compact", _("compact or agreement")
        STRATEGY = "strategy", _("strategy or policy")
        LAW = "law", _("law or regulation")
        PROGRAMME = "programme", _("programme")
        TOOL = "tool", _("tool or method")
        REPORT = "report", _("report")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DECLARATION)
    year = year_field(_("year"), db_index=True)
    event = models.ForeignKey(
        Event,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="declarations",
        verbose_name=_("adopted at"),
    )
    place = models.ForeignKey(
        "actors.Place",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="declarations",
        verbose_name=_("place"),
    )
    adopted_by_organisations = models.ManyToManyField(
        "actors.Organisation",
        blank=True,
        related_name="declarations",
        verbose_name=_("adopted by organisations"),
    )
    adopted_by_networks = models.ManyToManyField(
        Network, blank=True, related_name="declarations", verbose_name=_("adopted by networks")
    )
    adopted_by_places = models.ManyToManyField(
        "actors.Place", blank=True, related_name="adopted_declarations", verbose_name=_("adopted by places")
    )
    description = models.TextField(_("description"))
    url = models.URLField(_("URL"), max_length=500, blank=True)

    objects = SlugManager.from_queryset(DeclarationQuerySet)()

    class Meta:
        ordering = ["year", "name"]
        verbose_name = _("declaration or policy document")
        verbose_name_plural = _("declarations and policy documents")
        # Published rows in page order, and the columns facets count (index-only scans at scale).
        indexes = [
            models.Index(fields=["year", "name_fr"], name="declaration_listing_fr", condition=PUBLISHED),
            models.Index(fields=["year", "name_en"], name="declaration_listing_en", condition=PUBLISHED),
            models.Index(fields=["kind", "id"], name="declaration_facets", condition=PUBLISHED),
        ]

    def get_absolute_url(self):
        return record_url("networks:declaration-detail", self.slug)
