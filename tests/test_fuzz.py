"""Fuzzing every page and API endpoint with generated query strings: never a server error.

The URLs come from the URL confs themselves: every named route but the admin's, the pages in both
languages, detail routes with a real slug, a missing one and (networks) a renamed one, plus the
language redirect and both 404 handlers. A new route is fuzzed as soon as it exists;
`test_every_route_is_fuzzed` fails when the fuzzer cannot fill a route's arguments.

For each URL hypothesis writes raw query strings (bytes, set as QUERY_STRING by hand) from the
parameters the view reads (its FilterSet, ordering fields, pagination, `lang`, `format`…), the
parameters any view of the site takes, and random names; values are valid choices, existing and
missing slugs, numbers of every kind, empty and 10 000-character strings, control characters (NUL
first: PostgreSQL refuses it in a query), combining marks, RTL, emoji, SQL- and HTML-injection
strings, percent-encoded junk and invalid UTF-8 bytes, alone or repeated. Every answer must be below
500; an API error must be JSON with a `detail`; no HTML answer may echo `<script>` unescaped.

Bounded and reproducible: derandomized, no example database, a few examples per URL (EXAMPLES).
For a deeper hunt, `KB_FUZZ_SCALE=10` multiplies the examples and `KB_FUZZ_RANDOM=1` draws new ones
on every run; `KB_FUZZ_STATS=1` prints how many requests were made and their statuses.
`@given` decorates a function defined inside each test, which takes no fixture: hypothesis never
sees pytest's function-scoped fixtures, so the health check about them has nothing to report. The
records are created once for the module (`dataset`), each request runs in a savepoint so that a
database error cannot poison the examples that follow (shrinking on PostgreSQL).

Application bugs found by this fuzzer are listed in KNOWN_BUGS: the fuzzer steps around exactly
those requests (`assume`) and `test_known_bug_still_fails` pins each one with a strict xfail, so the
fix of one is noticed and the fuzzer keeps looking for others meanwhile.
"""

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote, quote_plus

import pytest
from django.db import transaction
from django.http import QueryDict
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from sources.models import SlugRedirect
from tests import factories as f

LANGUAGES = ["fr", "en"]
SCALE = max(1, int(os.environ.get("KB_FUZZ_SCALE", "1")))
RANDOM = bool(os.environ.get("KB_FUZZ_RANDOM"))  # explore beyond the fixed examples (not in CI)
REQUESTS = Counter()  # status -> requests made (printed with KB_FUZZ_STATS=1)

# ---------------------------------------------------------------------------------------------------
# The records every URL is fuzzed against: a small, fixed dataset (slugs known at collection time).

SLUGS = {  # the last part of a detail route's name -> a published record's slug
    "network-detail": "anvita",
    "membership-detail": "anvita--grenoble--founder",
    "place-detail": "grenoble",
    "organisation-detail": "iom",
    "person-detail": "damien-careme",
    "practice-detail": "riace",
    "theme-detail": "housing",
    "forum-detail": "global-mayoral-forum",
    "event-detail": "gmf-2018",
    "declaration-detail": "marrakech-declaration",
    "source-detail": "lacroix-2020",
    "claim-detail": "anvita-founded",
}
PKS = {"citation-detail": 900_001}  # routes by id: an id the dataset gives a record (see create_dataset)
MISSING_PK = 999_999
RENAMED = {"network-detail": "villes-accueillantes"}  # an old slug that redirects (301)
MISSING_SLUG = "atlantis"
RECORD_SLUGS = {  # model label -> slugs in the dataset (filters draw from these and from missing ones)
    "actors.place": ["grenoble", "paris", "paris-11", "riace-village"],
    "actors.organisation": ["iom"],
    "actors.person": ["damien-careme"],
    "networks.network": ["anvita", "eurocities", "solidarity-cities", "hidden-network"],
    "networks.membership": ["anvita--grenoble--founder"],
    "networks.forum": ["global-mayoral-forum"],
    "networks.event": ["gmf-2018"],
    "networks.declaration": ["marrakech-declaration"],
    "practices.practice": ["riace", "grenoble-participation"],
    "practices.theme": ["housing", "participation"],
    "sources.source": ["lacroix-2020"],
    "sources.claim": ["anvita-founded", "anvita-founded-2019"],
}
ALL_SLUGS = sorted({slug for slugs in RECORD_SLUGS.values() for slug in slugs})


