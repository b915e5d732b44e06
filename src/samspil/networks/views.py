"""Network pages: public list, page and application; members' area; the organiser's desk.

Members' pages need a signed-in member (`member_view`); the desk pages go
through the desk's `desk_view` and `selectors.managed_networks`.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from samspil.core.i18n import localize
from samspil.core.ratelimit import ratelimit
from samspil.grouping import HostCandidate, suggest_hosts
from samspil.networks import selectors, services
from samspil.networks.forms import (
    FIELD_LABELS,
    ApplicationForm,
    DecisionForm,
    DirectoryForm,
    HostForm,
    MeetingRegistrationForm,
    MetForm,
    PairingForm,
)
from samspil.networks.models import ApplicationStatus, Membership, Pair
from samspil.networks.terms import quarter_of
from samspil.registrations.desk import desk_view
from samspil.registrations.views import private


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


# Public -----------------------------------------------------------------------


def network_list(request):
    networks = list(selectors.public_networks())
    now = timezone.now()
    rows = [
        (network, any(intake.is_open(now) for intake in network.intakes.all()))
        for network in networks
    ]
    return render(request, "networks/network_list.html", {"rows": rows})


def network_detail(request, slug: str):
    network = selectors.network_detail(slug=slug)
    now = timezone.now()
    intake = next((i for i in network.intakes.all() if i.is_open(now)), None)
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "intake": intake,
            "closed": None if intake else services.intake_closed_message(network),
            "criteria": list(network.criteria.all()),
        },
    )


@require_http_methods(["GET", "POST"])
@ratelimit("network_apply", rate="10/10m")
def apply(request, slug: str):
    network = selectors.network_detail(slug=slug)
    criteria = list(network.criteria.all())
    intake = services.open_intake(network)
    closed = None if intake else services.intake_closed_message(network)
    form = ApplicationForm(request.POST or None, network=network, criteria=criteria)
    status = 200
    if request.method == "POST":
        if closed:
            form.add_error(None, closed)
        elif form.is_valid():
            try:
                services.application_create(
                    network=network,
                    confirmed_criteria=form.confirmed_criteria(),
                    language=translation.get_language(),
                    **form.service_kwargs(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you: your application is received. We have sent you a receipt "
                        "and will write to you when the organisers have decided."
                    ),
                )
                return redirect(network)
        status = 400
    return render(
        request,
        "networks/apply.html",
        {"network": network, "form": form, "closed": closed},
        status=status,
    )


# Members' area ---------------------------------------------------------------------


def member_view(view: Callable) -> Callable:
    """Signed-in people only (else to the sign-in page); personal, never cached."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("people:signin"))
        return private(view(request, *args, **kwargs))

    return never_cache(wrapper)


@member_view
def members(request):
    memberships = selectors.member_networks(user=request.user)
    today = timezone.localdate()
    pairs = selectors.latest_pairs(memberships=memberships)
    rows = []
    for membership in memberships:
        pair = pairs.get(membership.pk)
        partners = (
            [m for m in pair.members.all() if m.person_id != membership.person_id] if pair else []
        )
        rows.append(
            {
                "membership": membership,
                "renewal_due": services.renewal_due(membership, today),
                "cancel_error": services.membership_cancel_error(membership, today),
                "pair": pair,
                "partners": partners,
                "met_form": MetForm(initial={"met_on": today}, prefix=f"met{membership.pk}"),
            }
        )
    return render(
        request,
        "networks/members/home.html",
        {"rows": rows, "invoices": selectors.member_invoices(user=request.user)},
    )


def _own_membership(request, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("network", "person"), pk=pk, person__user=request.user
    )


@member_view
@require_http_methods(["GET", "POST"])
def membership_action(request, pk: int, action: str):
    membership = _own_membership(request, pk)
    if request.method == "GET":
        # Cancelling a binding membership deserves a second look at the rules.
        if action != "cancel":
            return HttpResponseNotAllowed(["POST"])
        return render(
            request,
            "networks/members/cancel.html",
            {
                "membership": membership,
                "network": membership.network,
                "cancel_error": services.membership_cancel_error(membership),
            },
        )
    language = translation.get_language()
    actions = {
        "renew": (
            lambda: services.membership_renew(
                membership=membership, actor=request.user, language=language
            ),
            _("Thank you: your membership is renewed for the next term."),
        ),
        "decline": (
            lambda: services.membership_renewal_decline(membership=membership, actor=request.user),
            _("Noted: your membership ends with its term."),
        ),
        "cancel": (
            lambda: services.membership_cancel(
                membership=membership, actor=request.user, language=language
            ),
            _("Your membership is cancelled."),
        ),
    }
    if action not in actions:
        raise PermissionDenied
    run, success = actions[action]
    try:
        run()
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, success)
    return redirect("networks:members")


