import shutil

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from records.versioning import forget


def pytest_collection_modifyitems(config, items):
    """Skip PostgreSQL-only tests when the suite runs on SQLite."""
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="requires PostgreSQL (set DATABASE_URL or run `make test`)")
    for item in items:
        if "requires_postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def french_by_default():
    """Records are written and read under a pinned language, as in production."""
    with translation.override("fr"):
        yield


@pytest.fixture
def on_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def fresh_content_version():
    """The content version is memoised per process; each test's database starts afresh."""
    forget()
    yield
    forget()


@pytest.fixture(scope="session", autouse=True)
def remove_test_dumps():
    """Dumps built by the tests live in a scratch folder (config/settings_test.py): removed afterwards."""

    yield
    shutil.rmtree(settings.KB_DUMP_DIR, ignore_errors=True)
