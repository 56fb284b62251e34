"""The sitemap: an index (sitemap.xml) of one sitemap per kind of record (sitemap-networks.xml…),
each listing every published record in both languages with hreflang alternates, in pages of
SITEMAP_PAGE records, so that no response grows with the size of the content."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from records.kinds import IN_SITEMAP

# URLs per sitemap page (a record gives one per language): far under the protocol's 50,000, and a
# page costs the same however many records there are.
SITEMAP_PAGE = 1000


class RecordLanguages:
    """Every (record, language) pair, in the order Django's i18n sitemap pages them, read a page at a
    time: Django builds the whole list of pairs for every page and for the index."""

    def __init__(self, queryset, languages):
        self.queryset, self.languages = queryset, list(languages)

    def count(self):
        return self.queryset.count() * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        per_record = len(self.languages)
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        first = start // per_record
        records = self.queryset[first : -(-stop // per_record)]
        pairs = [(record, language) for record in records for language in self.languages]
        return pairs[start - first * per_record : stop - first * per_record]


class RecordSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = SITEMAP_PAGE
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, item):
        return item.updated_at

    def _items(self):
        return RecordLanguages(self.items(), self._languages())

    def get_latest_lastmod(self):
        """For the index: one aggregate, not a walk through every record (Django's default)."""
        return self.model.objects.published().aggregate(latest=Max("updated_at"))["latest"]


def record_sitemap(kind):
    """The sitemap of one kind of record (records.kinds: `sitemap_priority`)."""
    name = f"{kind.model.__name__}Sitemap"
    return type(name, (RecordSitemap,), {"model": kind.model, "priority": kind.sitemap_priority})


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


SITEMAPS = {"pages": PageSitemap, **{kind.api_path: record_sitemap(kind) for kind in IN_SITEMAP}}
