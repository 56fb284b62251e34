"""Benchmark settings: production settings plus the reference view, without throttling or per-client limits.

Selected by bench/run.py (make bench) only. The reference view (/bench/reference/?size=N) returns N bytes
without touching the database, so every URL's throughput is reported as a ratio to it.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

from config.settings import *  # noqa: E402, F403

REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}  # noqa: F405
KB_RATES = {"search": "1000000/second", "login": "1000000/second"}  # wrk is one client
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
