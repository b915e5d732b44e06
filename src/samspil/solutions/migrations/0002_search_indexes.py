"""GIN indexes for the per-language search vectors (PostgreSQL only), and the
barometer's policy areas and common target groups."""

from django.db import migrations

LANGUAGE_CODES = ["da", "en", "fr", "nl"]

POLICY_AREAS = [
    (
        "health-elderly-care",
        {
            "en": "Health and elderly care",
            "da": "Sundhed og ældrepleje",
            "fr": "Santé et soins aux personnes âgées",
            "nl": "Gezondheid en ouderenzorg",
        },
    ),
    (
        "children-schools",
        {
            "en": "Children and schools",
            "da": "Børn og skoler",
            "fr": "Enfance et écoles",
            "nl": "Kinderen en scholen",
        },
    ),
    (
        "employment",
        {"en": "Employment", "da": "Beskæftigelse", "fr": "Emploi", "nl": "Werkgelegenheid"},
    ),
    (
        "social-services",
        {
            "en": "Social services and disability",
            "da": "Socialområdet og handicap",
            "fr": "Action sociale et handicap",
            "nl": "Sociale diensten en handicap",
        },
    ),
    (
        "environment-climate",
        {
            "en": "Environment and climate",
            "da": "Miljø og klima",
            "fr": "Environnement et climat",
            "nl": "Milieu en klimaat",
        },
    ),
    (
        "culture-leisure",
        {
            "en": "Culture and leisure",
            "da": "Kultur og fritid",
            "fr": "Culture et loisirs",
            "nl": "Cultuur en vrije tijd",
        },
    ),
    (
        "administration-digital",
        {
            "en": "Administration and digitalisation",
            "da": "Administration og digitalisering",
            "fr": "Administration et numérique",
            "nl": "Bestuur en digitalisering",
        },
    ),
    (
        "democracy",
        {
            "en": "Democracy and citizen involvement",
            "da": "Demokrati og borgerinddragelse",
            "fr": "Démocratie et participation citoyenne",
            "nl": "Democratie en burgerparticipatie",
        },
    ),
    (
        "transport-planning",
        {
            "en": "Transport and planning",
            "da": "Trafik og planlægning",
            "fr": "Transports et urbanisme",
            "nl": "Vervoer en ruimtelijke ordening",
        },
    ),
]

TARGET_GROUPS = [
    ("citizens", {"en": "Citizens", "da": "Borgere", "fr": "Citoyens", "nl": "Burgers"}),
    ("elderly", {"en": "Older people", "da": "Ældre", "fr": "Personnes âgées", "nl": "Ouderen"}),
    (
        "children-young",
        {
            "en": "Children and young people",
            "da": "Børn og unge",
            "fr": "Enfants et jeunes",
            "nl": "Kinderen en jongeren",
        },
    ),
    (
        "unemployed",
        {"en": "Job seekers", "da": "Ledige", "fr": "Demandeurs d'emploi", "nl": "Werkzoekenden"},
    ),
    (
        "people-with-disabilities",
        {
            "en": "People with disabilities",
            "da": "Mennesker med handicap",
            "fr": "Personnes handicapées",
            "nl": "Mensen met een handicap",
        },
    ),
    (
        "businesses",
        {"en": "Businesses", "da": "Virksomheder", "fr": "Entreprises", "nl": "Bedrijven"},
    ),
    (
        "employees",
        {
            "en": "Public employees",
            "da": "Offentligt ansatte",
            "fr": "Agents publics",
            "nl": "Overheidspersoneel",
        },
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGE_CODES:
        schema_editor.execute(
            f"CREATE INDEX solutions_solution_search_{code}_gin "
            f"ON solutions_solution USING gin (search_{code})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGE_CODES:
        schema_editor.execute(f"DROP INDEX IF EXISTS solutions_solution_search_{code}_gin")


def seed(apps, schema_editor):
    for model_name, rows in [("PolicyArea", POLICY_AREAS), ("TargetGroup", TARGET_GROUPS)]:
        model = apps.get_model("solutions", model_name)
        for order, (slug, name) in enumerate(rows):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [
        ("solutions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
