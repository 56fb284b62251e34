import django_filters
from django.utils.translation import gettext_lazy as _

from networks.models import Network


class NetworkFilter(django_filters.FilterSet):
    scale = django_filters.ChoiceFilter(choices=Network.Scale.choices, label=_("scale"))
    origin = django_filters.ChoiceFilter(choices=Network.Origin.choices, label=_("origin"))
    scope = django_filters.ChoiceFilter(choices=Network.Scope.choices, label=_("scope"))
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", label=_("country"))

    class Meta:
        model = Network
        fields = ["scale", "origin", "scope", "country"]
