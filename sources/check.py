"""The content check: every published record cited (source, locator, verbatim quote), translated,
and every quote found in its source text."""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation

from records.kinds import CITABLE, SELF_SOURCED
from sources.load import CONTENT_MODELS, content_model, translated_fields

CITED_MODELS = [kind.label for kind in CITABLE]
SELF_SOURCED_MODELS = [kind.label for kind in SELF_SOURCED]


@dataclass
class Problem:
    record: str
    message: str

    def __str__(self):
        return f"{self.record}: {self.message}"


def label_of(obj):
    slug = getattr(obj, "slug", None)
    return f"{obj._meta.label_lower} {slug or obj.pk}"


def missing_translations(obj):
    """Names of translated fields filled in one language and empty in the other (or required and empty)."""
    missing = []
    for name in translated_fields(type(obj)):
        field = obj._meta.get_field(name)
        french, english = getattr(obj, f"{name}_fr") or "", getattr(obj, f"{name}_en") or ""
        if (french.strip() and not english.strip()) or (not field.blank and not english.strip()):
            missing.append(f"{name}_en")
        if (english.strip() and not french.strip()) or (not field.blank and not french.strip()):
            missing.append(f"{name}_fr")
    return missing


def is_published(obj):
    return getattr(obj, "is_published", True)


def content_problems(sources_dir=None):
    """Every problem the content check reports, as a list of Problem."""
    problems = []
    Citation = content_model("sources.citation")
    for label in CITED_MODELS:
        model = content_model(label)
        cited = set(
            Citation.objects.filter(**{f"{model._meta.model_name}__isnull": False}).values_list(
                model._meta.model_name, flat=True
            )
        )
        for obj in model._default_manager.filter(is_published=True).only("pk", "slug"):
            if obj.pk not in cited:
                problems.append(Problem(label_of(obj), "no citation (source, locator and verbatim quote)"))
    for citation in Citation.objects.with_targets():
        target = citation.target
        if target is not None and not is_published(target):
            continue
        where = f"citation {citation.pk} of {label_of(target) if target else '?'}"
        problems.extend(sourced_problems(citation, where))
    for label in SELF_SOURCED_MODELS:
        for obj in content_model(label)._default_manager.select_related("source"):
            problems.extend(sourced_problems(obj, label_of(obj)))
    for obj in content_model("practices.keyfigure")._default_manager.all():
        if not obj.locator.strip():
            problems.append(Problem(label_of(obj), "key figure without a locator"))
    for label in CONTENT_MODELS:
        model = content_model(label)
        if not translated_fields(model):
            continue
        for obj in model._default_manager.all():
            if not is_published(obj):
                continue
            missing = missing_translations(obj)
            if missing:
                problems.append(Problem(label_of(obj), f"missing text: {', '.join(missing)}"))
    if sources_dir:
        problems.extend(quote_problems(Path(sources_dir)))
    return problems


def sourced_problems(obj, where):
    problems = []
    if not obj.locator.strip():
        problems.append(Problem(where, "no locator (page or section)"))
    if not obj.quote.strip():
        problems.append(Problem(where, "no verbatim quote"))
    if not obj.quote_translation.strip():
        problems.append(Problem(where, "quote has no English translation"))
    return problems


def normalise(text):
    """Fold what PDF conversion changes: line breaks, hyphenation at line ends, runs of spaces.

    Hyphens are dropped altogether, so “para-diplomatie” matches “para-\ndiplomatie” and
    “incondi-\ntionnel” matches “inconditionnel”; everything else must match exactly.
    """
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"-[ \t]*\n\s*", "", text).replace("-", "").replace("\u00ad", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def quote_problems(sources_dir):
    problems = []
    texts = {}
    for source in content_model("sources.source")._default_manager.all():
        if not source.file_name:
            continue
        path = sources_dir / source.file_name
        if not path.exists():
            problems.append(Problem(label_of(source), f"source text {path} not found"))
            continue
        texts[source.pk] = normalise(path.read_text(encoding="utf-8"))
    Citation = content_model("sources.citation")
    quoted = [(c, f"citation {c.pk} of {label_of(c.target)}") for c in Citation.objects.with_targets()]
    for label in SELF_SOURCED_MODELS:
        quoted += [
            (obj, label_of(obj)) for obj in content_model(label)._default_manager.select_related("source")
        ]
    for obj, where in quoted:
        text = texts.get(obj.source_id)
        quote = normalise(obj.quote)
        if text is None or not quote:
            continue
        if quote not in text:
            problems.append(Problem(where, f"quote not found in {obj.source.file_name}: «{obj.quote[:80]}»"))
    return problems


def counts_table():
    """The number of records per kind, as a Markdown table (English labels, stable order)."""
    with translation.override("en"):
        rows = ["| kind | records |", "|---|---:|"]
        for label in CONTENT_MODELS:
            if label == "sources.slugredirect":
                continue
            model = content_model(label)
            rows.append(f"| {model._meta.verbose_name_plural} | {model._default_manager.count()} |")
        disputed = content_model("sources.claim")._default_manager.filter(disputed=True).count()
        rows.append(f"| claims marked disputed | {disputed} |")
    return "\n".join(rows)
