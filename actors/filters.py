import django_filters
from django.utils.translation import gettext_lazy as _

from actors.models import Place


class PlaceFilter(django_filters.FilterSet):
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", label=_("country"))
    kind = django_filters.ChoiceFilter(choices=Place.Kind.choices, label=_("kind"))

    class Meta:
        model = Place
        fields = ["country", "kind"]
