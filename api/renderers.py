"""Formats beyond JSON: CSV of any list or record, GeoJSON (GraphML lives with the graph in exports.py)."""

import csv
import io

from rest_framework import renderers

from records.tabular import flatten, inert


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
