"""The one registry of the kinds of content: every list of kinds in the project derives from it.

`KINDS` is in load order (the targets of foreign keys first); what a kind takes part in is said
here once:

- `citable`: a Citation can cite it (Citation has a foreign key named after the model);
- `claimable`: a Claim can be about it (likewise on Claim);
- `self_sourced`: it carries its own source, locator and quote (the content check reads them);
- `search_position`: its place in the site-wide search (1 first), None when not searched there;
- `sitemap_priority`: it has pages listed in the sitemap, with this priority;
- `api_path`: its resource at /api/v1/<api_path>/, served by `<app>.api.<Model>ViewSet`.

Kinds are named by label ("networks.network"), never imported: the base knows which kinds exist
the way INSTALLED_APPS knows the apps, and the models are looked up once the registry is ready.
Loading, export, backup and restore, the content check, the curators' permissions, the page-cache
invalidation, the search page, the sitemaps, the API router and the citation and claim arcs all read
this list.
"""

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Kind:
    label: str
    citable: bool = False
    claimable: bool = False
    self_sourced: bool = False
    search_position: int | None = None
    sitemap_priority: float | None = None
    api_path: str | None = None

    @property
    def app_label(self):
        return self.label.split(".")[0]

    @property
    def model_name(self):
        return self.label.split(".")[1]

    @property
    def arc_field(self):
        """The name of the foreign key to this kind on Citation and Claim."""
        return self.model_name

    @property
    def model(self):
        return apps.get_model(self.label)

    @property
    def viewset_path(self):
        return f"{self.app_label}.api.{self.model.__name__}ViewSet"


KINDS = (
    Kind("sources.source", sitemap_priority=0.5, api_path="sources"),
    Kind("actors.place", True, True, search_position=3, sitemap_priority=0.6, api_path="places"),
    Kind(
        "actors.organisation", True, True, search_position=4, sitemap_priority=0.4, api_path="organisations"
    ),
    Kind("actors.person", True, True, search_position=5, sitemap_priority=0.4, api_path="people"),
    Kind("networks.network", True, True, search_position=1, sitemap_priority=0.8, api_path="networks"),
    Kind("networks.membership", citable=True, api_path="memberships"),
    Kind("networks.forum", True, True, search_position=6, sitemap_priority=0.5, api_path="forums"),
    Kind("networks.event", True, True, search_position=7, sitemap_priority=0.5, api_path="events"),
    Kind(
        "networks.declaration", True, True, search_position=8, sitemap_priority=0.5, api_path="declarations"
    ),
    Kind("actors.role", self_sourced=True),
    Kind("practices.theme", api_path="themes"),
    Kind("practices.practice", True, True, search_position=2, sitemap_priority=0.9, api_path="practices"),
    Kind("practices.keyfigure"),
    Kind("practices.practicequote", self_sourced=True),
    Kind("practices.furtherreading"),
    Kind("sources.citation"),
    Kind("sources.claim", self_sourced=True, api_path="claims"),
    Kind("sources.slugredirect"),
)

LABELS = [kind.label for kind in KINDS]
# The apps that hold content, in load order: one fixture file each (fixtures/<app>.json).
CONTENT_APPS = list(dict.fromkeys(kind.app_label for kind in KINDS))
CITABLE = [kind for kind in KINDS if kind.citable]
CLAIMABLE = [kind for kind in KINDS if kind.claimable]
SELF_SOURCED = [kind for kind in KINDS if kind.self_sourced]
SEARCHED = sorted((kind for kind in KINDS if kind.search_position), key=lambda kind: kind.search_position)
IN_SITEMAP = [kind for kind in KINDS if kind.sitemap_priority is not None]
IN_API = [kind for kind in KINDS if kind.api_path]
