"""CORS for the read-only API."""


class ApiCorsMiddleware:
    """CORS open for reading the API from any origin (GET, HEAD, OPTIONS on /api/ only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
            response["Access-Control-Expose-Headers"] = "ETag, Link, Retry-After, X-Request-ID"
            response["Access-Control-Max-Age"] = "86400"
        return response
