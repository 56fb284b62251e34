"""Synthetic content for performance benchmarks (`manage.py generate_synthetic`).

Adds, for every kind of record, about FACTOR times as many records as the real content holds
(counted at run time; synthetic records, whose slugs start with `syn-`, are not counted), with the
shapes of the real content: both languages filled, every typology cell used, countries drawn from
the codes in use, memberships between synthetic and real records, practices with themes and places,
every record cited (existing sources, a locator and a quote), claims, some disputed in pairs.

Speed: records are built in Python and written with bulk_create in batches (many-to-many links as
bulk inserts into the through tables), all in one transaction. Nothing here may ever run on a
curator's database: see `is_benchmark_database`.
"""

import random
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from decimal import Decimal
from itertools import accumulate

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import translation
from django.utils.text import slugify

from actors.models import Organisation, Person, Place, Role
from networks.models import Declaration, Event, Forum, Membership, Network
from practices.models import FurtherReading, KeyFigure, Practice, PracticeQuote, Theme
from sources.models import CITABLE_MODELS, CLAIM_SUBJECTS, Citation, Claim, Source
from sources.search import refresh_search_vectors
from sources.versioning import bump

PREFIX = "syn-"
DEFAULT_SEED = 20240917
BATCH_SIZE = 1000
OVERRIDE_FLAG = "--yes-this-is-a-benchmark-database"


def database_label():
    """The database's name (PostgreSQL) or path (SQLite), as configured."""
    return str(connection.settings_dict.get("NAME") or "")


def is_benchmark_database():
    return "bench" in database_label().lower()


@contextmanager
def unlogged_queries():
    """Don't keep every statement in `connection.queries` when DEBUG is on.

    With DEBUG=True Django keeps each INSERT with its parameters inlined (and on SQLite runs one
    more query per statement to quote them): at --factor 100 that is twice the memory (~490 MB
    instead of ~220 MB) and a tenth more time.
    """
    connection.make_debug_cursor = connection.make_cursor
    try:
        yield
    finally:
        del connection.make_debug_cursor


def synthetic(prefix=""):
    """Q matching synthetic records (`prefix` is a lookup path to the record, e.g. 'practice__')."""
    return Q(**{f"{prefix}slug__startswith": PREFIX})


# --- Bilingual vocabulary ----------------------------------------------------------------------
# Pairs (French, English): sentences are assembled from the same picks in both languages, so the
# English text is a plausible translation of the French one and each language has its own words.

