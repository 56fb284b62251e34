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
        if citation.field and target is not None:
            problems.extend(field_problems(citation, target, where))
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
    problems.extend(claim_field_problems())
    problems.extend(membership_status_problems())
    problems.extend(internal_word_problems())
    problems.extend(dispute_problems())
    problems.extend(reference_data_problems())
    problems.extend(french_in_english_problems())
    if sources_dir:
        problems.extend(quote_problems(Path(sources_dir)))
    return problems


# Words of the workshop that public text never shows.
INTERNAL_WORDS = re.compile(
    r"\b(?:seeds?|fixtures?|graines?|curation|TODO|FIXME)\b"
    r"|(?<![\d\s.,\u00a0\u202f])00[0-4]\b"  # a file number: “(003)”, not the “000” of “13 000”
    r"|\b(?:le|la|du|de|doc|document|texte|source|in|of|the|see|voir) 00[0-4]\b",
    re.IGNORECASE,
)
# Fields that hold verbatim or technical text, not the editors' prose.
NOT_PROSE = {"quote", "slug", "url", "website", "file_name", "identifier", "value", "value_fr", "value_en"}
# Editorial words of French locators and notes that English text must not keep (outside « quoted titles »).
FRENCH_EDITORIAL = re.compile(
    r"\b(encadré|titre|chiffres clés|Annexe|fin du guide|avant la section|Note de bas de page|Page de titre|"
    r"Bibliographie|dans la section|citation de|(?:sous-)?rubrique)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")


def text_fields(model):
    """The editors' text columns of a model (both languages of translated ones), verbatim quotes excluded."""
    names = []
    for field in model._meta.concrete_fields:
        if field.get_internal_type() in ("CharField", "TextField") and not field.choices:
            if field.name not in NOT_PROSE and not field.name.startswith("quote"):
                names.append(field.name)
    translated = set(translated_fields(model))
    return [name for name in names if name not in translated]  # the bare field mirrors one language


def public_rows(label):
    model = content_model(label)
    rows = model._default_manager.all()
    return model, [obj for obj in rows if is_published(obj)]


def internal_word_problems():
    problems = []
    for label in CONTENT_MODELS:
        if label == "sources.slugredirect":
            continue
        model, rows = public_rows(label)
        names = text_fields(model)
        for obj in rows:
            for name in names:
                found = INTERNAL_WORDS.search(getattr(obj, name) or "")
                if found:
                    problems.append(Problem(label_of(obj), f"internal word «{found.group()}» in {name}"))
    return problems


# Kinds of fact whose value changes over time: two sources disagree only about the same year.
TIME_BOUND_KINDS = {"member-count", "population", "migrant-count"}
# Kinds that gather unrelated facts of one subject: no sibling rule between them.
MIXED_KINDS = {"figure", "other"}
# Kinds whose disputed value is a year that prose may state.
DATED_KINDS = {"founding-year", "date"}
DISPUTE_MARKERS = re.compile(
    r"selon|d[’']après|disput|contest|diverg|diffère|diffèrent|autres? sources?|sources? (ne )?s[’']accord|"
    r"according to|differ|other sources?|sources (dis)?agree|or \d{4}|ou \d{4}|ou en \d{4}|or in \d{4}"
    # a sentence that names its source says whose version it gives
    r"|\b[A-Z][a-zé]+ (?:et|and|&) [A-Z][a-zé]+ \(\d{4}\)|\b[A-Z][a-zé]+ \(\d{4}\)"
    r"|guide de l[’']OCU|OCU guide|FMMD|GFMD|Processus de Rabat|Rabat Process",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def claim_groups():
    """Claims grouped by subject and kind (and year, for facts that change over time)."""
    from sources.models import SUBJECT, Claim  # noqa: PLC0415 (the models are loaded once apps are ready)

    groups = {}
    for claim in Claim.objects.published().select_related(*SUBJECT.fields):
        subject = claim.subject
        if subject is None or not is_published(subject) or claim.kind in MIXED_KINDS:
            continue
        key = (SUBJECT.field_of(claim), subject.pk, claim.kind)
        if claim.kind in TIME_BOUND_KINDS:
            key += (claim.as_of_year,)
        groups.setdefault(key, []).append(claim)
    return groups


def sentences(text):
    return [part for part in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“])|\n+", text or "") if part.strip()]


