"""Style checks on the reader-facing text of records (docs/spanish-style.md makes them binding).

Each check is narrow on purpose: it must never flag correct text. It yields the path of the text
inside the file and a message; `rules.check_files` turns them into located problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from dashboard.schema import Action, AgePolicy, LocalizedText, chosen_moments

Path = tuple[str | int, ...]
GUIDE = "docs/spanish-style.md"

# A quotation in straight quotes: the opening mark follows no letter (so apostrophes such as
# "Children's" or "O'Brien" never open one) and no "=" (a markup attribute is not a quotation),
# and the closing mark is followed by no letter.
_STRAIGHT_QUOTES = re.compile(r"""(?<![\w'"=])(['"])(?=\S)([^'"\n]*?[^\s'"])\1(?!\w)""")
_GUILLEMETS = re.compile(r"«[^»]*»")

# Spanish terms the guide bans: pattern -> what to write instead.
_BANNED_ES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\bbajo (?:la|el) (?:DSA|RGPD|[Ll]ey\b|Online Safety Act|Reglamento)"),
        "write «en virtud de» or «con arreglo a» (e.g. «en virtud de la DSA»)",
    ),
    (re.compile(r"\bcibercriminalidad\b", re.I), "write «ciberdelincuencia»"),
    (
        re.compile(r"\bcomprobaci(?:ón|ones) de (?:la )?edad\b", re.I),
        "write «verificación de edad»",
    ),
    (
        re.compile(
            r"\b(?:consentimiento|controles|control|autorización|permiso) patern[oa]s?\b", re.I
        ),
        "write «consentimiento parental» / «controles parentales»",
    ),
    (
        re.compile(r"\bfalsificaci(?:ón|ones) profundas?\b", re.I),
        "write «ultrafalso» (first mention may add «(deepfake)»)",
    ),
)
# «deepfake» is allowed only as a gloss in brackets, «ultrafalso (deepfake)», or inside «…».
_DEEPFAKE = re.compile(r"\bdeepfakes?\b")
_GLOSS = re.compile(r"\(\*?deepfakes?\*?\)")
_GROOMING = re.compile(r"\bgrooming\b")
_GROOMING_GLOSS = re.compile(r"\(\*?grooming\*?\)")
# The old term only inside «…» (a quoted statute) or as the Penal Code's offence name.
_CHILD_PORN = re.compile(r"(?<!delito de )(?<!delitos de )\bpornografía infantil\b", re.I)
# Spanish wording that must follow what the English says: (English, Spanish, what to write).
_PAIRED_ES: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = (
    (
        re.compile(r"summary judg", re.I),
        re.compile(r"\bjuicio sumario\b", re.I),
        "a summary judgment is a «sentencia sumaria»; a «juicio sumario» is a different procedure",
    ),
    (
        re.compile(r"unanimous consent", re.I),
        re.compile(r"\bpor unanimidad\b", re.I),
        "the English says 'unanimous consent' (no recorded vote): write «por consentimiento unánime»",
    ),
    (
        re.compile(r"\bplausibl[ey]\b", re.I),
        re.compile(r"\bprobablemente\b", re.I),
        "the English says 'plausibly': write «podría» / «es posible que», not «probablemente»",
    ),
)
# Spanish number style: 1000 (no separator for four digits), 10.000, 2,5 %.
_FOUR_DIGITS = re.compile(r"(?<![\d.,/])(\d)\.(\d{3})(?![\d]|[.,]\d)")
_PERCENT = re.compile(r"(?<![\d,])(\d+(?:,\d+)?)%")
_DSA = re.compile(r"\bDSA\b")
_DSA_SPELLED = "Ley de Servicios Digitales (DSA)"