SUBJECTS = [
    ("La municipalité", "The municipality"),
    ("La mairie", "The town hall"),
    ("Le conseil municipal", "The city council"),
    ("La métropole", "The metropolitan authority"),
    ("Le réseau", "The network"),
    ("L’association", "The association"),
    ("Le collectif citoyen", "The citizens’ collective"),
    ("Le centre communal d’action sociale", "The municipal social action centre"),
    ("La communauté d’agglomération", "The urban community"),
    ("L’adjointe au maire", "The deputy mayor"),
    ("Le département", "The department"),
    ("La région", "The region"),
    ("Le comité de pilotage", "The steering committee"),
    ("La coordination des bénévoles", "The volunteers’ coordination"),
    ("Le bureau des relations internationales", "The international relations office"),
    ("L’observatoire local", "The local observatory"),
]
VERBS = [
    ("soutient", "supports"),
    ("coordonne", "coordinates"),
    ("finance", "funds"),
    ("organise", "organises"),
    ("accompagne", "accompanies"),
    ("défend", "defends"),
    ("développe", "develops"),
    ("renforce", "strengthens"),
    ("évalue", "evaluates"),
    ("promeut", "promotes"),
    ("expérimente", "pilots"),
    ("documente", "documents"),
    ("simplifie", "simplifies"),
    ("généralise", "extends"),
    ("mutualise", "pools"),
    ("pérennise", "secures the future of"),
]
OBJECTS = [
    ("l’accueil des réfugiés", "the reception of refugees"),
    ("l’accès au logement", "access to housing"),
    ("l’hébergement d’urgence", "emergency shelter"),
    ("l’apprentissage du français", "French-language learning"),
    ("la scolarisation des enfants", "children’s schooling"),
    ("l’accès aux soins", "access to healthcare"),
    ("la participation citoyenne", "citizen participation"),
    ("l’insertion professionnelle", "integration into work"),
    ("la carte d’identité municipale", "the municipal identity card"),
    ("la médiation interculturelle", "intercultural mediation"),
    ("la domiciliation administrative", "administrative domiciliation"),
    ("le parrainage citoyen", "citizen sponsorship"),
    ("la lutte contre les discriminations", "the fight against discrimination"),
    ("la protection des mineurs non accompagnés", "the protection of unaccompanied minors"),
    ("l’accès aux droits", "access to rights"),
    ("la formation des agents municipaux", "the training of municipal staff"),
    ("le droit de vote des résidents étrangers", "voting rights for foreign residents"),
    ("la réinstallation des réfugiés", "refugee resettlement"),
    ("l’accès à l’eau et à l’hygiène", "access to water and sanitation"),
    ("les cours de langue gratuits", "free language classes"),
    ("la cohésion sociale", "social cohesion"),
    ("le dialogue entre villes", "dialogue between cities"),
    ("le plaidoyer auprès de l’État", "advocacy towards the State"),
    ("l’accueil inconditionnel", "unconditional welcome"),
    ("la solidarité internationale", "international solidarity"),
    ("les maraudes sociales", "social outreach rounds"),
    ("la santé mentale des exilés", "the mental health of exiles"),
    ("l’emploi des demandeurs d’asile", "the employment of asylum seekers"),
    ("la transition écologique des quartiers", "the ecological transition of neighbourhoods"),
    ("la collecte de données locales", "local data collection"),
    ("l’ouverture d’un guichet unique", "the opening of a one-stop shop"),
    ("la coopération décentralisée", "decentralised cooperation"),
    ("les jardins partagés", "community gardens"),
    ("la culture et le sport pour tous", "culture and sport for all"),
    ("l’éducation populaire", "popular education"),
    ("la gouvernance multiniveaux", "multilevel governance"),
]
COMPLEMENTS = [
    ("avec les associations locales", "with local associations"),
    ("dans les quartiers prioritaires", "in priority neighbourhoods"),
    ("en lien avec les services de l’État", "together with the State’s services"),
    ("grâce à un financement européen", "thanks to European funding"),
    ("auprès des familles déboutées", "for families whose claims were rejected"),
    ("malgré des moyens limités", "despite limited resources"),
    ("à l’échelle de l’agglomération", "across the whole urban area"),
    ("avec le soutien d’une fondation", "with the support of a foundation"),
    ("en concertation avec les habitants", "in consultation with residents"),
    ("sur le modèle d’une ville voisine", "on the model of a neighbouring city"),
    ("pour la troisième année consécutive", "for the third year running"),
    ("au sein d’un consortium de villes", "within a consortium of cities"),
    ("en dépit de l’opposition préfectorale", "despite the prefecture’s opposition"),
    ("à titre expérimental", "on a trial basis"),
    ("dans le cadre d’un programme national", "as part of a national programme"),
    ("avec des bénévoles formés", "with trained volunteers"),
    ("lors des rencontres annuelles", "at the annual meetings"),
    ("dans les zones rurales", "in rural areas"),
]
ADJECTIVES = [
    # masculine, feminine, masculine plural, feminine plural, English
    ("solidaire", "solidaire", "solidaires", "solidaires", "Solidarity"),
    ("accueillant", "accueillante", "accueillants", "accueillantes", "Welcoming"),
    ("hospitalier", "hospitalière", "hospitaliers", "hospitalières", "Hospitable"),
    ("ouvert", "ouverte", "ouverts", "ouvertes", "Open"),
    ("inclusif", "inclusive", "inclusifs", "inclusives", "Inclusive"),
    ("interculturel", "interculturelle", "interculturels", "interculturelles", "Intercultural"),
    ("refuge", "refuge", "refuges", "refuges", "Refuge"),
    ("fraternel", "fraternelle", "fraternels", "fraternelles", "Fraternal"),
    ("citoyen", "citoyenne", "citoyens", "citoyennes", "Citizens’"),
    ("durable", "durable", "durables", "durables", "Sustainable"),
    ("méditerranéen", "méditerranéenne", "méditerranéens", "méditerranéennes", "Mediterranean"),
    ("atlantique", "atlantique", "atlantiques", "atlantiques", "Atlantic"),
    ("alpin", "alpine", "alpins", "alpines", "Alpine"),
    ("sahélien", "sahélienne", "sahéliens", "sahéliennes", "Sahelian"),
    ("andin", "andine", "andins", "andines", "Andean"),
    ("rhénan", "rhénane", "rhénans", "rhénanes", "Rhine"),
]
REGIONS = [
    ("d’Europe", "of Europe"),
    ("d’Afrique de l’Ouest", "of West Africa"),
    ("du Maghreb", "of the Maghreb"),
    ("des Amériques", "of the Americas"),
    ("de la Méditerranée", "of the Mediterranean"),
    ("du Sahel", "of the Sahel"),
    ("des Balkans", "of the Balkans"),
    ("d’Asie du Sud-Est", "of South-East Asia"),
    ("du Moyen-Orient", "of the Middle East"),
    ("de l’Arc alpin", "of the Alpine Arc"),
    ("de la façade atlantique", "of the Atlantic coast"),
    ("de France", "of France"),
]
NETWORK_HEADS = [
    ("Réseau", "Network"),
    ("Alliance", "Alliance"),
    ("Coalition", "Coalition"),
    ("Association", "Association"),
    ("Plateforme", "Platform"),
    ("Forum", "Forum"),
    ("Union", "Union"),
    ("Conférence", "Conference"),
]
NETWORK_MEMBERS = [  # French, English, gender of the French noun
    ("des villes", "Cities", "f"),
    ("des communes", "Towns", "f"),
    ("des territoires", "Territories", "m"),
    ("des maires", "Mayors", "m"),
    ("des collectivités", "Local Governments", "f"),
    ("des métropoles", "Metropolises", "f"),
    ("des élus locaux", "Local Elected Officials", "m"),
]
ORG_HEADS = [  # French, English, gender of the French noun
    ("Association", "Association", "f"),
    ("Fondation", "Foundation", "f"),
    ("Institut", "Institute", "m"),
    ("Observatoire", "Observatory", "m"),
    ("Collectif", "Collective", "m"),
    ("Fédération", "Federation", "f"),
    ("Agence", "Agency", "f"),
    ("Programme", "Programme", "m"),
    ("Coopérative", "Cooperative", "f"),
    ("Centre", "Centre", "m"),
]
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
TYPOLOGY_WORDS = {
    "national": ("nationale", "national"),
    "transnational": ("transnationale", "transnational"),
    "spontaneous": ("spontanée", "spontaneous"),
    "co-opted": ("cooptée", "co-opted"),
    "specialist": ("spécialisée", "specialist"),
    "generalist": ("généraliste", "generalist"),
}
FORUM_HEADS = [
    ("Forum", "Forum", "forum"),
    ("Processus", "Process", "process"),
    ("Sommet", "Summit", "summit"),
    ("Conférence", "Conference", "conference"),
    ("Dialogue", "Dialogue", "dialogue"),
    ("Rencontres", "Meetings", "conference"),
]
DECLARATION_HEADS = {
    "declaration": ("Déclaration", "Declaration"),
    "charter": ("Charte", "Charter"),
    "call": ("Appel", "Call"),
    "compact": ("Pacte", "Compact"),
    "strategy": ("Stratégie", "Strategy"),
    "law": ("Arrêté", "Bylaw"),
    "programme": ("Programme", "Programme"),
    "tool": ("Boîte à outils", "Toolkit"),
    "report": ("Rapport", "Report"),
}
PRACTICE_HEADS = [
    ("Guichet unique pour", "One-stop shop for"),
    ("Programme municipal pour", "Municipal programme for"),
    ("Plan local pour", "Local plan for"),
    ("Dispositif expérimental pour", "Pilot scheme for"),
    ("Maison des habitants pour", "Residents’ house for"),
    ("Budget participatif pour", "Participatory budget for"),
    ("Charte locale pour", "Local charter for"),
    ("Permanences de quartier pour", "Neighbourhood drop-ins for"),
]
ROLE_TITLES = [
    ("maire", "mayor", "place"),
    ("adjointe au maire", "deputy mayor", "place"),
    ("conseiller municipal délégué", "city councillor with a portfolio", "place"),
    ("présidente", "chair", "network"),
    ("secrétaire général", "secretary general", "network"),
    ("coordinatrice", "coordinator", "network"),
    ("directeur", "director", "organisation"),
    ("chargée de mission", "project officer", "organisation"),
    ("chercheuse", "researcher", "organisation"),
    ("militant associatif", "activist", None),
]
FIGURE_LABELS = [
    ("personnes hébergées", "people housed"),
    ("familles accompagnées", "families supported"),
    ("bénévoles mobilisés", "volunteers involved"),
    ("habitants", "inhabitants"),
    ("euros de budget annuel", "euros of annual budget"),
    ("cartes municipales délivrées", "municipal cards issued"),
    ("villes membres", "member cities"),
    ("places d’hébergement", "shelter places"),
    ("heures de cours de langue", "hours of language classes"),
    ("nationalités représentées", "nationalities represented"),
    ("agents formés", "staff trained"),
    ("mineurs scolarisés", "minors enrolled in school"),
]
SPEAKERS = [
    ("le maire de la ville", "the mayor of the city"),
    ("une adjointe chargée de la solidarité", "a deputy mayor for solidarity"),
    ("une bénévole de l’association", "a volunteer of the association"),
    ("le coordinateur du réseau", "the network’s coordinator"),
    ("une habitante du quartier", "a resident of the neighbourhood"),
    ("un agent du service social", "a social services officer"),
]
LINK_LABELS = [
    ("Site du projet", "Project website"),
    ("Rapport d’évaluation", "Evaluation report"),
    ("Article de presse", "Press article"),
    ("Fiche de la base de données", "Database entry"),
    ("Délibération du conseil municipal", "City council resolution"),
    ("Vidéo de présentation", "Presentation video"),
]
AREA_NAMES = {
    "region": ("Région", "Region"),
    "department": ("Département", "Department"),
    "province": ("Province", "Province"),
    "district": ("District", "District"),
    "metropolis": ("Métropole", "Metropolitan Area"),
}
MONTHS = [
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("mai", "May"),
    ("juin", "June"),
    ("juillet", "July"),
    ("août", "August"),
    ("septembre", "September"),
    ("octobre", "October"),
    ("novembre", "November"),
    ("décembre", "December"),
]
LOCATOR_SECTIONS = [
    "« En bref »",
    "« Comment ? »",
    "« Contexte »",
    "« Résultats »",
    "« Un bref aperçu historique »",
    "« Idées d’action »",
    "« Enjeux de définition et de cadrage »",
    "introduction",
    "conclusion",
    "encadré",
]
FIRST_NAMES = [
    "Amina", "Bruno", "Camille", "Dario", "Elif", "Fatou", "Gaspard", "Hana", "Ibrahim", "Jeanne",
    "Karim", "Lucía", "Malik", "Nadia", "Olivier", "Paola", "Quentin", "Rania", "Samuel", "Thuy",
    "Ugo", "Valentina", "Wassim", "Xavier", "Yasmine", "Zoé", "Aurélie", "Moussa", "Inès", "Jonas",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Benali", "Rossi", "Diallo", "Nguyen", "García", "Müller", "Dupont", "Haddad", "Silva",
    "Traoré", "Lefèvre", "Kowalski", "Mendes", "Okafor", "Bernard", "Yilmaz", "Laurent", "Costa", "Ndiaye",
    "Moreau", "Santos", "Fontaine", "Cissé", "Petit", "Romero", "Girard", "Aydın", "Mercier", "Keita",
]  # fmt: skip
FRENCH_SPEAKING = {"FR", "BE", "CH", "CA", "SN", "MA", "TN", "DZ", "ML", "NE", "BF", "CM", "LB", "CI", "LU"}
FR_PREFIXES = ["Saint-", "Villeneuve-", "Mont", "Beau", "Bourg-", "Port-", "Val-", "Neuf", "Roche", "Font"]
FR_ROOTS = [
    "aubin", "marais", "lac", "pierre", "bois", "chêne", "étang", "sable", "vigne", "rivière",
    "colline", "mesnil", "ormeau", "fleury", "garenne", "brières", "prés", "loup", "vallon", "cerisier",
]  # fmt: skip
FR_SUFFIXES = ["", "", "-sur-Mer", "-les-Bains", "-la-Forêt", "ville", "court", "-en-Vallée", "-le-Haut"]
SYLLABLES = [
    "ka", "la", "mbo", "ri", "no", "za", "na", "te", "ma", "si", "ro", "bu", "dal", "gor", "vi", "sen",
    "tu", "lo", "ar", "el", "qa", "ba", "mi", "do", "fa", "ha", "ju", "ke", "pa", "ya", "zo", "we",
]  # fmt: skip