def create_dataset():
    source = f.make_source(slug="lacroix-2020")
    grenoble = f.make_place(
        slug="grenoble",
        name_fr="Grenoble",
        name_en="Grenoble",
        latitude="45.19",
        longitude="5.72",
        population=158_000,
        population_year=2020,
    )
    paris = f.make_place(slug="paris", name_fr="Paris", population=2_100_000, population_year=2020)
    f.make_place(slug="paris-11", kind="arrondissement", parent=paris)
    riace = f.make_place(
        slug="riace-village", kind="village", country="IT", population=2_000, population_year=2017
    )
    anvita = f.make_network(
        slug="anvita",
        name_fr="Association nationale des villes et territoires accueillants",
        name_en="National association of welcoming towns and territories",
        acronym="ANVITA",
        country="FR",
        founded_year=2018,
        in_typology_table=True,
    )
    eurocities = f.make_network(
        slug="eurocities", scale="transnational", origin="co-opted", scope="generalist", founded_year=1986
    )
    f.make_network(slug="solidarity-cities", scale="transnational", parent=eurocities, founded_year=2016)
    f.make_network(slug="hidden-network", is_published=False)
    iom = f.make_organisation(slug="iom", acronym="OIM", kind="intergovernmental")
    f.make_membership(anvita, grenoble, role="founder", start_year=2018)
    f.make_membership(anvita, paris, role="member", start_year=2019)
    f.make_membership(
        eurocities, paris, role="board", start_year=1989, end_year=2020, status="ended", status_as_of=2020
    )
    f.make_membership(eurocities, iom, role="partner")
    f.make_membership(eurocities, anvita, role="observer")
    f.make_role(f.make_person(slug="damien-careme", name="Damien Carême"), place=grenoble, start_year=2001)
    forum = f.make_forum(slug="global-mayoral-forum", kind="forum")
    event = f.make_event(slug="gmf-2018", forum=forum, place=paris, year=2018, month=12)
    declaration = f.make_declaration(slug="marrakech-declaration", event=event, kind="declaration")
    declaration.adopted_by_networks.set([anvita])
    housing = f.make_theme(slug="housing", name_fr="Logement", name_en="Housing")
    participation = f.make_theme(slug="participation")
    practice = f.make_practice(
        slug="riace",
        number=1,
        country="IT",
        places=[riace],
        themes=[housing],
        status="ongoing",
        family="place-of-migrants",
        title_fr="Riace, village d'accueil et économie locale",
    )
    practice.networks.set([anvita])
    f.make_key_figure(practice)
    f.make_quote(practice)
    f.make_link(practice)
    f.make_practice(
        slug="grenoble-participation",
        country="FR",
        places=[grenoble],
        themes=[participation],
        status="ended",
        family="civil-society",
    )
    f.make_claim(slug="anvita-founded", network=anvita, source=source, disputed=True)
    f.make_claim(
        slug="anvita-founded-2019",
        network=anvita,
        source=source,
        disputed=True,
        **f.both("value", "2019", "2019"),
    )
    f.cite(anvita, source=source, pk=PKS["citation-detail"])
    SlugRedirect.objects.create(model="networks.network", old_slug="villes-accueillantes", new_slug="anvita")


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    """The records, created once for the module inside a transaction rolled back at its end; each test's
    own transaction (the `db` fixture) is a savepoint inside it, so nothing leaks into other modules."""
    with django_db_blocker.unblock(), transaction.atomic():
        create_dataset()
        yield
        transaction.set_rollback(True)


# ---------------------------------------------------------------------------------------------------
# The URLs, from the URL confs.


