"""Records as table rows, for CSV and the data package: translated values as _fr / _en columns
that do not change with ?lang, lists of slugs joined by |, other nested values as JSON text, and
text a spreadsheet would run as a formula made inert."""

import csv
import io
import json

LANGUAGE_KEYS = {"fr", "en"}


def cell(value):
    """A CSV cell: lists of plain values joined by |, any other nested value as JSON text."""
    if value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(item, (dict, list)) for item in value):
        return "|".join(str(item) for item in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


def flatten(row):
    """One CSV row from a record: a translated {"fr", "en"} value becomes the columns name_fr and
    name_en (whatever ?lang says), lists of slugs are joined by |, other nested values are JSON text."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict) and set(value) == LANGUAGE_KEYS:
            for language in ("fr", "en"):
                flat[f"{key}_{language}"] = cell(value[language])
        else:
            flat[key] = cell(value)
    return flat


# A spreadsheet reads a cell that begins with one of these as a formula (or a formula's start).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A text cell a spreadsheet shows as text: formula-like text gets a leading apostrophe.

    Numbers are left as they are (a negative number is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_lines(columns, rows):
    """The lines of a CSV file, header first, for streaming: `rows` yields flattened records."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    yield out.getvalue()
    for row in rows:
        out.seek(0)
        out.truncate()
        writer.writerow({name: inert(value) for name, value in row.items()})
        yield out.getvalue()
