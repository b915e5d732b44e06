"""Sign-in by magic link, without passwords: ask for a link, open it, sign in.

Asking always gives the same answer, whether or not the address has an
account, so the page tells nobody who is a member. The link's page asks for
a click (POST) before signing in, because mail scanners open links (GET) on
their own and would use up a single-use link.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samspil.core.ratelimit import ratelimit
from samspil.people.forms import SigninForm
from samspil.people.signin import LINK_MINUTES, signin_check
from samspil.people.tasks import send_signin_link


def _safe_next(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit("signin", rate="10/h")
@ratelimit("signin_email", rate="5/h", key="post:email")
def signin(request):
    form = SigninForm(
        request.POST or None, initial={"next": _safe_next(request, request.GET.get("next"))}
    )
    if request.method == "POST":
        if form.is_valid():
            next_url = _safe_next(request, form.cleaned_data["next"])
            language = translation.get_language()
            users = get_user_model().objects.filter(
                email__iexact=form.cleaned_data["email"], is_active=True
            )
            for pk in users.values_list("pk", flat=True)[:5]:
                transaction.on_commit(
                    lambda pk=pk: send_signin_link.enqueue(pk, language, next_url)
                )
            return redirect("people:signin_sent")
        return _private(render(request, "people/signin.html", {"form": form}, status=400))
    return _private(render(request, "people/signin.html", {"form": form}))


def signin_sent(request):
    return _private(render(request, "people/signin_sent.html", {"minutes": LINK_MINUTES}))


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit("signin_link", rate="20/10m")
def signin_link(request, token: str):
    check = signin_check(token)
    next_url = _safe_next(request, request.GET.get("next") or request.POST.get("next"))
    if check.error:
        form = SigninForm(initial={"next": next_url})
        return _private(
            render(
                request,
                "people/signin.html",
                {"form": form, "link_error": check.error},
                status=400,
            )
        )
    if request.method == "POST":
        login(request, check.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("You are signed in."))
        return redirect(next_url or "home")
    return _private(
        render(request, "people/signin_link.html", {"email": check.user.email, "next": next_url})
    )


@require_POST
def signout(request):
    logout(request)
    messages.success(request, _("You are signed out."))
    return redirect("home")
