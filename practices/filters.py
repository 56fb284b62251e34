import django_filters
from django.utils.translation import gettext_lazy as _

from practices.models import Practice, Theme


class PracticeFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        field_name="themes",
        to_field_name="slug",
        queryset=lambda request: Theme.objects.all(),
        label=_("theme"),
    )
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact", label=_("country"))
    family = django_filters.ChoiceFilter(choices=Practice.Family.choices[:2], label=_("family"))
    status = django_filters.ChoiceFilter(choices=Practice.Status.choices, label=_("status"))

    class Meta:
        model = Practice
        fields = ["theme", "country", "family", "status"]
