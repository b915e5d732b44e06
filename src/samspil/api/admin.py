from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samspil.api import services
from samspil.api.models import ApiToken


class ApiTokenAddForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "organisation", "event"]

    def clean(self):
        data = super().clean()
        if (data.get("organisation") is None) == (data.get("event") is None):
            raise ValidationError(_("Choose either an organisation or an event for the token."))
        return data


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Staff create tokens here; the token is shown once, on the page after saving."""

    list_display = [
        "name",
        "prefix",
        "organisation",
        "event",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    autocomplete_fields = ["organisation", "event"]
    readonly_fields = [
        "name",
        "prefix",
        "organisation",
        "event",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    actions = ["revoke"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ApiTokenAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["name", "organisation", "event"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        # Revoked tokens stay, so the audit log can name them.
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, secret = services.api_token_create(
            name=form.cleaned_data["name"],
            organisation=form.cleaned_data["organisation"],
            event=form.cleaned_data["event"],
            created_by=request.user,
        )
        obj.pk = token.pk
        obj._secret = secret

    def save_related(self, request, form, formsets, change):
        """The token has no related objects to save; the service made it."""

    def log_addition(self, request, obj, message):
        """The service wrote the audit row."""

    def response_add(self, request, obj, post_url_continue=None):
        # Shown on this page only: the token is never stored nor sent anywhere else.
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "token": obj,
            "secret": obj._secret,
            "title": _("API token created"),
        }
        # The admin's views are never cached, so neither is this page.
        return TemplateResponse(request, "admin/api/apitoken/created.html", context)

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        tokens = list(queryset.filter(revoked_at__isnull=True))
        for token in tokens:
            services.api_token_revoke(token=token, actor=request.user)
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", len(tokens))
            % {"count": len(tokens)},
            messages.SUCCESS,
        )
