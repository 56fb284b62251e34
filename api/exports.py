"""Exports that are not a plain list: the membership graph, places as GeoJSON, the full dump."""

from xml.etree import ElementTree

from django.conf import settings
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, renderers
from rest_framework.response import Response
from rest_framework.views import APIView

from actors.filters import PlaceFilter
from actors.models import Place
from api.dump import current_dump
from api.filtering import FilterBackend
from api.pagination import FeaturePagination, api_meta
from api.renderers import GeoJSONRenderer
from networks.filters import MembershipFilter
from networks.models import Membership
from records.models import without_control_characters
from records.record_urls import html_urls
from records.viewsets import ApiBehaviour


def node_id(record):
    return f"{record._meta.model_name}:{record.slug}"


def membership_graph(memberships):
    """Nodes (networks, places, organisations) and edges (memberships, member → network)."""
    nodes, edges = {}, []
    for membership in memberships:
        for record in (membership.network, membership.member):
            nodes.setdefault(node_id(record), record)
        edges.append(
            {
                "id": membership.slug,
                "source": node_id(membership.member),
                "target": node_id(membership.network),
                "role": membership.role,
                "start_year": membership.start_year,
                "end_year": membership.end_year,
                "status": membership.status,
                "status_as_of": membership.status_as_of,
            }
        )
    return nodes, edges


# What a node carries besides its name: its country, and a network's typology (None where it has none).
NODE_ATTRIBUTES = [
    ("country", "string"),
    ("scale", "string"),
    ("origin", "string"),
    ("scope", "string"),
    ("in_typology_table", "boolean"),
]


def node_attributes(record):
    """Country (ISO code, "" when unknown) of every node; scale, origin, scope ("" = not determined) and
    in_typology_table of a network, None for the others."""
    return {name: getattr(record, name, None) for name, _kind in NODE_ATTRIBUTES}


def node_json(record, request, lang):
    name = {code: getattr(record, f"name_{code}") for code, _label in settings.LANGUAGES}
    return {
        "id": node_id(record),
        "type": record._meta.model_name,
        "slug": record.slug,
        "label": (name[lang] or name["fr"]) if lang else name,
        **node_attributes(record),
        "html_url": html_urls(request, record),
    }


class FilteredExport(ApiBehaviour, generics.GenericAPIView):
    """An unpaginated export of every record matching the resource's filters."""

    filter_backends = [FilterBackend]
    pagination_class = None

    def records(self):
        return self.filter_queryset(self.get_queryset())


class GraphMixin(FilteredExport):
    filterset_class = MembershipFilter

    def get_queryset(self):
        return (
            Membership.objects.published()
            .select_related("network", "place", "organisation", "member_network")
            .order_by("slug")
        )

    def memberships(self, request):
        return self.records()


GRAPH_SCHEMA = {
    "type": "object",
    "properties": {
        "nodes": {"type": "array", "items": {"type": "object"}},
        "edges": {"type": "array", "items": {"type": "object"}},
        "meta": {"type": "object"},
    },
}


class GraphView(GraphMixin):
    """The membership graph as JSON: nodes (networks, places, organisations) and edges (memberships)."""

    renderer_classes = [renderers.JSONRenderer]

    @extend_schema(
        responses={200: OpenApiResponse(GRAPH_SCHEMA)}, filters=True, operation_id="graph_retrieve"
    )
    def get(self, request):
        lang = request.query_params.get("lang")
        nodes, edges = membership_graph(self.memberships(request))
        return Response(
            {
                "nodes": [node_json(record, request, lang) for record in nodes.values()],
                "edges": edges,
                "meta": api_meta(request),
            }
        )


def xml_text(value):
    """Text that XML 1.0 can carry: control characters (refused on input since, but possibly in older
    rows) are dropped rather than making the whole document ill-formed."""
    return without_control_characters(value or "")


class GraphMLRenderer(renderers.BaseRenderer):
    media_type = "application/graphml+xml"
    format = "graphml"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else str(data).encode("utf-8")


