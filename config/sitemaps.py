"""sitemap.xml: every published record in both languages, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from actors.models import Organisation, Person, Place
from networks.models import Declaration, Event, Forum, Network
from practices.models import Practice
from sources.models import Source


class RecordSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    model = None

    def items(self):
        return self.model.objects.published().order_by("slug")

    def lastmod(self, item):
        return item.updated_at


def record_sitemap(model, priority):
    return type(f"{model.__name__}Sitemap", (RecordSitemap,), {"model": model, "priority": priority})


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    priority = 0.8

    def items(self):
        return [
            "home",
            "networks:network-list",
            "practices:practice-list",
            "actors:place-list",
            "networks:forum-list",
            "about",
            "api-page",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "networks": record_sitemap(Network, 0.8),
    "practices": record_sitemap(Practice, 0.9),
    "places": record_sitemap(Place, 0.6),
    "organisations": record_sitemap(Organisation, 0.4),
    "people": record_sitemap(Person, 0.4),
    "forums": record_sitemap(Forum, 0.5),
    "events": record_sitemap(Event, 0.5),
    "declarations": record_sitemap(Declaration, 0.5),
    "sources": record_sitemap(Source, 0.5),
}
