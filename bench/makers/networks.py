"""The makers of the `networks` app's records: networks, memberships, forums, events, declarations."""

from bench.makers.base import Maker, choice_weights, synthetic
from bench.makers.draws import weighted
from bench.words import (
    ADJECTIVES,
    DECLARATION_HEADS,
    FORUM_HEADS,
    NETWORK_HEADS,
    NETWORK_MEMBERS,
    OBJECTS,
    REGIONS,
    TYPOLOGY_WORDS,
    acronym,
)
from networks.models import Declaration, Event, Forum, Membership, Network

# The 8 cells of Lacroix's typology (scale, origin, scope) in turn, ordered so that every two (and
# four) consecutive cells balance each dimension: even a handful of networks has both values of each.
TYPOLOGY_CELLS = [
    ("national", "spontaneous", "specialist"),
    ("transnational", "co-opted", "generalist"),
    ("national", "co-opted", "generalist"),
    ("transnational", "spontaneous", "specialist"),
    ("national", "spontaneous", "generalist"),
    ("transnational", "co-opted", "specialist"),
    ("national", "co-opted", "specialist"),
    ("transnational", "spontaneous", "generalist"),
]


class Networks(Maker):
    """Networks in every cell of the typology, with their supporters."""

    name = "networks"

    def make(self):
        n = self.target("networks.network")
        assigned = [TYPOLOGY_CELLS[i % len(TYPOLOGY_CELLS)] for i in range(n)]
        self.rng.shuffle(assigned)
        modes = weighted(self.rng, choice_weights(Network, "membership_mode"), n)
        names = []
        for _ in range(n):
            head, members = self.words.pick(NETWORK_HEADS), self.words.pick(NETWORK_MEMBERS)
            adjective, region = self.words.pick(ADJECTIVES), self.words.pick(REGIONS)
            names.append(
                (
                    f"{head[0]} {members[0]} {adjective[2 if members[2] == 'm' else 3]} {region[0]}",
                    f"{adjective[4]} {members[1]} {head[1]} {region[1]}",
                )
            )
        slugs = self.unique_slugs(Network, "network", [en for _fr, en in names])
        rows = []
        parents = list(self.pools.networks)
        for i in range(n):
            rng = self.rng
            scale, origin, scope = assigned[i]
            summary = self.words.text(2, 4)
            words = [TYPOLOGY_WORDS[value] for value in (scale, origin, scope)]
            note = (
                "Classement inféré par les éditeurs à partir du texte : échelle "
                f"{words[0][0]}, origine {words[1][0]}, portée {words[2][0]}.",
                "Classification inferred by the editors from the text: "
                f"{words[0][1]} scale, {words[1][1]} origin, {words[2][1]} scope.",
            )
            membership_note = self.words.maybe_text(0.3)
            history = self.words.maybe_text(0.4, 2, 4)
            founded_place = rng.choice(self.pools.places)[0] if rng.random() < 0.5 else None
            rows.append(
                self.build(
                    Network,
                    slug=slugs[i],
                    name_fr=names[i][0],
                    name_en=names[i][1],
                    acronym=acronym(names[i][0]) if rng.random() < 0.6 else "",
                    scale=scale,
                    origin=origin,
                    scope=scope,
                    typology_note_fr=note[0],
                    typology_note_en=note[1],
                    country=self.country()[0] if scale == "national" or rng.random() < 0.3 else "",
                    founded_year=self.year(1950, 2023) if rng.random() < 0.8 else None,
                    founded_place_id=founded_place,
                    parent_id=rng.choice(parents) if parents and rng.random() < 0.1 else None,
                    membership_mode=modes[i],
                    membership_note_fr=membership_note[0],
                    membership_note_en=membership_note[1],
                    summary_fr=summary[0],
                    summary_en=summary[1],
                    history_fr=history[0],
                    history_en=history[1],
                    website=f"https://example.org/{slugs[i]}/" if rng.random() < 0.5 else "",
                    **self.record_fields(),
                )
            )
        created = self.insert(Network, rows)
        self.pools.new_networks = [x.pk for x in created]
        self.pools.networks += self.pools.new_networks
        self.insert_links(
            Network,
            "supporters",
            self.spread_links(
                self.pools.new_networks, self.pools.organisations, "networks.network.supporters"
            ),
        )


