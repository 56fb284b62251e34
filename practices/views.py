from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from actors.models import Place
from practices.filters import BriefFilter, PracticeFilter, brief_selection, brief_url
from practices.models import Practice
from records.countries import country_name
from records.facets import Facet
from records.views import FilteredListView, RecordDetailView


class PracticeListView(FilteredListView):
    model = Practice
    filterset_class = PracticeFilter

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.filterset.like_context())
        return context

    def get_facets(self):
        return [
            Facet("theme", _("theme"), "themes__slug", label_field="themes__name"),
            Facet("country", _("country"), "country", label_function=country_name),
            Facet(
                "size",
                _("size of the place"),
                "places__size_band",
                choices=dict(Place.SizeBand.choices),
                # Places whose size is known or estimated by the editors: count from those.
                only=~Q(places__size_band=""),
            ),
            Facet("family", _("family"), "family", choices=dict(Practice.Family.choices)),
            Facet("status", _("status"), "status", choices=dict(Practice.Status.choices)),
            Facet(
                "place_network",
                _("network of the place"),
                "places__memberships__network__slug",
                label_field="places__memberships__network__name",
            ),
        ]


class PracticeDetailView(RecordDetailView):
    model = Practice

    def get_queryset(self):
        return super().get_queryset().for_detail()


class BriefView(TemplateView):
    """A printable brief of the fiches a reader picked, in their order: `?fiche=riace&fiche=idnyc-new-york`.

    The selection lives in the URL only (no account, nothing stored on the server), so a brief can be
    shared; a slug that names no published fiche is named on the page, the others are still shown."""

    template_name = "practices/brief.html"
    filterset_class = BriefFilter  # the page cache keys on its parameters
    MAX_FICHES = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requested = brief_selection(self.request.GET)
        kept = requested[: self.MAX_FICHES]
        found = {
            practice.slug: practice
            for practice in Practice.objects.published().for_brief().filter(slug__in=kept)
        }
        practices = [found[slug] for slug in kept if slug in found]
        sources = {}
        for practice in practices:
            for sourced in [*practice.citations.all(), *practice.key_figures.all()]:
                if sourced.source is not None:  # None: a draft source, invisible as any draft
                    sources.setdefault(sourced.source.pk, sourced.source)
        unknown = [slug for slug in kept if slug not in found]
        context.update(
            practices=practices,
            unknown=unknown,
            unknown_label=", ".join(slug[:60] for slug in unknown),
            left_out=requested[self.MAX_FICHES :],
            max_fiches=self.MAX_FICHES,
            sources=sorted(sources.values(), key=lambda source: (source.year or 0, source.slug)),
            selection=[practice.slug for practice in practices],
            # From the selection, not the request: the page cache serves this page to every query with
            # the same `fiche` values, whatever else they carry.
            brief_url=self.request.build_absolute_uri(brief_url(kept)),
            selection_path=brief_url(kept),  # hreflang and canonical keep the selection
            today=formats.date_format(timezone.localdate(), "DATE_FORMAT"),
        )
        return context
