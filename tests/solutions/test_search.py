"""Search in every language: on SQLite through the casefolded text, on PostgreSQL
through each language's stored tsvector too (stemming)."""

import pytest
from django.db import connection

from samspil.solutions import services
from samspil.solutions.selectors import SolutionFilters, solution_list
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's text search"
)

TEXTS = {
    "da": ("Ældre træner hjemme med skærm", "Kommunen tilbyder genoptræning via videoopkald."),
    "en": ("Neighbourhood repair cafés", "Residents repair bicycles and lamps together."),
    "fr": ("Cantines scolaires durables", "Les écoles achètent des légumes locaux."),
    "nl": ("Buurtbudget voor bewoners", "Inwoners beslissen samen over de begroting."),
}


@pytest.fixture
def solutions():
    owner = OrganisationFactory(name="Testkommune")
    return {
        code: services.solution_create(
            title={code: title},
            what_was_done={code: body},
            owner=owner,
            original_language=code,
            published=True,
        ).slug
        for code, (title, body) in TEXTS.items()
    }


def found(query: str) -> list[str]:
    return sorted(
        solution_list(filters=SolutionFilters(query=query)).values_list("slug", flat=True)
    )


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("da", "genoptræning"),
        ("da", "ÆLDRE"),
        ("en", "bicycles"),
        ("fr", "légumes"),
        ("nl", "begroting"),
    ],
)
def test_search_finds_each_language_by_its_own_word(solutions, language, query):
    assert found(query) == [solutions[language]]


def test_search_needs_every_word(solutions):
    assert found("skærm videoopkald") == [solutions["da"]]
    assert found("skærm bicycles") == []


def test_search_does_not_show_drafts(solutions):
    services.solution_create(
        title={"da": "Genoptræning i kladde"}, owner=OrganisationFactory(), original_language="da"
    )
    assert found("genoptræning") == [solutions["da"]]


@on_postgresql
@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("da", "kommunerne genoptræningen"),  # Danish stemming: kommunerne ~ kommunen
        ("en", "repairing bicycle"),
        ("fr", "école légume"),
        ("nl", "begrotingen inwoner"),
    ],
)
def test_search_stems_in_each_language_on_postgresql(solutions, language, query):
    assert solutions[language] in found(query)
