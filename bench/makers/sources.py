"""The makers of the `sources` app's records: the citations of every synthetic record, claims."""

from decimal import Decimal

from bench.makers.base import Maker, choice_weights
from bench.makers.draws import Picker, spread
from bench.words import FIGURE_LABELS, MONTHS, OBJECTS
from sources.check import TIME_BOUND_KINDS
from sources.models import CITED, SUBJECT, Citation, Claim


class Citations(Maker):
    """Citations from existing sources: every synthetic record that needs a citation gets at least one."""

    name = "citations"

    def make(self):
        rows = []
        for field in CITED.fields:
            records = self.pools.new_records(field)
            total = max(self.target(f"citations.{field}"), len(records))
            for record, count in zip(records, spread(self.rng, total, len(records), minimum=1), strict=True):
                for _ in range(count):
                    quote = self.words.quote()
                    rows.append(
                        self.build(
                            Citation,
                            source_id=self.source(),
                            **self.words.locator(),
                            quote=quote[0],
                            quote_translation=quote[1],
                            **{f"{field}_id": record},
                        )
                    )
            if len(rows) >= 20 * self.generator.batch_size:
                self.insert(Citation, rows)
                rows = []
        self.insert(Citation, rows)


class Claims(Maker):
    """Claims about synthetic records, some disputed in pairs."""

    name = "claims"

    def claim_value(self, kind):
        """(value_fr, value_en, value_number) for a kind of claim."""
        rng = self.rng
        if kind in ("founding-year", "date"):
            year = self.year(1950, 2024)
            if kind == "date" and rng.random() < 0.5:
                month = self.words.pick(MONTHS)
                return f"{month[0]} {year}", f"{month[1]} {year}", Decimal(year)
            return str(year), str(year), Decimal(year)
        if kind in ("member-count", "population", "migrant-count", "figure"):
            number = rng.randint(3, 2_000_000 if kind == "population" else 50_000)
            unit = {
                "member-count": ("villes membres", "member cities"),
                "population": ("habitants", "inhabitants"),
                "migrant-count": ("personnes migrantes", "migrants"),
                "figure": self.words.pick(FIGURE_LABELS),
            }[kind]
            return f"{number:,} {unit[0]}".replace(",", " "), f"{number:,} {unit[1]}", Decimal(number)
        if kind == "founders":
            names = [p[2] for p in rng.sample(self.pools.places, min(3, len(self.pools.places)))]
            return ", ".join(names), ", ".join(names), None
        if kind == "name":
            name = self.words.place_name("FR" if rng.random() < 0.5 else "XX")
            return f"« {name} »", f"“{name}”", None
        obj = self.words.pick(OBJECTS)
        return f"priorité à {obj[0]}", f"priority to {obj[1]}", None

    def make(self):
        kinds = Picker(self.rng, choice_weights(Claim, "kind"))
        total = sum(self.target(f"claims.{field}") for field in SUBJECT.fields)
        real_total = sum(self.real[f"claims.{field}"] for field in SUBJECT.fields)
        disputed_share = self.real["claims.disputed"] / real_total if real_total else 0.1
        pair_probability = max(0.05, disputed_share / 2)
        specs = []  # (field, subject pk, kind, disputed)
        paired = False  # at least one disputed pair whenever there is room for one
        for field in SUBJECT.fields:
            subjects = self.pools.new_records(field)
            target = self.target(f"claims.{field}")
            if total == 0:  # no real claims at all: still give a few per kind of subject
                target = max(1, len(subjects) // 4)
            count = 0
            while subjects and count < target:
                subject = self.rng.choice(subjects)
                kind = kinds.one()
                if count + 2 <= target and (not paired or self.rng.random() < pair_probability):
                    specs += [(field, subject, kind, True), (field, subject, kind, True)]
                    count += 2
                    paired = True
                else:
                    specs.append((field, subject, kind, False))
                    count += 1
        slugs = self.unique_slugs(Claim, "claim", [f"{field}-{kind}" for field, _s, kind, _d in specs])
        rows, previous = [], None
        for slug, spec in zip(slugs, specs, strict=True):
            field, subject, kind, disputed = spec
            rng = self.rng
            value_fr, value_en, number = self.claim_value(kind)
            source = self.source()
            if disputed and previous and previous[0] == spec:
                # The second claim of a disputed pair: another source, another value.
                for _attempt in range(10):
                    if source != previous[1] or len(self.pools.sources) == 1:
                        break
                    source = self.source()
                for _attempt in range(10):
                    if value_fr != previous[2]:
                        break
                    value_fr, value_en, number = self.claim_value(kind)
                previous = None
            else:
                previous = (spec, source, value_fr) if disputed else None
            quote = self.words.quote()
            note = (
                ("Une autre source donne une valeur différente.", "Another source gives a different value.")
                if disputed
                else self.words.maybe_text(0.2, 1, 1)
            )
            rows.append(
                self.build(
                    Claim,
                    slug=slug,
                    kind=kind,
                    value_fr=value_fr[:300],
                    value_en=value_en[:300],
                    value_number=number,
                    as_of_year=self.year(2000, 2024) if rng.random() < 0.4 else None,
                    note_fr=note[0],
                    note_en=note[1],
                    disputed=disputed,
                    source_id=source,
                    **self.words.locator(),
                    quote=f"{quote[0]} ({value_fr})",
                    quote_translation=f"{quote[1]} ({value_en})",
                    **{f"{field}_id": subject},
                    **self.record_fields(),
                )
            )
        # Every claim of a dispute is flagged (the content check's rule): siblings of a flagged claim too.
        disputed = {self.dispute_key(row) for row in rows if row.disputed}
        for row in rows:
            if self.dispute_key(row) in disputed:
                row.disputed = True
        self.insert(Claim, rows)

    @staticmethod
    def dispute_key(claim):
        subject = SUBJECT.field_of(claim)
        key = (subject, getattr(claim, f"{subject}_id"), claim.kind)
        return (*key, claim.as_of_year) if claim.kind in TIME_BOUND_KINDS else key

    # ----- all of it

    STEPS = [
        "make_places",
        "make_organisations",
        "make_people",
        "make_networks",
        "make_memberships",
        "make_forums",
        "make_events",
        "make_declarations",
        "make_roles",
        "make_practices",
        "make_practice_children",
        "make_citations",
        "make_claims",
    ]