@dataclass
class Target:
    path: str
    name: str  # the route's name ("api:network-list"), or what the path is for unrouted paths
    kind: str  # a key of EXAMPLES
    params: dict = field(default_factory=dict)  # parameter -> values worth trying besides the junk

    @property
    def examples(self):
        return EXAMPLES[self.kind] * SCALE

    @property
    def api(self):
        return self.path.startswith("/api/")

    def __str__(self):
        return self.path


def named_routes(resolver, namespace="", localized=False):
    """(qualified name, URL arguments, under i18n_patterns?) for every named route but the admin's."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin" or entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry, inner, localized or isinstance(entry.pattern, LocalePrefixPattern))
        elif entry.name:
            yield namespace + entry.name, tuple(sorted(entry.pattern.regex.groupindex)), localized


YEARS = ["2018", "1986", "1990", "2016", "1800", "2100", "0", "-2018", "32767", "32768", "2147483648"]
COUNTRIES = ["FR", "fr", "IT", " it ", "ZZ", "F", "FRA", "FR,IT", "fr,,it", ",FR"]
SEARCHES = [
    "grenoble", "GRENOBLE", "économie", "economie", "ÉCONOMIE", "villes accueillantes", "anvita",
    "logement", "grenobel", "damien carême", "riace village", "-anvita", '"villes accueillantes"',
    "anvita OR paris", "a & b | !c", "paris:*", "'", "''", "\\",
]  # fmt: skip
PAGES = ["1", "2", "last", "0", "-1", "999999"]
PAGE_SIZES = ["1", "2", "50", "500", "501", "0", "-1"]


def view_class(func):
    return getattr(func, "cls", None) or getattr(func, "view_class", None)


def filter_values(filter_, model):
    """Values worth trying for one FilterSet filter, read from the filter itself."""
    cls = type(filter_).__name__
    choices = filter_.extra.get("choices")
    if choices:
        values = [str(value) for value, _label in choices if value != ""]
        return [*values, ",".join(values[:2]), f"{values[0]},{values[0]}", f"{values[0]},", "planetary"]
    if cls == "YearFilter":
        return YEARS
    if cls == "CountryFilter":
        return COUNTRIES
    if cls == "RecordsFilter":
        slugs = RECORD_SLUGS.get(filter_.records_model(model)._meta.label_lower, ["x"])
        return [*slugs, MISSING_SLUG, ",".join(slugs[:2]), f"{slugs[0]},{MISSING_SLUG}", slugs[0].upper()]
    if cls == "SlugInFilter":
        return [*ALL_SLUGS, MISSING_SLUG, "anvita,paris"]
    if getattr(filter_, "method", None) == "filter_search":
        return SEARCHES
    return []


def accepted_params(path):
    """The query parameters the view of `path` reads, with values worth trying for each."""
    match = resolve(path)
    view = view_class(match.func)
    detail = "slug" in match.kwargs
    params = {}
    filterset = getattr(view, "filterset_class", None)
    if filterset is not None:  # DRF applies the filters to a detail too (an unknown choice is a 400)
        model = filterset._meta.model
        params.update(
            {name: filter_values(filter_, model) for name, filter_ in filterset.base_filters.items()}
        )
    if match.url_name == "search":
        params["q"] = SEARCHES
    if path.startswith("/api/"):
        params["lang"] = ["fr", "en", "de", "FR", "fr-ca", "en-us"]
        params["format"] = ["json", "csv", "geojson", "graphml", "api", "html", "yaml", "openapi-json"]
        if getattr(view, "pagination_class", None) is not None and filterset is not None and not detail:
            params["page"], params["page_size"] = PAGES, PAGE_SIZES
        if getattr(view, "ordering_fields", None):
            fields = view.ordering_fields
            params["ordering"] = [*fields, *(f"-{name}" for name in fields), ",".join(fields), "-", ",", "?"]
        if match.url_name in ("schema", "docs"):  # read by drf-spectacular's views
            params.update(version=["1.0.0", "v1", "2"], script=["", "1"])
    elif getattr(view, "paginate_by", None):
        params["page"] = PAGES
    if match.url_name in ("sitemap", "sitemap-section"):
        params["p"] = PAGES
    return params


# Examples per URL, by kind of view: the budget keeps the file well under a minute. Hypothesis tries
# the simplest example (the empty query string) first, so each URL also gets one plain request.
EXAMPLES = {
    "filtered": 8,  # reads filters: an API list or export, a list page, the search page
    "plain": 4,  # reads next to nothing: home, about, robots.txt, the sitemap…
    "detail": 3,
    "detail, missing slug": 2,
    "detail, renamed slug": 2,
    "api:dump": 2,  # a whole export per request; reads no filter
    "api:schema": 3,  # generated on every request
    "api:docs": 3,
}


def build_targets():
    targets, unfilled = [], []
    for name, arguments, localized in named_routes(get_resolver()):
        short = name.rsplit(":", 1)[-1]
        if arguments == ():
            variants = [({}, None)]
        elif arguments == ("section",) and short == "sitemap-section":  # a kind's sitemap, and no such kind
            variants = [({"section": "networks"}, None), ({"section": "atlantis"}, "detail, missing slug")]
        elif arguments == ("slug",) and short in SLUGS:
            variants = [({"slug": SLUGS[short]}, "detail"), ({"slug": MISSING_SLUG}, "detail, missing slug")]
            if short in RENAMED:
                variants.append(({"slug": RENAMED[short]}, "detail, renamed slug"))
        elif arguments == ("pk",) and short in PKS:
            variants = [({"pk": PKS[short]}, "detail"), ({"pk": MISSING_PK}, "detail, missing slug")]
        else:
            unfilled.append(name)
            continue
        for kwargs, kind in variants:
            for language in LANGUAGES if localized else ["fr"]:
                with translation.override(language):
                    path = reverse(name, kwargs=kwargs)
                    params = accepted_params(path)
                if kind is None:
                    kind = (
                        name if name in EXAMPLES else "filtered" if {"search", "q"} & set(params) else "plain"
                    )
                targets.append(Target(path, name, kind, params))
    targets += [  # unrouted: the language redirect and both 404 handlers (JSON under /api/)
        Target("/", "language redirect", "plain"),
        Target("/fr/nulle-part/", "page not found", "plain"),
        Target("/api/v1/nowhere/", "API not found", "plain"),
    ]
    return targets, unfilled


TARGETS, UNFILLED = build_targets()

# ---------------------------------------------------------------------------------------------------
# The query strings.

XSS = "<script>alert(1)</script>"
XSS_MARKERS = ["<script>alert(1)", "<svg onload=alert(1)>"]
COMMON_PARAMS = [
    "scale", "origin", "scope", "country", "theme", "place", "network", "family", "status", "size", "kind",
    "decade", "founded_after", "founded_before", "year_from", "year_to", "since_after", "since_before",
    "page", "page_size", "ordering", "search", "q", "lang", "format", "member", "parent", "role",
    "in_typology_table", "forum", "organisation", "member_network", "place_network", "source", "disputed",
    "version", "script", "p",
]  # fmt: skip
ALL_VALUES = {}  # parameter -> every value worth trying for it on some URL
for _target in TARGETS:
    for _name, _values in _target.params.items():
        ALL_VALUES.setdefault(_name, set()).update(_values)
ALL_VALUES = {name: sorted(values) for name, values in ALL_VALUES.items()}

JUNK_VALUES = [
    "", " ", "  ", "0", "1", "-1", "-0", "+1", "01", "1.0", "2018.5", "1e3", "1E400", "0x1F", "1_000",
    "NaN", "nan", "inf", "-Infinity", "9" * 30, "-" + "9" * 30, str(2**31), str(2**63), str(-(2**63) - 1),
    "²", "³", "①", "١٢", "１２", "߁", "Ⅻ", "true", "false", "True", "null", "None",
    "undefined", "[]", "{}", "[1]", '{"a": 1}', ",", ",,", " , ", "-", "--", "a,b,c",
    "' OR 1=1 --", "' OR '1'='1", "1; DROP TABLE networks_network; --", '" OR ""="', "1' AND SLEEP(1)--",
    "%", "%%", "_", "\\", "\\x00", "%00", "*", "?", "..", "../../etc/passwd", "/", "//example.org",
    XSS, '"><svg onload=alert(1)>', "{{ 7|add:7 }}", "{% debug %}", "${7*7}", "&amp;", "&#0;",
    "\x00", "a\x00b", "\x00" * 5, "grenoble\x00", "\x00anvita", "\x01\x02\x1b\x7f", "\t\n\r",
    "\r\nX-Injected: 1", "\x85", "\u2028", "\u200b", "\ufeff", "\u202e", "\ufffd", "\uffff", "e\u0301",
    "\u0301" * 50, "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇", "مرحبا", "שלום עולם", "\u202eabc", "😀", "👩‍👩‍👧", "🇫🇷",
    "\U0010ffff", "ß", "ẞ", "İ", "ﬃ", "Ǆ", "㐀",
    "a" * 10_000, "é" * 10_000, "\x00" * 10_000, "😀" * 10_000, "9" * 10_000, "a " * 5_000,
]  # fmt: skip
JUNK_NAMES = [
    "", " ", "\x00", "page\x00", "search\x00", "\x00search", "page[]", "page[0]", "theme[]", "__proto__",
    "constructor", "csrfmiddlewaretoken", "sessionid", "a" * 1000, "é", "😀", "%", "=", "&", "q;search",
]  # fmt: skip

# Raw bytes, straight into QUERY_STRING: invalid UTF-8, broken percent-escapes, separators.
RAW_VALUES = [
    b"%ff", b"%fe%ff", b"%c0%80", b"%c3%28", b"%e2%82", b"%e2%28%a1", b"%ed%a0%80", b"%f4%90%80%80",
    b"%f8%88%80%80%80", b"%80", b"%bf", b"%00", b"%0", b"%", b"%%", b"%zz", b"%g0", b"%u0041", b"%2",
    b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\x80abc", b"\xc3\xa9", b"\x00",
    b"a\x00b", b"+", b"++", b"%2B", b"%26", b"%3D", b"=", b"==", b"a=b=c", b";", b"#", b"%23", b"?",
    b"%0d%0a", b"\r\n", b"\t", b" ", b"%20%20", b"%ef%bb%bf", b"%e2%80%ae",
]  # fmt: skip
RAW_SEGMENTS = [b"", b"&", b"&&", b"=", b"==", b"%", b"%ff", b"\xff", b"%00=%00", b"\x00", b"?", b"a" * 3000]


TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
JUNK = st.one_of(st.sampled_from(JUNK_VALUES), TEXT, NUMBERS)
RAW = st.one_of(st.sampled_from(RAW_VALUES), st.binary(max_size=12))
GARBAGE = st.one_of(st.sampled_from(RAW_SEGMENTS), st.binary(max_size=12))
_STRATEGIES = {}  # built once per URL and parameter: building them is what costs when drawing


def values_for(target, name):
    key = (target.path, "value", name)
    if key not in _STRATEGIES:
        valid = target.params.get(name) or ALL_VALUES.get(name)
        _STRATEGIES[key] = st.one_of(st.sampled_from(valid), JUNK) if valid else JUNK
    return _STRATEGIES[key]


def repeated_values_for(target, name):
    key = (target.path, "values", name)
    if key not in _STRATEGIES:
        _STRATEGIES[key] = st.lists(values_for(target, name), min_size=2, max_size=4)
    return _STRATEGIES[key]


def names_for(target):
    key = (target.path, "name")
    if key not in _STRATEGIES:
        pools = [st.sampled_from(COMMON_PARAMS), st.sampled_from(JUNK_NAMES), TEXT]
        if target.params:
            pools.insert(0, st.sampled_from(sorted(target.params)))
        _STRATEGIES[key] = st.one_of(*pools)
    return _STRATEGIES[key]


def encode(text, plus):
    return (quote_plus if plus else quote)(text, safe="").encode("ascii")


KINDS = st.sampled_from(["pair", "pair", "pair", "repeated", "bare", "raw", "raw-name", "garbage"])


@st.composite
def segments(draw, target):
    """One `name=value` piece (several for a repeated parameter) of a raw query string."""
    name = draw(names_for(target))
    kind = draw(KINDS)
    plus = draw(st.booleans())  # spaces as + or as %20
    if kind == "pair":
        return encode(name, plus) + b"=" + encode(draw(values_for(target, name)), plus)
    if kind == "repeated":
        values = draw(repeated_values_for(target, name))
        return b"&".join(encode(name, plus) + b"=" + encode(value, plus) for value in values)
    if kind == "bare":
        return encode(name, plus)
    if kind == "raw":
        return encode(name, plus) + b"=" + draw(RAW)
    if kind == "raw-name":
        return draw(st.sampled_from(RAW_VALUES)) + b"=" + encode(draw(values_for(target, name)), plus)
    return draw(GARBAGE)


def query_strings(target):
    """Raw query strings (bytes): up to six pieces joined by `&`."""
    return st.lists(segments(target), max_size=6).map(b"&".join)


# ---------------------------------------------------------------------------------------------------
# Bugs this fuzzer found in the application (not fixed here): each is pinned by a strict xfail below.


def parsed(raw_query):
    """The query as Django reads it (WSGIRequest.GET passes the raw bytes to QueryDict too)."""
    return QueryDict(raw_query)


def known_bug(target, raw_query):
    """Why this request would hit a 5xx already reported, or None. None is known today: the four this
    fuzzer found (a JSON fallback missing on GraphML/GeoJSON exports, ?version= with a line break on the
    schema, ?page=² and 4 301-digit pages) are fixed and now fuzzed like everything else."""
    return None


def known_non_json_error(target, raw_query):
    """The Swagger UI page is an HTML page: its errors are HTML, like the site's."""
    return target.name == "api:docs"