def dispute_problems():
    """Every claim of a dispute flagged, and no prose of the subject stating a disputed year as plain fact."""
    problems = []
    for claims in claim_groups().values():
        flagged = [claim for claim in claims if claim.disputed]
        if not flagged:
            continue
        for claim in claims:
            if not claim.disputed:
                problems.append(
                    Problem(
                        label_of(claim),
                        f"not flagged disputed, although {flagged[0].slug} on the same fact is",
                    )
                )
        values = {claim.value_fr for claim in claims} | {claim.value_en for claim in claims}
        years = {year for value in values for year in YEAR.findall(value or "")}
        if claims[0].kind not in DATED_KINDS or len({claim.value_fr for claim in claims}) < 2 or not years:
            continue
        subject = claims[0].subject
        for name in translated_fields(type(subject)):
            for language in ("fr", "en"):
                for sentence in sentences(getattr(subject, f"{name}_{language}")):
                    stated = years & set(YEAR.findall(sentence))
                    if stated and not DISPUTE_MARKERS.search(sentence):
                        problems.append(
                            Problem(
                                label_of(subject),
                                f"{name}_{language} states {', '.join(sorted(stated))} without saying the "
                                f"sources disagree ({claims[0].get_kind_display()}): «{sentence[:90]}»",
                            )
                        )
    return problems


def reference_data_problems():
    problems = []
    _, places = public_rows("actors.place")
    for place in places:
        if place.reference_year is None:
            problems.append(Problem(label_of(place), "reference data (country, coordinates) without a year"))
        if place.population is not None and not (place.population_year and place.population_source.strip()):
            problems.append(Problem(label_of(place), "population without its year and source"))
    return problems


def french_in_english_problems():
    """English text keeping French editorial words of locators (a section's quoted title may stay French)."""
    problems = []
    for label in CONTENT_MODELS:
        model = content_model(label)
        names = translated_fields(model)
        if not names:
            continue
        for obj in model._default_manager.all():
            if not is_published(obj):
                continue
            for name in names:
                found = FRENCH_EDITORIAL.search(QUOTED.sub("", getattr(obj, f"{name}_en") or ""))
                if found:
                    problems.append(Problem(label_of(obj), f"French word «{found.group()}» in {name}_en"))
    return problems


# What a claim can bear on besides its subject's own fields (see Claim.field).
CLAIM_ONLY_FIELDS = {"network": {"members_reported", "founders"}}


def claim_field_problems():
    """A claim's field is a field of its subject (or a fact only claims hold, e.g. members_reported)."""
    from sources.models import SUBJECT, Claim  # noqa: PLC0415 (the models are loaded once apps are ready)

    problems = []
    for claim in Claim.objects.exclude(field="").select_related(*SUBJECT.fields):
        kind = SUBJECT.field_of(claim)
        names = {field.name for field in claim.subject._meta.concrete_fields} | CLAIM_ONLY_FIELDS.get(
            kind, set()
        )
        if claim.field not in names:
            problems.append(Problem(label_of(claim), f"bears on «{claim.field}», which its {kind} has not"))
    return problems


def membership_status_problems():
    """A stated membership status is cited (a citation of field « status »); an unknown one is not."""
    Membership = content_model("networks.membership")
    problems = []
    cited = set(
        content_model("sources.citation")
        ._default_manager.filter(field="status", membership__isnull=False)
        .values_list("membership", flat=True)
    )
    for membership in Membership._default_manager.filter(is_published=True).only("pk", "slug", "status"):
        if membership.status != "unknown" and membership.pk not in cited:
            problems.append(Problem(label_of(membership), f"status «{membership.status}» without a citation"))
        if membership.status == "unknown" and membership.pk in cited:
            problems.append(
                Problem(label_of(membership), "a citation of its status, but the status is unknown")
            )
    return problems


def field_problems(citation, target, where):
    """A citation tied to a field names a field of its record, and its quote states the value."""
    try:
        field = target._meta.get_field(citation.field)
    except Exception:  # noqa: BLE001 (FieldDoesNotExist and the like: any unknown name is the problem)
        return [Problem(where, f"supports «{citation.field}», which is not a field of the record")]
    value = getattr(target, field.attname, None)
    if value in (None, ""):
        return [Problem(where, f"supports «{citation.field}», which is empty on the record")]
    if isinstance(value, int) and not re.search(rf"(?<!\d){value}(?!\d)", " ".join(citation.quote.split())):
        return [Problem(where, f"supports «{citation.field}» = {value}, which its quote does not state")]
    return []


def sourced_problems(obj, where):
    problems = []
    if not obj.locator.strip():
        problems.append(Problem(where, "no locator (page or section)"))
    if not obj.quote.strip():
        problems.append(Problem(where, "no verbatim quote"))
    if not obj.quote_translation.strip():
        problems.append(Problem(where, "quote has no translation"))
    if obj.quote_language not in ("fr", "en"):
        problems.append(Problem(where, "quote without a language (quote_language)"))
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
