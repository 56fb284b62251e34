"""The records synthetic ones link to: the real content read at the start, then each maker's new records."""

from collections import Counter, defaultdict

from django.db.models import Count

from actors.models import Organisation, Person, Place
from bench.makers.base import synthetic
from bench.makers.draws import Picker
from networks.models import Event, Forum, Network
from practices.models import Practice, Theme
from sources.models import Citation, Source


class Pools:
    """Primary keys (with a few fields) of the records to link to, read in a stable order.

    `places`, `organisations`, `people`, `networks`, `forums` and `events` grow as the makers add
    records; `existing` keeps the records that were there before; `new_*` are this run's records.
    """

    def __init__(self, rng):
        self.sources = list(Source.objects.order_by("pk").values_list("pk", flat=True))
        if not self.sources:
            raise RuntimeError("No source in the database: load the real content first (load_content).")
        usage = Counter(dict(Citation.objects.values_list("source").annotate(n=Count("pk")).order_by()))
        self.source_picker = Picker(rng, {pk: usage.get(pk, 0) + 1 for pk in self.sources})
        self.themes = list(Theme.objects.order_by("pk").values_list("pk", "name_fr", "name_en"))
        if not self.themes:
            raise RuntimeError("No theme in the database: load the real content first (load_content).")
        self.places = list(Place.objects.order_by("pk").values_list("pk", "country", "name_fr"))
        self.organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
        self.people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        self.networks = list(Network.objects.order_by("pk").values_list("pk", flat=True))
        self.forums = list(Forum.objects.order_by("pk").values_list("pk", "name_fr", "name_en"))
        self.events = list(Event.objects.order_by("pk").values_list("pk", flat=True))
        self.country_picker = Picker(rng, countries_in_use())
        self.existing = {
            "place": [p[0] for p in self.places],
            "organisation": list(self.organisations),
            "network": list(self.networks),
        }
        centres = defaultdict(list)
        for lat, lon, country in (
            Place.objects.exclude(latitude=None)
            .order_by("pk")
            .values_list("latitude", "longitude", "country")
        ):
            centres[country].append((float(lat), float(lon)))
        self.centres = {
            code: (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
            for code, points in centres.items()
        }
        self.new_places = []  # (pk, country, name_fr), as in `places`
        self.new_organisations = []
        self.new_people = []
        self.new_networks = []
        self.new_memberships = []
        self.new_forums = []
        self.new_events = []
        self.new_declarations = []
        self.new_practices = []

    def new_records(self, field):
        """This run's records of the kind a citation or claim field points to, e.g. 'place'."""
        return {
            "place": [p[0] for p in self.new_places],
            "organisation": self.new_organisations,
            "person": self.new_people,
            "network": self.new_networks,
            "membership": self.new_memberships,
            "forum": self.new_forums,
            "event": self.new_events,
            "declaration": self.new_declarations,
            "practice": self.new_practices,
        }[field]


def countries_in_use():
    """{country code: weight}: the real frequencies, smoothed, in code order."""
    counts = Counter()
    for model in (Place, Organisation, Network, Practice):
        rows = (
            model._default_manager.exclude(synthetic())
            .exclude(country="")
            .values_list("country")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts.update(dict(rows))
    if not counts:
        return {"FR": 1}
    floor = max(1.0, sum(counts.values()) / (2 * len(counts)))
    return {code.upper(): n + floor for code, n in sorted(counts.items())}  # same draws on any database
