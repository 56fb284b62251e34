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