KNOWN_BUGS = []  # (path, raw query, what the application raises)
KNOWN_NON_JSON_ERRORS = []

# ---------------------------------------------------------------------------------------------------
# The requests and what every answer must satisfy.


def get(client, path, raw_query):
    """GET with QUERY_STRING set by hand: the bytes reach Django as a WSGI server passes them."""
    with transaction.atomic():  # a database error rolls back to here and leaves the connection usable
        response = client.get(path, QUERY_STRING=raw_query.decode("latin-1"))
    REQUESTS[response.status_code] += 1
    return response


def check(target, raw_query, response):
    request = f"GET {target.path}?{raw_query!r}"
    status = response.status_code
    body = b"" if getattr(response, "streaming", False) else response.content
    assert status < 500, f"{request} -> {status}\n{body[:3000].decode(errors='replace')}"
    content_type = response.get("Content-Type", "")
    if target.api and 400 <= status < 500 and not known_non_json_error(target, raw_query):
        assert content_type.split(";")[0].endswith("json"), f"{request} -> {status} as {content_type}"
        assert "detail" in json.loads(body), f"{request} -> {status}: {body[:500]!r}"
    if content_type.startswith("text/html"):
        text = body.decode(errors="replace")
        for marker in XSS_MARKERS:
            assert marker not in text, f"{request} echoes {marker!r} unescaped"


