"""The client's address, the one rule every per-client limit keys on (the admin lock-out, the search
and login limits; the API throttle applies the same rule through DRF's NUM_PROXIES).

Without DJANGO_PROXY_COUNT the client is REMOTE_ADDR and X-Forwarded-For is ignored: anyone can
write that header. Behind N proxies that each append the address they received from, the client is
the address N entries from the end of X-Forwarded-For; whatever a client wrote before that is ignored.
"""

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if not hops or not forwarded:
        return remote
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if not addresses:
        return remote
    return addresses[-min(hops, len(addresses))]
