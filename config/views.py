from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.generic import TemplateView

from networks.models import Event
from networks.views import typology_matrix
from practices.models import Practice


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["matrix"] = typology_matrix()
        context["featured_practices"] = (
            Practice.objects.published().filter(number__isnull=False).prefetch_related("places")[:6]
        )
        context["timeline"] = (
            Event.objects.published().select_related("forum", "place").order_by("year", "month")[:20]
        )
        return context


def page_not_found(request, exception):
    """JSON for the API (whatever the path looked like), the site's page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
