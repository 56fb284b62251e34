"""Test settings: the real settings, with fast password hashing.

The database comes from DATABASE_URL (make test starts a throwaway PostgreSQL) or SQLite.
"""

import tempfile

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# No throttling or caching unless a test sets it up (tests/api/test_api.py checks the 429 itself).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# Dumps built during the tests go to a scratch folder, not var/dumps (created when a dump is built,
# removed at the end of the session: tests/conftest.py).
KB_DUMP_DIR = Path(tempfile.gettempdir()) / f"kb-test-dumps-{os.getpid()}"  # noqa: F405

# The benchmark's generator is tested too (tests/bench/); the site itself never installs it.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
