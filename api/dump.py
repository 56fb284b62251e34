"""The downloadable dump of the whole knowledge base (/api/v1/dump/): built once per content version.

A dump is a zip of export_content's files (published records only), the same records as a Frictionless
Data Package in datapackage/ (api/datapackage.py), a README and the licence, written to
KB_DUMP_DIR as hospitable-cities-v<content version>.zip. The API serves the file of the current
version, building it first when there is none (under a lock, so concurrent requests wait for one
build instead of each making their own), and removes older ones. `manage.py build_dump` builds it
ahead of time (after a deploy, from cron): at 100 times the real content a build takes about 40 s.
"""

import fcntl
import os
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from api.datapackage import build_datapackage
from records.models import ContentVersion
from sources.export import export_content

NAME = "hospitable-cities"

README = """Hospitable-city networks — knowledge base, full dump
=====================================================

Exported {date}{source} (content version {version})

sources.json, actors.json, networks.json, practices.json: every published record of the knowledge
base (what the site shows; records in preparation are left out) in Django's serialisation format
with natural keys (slugs), both languages in every translated field
(name_fr, name_en…). Load them into the project with `python manage.py load_content`.

datapackage/: the same records as a Frictionless Data Package — one CSV per kind of record (UTF-8,
RFC 4180), a link table per many-to-many link (practice_themes.csv…), and datapackage.json with a
Table Schema for each: column types, vocabularies, slugs as primary keys, foreign keys between the
tables, the licence and the sources. Check it with `frictionless validate datapackage/datapackage.json`;
read it with pandas, R (the frictionless package) or any CSV reader.

Every fact cites one of five French source documents (sources.json) with a locator and a verbatim
quote. English texts are the editors' translation. Where sources disagree, each version is a claim
marked "disputed" (sources.json, model sources.claim).

Licence: {licence} — {licence_url}
Cite as: {citation}{cited_url}
"""


def content_version():
    """The content version as a file-name part: its number and when it changed (a database
    restored from a backup may reuse a number, never with the same time). Read from the database,
    not the page cache's memo."""
    return content_state()[0]


def content_state():
    """The content version and when the content last changed (None before any change)."""
    row = ContentVersion.objects.filter(pk=1).values_list("value", "changed_at").first()
    if row is None:
        return "1", None
    value, changed_at = row
    return f"{value}-{changed_at:%Y%m%dT%H%M%S%f}", changed_at


def dump_path(version):
    return Path(settings.KB_DUMP_DIR) / f"{NAME}-v{version}.zip"


def current_dump(site_url):
    """The path of the current content's dump, built first if needed."""
    version, changed_at = content_state()
    path = dump_path(version)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or if the process dies
        if not path.exists():
            build_dump(path, site_url, version, changed_at)
            for old in path.parent.glob(f"{NAME}-v*.zip"):
                if old != path:
                    old.unlink(missing_ok=True)
    return path


def build_dump(path, site_url, version, changed_at=None):
    """Write the zip to `path` atomically (a partial file never carries the final name)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".building-", suffix=".zip")
    os.close(handle)
    try:
        with (
            tempfile.TemporaryDirectory() as folder,
            zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for exported in export_content(folder, public=True):
                archive.write(exported, arcname=f"{NAME}/{Path(exported).name}")
            for packaged in build_datapackage(Path(folder) / "datapackage", version, changed_at):
                archive.write(packaged, arcname=f"{NAME}/datapackage/{packaged.name}")
            readme = README.format(
                date=timezone.now().date().isoformat(),
                source=f" from {site_url}" if site_url else "",
                cited_url=f", {site_url}" if site_url else "",
                version=version,
                licence=settings.KB_LICENCE,
                licence_url=settings.KB_LICENCE_URL,
                citation=settings.KB_CITATION,
            )
            archive.writestr(f"{NAME}/README.txt", readme)
            archive.writestr(f"{NAME}/LICENCE.txt", f"{settings.KB_LICENCE}\n{settings.KB_LICENCE_URL}\n")
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    return path
