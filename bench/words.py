"""Bilingual text for synthetic records: word lists, phrases drawn from them, small text helpers.

The lists are pairs (French, English): sentences are assembled from the same picks in both
languages, so the English text is a plausible translation of the French one and each language has
its own words.
"""

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
        """A locator in both languages (sections, never pages: the sources have none), as fields."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            number = rng.randint(1, 60)
            return {"locator_fr": f"note {number}", "locator_en": f"note {number}"}
        if kind < 0.7:
            text = f"§ {rng.randint(1, 6)}.{rng.randint(1, 5)} {rng.choice(LOCATOR_SECTIONS)}"
        else:
            text = f"Fiche {rng.randint(1, 10)}, {rng.choice(LOCATOR_SECTIONS)}"
        return {"locator_fr": text, "locator_en": text.replace("encadré", "box")}

    def quote(self):
        obj, complement = self.pick(OBJECTS), self.pick(COMPLEMENTS)
        verb = self.pick(VERBS)
        return f"la ville {verb[0]} {obj[0]} {complement[0]}", f"the city {verb[1]} {obj[1]} {complement[1]}"


def acronym(words):
    letters = "".join(w[0] for w in words.replace("’", " ").replace("-", " ").split() if w[:1].isupper())
    return letters[:8] if len(letters) >= 2 else ""