# Internal workflow words that mean nothing to a reader.
_JARGON = {
    "en": re.compile(
        r"\b(?:(?:the|this|our) (?:research )?pack(?:'s)?|research pack"
        r"|(?:the|this) fact-check(?: note)?|(?:during|in|by) (?:the )?fact-checking"
        r"|this file(?:'s)?(?: review date)?)\b",
        re.I,
    ),
    "es": re.compile(
        r"\b(?:la|una|propia) documentación(?! (?:judicial|oficial|del|de la|de los|de las)\b)"
        r"|\b(?:la|nota de) verificación(?! (?:de|del|mediante|por|con|biométrica|azul|facial)\b)",
        re.I,
    ),
}

# Names of data fields mean nothing to readers: say what the record shows instead.
_FIELD_NAMES = re.compile(
    r"\b(?:min_age|parental_consent_below|absolute_ban_below|comparable_group|last_checked"
    r"|last_reviewed|coverage_end|next_expected)\b"
)

# Status words that claim a law exists or applies: wrong on a policy still in the making.
_UNFINISHED_POLICY = ("announced", "proposed", "in_parliament")
_ENACTED_WORDS = {
    "en": re.compile(
        r"\b(?:enacts|enacted|signs into law|signed into law|comes into force|came into force"
        r"|takes effect|took effect|now in force|is in force)\b",
        re.I,
    ),
    "es": re.compile(
        r"\b(?:entra en vigor|entró en vigor|promulga|promulgó|promulgada|promulgado)\b", re.I
    ),
}
_PASSES = re.compile(r"\bpass(?:es|ed)?\b", re.I)
_FIRST_READING = re.compile(r"first reading", re.I)
_ENACTS_EN = re.compile(r"\b(?:enacts|signs)\b", re.I)
_APPROVES_ES = re.compile(r"\baprueba\b", re.I)
_ENACTS_ES = re.compile(r"\b(?:promulga|sanciona|firma)\b", re.I)


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, LocalizedText]]:
    """Every bilingual text inside a model, with its path, in field order."""
    if isinstance(value, LocalizedText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))


def _outside_quotes(text: str, start: int) -> bool:
    return not any(m.start() < start < m.end() for m in _GUILLEMETS.finditer(text))


def spanish_problems(text: str, english: str = "") -> Iterator[str]:
    """Messages for a Spanish text (and the English it translates) that break the guide."""
    for match in _STRAIGHT_QUOTES.finditer(text):
        yield (
            f"straight quotes {match.group(0)} in Spanish text; write «{match.group(2)}» "
            f"(inner quotes “…”; {GUIDE})"
        )
    for pattern, advice in _BANNED_ES:
        for match in pattern.finditer(text):
            yield f"«{match.group(0)}» is not used in the Spanish edition; {advice} ({GUIDE})"
    unglossed = _GLOSS.sub(lambda gloss: " " * len(gloss.group(0)), text)
    for match in _DEEPFAKE.finditer(unglossed):
        if _outside_quotes(text, match.start()):
            yield (
                f"«{match.group(0)}» in Spanish text; write «ultrafalso» (first mention may be "
                f"«ultrafalso (deepfake)») ({GUIDE})"
            )
    unglossed = _GROOMING_GLOSS.sub(lambda gloss: " " * len(gloss.group(0)), text)
    for match in _GROOMING.finditer(unglossed):
        if _outside_quotes(text, match.start()):
            yield f"«grooming» in Spanish text; write «ciberembaucamiento (grooming)» ({GUIDE})"
    for match in _CHILD_PORN.finditer(text):
        if _outside_quotes(text, match.start()):
            yield (
                f"«{match.group(0)}»: write «material de abuso sexual infantil» (the old term "
                f"only inside «…» when quoting a statute) ({GUIDE})"
            )
    for match in _FOUR_DIGITS.finditer(text):
        yield (
            f"«{match.group(0)}»: four-digit numbers take no separator in Spanish; write "
            f"«{match.group(1)}{match.group(2)}» ({GUIDE})"
        )
    for match in _PERCENT.finditer(text):
        yield f"«{match.group(0)}»: write «{match.group(1)} %» (a space before %) ({GUIDE})"
    for in_english, in_spanish, advice in _PAIRED_ES:
        found = in_spanish.search(_GUILLEMETS.sub("", text))  # a quoted term is being discussed
        if found and in_english.search(english):
            yield f"«{found.group(0)}»: {advice} ({GUIDE})"


