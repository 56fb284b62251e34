"""Country names for ISO 3166-1 alpha-2 codes (editors' reference data, ISO 3166-1 as of 2024).

Only the countries the knowledge base uses, plus neighbours likely to appear; an unknown code is
shown as the code itself.
"""

from django.utils.translation import get_language

COUNTRIES = {
    "AF": ("Afghanistan", "Afghanistan"),
    "AT": ("Autriche", "Austria"),
    "AU": ("Australie", "Australia"),
    "BE": ("Belgique", "Belgium"),
    "BF": ("Burkina Faso", "Burkina Faso"),
    "BR": ("Brésil", "Brazil"),
    "CA": ("Canada", "Canada"),
    "CH": ("Suisse", "Switzerland"),
    "CM": ("Cameroun", "Cameroon"),
    "CO": ("Colombie", "Colombia"),
    "CR": ("Costa Rica", "Costa Rica"),
    "DE": ("Allemagne", "Germany"),
    "DK": ("Danemark", "Denmark"),
    "DZ": ("Algérie", "Algeria"),
    "EC": ("Équateur", "Ecuador"),
    "EG": ("Égypte", "Egypt"),
    "ES": ("Espagne", "Spain"),
    "FR": ("France", "France"),
    "GB": ("Royaume-Uni", "United Kingdom"),
    "GH": ("Ghana", "Ghana"),
    "GQ": ("Guinée équatoriale", "Equatorial Guinea"),
    "GR": ("Grèce", "Greece"),
    "ID": ("Indonésie", "Indonesia"),
    "IT": ("Italie", "Italy"),
    "JO": ("Jordanie", "Jordan"),
    "LB": ("Liban", "Lebanon"),
    "MA": ("Maroc", "Morocco"),
    "ML": ("Mali", "Mali"),
    "MX": ("Mexique", "Mexico"),
    "NE": ("Niger", "Niger"),
    "NL": ("Pays-Bas", "Netherlands"),
    "NZ": ("Nouvelle-Zélande", "New Zealand"),
    "PH": ("Philippines", "Philippines"),
    "PT": ("Portugal", "Portugal"),
    "SL": ("Sierra Leone", "Sierra Leone"),
    "SN": ("Sénégal", "Senegal"),
    "TN": ("Tunisie", "Tunisia"),
    "TR": ("Turquie", "Turkey"),
    "TW": ("Taïwan", "Taiwan"),
    "UA": ("Ukraine", "Ukraine"),
    "UG": ("Ouganda", "Uganda"),
    "US": ("États-Unis", "United States"),
    "UY": ("Uruguay", "Uruguay"),
    "ZA": ("Afrique du Sud", "South Africa"),
}


def country_name(code, language=None):
    names = COUNTRIES.get((code or "").upper())
    if not names:
        return code or ""
    return names[1] if (language or get_language() or "fr").startswith("en") else names[0]