class Words:
    """Bilingual phrases drawn from one seeded random generator."""

    def __init__(self, rng):
        self.rng = rng

    def pick(self, pairs):
        return self.rng.choice(pairs)

    def sentence(self, extra=None):
        subject, verb, obj = self.pick(SUBJECTS), self.pick(VERBS), self.pick(OBJECTS)
        complement = self.pick(COMPLEMENTS)
        fr = f"{subject[0]} {verb[0]} {obj[0]} {complement[0]}"
        en = f"{subject[1]} {verb[1]} {obj[1]} {complement[1]}"
        if extra:
            fr, en = f"{fr} ({extra[0]})", f"{en} ({extra[1]})"
        return fr + ".", en + "."

    def text(self, low=1, high=3, extra=None, joiner=" "):
        pairs = [self.sentence(extra if i == 0 else None) for i in range(self.rng.randint(low, high))]
        return joiner.join(p[0] for p in pairs), joiner.join(p[1] for p in pairs)

    def maybe_text(self, probability, low=1, high=2):
        """Both languages or neither (an optional field is never half-translated)."""
        return self.text(low, high) if self.rng.random() < probability else ("", "")

    def place_name(self, country):
        rng = self.rng
        if country in FRENCH_SPEAKING:
            name = rng.choice(FR_PREFIXES) + rng.choice(FR_ROOTS) + rng.choice(FR_SUFFIXES)
            return name[0].upper() + name[1:]
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        return name.capitalize()

    def person_name(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def locator(self):
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            return f"p. {rng.randint(1, 120)}"
        if kind < 0.7:
            return f"§ {rng.randint(1, 6)}.{rng.randint(1, 5)} {rng.choice(LOCATOR_SECTIONS)}"
        return f"Fiche {rng.randint(1, 10)}, {rng.choice(LOCATOR_SECTIONS)}"

    def quote(self):
        obj, complement = self.pick(OBJECTS), self.pick(COMPLEMENTS)
        verb = self.pick(VERBS)
        return f"la ville {verb[0]} {obj[0]} {complement[0]}", f"the city {verb[1]} {obj[1]} {complement[1]}"


def acronym(words):
    letters = "".join(w[0] for w in words.replace("’", " ").replace("-", " ").split() if w[:1].isupper())
    return letters[:8] if len(letters) >= 2 else ""


# --- Helpers -----------------------------------------------------------------------------------


def spread(rng, total, n, minimum=0, maximum=None):
    """n counts, each at least `minimum` (and at most `maximum`), summing to about `total`."""
    if n <= 0:
        return []
    counts = [minimum] * n
    rest = max(0, int(round(total)) - minimum * n)
    if maximum is not None:
        rest = min(rest, (maximum - minimum) * n)
    while rest > 0:
        index = rng.randrange(n)
        if maximum is None or counts[index] < maximum:
            counts[index] += 1
            rest -= 1
    return counts


def weighted(rng, weights, k):
    """k draws from a {value: weight} mapping."""
    return Picker(rng, weights).draw(k)


class Picker:
    """Repeated weighted draws from a {value: weight} mapping (cumulative weights computed once)."""

    def __init__(self, rng, weights):
        self.rng = rng
        self.values = list(weights)
        self.cumulative = list(accumulate(weights[value] for value in self.values))

    def draw(self, k):
        return self.rng.choices(self.values, cum_weights=self.cumulative, k=k)

    def one(self):
        return self.rng.choices(self.values, cum_weights=self.cumulative)[0]


def choice_weights(model, field, smoothing=None):
    """The real frequencies of a choice field, smoothed so every valid choice appears."""
    choices = [value for value, _label in model._meta.get_field(field).choices]
    real = Counter(
        dict(
            model._default_manager.exclude(synthetic())
            .values_list(field)
            .annotate(n=Count("pk"))
            .order_by()  # no default ordering in the GROUP BY
            .values_list(field, "n")
        )
    )
    total = sum(real.values())
    floor = smoothing if smoothing is not None else max(1.0, total / (4 * len(choices)))
    return {value: real.get(value, 0) + floor for value in choices}


class RowBuilder:
    """Model instances built from positional values, as Model.from_db does.

    Much cheaper than keyword construction (modeltranslation rewrites every keyword); values are
    given by attname (`place_id`, not `place`), and a misspelt name is an error.
    """

    def __init__(self, model):
        self.model = model
        fields = model._meta.concrete_fields
        self.index = {field.attname: i for i, field in enumerate(fields)}
        self.defaults = [None if field.primary_key else field.get_default() for field in fields]

    def __call__(self, values):
        row = list(self.defaults)
        index = self.index
        for name, value in values.items():
            row[index[name]] = value
        return self.model(*row)


class Generator:
    """Builds and inserts the synthetic records; `run()` returns {label: rows created}."""

    def __init__(self, factor=1, seed=DEFAULT_SEED, batch_size=BATCH_SIZE, log=None):
        if factor <= 0:
            raise ValueError("factor must be positive")
        self.factor = factor
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.batch_size = batch_size
        self.log = log or (lambda message: None)
        self.created = {}
        self.timings = {}
        self.builders = {}

    # ----- reading the real content

    def real_counts(self):
        """Counts of the real (non-synthetic) content, per model and per relation."""
        counts = {}
        for model in (Place, Organisation, Person, Network, Membership, Forum, Event, Declaration, Practice):
            counts[model._meta.label_lower] = model._default_manager.exclude(synthetic()).count()
        counts["actors.role"] = Role.objects.exclude(synthetic("person__")).count()
        for model in (KeyFigure, PracticeQuote, FurtherReading):
            counts[model._meta.label_lower] = model._default_manager.exclude(synthetic("practice__")).count()
        for field in CITABLE_MODELS:
            counts[f"citations.{field}"] = (
                Citation.objects.filter(**{f"{field}__isnull": False})
                .exclude(synthetic(f"{field}__"))
                .count()
            )
        real_claims = Claim.objects.exclude(synthetic())
        for field in CLAIM_SUBJECTS:
            counts[f"claims.{field}"] = real_claims.filter(**{f"{field}__isnull": False}).count()
        counts["claims.disputed"] = real_claims.filter(disputed=True).count()
        for model, name in self.m2m_fields():
            field = model._meta.get_field(name)
            owner = field.m2m_field_name()
            counts[self.m2m_label(model, name)] = field.remote_field.through.objects.exclude(
                synthetic(f"{owner}__")
            ).count()
        return counts

    @staticmethod
    def m2m_fields():
        return [
            (Network, "supporters"),
            (Forum, "organisers"),
            (Forum, "networks"),
            (Event, "organisers"),
            (Event, "organising_networks"),
            (Declaration, "adopted_by_organisations"),
            (Declaration, "adopted_by_networks"),
            (Declaration, "adopted_by_places"),
            (Practice, "themes"),
            (Practice, "places"),
            (Practice, "networks"),
            (Practice, "organisations"),
            (Practice, "people"),
        ]

    @staticmethod
    def m2m_label(model, name):
        return f"{model._meta.label_lower}.{name}"

    def target(self, key):
        return int(round(self.real[key] * self.factor))

    def countries_in_use(self):
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

    def load_pools(self):
        self.sources = list(Source.objects.order_by("pk").values_list("pk", flat=True))
        if not self.sources:
            raise RuntimeError("No source in the database: load the real content first (load_content).")
        usage = Counter(dict(Citation.objects.values_list("source").annotate(n=Count("pk")).order_by()))
        self.source_picker = Picker(self.rng, {pk: usage.get(pk, 0) + 1 for pk in self.sources})
        self.themes = list(Theme.objects.order_by("pk").values_list("pk", "name_fr", "name_en"))
        if not self.themes:
            raise RuntimeError("No theme in the database: load the real content first (load_content).")
        self.places = list(Place.objects.order_by("pk").values_list("pk", "country", "name_fr"))
        self.organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
        self.people = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        self.networks = list(Network.objects.order_by("pk").values_list("pk", flat=True))
        self.forums = list(Forum.objects.order_by("pk").values_list("pk", "name_fr", "name_en"))
        self.events = list(Event.objects.order_by("pk").values_list("pk", flat=True))
        self.country_picker = Picker(self.rng, self.countries_in_use())
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

    # ----- writing

    def build(self, model, **values):
        builder = self.builders.get(model)
        if builder is None:
            builder = self.builders[model] = RowBuilder(model)
        return builder(values)

    def insert(self, model, objects, label=None):
        label = label or model._meta.label_lower
        started = time.perf_counter()
        created = model._default_manager.bulk_create(objects, batch_size=self.batch_size)
        self.created[label] = self.created.get(label, 0) + len(created)
        self.timings[label] = self.timings.get(label, 0.0) + time.perf_counter() - started
        return created

    def insert_links(self, model, name, links):
        """links: iterable of (owner pk, target pk) for the many-to-many field `name` of `model`."""
        field = model._meta.get_field(name)
        through = field.remote_field.through
        owner = field.m2m_field_name() + "_id"
        other = field.m2m_reverse_field_name() + "_id"
        rows = [self.build(through, **{owner: a, other: b}) for a, b in links]
        self.insert(through, rows, label=self.m2m_label(model, name))

    def unique_slugs(self, model, kind, names):
        """syn-<kind>-<name>-<n>, numbered after any synthetic records already there."""
        taken = set(model._default_manager.filter(synthetic()).values_list("slug", flat=True))
        start = len(taken) + 1
        slugs = []
        for offset, name in enumerate(names):
            number = start + offset
            stem = "-".join(part for part in (kind, slugify(name)[:50].strip("-")) if part)
            slug = f"{PREFIX}{stem}-{number}"
            while slug in taken:
                number += len(names)
                slug = f"{PREFIX}{stem}-{number}"
            taken.add(slug)
            slugs.append(slug)
        return slugs

    def record_fields(self):
        return {"is_published": True, "original_language": "fr" if self.rng.random() < 0.85 else "en"}

    def country(self, k=1):
        return self.country_picker.draw(k)

    def year(self, low=1990, high=2024):
        return self.rng.randint(low, high)

    def spread_links(self, owners, pool, key, minimum=0, maximum=None):
        """(owner, target) pairs: about factor × the real number of links, distinct per owner."""
        if not owners or not pool:
            return []
        total = self.target(key)
        maximum = min(maximum or len(pool), len(pool))
        counts = spread(self.rng, total, len(owners), min(minimum, maximum), maximum)
        links = []
        for owner, count in zip(owners, counts, strict=True):
            links.extend((owner, target) for target in self.rng.sample(pool, count))
        return links

    # ----- the records

    def make_places(self):
        n = self.target("actors.place")
        kinds = weighted(self.rng, choice_weights(Place, "kind"), n)
        countries = self.country(n)
        names = [self.words.place_name(c) for c in countries]
        slugs = self.unique_slugs(Place, "place", names)
        by_country = defaultdict(list)
        for pk, country, _name in self.places:
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
            fields = {}
            if rng.random() < 0.5:
                lat, lon = self.centres.get(country) or (rng.uniform(-40, 60), rng.uniform(-120, 140))
                fields["latitude"] = Decimal(f"{max(-89.9, min(89.9, lat + rng.uniform(-3, 3))):.6f}")
                fields["longitude"] = Decimal(f"{max(-179.9, min(179.9, lon + rng.uniform(-3, 3))):.6f}")
            if rng.random() < 0.4:
                fields["population"] = int(10 ** rng.uniform(2.5, 7))
                fields["population_year"] = rng.randint(2010, 2023)
                fields["population_source"] = "Données synthétiques (benchmark)"
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
        self.new_places = [(p.pk, p.country, p.name_fr) for p in created]
        self.places += self.new_places

    def make_organisations(self):
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
        self.new_organisations = [o.pk for o in created]
        self.organisations += self.new_organisations

    def make_people(self):
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
        self.new_people = [p.pk for p in created]
        self.people += self.new_people

    def make_networks(self):
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
        parents = list(self.networks)
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
            founded_place = rng.choice(self.places)[0] if rng.random() < 0.5 else None
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
        self.new_networks = [x.pk for x in created]
        self.networks += self.new_networks
        self.insert_links(
            Network,
            "supporters",
            self.spread_links(self.new_networks, self.organisations, "networks.network.supporters"),
        )

    def make_memberships(self):
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
            "network": (self.existing["network"], self.new_networks),
            "place": (self.existing["place"], [p[0] for p in self.new_places]),
            "organisation": (self.existing["organisation"], self.new_organisations),
            "member_network": (self.existing["network"], self.new_networks),
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
                    note_fr=note[0],
                    note_en=note[1],
                    **self.record_fields(),
                )
            )
        created = self.insert(Membership, rows)
        self.new_memberships = [m.pk for m in created]

    def make_forums(self):
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
        self.new_forums = [f.pk for f in created]
        self.forums += [(f.pk, f.name_fr, f.name_en) for f in created]
        self.insert_links(
            Forum,
            "organisers",
            self.spread_links(self.new_forums, self.organisations, "networks.forum.organisers"),
        )
        self.insert_links(
            Forum, "networks", self.spread_links(self.new_forums, self.networks, "networks.forum.networks")
        )

    def make_events(self):
        n = self.target("networks.event")
        rows, names, extra = [], [], []
        for _ in range(n):
            rng = self.rng
            year = self.year(1995, 2024)
            place = rng.choice(self.places) if rng.random() < 0.8 else None
            forum = rng.choice(self.forums) if self.forums and rng.random() < 0.6 else None
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
        self.new_events = [e.pk for e in created]
        self.events += self.new_events
        self.insert_links(
            Event,
            "organisers",
            self.spread_links(self.new_events, self.organisations, "networks.event.organisers"),
        )
        self.insert_links(
            Event,
            "organising_networks",
            self.spread_links(self.new_events, self.networks, "networks.event.organising_networks"),
        )

    def make_declarations(self):
        n = self.target("networks.declaration")
        kinds = weighted(self.rng, choice_weights(Declaration, "kind"), n)
        names, places = [], []
        for i in range(n):
            rng = self.rng
            place = rng.choice(self.places) if rng.random() < 0.5 else None
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
                    event_id=rng.choice(self.events) if self.events and rng.random() < 0.4 else None,
                    place_id=places[i][0] if places[i] else None,
                    description_fr=description[0],
                    description_en=description[1],
                    url=f"https://example.org/{slugs[i]}" if rng.random() < 0.3 else "",
                    **self.record_fields(),
                )
            )
        created = self.insert(Declaration, rows)
        self.new_declarations = [d.pk for d in created]
        place_pks = [p[0] for p in self.places]
        for name, pool in (
            ("adopted_by_organisations", self.organisations),
            ("adopted_by_networks", self.networks),
            ("adopted_by_places", place_pks),
        ):
            key = f"networks.declaration.{name}"
            self.insert_links(Declaration, name, self.spread_links(self.new_declarations, pool, key))

    def make_roles(self):
        n = self.target("actors.role")
        counts = spread(self.rng, n, len(self.new_people), minimum=1 if n >= len(self.new_people) else 0)
        rows = []
        for person, count in zip(self.new_people, counts, strict=True):
            for _ in range(count):
                rng = self.rng
                title_fr, title_en, where = rng.choice(ROLE_TITLES)
                fields = {}
                if where == "place":
                    fields["place_id"] = rng.choice(self.places)[0]
                elif where == "network":
                    fields["network_id"] = rng.choice(self.networks)
                elif where == "organisation" and self.organisations:
                    fields["organisation_id"] = rng.choice(self.organisations)
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
                        locator=self.words.locator(),
                        quote=f"{title_fr} : {quote[0]}",
                        quote_translation=f"{title_en}: {quote[1]}",
                        **fields,
                    )
                )
        self.insert(Role, rows)

    def make_practices(self):
        n = self.target("practices.practice")
        statuses = weighted(self.rng, choice_weights(Practice, "status"), n)
        families = weighted(self.rng, choice_weights(Practice, "family"), n)
        picks, names = [], []
        for _ in range(n):
            rng = self.rng
            themes = rng.sample(self.themes, min(len(self.themes), rng.randint(1, 3)))
            places = rng.sample(self.places, min(len(self.places), rng.randint(1, 3)))
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
        self.new_practices = [p.pk for p in created]
        self.insert_links(
            Practice,
            "themes",
            [
                (p, t[0])
                for p, (themes, _places) in zip(self.new_practices, picks, strict=True)
                for t in themes
            ],
        )
        self.insert_links(
            Practice,
            "places",
            [
                (p, x[0])
                for p, (_themes, places) in zip(self.new_practices, picks, strict=True)
                for x in places
            ],
        )
        for name, pool in (
            ("networks", self.networks),
            ("organisations", self.organisations),
            ("people", self.people),
        ):
            key = f"practices.practice.{name}"
            self.insert_links(Practice, name, self.spread_links(self.new_practices, pool, key, maximum=4))

    def per_practice(self, key):
        """How many children each synthetic practice gets: at least one when there are enough."""
        total, n = self.target(key), len(self.new_practices)
        return spread(self.rng, total, n, minimum=1 if total >= n else 0)

    def make_practice_children(self):
        figures, quotes, links = [], [], []
        for practice, count in zip(self.new_practices, self.per_practice("practices.keyfigure"), strict=True):
            for order in range(1, count + 1):
                label = self.words.pick(FIGURE_LABELS)
                figures.append(
                    self.build(
                        KeyFigure,
                        practice_id=practice,
                        order=order,
                        value=f"{self.rng.randint(2, 99_999):,}".replace(",", " "),
                        label_fr=label[0],
                        label_en=label[1],
                        source_id=self.source(),
                        locator=self.words.locator(),
                    )
                )
        for practice, count in zip(
            self.new_practices, self.per_practice("practices.practicequote"), strict=True
        ):
            for order in range(1, count + 1):
                speaker = self.words.pick(SPEAKERS)
                quote = self.words.quote()
                quotes.append(
                    self.build(
                        PracticeQuote,
                        practice_id=practice,
                        order=order,
                        speaker_id=self.rng.choice(self.people)
                        if self.people and self.rng.random() < 0.3
                        else None,
                        speaker_label_fr=speaker[0],
                        speaker_label_en=speaker[1],
                        source_id=self.source(),
                        locator=self.words.locator(),
                        quote=quote[0],
                        quote_translation=quote[1],
                    )
                )
        for practice, count in zip(
            self.new_practices, self.per_practice("practices.furtherreading"), strict=True
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

    def source(self):
        return self.source_picker.one()

    def new_records(self, field):
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

    def make_citations(self):
        """Every synthetic record that needs a citation gets at least one."""
        rows = []
        for field in CITABLE_MODELS:
            records = self.new_records(field)
            total = max(self.target(f"citations.{field}"), len(records))
            for record, count in zip(records, spread(self.rng, total, len(records), minimum=1), strict=True):
                for _ in range(count):
                    quote = self.words.quote()
                    rows.append(
                        self.build(
                            Citation,
                            source_id=self.source(),
                            locator=self.words.locator(),
                            quote=quote[0],
                            quote_translation=quote[1],
                            **{f"{field}_id": record},
                        )
                    )
            if len(rows) >= 20 * self.batch_size:
                self.insert(Citation, rows)
                rows = []
        self.insert(Citation, rows)

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
            names = [p[2] for p in rng.sample(self.places, min(3, len(self.places)))]
            return ", ".join(names), ", ".join(names), None
        if kind == "name":
            name = self.words.place_name("FR" if rng.random() < 0.5 else "XX")
            return f"« {name} »", f"“{name}”", None
        obj = self.words.pick(OBJECTS)
        return f"priorité à {obj[0]}", f"priority to {obj[1]}", None

    def make_claims(self):
        kinds = Picker(self.rng, choice_weights(Claim, "kind"))
        total = sum(self.target(f"claims.{field}") for field in CLAIM_SUBJECTS)
        real_total = sum(self.real[f"claims.{field}"] for field in CLAIM_SUBJECTS)
        disputed_share = self.real["claims.disputed"] / real_total if real_total else 0.1
        pair_probability = max(0.05, disputed_share / 2)
        specs = []  # (field, subject pk, kind, disputed)
        paired = False  # at least one disputed pair whenever there is room for one
        for field in CLAIM_SUBJECTS:
            subjects = self.new_records(field)
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
                    if source != previous[1] or len(self.sources) == 1:
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
                    locator=self.words.locator(),
                    quote=f"{quote[0]} ({value_fr})",
                    quote_translation=f"{quote[1]} ({value_en})",
                    **{f"{field}_id": subject},
                    **self.record_fields(),
                )
            )
        self.insert(Claim, rows)

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

    def run(self):
        started = time.perf_counter()
        with translation.override(settings.LANGUAGE_CODE), unlogged_queries(), transaction.atomic():
            self.real = self.real_counts()
            self.load_pools()
            for step in self.STEPS:
                step_started = time.perf_counter()
                getattr(self, step)()
                self.log(f"  {step.removeprefix('make_')}: {time.perf_counter() - step_started:.1f}s")
            # bulk_create sends no post_save signal: search vectors in one UPDATE per model, and a
            # new content version, once, for the page cache.
            step_started = time.perf_counter()
            refresh_search_vectors()
            self.log(f"  search vectors: {time.perf_counter() - step_started:.1f}s")
            bump()
        self.elapsed = time.perf_counter() - started
        return self.created
