"""The "curator" group: everything on the content, nothing on users, groups or lock-outs."""

from django.contrib.auth.models import Group, Permission

from records.kinds import CONTENT_APPS

CURATOR_GROUP = "curator"


def ensure_curator_group():
    group, _created = Group.objects.get_or_create(name=CURATOR_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label__in=CONTENT_APPS
    ) | Permission.objects.filter(content_type__app_label="admin", codename="view_logentry")
    group.permissions.set(permissions)
    return group
