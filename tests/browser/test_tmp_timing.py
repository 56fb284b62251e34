import time

import pytest
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("i", range(3))
def test_time(i):
    from sources.content import default_fixture_paths, load_content

    t = time.perf_counter()
    load_content(default_fixture_paths())
    print("load", time.perf_counter() - t)
    t = time.perf_counter()
    call_command("flush", interactive=False, verbosity=0)
    print("flush", time.perf_counter() - t)
