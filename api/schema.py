"""OpenAPI additions that apply to every operation: ?lang=, ?format= and the error responses."""

ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in the request's language."},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": "For a 400: the parameters at fault, each with its messages.",
        },
    },
    "required": ["detail"],
}

LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": 'Translated fields as plain strings in this language instead of {"fr": …, "en": …}.',
    "schema": {"type": "string", "enum": ["fr", "en"]},
}

ERRORS = {
    "400": "A bad parameter (unknown choice, malformed number, page_size over 500, unknown lang or format).",
    "404": "Unknown slug (in the path or a filter), or a page beyond the last.",
    "429": "Too many requests from this address: wait for the number of seconds in the Retry-After header.",
}


SINGLE_FORMAT_PATHS = {
    "/api/v1/graph/",
    "/api/v1/graph.graphml",
    "/api/v1/places.geojson",
    "/api/v1/places/compare/",
    "/api/v1/dump/",
}


def add_common_parameters(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method != "get" or path.endswith("/schema/") or path.endswith("/docs/"):
                continue
            parameters = operation.setdefault("parameters", [])
            for parameter in parameters:
                if parameter.get("in") == "query" and parameter.get("schema", {}).get("type") == "array":
                    # An empty value is an error, not "no filter" (a parameter may ask for more).
                    parameter["schema"].setdefault("minItems", 1)
            names = {parameter["name"] for parameter in parameters}
            if "lang" not in names:
                parameters.append(LANG)
            if "format" not in names and path not in SINGLE_FORMAT_PATHS:
                formats = ["json", "csv"]
                if path == "/api/v1/places/":
                    formats.append("geojson")
                parameters.append(
                    {
                        "name": "format",
                        "in": "query",
                        "required": False,
                        "description": "Response format (also chosen with the Accept header). A list as CSV "
                        "is the whole filtered list, without pages (the row count in X-Total-Count), "
                        "with both languages as _fr / _en columns whatever lang says.",
                        "schema": {"type": "string", "enum": formats},
                    }
                )
                parameters.append(
                    {
                        "name": "bom",
                        "in": "query",
                        "required": False,
                        "description": "With format=csv: 1 starts the file with a byte-order mark (Excel).",
                        "schema": {"type": "string", "enum": ["0", "1"]},
                    }
                )
            for status, description in ERRORS.items():
                operation.setdefault("responses", {}).setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result