class GraphMLView(GraphMixin):
    """The membership graph as GraphML (networkx, Gephi, igraph)."""

    renderer_classes = [GraphMLRenderer]

    @extend_schema(
        responses={(200, "application/graphml+xml"): OpenApiTypes.STR},
        filters=True,
        operation_id="graphml_retrieve",
    )
    def get(self, request):
        nodes, edges = membership_graph(self.memberships(request))
        namespace = "http://graphml.graphdrawing.org/xmlns"
        root = ElementTree.Element("graphml", xmlns=namespace)
        keys = [
            ("type", "node", "string"),
            ("slug", "node", "string"),
            ("label_fr", "node", "string"),
            ("label_en", "node", "string"),
            ("url", "node", "string"),
            *((name, "node", kind) for name, kind in NODE_ATTRIBUTES),
            ("role", "edge", "string"),
            ("start_year", "edge", "int"),
            ("end_year", "edge", "int"),
            ("status", "edge", "string"),
            ("status_as_of", "edge", "int"),
            ("slug", "edge", "string"),
        ]
        for name, domain, kind in keys:
            ElementTree.SubElement(
                root, "key", {"id": f"{domain}_{name}", "for": domain, "attr.name": name, "attr.type": kind}
            )
        graph = ElementTree.SubElement(root, "graph", id="memberships", edgedefault="directed")
        for identifier, record in nodes.items():
            node = ElementTree.SubElement(graph, "node", id=identifier)
            values = {
                "type": record._meta.model_name,
                "slug": record.slug,
                "label_fr": record.name_fr,
                "label_en": record.name_en or record.name_fr,
                "url": html_urls(request, record)["fr"],
            }
            for name, value in values.items():
                ElementTree.SubElement(node, "data", key=f"node_{name}").text = xml_text(value)
            for name, value in node_attributes(record).items():
                if value is not None:  # a place has no typology: no value rather than a false one
                    text = str(value).lower() if isinstance(value, bool) else xml_text(value)
                    ElementTree.SubElement(node, "data", key=f"node_{name}").text = text
        for edge in edges:
            element = ElementTree.SubElement(
                graph, "edge", id=edge["id"], source=edge["source"], target=edge["target"]
            )
            ElementTree.SubElement(element, "data", key="edge_slug").text = xml_text(edge["id"])
            ElementTree.SubElement(element, "data", key="edge_role").text = xml_text(edge["role"])
            ElementTree.SubElement(element, "data", key="edge_status").text = xml_text(edge["status"])
            for name in ("start_year", "end_year", "status_as_of"):
                if edge[name] is not None:
                    ElementTree.SubElement(element, "data", key=f"edge_{name}").text = str(edge[name])
        body = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
        response = Response(body, content_type="application/graphml+xml; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="memberships.graphml"'
        return response


def feature_collection(places, request, lang):
    features = []
    for place in places:
        has_point = place.latitude is not None and place.longitude is not None
        name = {code: getattr(place, f"name_{code}") for code, _label in settings.LANGUAGES}
        features.append(
            {
                "type": "Feature",
                "id": place.slug,
                "geometry": {"type": "Point", "coordinates": [float(place.longitude), float(place.latitude)]}
                if has_point
                else None,
                "properties": {
                    "slug": place.slug,
                    "name": (name[lang] or name["fr"]) if lang else name,
                    "kind": place.kind,
                    "country": place.country,
                    "parent": place.parent.slug if place.parent else None,
                    "html_url": html_urls(request, place),
                    "coordinates_source": "editors' reference data" if has_point else None,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


class PlacesGeoJSONView(FilteredExport):
    """The places matching the filters, as a GeoJSON FeatureCollection: 500 a page (`page`,
    `page_size`), so a response costs the same however many places there are."""

    renderer_classes = [GeoJSONRenderer]
    filterset_class = PlaceFilter
    pagination_class = FeaturePagination

    def get_queryset(self):
        return Place.objects.published().select_related("parent").order_by("slug")

    @extend_schema(
        responses={(200, "application/geo+json"): OpenApiResponse(OpenApiTypes.OBJECT)},
        filters=True,
        parameters=[
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1, "maximum": 999_999_999},
                description="A page number (see `next` in the response).",
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": settings.API_MAX_PAGE_SIZE},
                description=f"Features per page, at most {settings.API_MAX_PAGE_SIZE} (the default).",
            ),
        ],
        operation_id="places_geojson",
    )
    def get(self, request):
        page = self.paginate_queryset(self.records())
        lang = request.query_params.get("lang")
        return self.get_paginated_response(feature_collection(page, request, lang))


class DumpView(ApiBehaviour, APIView):
    """The whole knowledge base as one zip: one JSON file per app, a README and the licence.

    Built once per content version and served from a file (api/dump.py)."""

    renderer_classes = [renderers.JSONRenderer]

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY}, operation_id="dump_retrieve")
    def get(self, request):
        path = current_dump(request.build_absolute_uri(request.path))
        response = FileResponse(path.open("rb"), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="hospitable-cities.zip"'
        return response