def _status_words(record: Any, texts: dict[Path, LocalizedText]) -> Iterator[tuple[Path, str]]:
    title = texts.get(("title",))
    summary = texts.get(("summary",))
    if title is None:
        return
    if isinstance(record, AgePolicy) and record.status in _UNFINISHED_POLICY:
        why = f"the policy's status is {record.status}"
    elif isinstance(record, Action) and record.type == "law_proposed":
        why = "the action's type is law_proposed"
    else:
        why = ""
    if why:
        for lang in ("en", "es"):
            text = getattr(title, lang) or ""
            for match in _ENACTED_WORDS[lang].finditer(text):
                yield (
                    ("title", lang),
                    f"{match.group(0)!r} says the law exists or applies, but {why}; "
                    f"describe the step it has reached ({GUIDE})",
                )
    summary_en = summary.en if summary else ""
    passes = _PASSES.search(title.en)
    if passes and _FIRST_READING.search(summary_en) and not _FIRST_READING.search(title.en):
        yield (
            ("title", "en"),
            f"{passes.group(0)!r} overstates a first-reading vote; write 'backs … at first "
            f"reading' ({GUIDE})",
        )
    if (
        isinstance(record, Action)
        and record.type == "law_enacted"
        and title.es
        and _ENACTS_EN.search(title.en)
        and _APPROVES_ES.search(title.es)
        and not _ENACTS_ES.search(title.es)
    ):
        yield (
            ("title", "es"),
            "«aprueba» reads as a parliamentary vote, but the English says the law is enacted: "
            f"write «promulga» (Latin America: «sanciona») ({GUIDE})",
        )


def _jargon(path: Path, text: LocalizedText) -> Iterator[tuple[Path, str]]:
    for lang in ("en", "es"):
        for match in _JARGON[lang].finditer(getattr(text, lang) or ""):
            yield (
                (*path, lang),
                f"internal jargon {match.group(0)!r} in public text; say what readers need "
                f"(e.g. 'two independent reports confirm …') ({GUIDE})",
            )
        for match in _FIELD_NAMES.finditer(getattr(text, lang) or ""):
            yield (
                (*path, lang),
                f"field name {match.group(0)!r} in public text; say it in words "
                f"(e.g. 'no minimum age is recorded') ({GUIDE})",
            )


def _record_problems(record: Any) -> Iterator[tuple[Path, str]]:
    texts = dict(_texts(record, ()))
    dsa_seen = False
    for path, text in texts.items():
        yield from _jargon(path, text)
        if not text.es:
            continue
        for message in spanish_problems(text.es, text.en):
            yield (*path, "es"), message
        if not dsa_seen and _DSA.search(text.es):
            dsa_seen = True
            if _DSA_SPELLED not in text.es:
                yield (
                    (*path, "es"),
                    f"first mention of the DSA in this record: write «{_DSA_SPELLED}», "
                    f"then «la DSA» ({GUIDE})",
                )
    yield from (((*path,), message) for path, message in _status_words(record, texts))


def check_texts(model: Any) -> Iterator[tuple[Path, str]]:
    """(path, message) for every style problem in a validated file's reader-facing text."""
    moments = dict(chosen_moments(model.dataset))
    for path, text in _texts(model.dataset, ("dataset",)):
        if path[:-1] not in moments:  # a moment's label is checked as a record's text, below
            yield from _jargon(path, text)
    for where, moment in moments.items():
        for path, message in _record_problems(moment):
            yield (*where, *path), message
    for index, record in enumerate(model.records):
        for path, message in _record_problems(record):
            yield ("records", index, *path), message
