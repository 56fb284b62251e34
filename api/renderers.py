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


# A spreadsheet reads a cell that begins with one of these as a formula (or a formula's start).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A text cell a spreadsheet shows as text: formula-like text gets a leading apostrophe.

    Numbers are left as they are (a negative number is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CSVRenderer(renderers.BaseRenderer):
    """UTF-8 CSV with one header row; a list page's records (without the envelope). Lines end with
    CR LF (RFC 4180), so a text holding a carriage return is quoted. Text that a spreadsheet would
    run as a formula (=, +, -, @, tab, carriage return first) begins with '."""

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
        flat = [
            {
                name: inert(value)
                for name, value in (flatten(row) if isinstance(row, dict) else {"value": row}).items()
            }
            for row in rows
        ]
        columns = []
        for row in flat:
            columns.extend(key for key in row if key not in columns)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(flat)
        return out.getvalue().encode("utf-8")


class GeoJSONRenderer(renderers.JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"