@member_view
@require_POST
def pair_met(request, pk: int):
    pair = get_object_or_404(Pair, pk=pk)
    membership = pair.members.filter(person__user=request.user).first()
    if membership is None:
        raise PermissionDenied(_("You are not in this pair."))
    form = MetForm(request.POST, prefix=f"met{membership.pk}")
    if not form.is_valid():
        messages.error(request, _("Enter the date you met, e.g. 2026-03-14."))
        return redirect("networks:members")
    try:
        services.pair_mark_met(pair=pair, membership=membership, met_on=form.cleaned_data["met_on"])
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Thank you: your pair's meeting is recorded."))
    return redirect("networks:members")


def consent_wording() -> str:
    return _(
        "I agree that the network's other current members may see my name and the details "
        "I tick here in the member directory. I can change this at any time."
    )


@member_view
@require_http_methods(["GET", "POST"])
def directory(request, slug: str):
    network, membership = selectors.member_network(user=request.user, slug=slug)
    form = DirectoryForm(
        request.POST or None,
        initial={"fields_shown": membership.directory_fields if membership else []},
    )
    status = 200
    if request.method == "POST":
        if membership is None:
            raise PermissionDenied(_("Only members choose what the directory shows of them."))
        if form.is_valid():
            services.directory_consent_set(
                membership=membership,
                fields=form.cleaned_data["fields_shown"],
                wording=consent_wording(),
                language=translation.get_language(),
            )
            messages.success(request, _("Your choice is saved."))
            return redirect("networks:directory", slug=slug)
        status = 400
    members = [
        (member, [(FIELD_LABELS[name], _shown(member, name)) for name in member.directory_fields])
        for member in selectors.member_directory(network=network)
    ]
    return render(
        request,
        "networks/members/directory.html",
        {
            "network": network,
            "membership": membership,
            "members": members,
            "form": form,
            "wording": consent_wording(),
        },
        status=status,
    )


def _shown(membership: Membership, name: str) -> str:
    person = membership.person
    organisation = person.organisation
    values = {
        "organisation": organisation.name if organisation else "",
        "job_title": str(localize(person.title)),
        "region": organisation.region if organisation else "",
        "email": person.email,
        "phone": person.phone,
    }
    return values[name]


@member_view
def meetings(request, slug: str):
    network, membership = selectors.member_network(user=request.user, slug=slug)
    return render(
        request,
        "networks/members/meetings.html",
        {
            "network": network,
            "membership": membership,
            "meetings": selectors.meeting_plan(network=network),
            "now": timezone.now(),
        },
    )


