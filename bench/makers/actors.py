"""The makers of the `actors` app's records: places, organisations, people, their roles."""

from collections import defaultdict
from decimal import Decimal

from actors.models import Organisation, Person, Place, Role
from bench.makers.base import Maker, choice_weights
from bench.makers.draws import spread, weighted
from bench.words import ADJECTIVES, AREA_NAMES, OBJECTS, ORG_HEADS, ROLE_TITLES, acronym


class Places(Maker):
    """Places of every kind in the countries in use, about half of them with coordinates."""

    name = "places"

    def make(self):
        n = self.target("actors.place")
        kinds = weighted(self.rng, choice_weights(Place, "kind"), n)
        countries = self.country(n)
        names = [self.words.place_name(c) for c in countries]
        slugs = self.unique_slugs(Place, "place", names)
        by_country = defaultdict(list)
        for pk, country, _name in self.pools.places:
            by_country[country].append(pk)
        rows = []
        for i in range(n):
            rng, kind, country, name = self.rng, kinds[i], countries[i], names[i]
            if kind in AREA_NAMES:
                area = AREA_NAMES[kind]
                name_fr, name_en = f"{area[0]} de {name}", f"{name} {area[1]}"
            else:
                name_fr = name_en = name
            description = self.words.text(1, 2, extra=(f"pays : {country}", f"country: {country}"))
            fields = {"reference_year": 2026}
            if rng.random() < 0.5:
                lat, lon = self.pools.centres.get(country) or (rng.uniform(-40, 60), rng.uniform(-120, 140))
                fields["latitude"] = Decimal(f"{max(-89.9, min(89.9, lat + rng.uniform(-3, 3))):.6f}")
                fields["longitude"] = Decimal(f"{max(-179.9, min(179.9, lon + rng.uniform(-3, 3))):.6f}")
            if rng.random() < 0.4:
                fields["population"] = int(10 ** rng.uniform(2.5, 7))
                fields["population_year"] = rng.randint(2010, 2023)
                fields["population_source"] = "Données synthétiques (benchmark)"
                fields["size_band"] = Place.band_of(fields["population"])
            if by_country[country] and rng.random() < 0.25:
                fields["parent_id"] = rng.choice(by_country[country])
            rows.append(
                self.build(
                    Place,
                    slug=slugs[i],
                    kind=kind,
                    country=country,
                    name_fr=name_fr,
                    name_en=name_en,
                    description_fr=description[0],
                    description_en=description[1],
                    **fields,
                    **self.record_fields(),
                )
            )
        created = self.insert(Place, rows)
        self.pools.new_places = [(p.pk, p.country, p.name_fr) for p in created]
        self.pools.places += self.pools.new_places


class Organisations(Maker):
    """Organisations named after what they work on."""

    name = "organisations"

    def make(self):
        n = self.target("actors.organisation")
        kinds = weighted(self.rng, choice_weights(Organisation, "kind"), n)
        rows, names = [], []
        for _ in range(n):
            head = self.words.pick(ORG_HEADS)
            obj = self.words.pick(OBJECTS)
            adjective = self.words.pick(ADJECTIVES)
            french_adjective = adjective[0] if head[2] == "m" else adjective[1]
            names.append(
                (f"{head[0]} {french_adjective} pour {obj[0]}", f"{adjective[4]} {head[1]} for {obj[1]}")
            )
        slugs = self.unique_slugs(Organisation, "org", [en for _fr, en in names])
        for i in range(n):
            rng = self.rng
            description = self.words.text(1, 3)
            rows.append(
                self.build(
                    Organisation,
                    slug=slugs[i],
                    name_fr=names[i][0],
                    name_en=names[i][1],
                    acronym=acronym(names[i][0]) if rng.random() < 0.5 else "",
                    kind=kinds[i],
                    country=self.country()[0] if rng.random() < 0.8 else "",
                    website=f"https://example.org/{slugs[i]}/" if rng.random() < 0.4 else "",
                    description_fr=description[0],
                    description_en=description[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Organisation, rows)
        self.pools.new_organisations = [o.pk for o in created]
        self.pools.organisations += self.pools.new_organisations


class People(Maker):
    """People with plausible names from many countries."""

    name = "people"

    def make(self):
        n = self.target("actors.person")
        names = [self.words.person_name() for _ in range(n)]
        slugs = self.unique_slugs(Person, "person", names)
        rows = []
        for i in range(n):
            description = self.words.text(1, 2)
            rows.append(
                self.build(
                    Person,
                    slug=slugs[i],
                    name=names[i],
                    description_fr=description[0],
                    description_en=description[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Person, rows)
        self.pools.new_people = [p.pk for p in created]
        self.pools.people += self.pools.new_people


class Roles(Maker):
    """Each synthetic person's roles in a place, a network or an organisation."""

    name = "roles"

    def make(self):
        n = self.target("actors.role")
        people = self.pools.new_people
        counts = spread(self.rng, n, len(people), minimum=1 if n >= len(people) else 0)
        rows = []
        for person, count in zip(people, counts, strict=True):
            for _ in range(count):
                rng = self.rng
                title_fr, title_en, where = rng.choice(ROLE_TITLES)
                fields = {}
                if where == "place":
                    fields["place_id"] = rng.choice(self.pools.places)[0]
                elif where == "network":
                    fields["network_id"] = rng.choice(self.pools.networks)
                elif where == "organisation" and self.pools.organisations:
                    fields["organisation_id"] = rng.choice(self.pools.organisations)
                start = self.year(1990, 2022) if rng.random() < 0.6 else None
                end = rng.randint(start, 2024) if start and rng.random() < 0.4 else None
                quote = self.words.quote()
                rows.append(
                    self.build(
                        Role,
                        person_id=person,
                        title_fr=title_fr,
                        title_en=title_en,
                        start_year=start,
                        end_year=end,
                        source_id=self.source(),
                        **self.words.locator(),
                        quote=f"{title_fr} : {quote[0]}",
                        quote_translation=f"{title_en}: {quote[1]}",
                        **fields,
                    )
                )
        self.insert(Role, rows)