@pytest.fixture(scope="module", autouse=True)
def request_count(request):
    yield
    if os.environ.get("KB_FUZZ_STATS"):
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(REQUESTS.items()))
        line = f"\ntest_fuzz: {REQUESTS.total()} requests over {len(TARGETS)} URLs ({statuses})"
        with request.config.pluginmanager.get_plugin("capturemanager").global_and_fixture_disabled():
            print(line)


def target_for(path):
    return next(target for target in TARGETS if target.path == path)


# ---------------------------------------------------------------------------------------------------
# The tests.


def test_every_route_is_fuzzed():
    assert not UNFILLED, f"routes the fuzzer cannot fill (add a slug to SLUGS or an id to PKS): {UNFILLED}"
    names = {target.name for target in TARGETS}
    for expected in ("home", "search", "sitemap", "robots", "api:network-list", "api:dump", "api:schema"):
        assert expected in names
    for target in TARGETS:
        if target.name.endswith("-list") and target.name not in (
            "networks:forum-list",
            "sources:source-list",
        ):
            assert target.params, f"{target.path}: no parameters found for it"


@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_no_server_error_whatever_the_query_string(dataset, db, client, target):
    @settings(
        max_examples=target.examples,
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(raw_query=query_strings(target))
    def answers_below_500(raw_query):
        note(f"GET {target.path}?{raw_query.decode('latin-1')}  (raw bytes: {raw_query!r})")
        assume(not known_bug(target, raw_query))
        check(target, raw_query, get(client, target.path, raw_query))

    answers_below_500()


# The views that filter, in one language (the other runs the same code).
NUL_TARGETS = [
    target for target in TARGETS if target.kind == "filtered" and not target.path.startswith("/en/")
]


@pytest.mark.parametrize("target", NUL_TARGETS, ids=str)
def test_nul_in_any_parameter_is_no_server_error(dataset, db, client, target):
    """NUL in each parameter the view reads, and in every parameter's name (PostgreSQL refuses NUL)."""
    queries = []
    for name, values in target.params.items():
        valid = quote(next((value for value in values if value), "x"), safe="").encode()
        queries.append(quote(name, safe="").encode() + b"=" + valid + b"%00")
    queries.append(b"&".join(quote(name, safe="").encode() + b"%00=x" for name in target.params))
    for raw_query in queries:
        if not known_bug(target, raw_query):
            check(target, raw_query, get(client, target.path, raw_query))


@pytest.mark.parametrize("language", LANGUAGES)
def test_searched_script_is_escaped(dataset, db, client, language):
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    with translation.override(language):
        page = client.get(reverse("search"), {"q": XSS})
        assert page.status_code == 200
        assert XSS not in page.text and escaped in page.text
        for name in (
            "networks:network-list",
            "practices:practice-list",
            "actors:place-list",
            "actors:organisation-list",
            "actors:person-list",
            "networks:declaration-list",
        ):
            page = client.get(reverse(name), {"search": XSS, "country": XSS, "theme": XSS})
            assert page.status_code < 500, name
            assert XSS not in page.text and escaped in page.text, name  # echoed in the search box


@pytest.mark.parametrize(
    "path, raw_query, raises",
    [
        pytest.param(path, raw_query, raises, marks=pytest.mark.xfail(strict=True, raises=raises))
        for path, raw_query, raises in KNOWN_BUGS
    ],
    ids=[f"{path}?{raw_query[:20].decode()}" for path, raw_query, _raises in KNOWN_BUGS],
)
def test_known_bug_still_fails(dataset, db, client, path, raw_query, raises):
    """Once the application is fixed this XPASSes, which fails the suite: then delete the bug from
    KNOWN_BUGS and from known_bug(), so that the fuzzer generates those requests again."""
    target = target_for(path)
    assert known_bug(target, raw_query), "the fuzzer must step around this request"
    check(target, raw_query, get(client, path, raw_query))


@pytest.mark.parametrize(
    "path, raw_query",
    [
        pytest.param(path, raw_query, marks=pytest.mark.xfail(strict=True, raises=AssertionError))
        for path, raw_query in KNOWN_NON_JSON_ERRORS
    ],
)
def test_known_non_json_error_still_happens(dataset, db, client, path, raw_query):
    response = get(client, path, raw_query)
    if not 400 <= response.status_code < 500:  # not an AssertionError: that would count as the xfail
        pytest.fail(f"GET {path}?{raw_query!r} -> {response.status_code}")
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    assert "detail" in response.json()
