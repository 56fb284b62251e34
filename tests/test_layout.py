"""The layout keeps its architecture: imports run one way, from the site and the API down to the base.

    web, api  →  practices  →  actors  →  networks  →  sources  →  records

`config.urls` and `config.wsgi` sit on top (they assemble everything); the rest of `config`
(settings, logging, the database router) and `records` import nothing of ours above them; `bench`
reads everything and nothing imports it. Every import counts, at module level or inside a function.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Lower layers first; a module may import its own layer and the layers below (web and api, two
# layers apart, are siblings: neither imports the other).
LAYERS = [
    {
        "config.__init__",
        "config.settings",
        "config.settings_test",
        "config.logging",
        "config.database_router",
        "config.gunicorn",
    },
    {"records"},
    {"sources"},
    {"networks"},
    {"actors"},
    {"practices"},
    {"web"},
    {"api"},
    {"config.urls", "config.wsgi"},
    {"bench"},
]
PACKAGES = ["config", "records", "sources", "networks", "actors", "practices", "web", "api", "bench"]


def unit_of(module):
    """The layer unit a dotted module name belongs to (config is split by module)."""
    parts = module.split(".")
    if parts[0] == "config":
        return ".".join(parts[:2]) if len(parts) > 1 else "config"
    return parts[0] if parts[0] in PACKAGES else None


def layer_of(unit):
    return next((index for index, layer in enumerate(LAYERS) if unit in layer), None)


def our_modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield ".".join(path.relative_to(ROOT).with_suffix("").parts), path


def imported_modules(module, path):
    """Every module of ours that `path` imports, with the line."""
    package = module.rsplit(".", 1)[0] if not path.name == "__init__.py" else module
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module
            yield name, node.lineno
            for alias in node.names:  # `from api import dump` imports the module api.dump
                yield f"{name}.{alias.name}", node.lineno


def upward_imports():
    """`file:line imports <package>` for every import of a package that is not below the module's."""
    wrong = []
    for module, path in our_modules():
        unit = unit_of(module)
        own = layer_of(unit)
        targets = {(line, unit_of(name)) for name, line in imported_modules(module, path)}
        for line, target in sorted(targets, key=lambda item: (item[0], item[1] or "")):
            if target is None or target == unit or (unit.startswith("config") and target == "config"):
                continue
            if unit == "bench":
                continue  # the benchmark reads everything
            siblings = {unit, target} == {"web", "api"}
            if target == "bench" or layer_of(target) > own or siblings:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    return wrong


def test_imports_run_one_way_from_the_site_and_the_api_down_to_the_base():
    assert upward_imports() == []


def test_every_module_of_ours_belongs_to_a_layer():
    assert [module for module, _path in our_modules() if layer_of(unit_of(module)) is None] == []


@pytest.mark.parametrize(
    "module, source, expected",
    [
        ("records.x", "from sources.models import Source", ["records/x.py:1 imports sources"]),
        ("networks.x", "def f():\n    from actors.models import Place", ["networks/x.py:2 imports actors"]),
        ("web.x", "from api.renderers import CSVRenderer", ["web/x.py:1 imports api"]),
        ("sources.x", "from bench import synthetic", ["sources/x.py:1 imports bench"]),
        ("config.settings", "from records.kinds import KINDS", ["config/settings.py:1 imports records"]),
        ("actors.x", "from networks.models import Membership\nfrom records import kinds", []),
        ("config.urls", "from web.views import HomeView", []),
    ],
)
def test_the_layout_check_reports_an_upward_import_with_its_line(
    tmp_path, monkeypatch, module, source, expected
):
    path = tmp_path / Path(*module.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.our_modules", lambda: iter([(module, path)]))
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert upward_imports() == expected