@member_view
@require_http_methods(["GET", "POST"])
def meeting_register(request, slug: str, pk: int):
    network, membership = selectors.member_network(user=request.user, slug=slug)
    meeting = get_object_or_404(
        network.meetings.select_related("event").prefetch_related("event__sites"), pk=pk
    )
    if membership is None:
        raise PermissionDenied(_("Only the network's members can register here."))
    event = meeting.event
    form = MeetingRegistrationForm(
        request.POST or None, event=event, questions=list(event.questions.all())
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                registration = services.meeting_register_member(
                    meeting=meeting,
                    membership=membership,
                    answers=form.answers(),
                    site=form.chosen_site(),
                    language=translation.get_language(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(registration)
        status = 400
    return render(
        request,
        "networks/members/meeting_register.html",
        {
            "network": network,
            "meeting": meeting,
            "event": event,
            "form": form,
            "closed": event.registration_error(),
        },
        status=status,
    )


# Organiser's desk ------------------------------------------------------------------


@desk_view
def desk_networks(request, *, scope):
    networks = list(selectors.managed_networks(user=request.user).order_by("slug"))
    return render(request, "networks/desk/index.html", {"networks": networks})


@desk_view
@require_http_methods(["GET", "POST"])
def desk_network(request, slug: str, *, scope):
    desk = selectors.desk_network(user=request.user, slug=slug)
    today = timezone.localdate()
    label, first, last = quarter_of(today)
    form = PairingForm(
        request.POST or None, initial={"label": label, "starts_on": first, "ends_on": last}
    )
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "renewals":
            asked = services.membership_renewals_ask(network=desk.network)
            messages.success(request, _("Members asked to renew: %(count)d.") % {"count": asked})
            return redirect("networks:desk_network", slug=slug)
        if form.is_valid():
            try:
                services.pairing_period_create(
                    network=desk.network,
                    label=form.cleaned_data["label"],
                    starts_on=form.cleaned_data["starts_on"],
                    ends_on=form.cleaned_data["ends_on"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The pairs are formed."))
                return redirect("networks:desk_network", slug=slug)
        status = 400
    return render(
        request,
        "networks/desk/network.html",
        {"desk": desk, "network": desk.network, "form": form, "today": today},
        status=status,
    )


@desk_view
@require_http_methods(["GET", "POST"])
def desk_application(request, slug: str, pk: int, *, scope):
    application = selectors.desk_application(user=request.user, slug=slug, pk=pk)
    form = DecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if application.status not in (ApplicationStatus.PENDING, ApplicationStatus.WAITING):
            form.add_error(None, _("This application has already been decided."))
        elif form.is_valid():
            try:
                services.application_decide(
                    application=application,
                    decision=form.cleaned_data["decision"],
                    note=form.cleaned_data["note"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("The decision is saved and the applicant is told by mail.")
                )
                return redirect("networks:desk_network", slug=slug)
        status = 400
    criteria = {c.pk: c for c in application.network.criteria.all()}
    return render(
        request,
        "networks/desk/application.html",
        {
            "application": application,
            "network": application.network,
            "form": form,
            "confirmed": [criteria[pk] for pk in application.confirmed_criteria if pk in criteria],
        },
        status=status,
    )


@desk_view
@require_http_methods(["GET", "POST"])
def desk_meetings(request, slug: str, *, scope):
    desk = selectors.desk_network(user=request.user, slug=slug)
    network = desk.network
    organisations, counts, last = selectors.host_candidates(network=network)
    now = timezone.now()
    past = [m for m in desk.meetings if m.event.starts_at < now]
    coming = [m for m in desk.meetings if m.event.starts_at >= now]
    suggestion = {}
    if organisations and coming:
        keys = suggest_hosts(
            len(coming),
            [HostCandidate(key=o.pk, region=o.region or None) for o in organisations],
            past_hostings=counts,
            last_hosted=last,
            previous_region=past[-1].region or None if past else None,
        )
        by_pk = {o.pk: o for o in organisations}
        suggestion = {meeting.pk: by_pk[key] for meeting, key in zip(coming, keys, strict=True)}
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "accept":
            for meeting in coming:
                if meeting.pk in suggestion:
                    services.meeting_host_set(
                        meeting=meeting, host=suggestion[meeting.pk], actor=request.user
                    )
            messages.success(request, _("The suggested hosts are set."))
            return redirect("networks:desk_meetings", slug=slug)
        meeting = selectors.desk_meeting(
            user=request.user, slug=slug, pk=_int(request.POST.get("meeting"))
        )
        form = HostForm(request.POST, organisations=organisations, prefix=f"m{meeting.pk}")
        if form.is_valid():
            services.meeting_host_set(meeting=meeting, host=form.chosen(), actor=request.user)
            messages.success(request, _("The host is saved."))
            return redirect("networks:desk_meetings", slug=slug)
        messages.error(request, _("Choose one of the members' organisations."))
        status = 400
    rows = [
        {
            "meeting": meeting,
            "suggested": suggestion.get(meeting.pk),
            "form": HostForm(
                initial={"host": meeting.host_id},
                organisations=organisations,
                prefix=f"m{meeting.pk}",
            ),
        }
        for meeting in desk.meetings
    ]
    return render(
        request,
        "networks/desk/meetings.html",
        {"network": network, "rows": rows, "has_suggestion": bool(suggestion), "now": now},
        status=status,
    )


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


# Hooks into the event page (the events app does not import networks) ----------------


def event_section(event) -> tuple[str, dict] | None:
    networks = selectors.networks_of_event(event=event)
    if not networks:
        return None
    return "networks/_event_networks.html", {"event_networks": networks}


def desk_section(user) -> tuple[str, str] | None:
    """The desk's link to the networks the user runs (registrations.desk.desk_sections)."""
    if not (user.is_staff or selectors.managed_networks(user=user).exists()):
        return None
    return (_("Networks"), reverse("networks:desk_index"))
