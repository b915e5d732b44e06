"""Every model that holds personal data is in the privacy registry, or is declared not
personal with a reason: a new model with a person or e-mail field fails here."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from samspil.privacy.registry import NOT_PERSONAL, REGISTRY, SUBJECT_MODELS, installed_entries

NAME_LIKE = ("name", "phone")


def personal_fields(model: type[models.Model]) -> list[str]:
    """The fields that make a model hold personal data, by the registry's rule."""
    found = []
    for field in model._meta.get_fields(include_hidden=True):
        if field.auto_created and not field.concrete:
            continue  # a reverse relation: the other model declares it
        related = field.related_model if field.is_relation else None
        if (
            isinstance(field, models.EmailField)
            or (related is not None and related._meta.label_lower in SUBJECT_MODELS)
            or any(word in field.name for word in NAME_LIKE)
        ):
            found.append(field.name)
    return found


def all_models() -> list[type[models.Model]]:
    return list(apps.get_models(include_auto_created=True))


def test_registry_covers_every_model_with_personal_fields():
    missing = {
        model._meta.label_lower: fields
        for model in all_models()
        if (fields := personal_fields(model))
        and model._meta.label_lower not in REGISTRY
        and model._meta.label_lower not in NOT_PERSONAL
    }

    assert missing == {}


def test_registry_rule_catches_a_new_model_with_an_email_field():
    class Newsletter(models.Model):
        address = models.EmailField()

        class Meta:
            app_label = "privacy"
            managed = False

        def __str__(self) -> str:
            return "throwaway"

    try:
        assert personal_fields(Newsletter) == ["address"]
    finally:
        # Forget the throwaway model again, so that no other test sees it.
        del apps.all_models["privacy"]["newsletter"]
        apps.clear_cache()


def test_registry_rule_catches_a_relation_to_a_person_or_user():
    class Badge(models.Model):
        holder = models.ForeignKey("people.Person", on_delete=models.CASCADE)
        issuer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)

        class Meta:
            app_label = "privacy"
            managed = False

        def __str__(self) -> str:
            return "throwaway"

    try:
        assert personal_fields(Badge) == ["holder", "issuer"]
    finally:
        del apps.all_models["privacy"]["badge"]
        apps.clear_cache()


def test_registry_entries_name_real_fields():
    for entry in installed_entries():
        meta = entry.model._meta
        fields = entry.export_fields()
        assert [meta.get_field(name).name for name in fields] == list(fields)


@pytest.mark.parametrize("label", sorted(NOT_PERSONAL))
def test_not_personal_models_say_why(label):
    assert NOT_PERSONAL[label].endswith(".")
    assert label not in REGISTRY
