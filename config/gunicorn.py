"""gunicorn's settings as production runs it (`gunicorn -c config/gunicorn.py config.wsgi`, docs/deploy.md).

Sync workers are meant to sit behind nginx, which buffers slow clients: reached directly, three slow
clients stalled the app for 30 s in the attack. Bound beyond loopback, gunicorn says so at startup.
"""

import ipaddress

LOOPBACK_NAMES = {"localhost"}


def is_loopback(host):
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposed_addresses(addresses):
    """The (host, port) addresses among gunicorn's that are reachable from other machines."""
    return [address for address in addresses if isinstance(address, tuple) and not is_loopback(address[0])]


def when_ready(server):
    for host, port in exposed_addresses(server.cfg.address):
        server.log.warning(
            "gunicorn listens on %s:%s, beyond loopback: put nginx in front of it (docs/deploy.md); "
            "slow clients reaching sync workers directly can stall every worker.",
            host,
            port,
        )