class Memberships(Maker):
    """Memberships between synthetic and real networks, places and organisations."""

    name = "memberships"

    def make(self):
        n = self.target("networks.membership")
        roles = weighted(self.rng, choice_weights(Membership, "role"), n)
        real = Membership.objects.exclude(synthetic())
        kinds = {
            kind: real.filter(**{f"{kind}__isnull": False}).count() + 1
            for kind in ("place", "organisation", "member_network")
        }
        member_kinds = weighted(self.rng, kinds, n)
        taken = set(
            Membership.objects.values_list("network", "place", "organisation", "member_network", "role")
        )
        # (existing records, new synthetic records): a fifth of the links go to records that were
        # already there, so real networks gain members and real places join synthetic networks.
        pools = {
            "network": (self.pools.existing["network"], self.pools.new_networks),
            "place": (self.pools.existing["place"], [p[0] for p in self.pools.new_places]),
            "organisation": (self.pools.existing["organisation"], self.pools.new_organisations),
            "member_network": (self.pools.existing["network"], self.pools.new_networks),
        }

        def pick(kind):
            existing, new = pools[kind]
            if not (existing or new):
                return None
            return self.rng.choice(existing if existing and (not new or self.rng.random() < 0.2) else new)

        rows, keys = [], []
        for i in range(n):
            kind = member_kinds[i]
            for _attempt in range(20):
                network, member = pick("network"), pick(kind)
                if network is None or member is None or (kind == "member_network" and member == network):
                    continue
                key = (
                    network,
                    member if kind == "place" else None,
                    member if kind == "organisation" else None,
                    member if kind == "member_network" else None,
                    roles[i],
                )
                if key not in taken:
                    break
            else:
                continue
            taken.add(key)
            keys.append((network, kind, member, roles[i]))
        slugs = self.unique_slugs(Membership, "membership", ["" for _ in keys])
        for slug, (network, kind, member, role) in zip(slugs, keys, strict=True):
            rng = self.rng
            start = self.year(1985, 2023) if rng.random() < 0.6 else None
            end = rng.randint(start, 2024) if start and rng.random() < 0.2 else None
            note = self.words.maybe_text(0.5, 1, 1)
            rows.append(
                self.build(
                    Membership,
                    slug=slug,
                    network_id=network,
                    **{f"{kind}_id": member},
                    role=role,
                    start_year=start,
                    end_year=end,
                    # An end year means ended (a constraint); the rest is unknown, as most real ones are.
                    status=Membership.Status.ENDED if end else Membership.Status.UNKNOWN,
                    status_as_of=end,
                    note_fr=note[0],
                    note_en=note[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Membership, rows)
        self.pools.new_memberships = [m.pk for m in created]


class Forums(Maker):
    """Forums with their organisers and networks."""

    name = "forums"

    def make(self):
        n = self.target("networks.forum")
        rows, names = [], []
        for _ in range(n):
            head, region, obj = (
                self.words.pick(FORUM_HEADS),
                self.words.pick(REGIONS),
                self.words.pick(OBJECTS),
            )
            names.append(
                (f"{head[0]} {region[0]} sur {obj[0]}", f"{head[1]} {region[1]} on {obj[1]}", head[2])
            )
        slugs = self.unique_slugs(Forum, "forum", [name[1] for name in names])
        for i in range(n):
            description = self.words.text(1, 3)
            rows.append(
                self.build(
                    Forum,
                    slug=slugs[i],
                    name_fr=names[i][0],
                    name_en=names[i][1],
                    acronym=acronym(names[i][0]) if self.rng.random() < 0.5 else "",
                    kind=names[i][2],
                    founded_year=self.year(1995, 2022) if self.rng.random() < 0.7 else None,
                    description_fr=description[0],
                    description_en=description[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Forum, rows)
        self.pools.new_forums = [f.pk for f in created]
        self.pools.forums += [(f.pk, f.name_fr, f.name_en) for f in created]
        self.insert_links(
            Forum,
            "organisers",
            self.spread_links(self.pools.new_forums, self.pools.organisations, "networks.forum.organisers"),
        )
        self.insert_links(
            Forum,
            "networks",
            self.spread_links(self.pools.new_forums, self.pools.networks, "networks.forum.networks"),
        )


class Events(Maker):
    """Events, most of them an edition of a forum, with their organisers."""

    name = "events"

    def make(self):
        n = self.target("networks.event")
        rows, names, extra = [], [], []
        for _ in range(n):
            rng = self.rng
            year = self.year(1995, 2024)
            place = rng.choice(self.pools.places) if rng.random() < 0.8 else None
            forum = rng.choice(self.pools.forums) if self.pools.forums and rng.random() < 0.6 else None
            if forum:
                where = (place[2], place[2]) if place else ("édition", "edition")
                name = (f"{forum[1]} — {where[0]} {year}", f"{forum[2]} — {where[1]} {year}")
            else:
                obj = self.words.pick(OBJECTS)
                where = place[2] if place else "Paris"
                name = (f"Rencontre de {where} sur {obj[0]}", f"{where} meeting on {obj[1]}")
            names.append(name)
            extra.append((year, place, forum))
        slugs = self.unique_slugs(Event, "event", [name[1] for name in names])
        for i in range(n):
            rng = self.rng
            year, place, forum = extra[i]
            description = self.words.text(1, 3)
            outcome = self.words.maybe_text(0.5)
            rows.append(
                self.build(
                    Event,
                    slug=slugs[i],
                    forum_id=forum[0] if forum else None,
                    name_fr=names[i][0][:300],
                    name_en=names[i][1][:300],
                    edition=rng.randint(1, 15) if forum and rng.random() < 0.5 else None,
                    year=year,
                    month=rng.randint(1, 12) if rng.random() < 0.7 else None,
                    end_year=year + 1 if rng.random() < 0.05 else None,
                    place_id=place[0] if place else None,
                    description_fr=description[0],
                    description_en=description[1],
                    outcome_fr=outcome[0],
                    outcome_en=outcome[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Event, rows)
        self.pools.new_events = [e.pk for e in created]
        self.pools.events += self.pools.new_events
        self.insert_links(
            Event,
            "organisers",
            self.spread_links(self.pools.new_events, self.pools.organisations, "networks.event.organisers"),
        )
        self.insert_links(
            Event,
            "organising_networks",
            self.spread_links(
                self.pools.new_events, self.pools.networks, "networks.event.organising_networks"
            ),
        )


class Declarations(Maker):
    """Declarations of every kind with those who adopted them."""

    name = "declarations"

    def make(self):
        n = self.target("networks.declaration")
        kinds = weighted(self.rng, choice_weights(Declaration, "kind"), n)
        names, places = [], []
        for i in range(n):
            rng = self.rng
            place = rng.choice(self.pools.places) if rng.random() < 0.5 else None
            head = DECLARATION_HEADS[kinds[i]]
            if place:
                names.append((f"{head[0]} de {place[2]}", f"{place[2]} {head[1]}"))
            else:
                obj = self.words.pick(OBJECTS)
                names.append((f"{head[0]} pour {obj[0]}", f"{head[1]} for {obj[1]}"))
            places.append(place)
        slugs = self.unique_slugs(Declaration, "declaration", [name[1] for name in names])
        rows = []
        for i in range(n):
            rng = self.rng
            description = self.words.text(1, 3)
            rows.append(
                self.build(
                    Declaration,
                    slug=slugs[i],
                    name_fr=names[i][0],
                    name_en=names[i][1],
                    kind=kinds[i],
                    year=self.year(1990, 2024) if rng.random() < 0.85 else None,
                    event_id=rng.choice(self.pools.events)
                    if self.pools.events and rng.random() < 0.4
                    else None,
                    place_id=places[i][0] if places[i] else None,
                    description_fr=description[0],
                    description_en=description[1],
                    url=f"https://example.org/{slugs[i]}" if rng.random() < 0.3 else "",
                    **self.record_fields(),
                )
            )
        created = self.insert(Declaration, rows)
        self.pools.new_declarations = [d.pk for d in created]
        place_pks = [p[0] for p in self.pools.places]
        for name, pool in (
            ("adopted_by_organisations", self.pools.organisations),
            ("adopted_by_networks", self.pools.networks),
            ("adopted_by_places", place_pks),
        ):
            key = f"networks.declaration.{name}"
            self.insert_links(Declaration, name, self.spread_links(self.pools.new_declarations, pool, key))
