"""Who may do the library's organiser actions. The one place to change when finer
roles arrive: views, selectors and templates ask `can_organise`."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache


def can_organise(user) -> bool:
    """Organisers: for now, active staff."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def organiser_required(view: Callable) -> Callable:
    """Anonymous visitors go to the sign-in page; signed-in non-organisers get 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not can_organise(request.user):
            raise PermissionDenied(_("Only organisers can do this."))
        return view(request, *args, **kwargs)

    return never_cache(wrapper)
