"""`{% membership_timeline memberships network=… as timeline %}`: the geometry of a membership
timeline (networks.timeline) for the include that draws it, from memberships the page has fetched."""

from django import template

from networks.timeline import membership_timeline as build

register = template.Library()


@register.simple_tag
def membership_timeline(memberships, network=None):
    """A network's members over time (`network` given), or a place's networks over time."""
    return build(list(memberships), network=network or None)
