"""`{% disputed record "field" %}`: beside a value on which the sources disagree, a mark that links to
the first of the disagreeing claims (the record's claims are prefetched on every detail page)."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/disputed.html")
def disputed(record, field, label=""):
    """The mark, after the value it qualifies; with a `label`, a sentence naming what is disputed
    (for a fact shown as a list rather than a value, e.g. a network's founders)."""
    claims = [claim for claim in record.claims.all() if claim.disputed and claim.field == field]
    return {"claim": claims[0] if claims else None, "label": label}
