"""The makers of the `practices` app's records: practices, their key figures, quotes, further reading."""

from bench.makers.base import Maker, choice_weights
from bench.makers.draws import spread, weighted
from bench.words import FIGURE_LABELS, LINK_LABELS, OBJECTS, PRACTICE_HEADS, SPEAKERS
from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote


class Practices(Maker):
    """Practices with their themes, places, networks, organisations and people."""

    name = "practices"

    def make(self):
        n = self.target("practices.practice")
        statuses = weighted(self.rng, choice_weights(Practice, "status"), n)
        families = weighted(self.rng, choice_weights(Practice, "family"), n)
        picks, names = [], []
        for _ in range(n):
            rng = self.rng
            themes = rng.sample(self.pools.themes, min(len(self.pools.themes), rng.randint(1, 3)))
            places = rng.sample(self.pools.places, min(len(self.pools.places), rng.randint(1, 3)))
            head, obj = self.words.pick(PRACTICE_HEADS), self.words.pick(OBJECTS)
            names.append((f"{head[0]} {obj[0]} à {places[0][2]}", f"{head[1]} {obj[1]} in {places[0][2]}"))
            picks.append((themes, places))
        slugs = self.unique_slugs(Practice, "practice", [name[1] for name in names])
        rows = []
        for i in range(n):
            rng = self.rng
            themes, places = picks[i]
            theme_words = (
                ", ".join(t[1].lower() for t in themes),
                ", ".join(t[2].lower() for t in themes),
            )
            summary = self.words.text(2, 4, extra=theme_words)
            context = self.words.maybe_text(0.7, 1, 3)
            steps = self.words.text(2, 4, joiner="\n\n") if rng.random() < 0.8 else ("", "")
            outcome = self.words.maybe_text(0.6, 1, 2)
            takeaways = self.words.text(1, 3, joiner="\n\n") if rng.random() < 0.5 else ("", "")
            start = self.year(1995, 2022) if rng.random() < 0.6 else None
            end = rng.randint(start, 2024) if start and rng.random() < 0.3 else None
            note = (f"depuis {start}", f"since {start}") if start and rng.random() < 0.5 else ("", "")
            rows.append(
                self.build(
                    Practice,
                    slug=slugs[i],
                    title_fr=names[i][0][:300],
                    title_en=names[i][1][:300],
                    country=places[0][1],
                    period_start=start,
                    period_end=end,
                    period_note_fr=note[0],
                    period_note_en=note[1],
                    status=statuses[i],
                    status_as_of=self.year(2015, 2024) if rng.random() < 0.7 else None,
                    family=families[i],
                    summary_fr=summary[0],
                    summary_en=summary[1],
                    context_fr=context[0],
                    context_en=context[1],
                    steps_fr=steps[0],
                    steps_en=steps[1],
                    outcome_fr=outcome[0],
                    outcome_en=outcome[1],
                    takeaways_fr=takeaways[0],
                    takeaways_en=takeaways[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Practice, rows)
        self.pools.new_practices = [p.pk for p in created]
        self.insert_links(
            Practice,
            "themes",
            [
                (p, t[0])
                for p, (themes, _places) in zip(self.pools.new_practices, picks, strict=True)
                for t in themes
            ],
        )
        self.insert_links(
            Practice,
            "places",
            [
                (p, x[0])
                for p, (_themes, places) in zip(self.pools.new_practices, picks, strict=True)
                for x in places
            ],
        )
        for name, pool in (
            ("networks", self.pools.networks),
            ("organisations", self.pools.organisations),
            ("people", self.pools.people),
        ):
            key = f"practices.practice.{name}"
            self.insert_links(
                Practice, name, self.spread_links(self.pools.new_practices, pool, key, maximum=4)
            )


class PracticeChildren(Maker):
    """Each synthetic practice's key figures, quotes and further reading."""

    name = "practice_children"

    def per_practice(self, key):
        """How many children each synthetic practice gets: at least one when there are enough."""
        total, n = self.target(key), len(self.pools.new_practices)
        return spread(self.rng, total, n, minimum=1 if total >= n else 0)

    def make(self):
        figures, quotes, links = [], [], []
        for practice, count in zip(
            self.pools.new_practices, self.per_practice("practices.keyfigure"), strict=True
        ):
            for order in range(1, count + 1):
                label = self.words.pick(FIGURE_LABELS)
                figures.append(
                    self.build(
                        KeyFigure,
                        practice_id=practice,
                        order=order,
                        **dict.fromkeys(
                            ("value_fr", "value_en"),
                            f"{self.rng.randint(2, 99_999):,}".replace(",", "\u00a0"),
                        ),
                        label_fr=label[0],
                        label_en=label[1],
                        source_id=self.source(),
                        **self.words.locator(),
                    )
                )
        for practice, count in zip(
            self.pools.new_practices, self.per_practice("practices.practicequote"), strict=True
        ):
            for order in range(1, count + 1):
                speaker = self.words.pick(SPEAKERS)
                quote = self.words.quote()
                quotes.append(
                    self.build(
                        PracticeQuote,
                        practice_id=practice,
                        order=order,
                        speaker_id=self.rng.choice(self.pools.people)
                        if self.pools.people and self.rng.random() < 0.3
                        else None,
                        speaker_label_fr=speaker[0],
                        speaker_label_en=speaker[1],
                        source_id=self.source(),
                        **self.words.locator(),
                        quote=quote[0],
                        quote_translation=quote[1],
                    )
                )
        for practice, count in zip(
            self.pools.new_practices, self.per_practice("practices.furtherreading"), strict=True
        ):
            for order in range(1, count + 1):
                label = self.words.pick(LINK_LABELS)
                links.append(
                    self.build(
                        FurtherReading,
                        practice_id=practice,
                        order=order,
                        label_fr=label[0],
                        label_en=label[1],
                        url=f"https://example.org/syn/practice-{practice}/{order}",
                    )
                )
        self.insert(KeyFigure, figures)
        self.insert(PracticeQuote, quotes)
        self.insert(FurtherReading, links)
