"""Former URLs of renamed records keep working: a 404 on a record page whose slug the record had
before answers with a permanent redirect to its page under the current slug.

Like Django's contrib.redirects, it looks at 404 responses only, so a page that exists costs nothing.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from records.views import RecordDetailView
from sources.models import SlugRedirect


class SlugRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return self.redirect_for(request) or response

    def redirect_for(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        view = getattr(match.func, "view_class", None)
        if view is None or not issubclass(view, RecordDetailView) or "slug" not in match.kwargs:
            return None
        model = view.model
        redirect = SlugRedirect.objects.filter(
            model=model._meta.label_lower, old_slug=match.kwargs["slug"]
        ).first()
        if redirect is None:
            return None
        target = model.objects.published().filter(slug=redirect.new_slug).first()
        if target is None:
            return None
        return HttpResponsePermanentRedirect(target.get_absolute_url())
