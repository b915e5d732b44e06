from django.contrib import admin

from samspil.core.admin import I18nModelAdmin
from samspil.people.models import Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(I18nModelAdmin):
    list_display = ["name", "kind", "city", "region", "country"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(I18nModelAdmin):
    list_display = ["name", "organisation", "role_category", "email"]
    list_filter = ["role_category"]
    search_fields = ["name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
