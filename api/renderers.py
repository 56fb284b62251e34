"""Formats beyond JSON: CSV of any list or record, GeoJSON (GraphML lives with the graph in exports.py)."""

import csv
import io

from rest_framework import renderers


def flatten(row, prefix=""):
    """One CSV row from a nested record: {"fr","en"} objects become _fr/_en columns, lists are joined by |."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "|".join(
                str(item.get("slug", item)) if isinstance(item, dict) else str(item) for item in value
            )
        else:
            flat[name] = "" if value is None else value
    return flat


class CSVRenderer(renderers.BaseRenderer):
    """UTF-8 CSV with one header row; a list page's records (without the envelope)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, dict) and "results" in data:
            rows = data["results"]
        elif isinstance(data, list):
            rows = data
        else:
            rows = [data]
        flat = [flatten(row) if isinstance(row, dict) else {"value": row} for row in rows]
        columns = []
        for row in flat:
            columns.extend(key for key in row if key not in columns)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return out.getvalue().encode("utf-8")


class GeoJSONRenderer(renderers.JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"
