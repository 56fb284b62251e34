"""`{% compare_url place %}`: the comparison of places with this one chosen, in the page's language."""

from django import template

from actors import compare

register = template.Library()


@register.simple_tag
def compare_url(*places):
    return compare.compare_url([place.slug for place in places])
