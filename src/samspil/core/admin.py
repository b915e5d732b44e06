"""Admin helpers shared by the apps: per-language inputs for every i18n field."""

from django.contrib import admin
from django.db import models
from i18nfield.fields import I18nCharField, I18nTextField
from i18nfield.forms import I18nTextarea, I18nTextInput

FIELD_OPTIONS = {
    I18nCharField: {"widget": I18nTextInput},
    I18nTextField: {"widget": I18nTextarea},
    # Links typed without a scheme are taken as https, as Django 6 will do.
    models.URLField: {"assume_scheme": "https"},
}


class I18nAdminMixin:
    """Shows one input per language for each i18n field, in admins and inlines alike."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, options in FIELD_OPTIONS.items():
            self.formfield_overrides.setdefault(field, options)


class I18nModelAdmin(I18nAdminMixin, admin.ModelAdmin):
    pass


class I18nStackedInline(I18nAdminMixin, admin.StackedInline):
    pass
