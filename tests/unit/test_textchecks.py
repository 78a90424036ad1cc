"""Style checks on reader-facing text (docs/spanish-style.md): each flags what it must, nothing else."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from dashboard import data, i18n, textchecks
from dashboard.schema import Action, ActionsMeta, AgePolicy
from tests.conftest import VALID_DATA

GUIDE = "(docs/spanish-style.md)"


def _fixture(name: str) -> dict:
    return yaml.safe_load((VALID_DATA / name).read_text(encoding="utf-8"))


def _action(**changes) -> Action:
    record = _fixture("actions.yaml")["records"][0] | changes
    return Action.model_validate(record)


def _policy(**changes) -> AgePolicy:
    record = _fixture("age_policies.yaml")["records"][0] | changes
    return AgePolicy.model_validate(record)


def _problems(*records) -> list[tuple[tuple, str]]:
    meta = ActionsMeta.model_validate(
        _fixture("actions.yaml")["dataset"] | {"description": {"en": "Test.", "es": "Prueba."}}
    )
    return list(textchecks.check_texts(SimpleNamespace(dataset=meta, records=list(records))))


def _summary(es: str, en: str = "Text.") -> Action:
    return _action(summary={"en": en, "es": es})


def test_clean_records_have_no_problems():
    assert _problems(_action(), _policy()) == []


# Straight quotes


def test_straight_single_quotes_in_spanish():
    assert _problems(_summary("Brasil promulga el 'ECA Digital'.")) == [
        (
            ("records", 0, "summary", "es"),
            "straight quotes 'ECA Digital' in Spanish text; write «ECA Digital» "
            "(inner quotes “…”; docs/spanish-style.md)",
        )
    ]


def test_straight_double_quotes_in_spanish():
    [(path, message)] = _problems(_summary('La llamada "mayoría digital" de 2023.'))
    assert path == ("records", 0, "summary", "es")
    assert message.startswith(
        'straight quotes "mayoría digital" in Spanish text; write «mayoría digital»'
    )


@pytest.mark.parametrize(
    "text",
    [
        "La Children's Wellbeing and Schools Bill del Reino Unido.",
        "El informe de O'Brien y la ley «ECA Digital».",
        "La Children's Commissioner y los parents' groups.",
        "Una cita «con “comillas” interiores».",
        'Un enlace <a href="https://example.org">aquí</a> no es una cita.',
    ],
)
def test_apostrophes_and_guillemets_are_not_quotes(text):
    assert _problems(_summary(text)) == []


def test_english_quotes_are_left_alone():
    assert _problems(_summary("Texto.", en="Brazil enacts 'ECA Digital'.")) == []


# Banned Spanish terms


@pytest.mark.parametrize(
    ("text", "found", "advice"),
    [
        (
            "Aplica la Ley de Servicios Digitales (DSA); abrió un caso bajo la DSA.",
            "bajo la DSA",
            "write «en virtud de» or «con arreglo a» (e.g. «en virtud de la DSA»)",
        ),
        ("Abrió una investigación bajo el RGPD.", "bajo el RGPD", "write «en virtud de» or"),
        ("La sección de cibercriminalidad.", "cibercriminalidad", "write «ciberdelincuencia»"),
        ("Exige comprobaciones de edad.", "comprobaciones de edad", "write «verificación de edad»"),
        (
            "Sin consentimiento paterno.",
            "consentimiento paterno",
            "write «consentimiento parental»",
        ),
        ("Una falsificación profunda.", "falsificación profunda", "write «ultrafalso»"),
    ],
)
def test_banned_terms(text, found, advice):
    [(path, message)] = _problems(_summary(text))
    assert path == ("records", 0, "summary", "es")
    assert message.startswith(f"«{found}» is not used in the Spanish edition; {advice}")
    assert message.endswith(GUIDE)


def test_deepfake_is_flagged_unless_a_gloss_or_quoted():
    assert _problems(_summary("Castiga los deepfakes sexuales.")) == [
        (
            ("records", 0, "summary", "es"),
            "«deepfakes» in Spanish text; write «ultrafalso» (first mention may be "
            "«ultrafalso (deepfake)») (docs/spanish-style.md)",
        )
    ]
    assert _problems(_summary("Castiga los ultrafalsos sexuales (deepfakes).")) == []
    assert _problems(_summary("Castiga los ultrafalsos (*deepfakes*).")) == []
    assert _problems(_summary("El informe «Deepfake Nudes & Young People» de Thorn.")) == []
    assert _problems(_summary("La Criminal Code Amendment (Deepfake Sexual Material) Act.")) == []


def test_grooming_needs_its_spanish_term():
    [(_, message)] = _problems(_summary("Abarca el grooming y la sextorsión."))
    assert message == (
        "«grooming» in Spanish text; write «ciberembaucamiento (grooming)» (docs/spanish-style.md)"
    )
    assert _problems(_summary("Abarca el ciberembaucamiento (grooming).")) == []


def test_child_pornography_only_quoted_or_as_the_offence_name():
    [(_, message)] = _problems(_summary("Investiga la pornografía infantil con IA."))
    assert message == (
        "«pornografía infantil»: write «material de abuso sexual infantil» (the old term only "
        "inside «…» when quoting a statute) (docs/spanish-style.md)"
    )
    assert _problems(_summary("Por 20 delitos de pornografía infantil.")) == []
    assert _problems(_summary("Lo que la ley califica de «pornografía infantil».")) == []


def test_spanish_number_style():
    assert _problems(_summary("Unas 3.500 publicaciones, el 12%.")) == [
        (
            ("records", 0, "summary", "es"),
            "«3.500»: four-digit numbers take no separator in Spanish; write «3500» "
            "(docs/spanish-style.md)",
        ),
        (
            ("records", 0, "summary", "es"),
            "«12%»: write «12 %» (a space before %) (docs/spanish-style.md)",
        ),
    ]
    fine = "Unas 3500 publicaciones, 20.254 imágenes, 1,5 millones, el 12 %, la Ley 15.211/2025."
    assert _problems(_summary(fine)) == []


# Spanish that must follow the English


def test_summary_judgment_is_not_juicio_sumario():
    record = _summary("Falló por juicio sumario.", en="It ruled on summary judgment.")
    assert _problems(record) == [
        (
            ("records", 0, "summary", "es"),
            "«juicio sumario»: a summary judgment is a «sentencia sumaria»; a «juicio sumario» is "
            "a different procedure (docs/spanish-style.md)",
        )
    ]
    assert _problems(_summary("Dictó sentencia sumaria.", en="On summary judgment.")) == []
    # A correction that names the wrong term in quotes is discussing it, not using it.
    quoted = _summary("Decía «juicio sumario»; ahora, sentencia sumaria.", en="Summary judgment.")
    assert _problems(quoted) == []


def test_unanimous_consent_is_not_por_unanimidad():
    record = _summary("Lo aprobó por unanimidad.", en="Passed by unanimous consent.")
    [(_, message)] = _problems(record)
    assert message.startswith("«por unanimidad»: the English says 'unanimous consent'")
    # A recorded unanimous vote may say «por unanimidad».
    assert _problems(_summary("Lo aprobó por unanimidad.", en="Passed unanimously.")) == []


def test_plausibly_is_not_probablemente():
    record = _summary("Probablemente es el mismo caso.", en="Plausibly the same case.")
    [(_, message)] = _problems(record)
    assert message.startswith("«Probablemente»: the English says 'plausibly'")
    assert _problems(_summary("Probablemente es el mismo.", en="Probably the same.")) == []


def test_dsa_is_spelled_out_on_first_mention():
    record = _action(
        title={"en": "EU opens DSA case", "es": "Bruselas abre un caso por la DSA"},
        summary={"en": "Under the DSA.", "es": "En virtud de la Ley de Servicios Digitales (DSA)."},
    )
    assert _problems(record) == [
        (
            ("records", 0, "title", "es"),
            "first mention of the DSA in this record: write «Ley de Servicios Digitales (DSA)», "
            "then «la DSA» (docs/spanish-style.md)",
        )
    ]
    spelled = _action(
        summary={
            "en": "Under the DSA; the DSA again.",
            "es": "En virtud de la Ley de Servicios Digitales (DSA); la DSA otra vez.",
        },
        notes={"en": "DSA.", "es": "La DSA."},
    )
    assert _problems(spelled) == []


# Status words against the record's status or type


def test_enacted_words_on_an_unfinished_policy():
    policy = _policy(
        status="proposed",
        history=[],
        title={"en": "Spain enacts under-16 ban", "es": "España promulga la prohibición"},
    )
    assert _problems(policy) == [
        (
            ("records", 0, "title", "en"),
            "'enacts' says the law exists or applies, but the policy's status is proposed; "
            "describe the step it has reached (docs/spanish-style.md)",
        ),
        (
            ("records", 0, "title", "es"),
            "'promulga' says the law exists or applies, but the policy's status is proposed; "
            "describe the step it has reached (docs/spanish-style.md)",
        ),
    ]


def test_enacted_words_fit_an_enacted_policy():
    policy = _policy(title={"en": "Ban takes effect", "es": "Entra en vigor la prohibición"})
    assert _problems(policy) == []


def test_in_force_words_on_a_proposed_law():
    action = _action(
        type="law_proposed",
        title={"en": "Bill is signed into law", "es": "Entra en vigor el proyecto"},
    )
    messages = [message for _, message in _problems(action)]
    assert messages == [
        "'signed into law' says the law exists or applies, but the action's type is "
        "law_proposed; describe the step it has reached (docs/spanish-style.md)",
        "'Entra en vigor' says the law exists or applies, but the action's type is "
        "law_proposed; describe the step it has reached (docs/spanish-style.md)",
    ]


def test_passes_for_a_first_reading_vote():
    action = _action(
        type="law_proposed",
        title={
            "en": "Assembly passes under-15 ban",
            "es": "La Asamblea aprueba en primera lectura",
        },
        summary={"en": "It passed at first reading a bill.", "es": "Aprobó en primera lectura."},
    )
    assert _problems(action) == [
        (
            ("records", 0, "title", "en"),
            "'passes' overstates a first-reading vote; write 'backs … at first reading' "
            "(docs/spanish-style.md)",
        )
    ]
    fixed = action.model_copy(
        update={
            "title": action.title.model_copy(update={"en": "Assembly backs ban at first reading"})
        }
    )
    assert _problems(fixed) == []


def test_approves_for_an_enacted_law():
    action = _action(
        type="law_enacted",
        title={"en": "Brazil enacts 'ECA Digital'", "es": "Brasil aprueba el «ECA Digital»"},
    )
    assert _problems(action) == [
        (
            ("records", 0, "title", "es"),
            "«aprueba» reads as a parliamentary vote, but the English says the law is enacted: "
            "write «promulga» (Latin America: «sanciona») (docs/spanish-style.md)",
        )
    ]
    signed = _action(
        type="law_enacted",
        title={"en": "Brazil enacts 'ECA Digital'", "es": "Brasil promulga el «ECA Digital»"},
    )
    assert _problems(signed) == []


# Internal jargon


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "The pack's sources carry no date.", "The pack's"),
        ("en", "Curated from a fact-checked research pack.", "research pack"),
        ("en", "The fact-check corrected the status.", "The fact-check"),
        ("en", "It falls after this file's review date.", "this file's review date"),
        ("es", "Las fuentes de la documentación no llevan fecha.", "la documentación"),
        ("es", "La verificación corrigió el estado.", "La verificación"),
        ("es", "La verificación concluyó que el anuncio lo hizo él.", "La verificación"),
    ],
)
def test_internal_jargon(lang, text, found):
    notes = {"en": "Note.", "es": "Nota."} | {lang: text}
    assert _problems(_action(notes=notes)) == [
        (
            ("records", 0, "notes", lang),
            f"internal jargon {found!r} in public text; say what readers need "
            "(e.g. 'two independent reports confirm …') (docs/spanish-style.md)",
        )
    ]


def test_field_names_in_public_text():
    notes = {"en": "No bill was found, hence a null min_age.", "es": "Sin proyecto de ley."}
    assert _problems(_action(notes=notes)) == [
        (
            ("records", 0, "notes", "en"),
            "field name 'min_age' in public text; say it in words "
            "(e.g. 'no minimum age is recorded') (docs/spanish-style.md)",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Exige la verificación de edad y la verificación mediante ID Austria.",
        "La documentación judicial no se publicó.",
        "AFP's fact-checkers and a package of measures.",
    ],
)
def test_ordinary_words_are_not_jargon(text):
    assert _problems(_action(notes={"en": text, "es": text})) == []


def test_the_validator_locates_the_problem(data_copy):
    path = data_copy / "actions.yaml"
    text = path.read_text(encoding="utf-8")
    old = "es: España pide a la Fiscalía que investigue a X, Meta y TikTok"
    path.write_text(text.replace(old, "es: España pide a la Fiscalía 'que investigue'"), "utf-8")

    result = data.load(data_copy, use_snapshot=False)

    assert [str(problem).replace(f"{data_copy}/", "") for problem in result.problems] == [
        "actions.yaml:19:11: records[0].title.es: straight quotes 'que investigue' in Spanish text; "
        "write «que investigue» (inner quotes “…”; docs/spanish-style.md)"
    ]


@pytest.mark.parametrize("key", sorted(i18n.catalogue()))
def test_spanish_catalogue_follows_the_guide(key):
    pair = i18n.catalogue()[key]
    assert list(textchecks.spanish_problems(pair["es"], pair["en"])) == []
