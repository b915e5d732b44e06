"""Live dialogue screens: breakout rounds, questions, the cross-site board, outputs.

Staff screens live under /<language>/desk/events/<slug>/ and go through
`staff_view`. Participants reach theirs through their personal link
(/<language>/r/<token>/...). Live lists are polled by htmx every few seconds: the
poll sends the digest of what it shows (`?v=`) and gets 204 No Content while
nothing changed, so the page is not re-announced or re-drawn for nothing.
"""

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from samspil.core.ratelimit import ratelimit
from samspil.core.services import audit_log_create
from samspil.dialogue import selectors, services
from samspil.dialogue.forms import (
    MoveForm,
    NoteForm,
    OutputForm,
    QuestionForm,
    RoundForm,
    StatusForm,
)
from samspil.dialogue.models import QuestionStatus, SpeakerQuestion
from samspil.registrations import selectors as registration_selectors
from samspil.registrations.desk import desk_view
from samspil.registrations.models import Registration, RegistrationStatus
from samspil.registrations.selectors import DeskScope, registration_by_token
from samspil.registrations.views import private


def desk_event(*, slug: str, scope: DeskScope):
    """The event, for those who run all of it (staff, its organiser); else 404.

    Breakout rounds, questions and the live board span every site, so a site's
    co-host, who may see only their own site's participants, has no access here.
    """
    event = registration_selectors.desk_event(slug=slug, scope=scope)
    if not scope.whole_event(event):
        raise Http404
    return event


def render_poll(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """A polled live list: 204 No Content while the page already shows this version."""
    if request.GET.get("v") == context["version"]:
        return HttpResponse(status=204)
    return render(request, template, context)


def _desk_context(event, section: str) -> dict:
    return {"event": event, "section": section, "sites": list(event.sites.all())}


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


# Breakout rounds -------------------------------------------------------------


@desk_view
@require_http_methods(["GET", "POST"])
def rounds(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    sites = list(event.sites.all())
    form = RoundForm(request.POST or None, event=event, sites=sites)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                breakout_round = services.breakout_round_create(
                    event=event,
                    site=form.chosen_site(),
                    title=form.cleaned_data["title"],
                    group_size=form.cleaned_data["group_size"],
                    source=form.cleaned_data["source"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(count)s groups formed. Check them, then publish the round.")
                    % {"count": breakout_round.groups.count()},
                )
                return redirect("dialogue:round", slug=event.slug, pk=breakout_round.pk)
        status = 400
    return render(
        request,
        "dialogue/desk/rounds.html",
        {
            **_desk_context(event, "rounds"),
            "rounds": selectors.event_rounds(event=event),
            "form": form,
        },
        status=status,
    )


@desk_view
@require_GET
def round_detail(request, slug: str, pk: int, *, scope):
    event = desk_event(slug=slug, scope=scope)
    breakout_round = selectors.event_round(event=event, pk=pk)
    groups = list(breakout_round.groups.all())
    return render(
        request,
        "dialogue/desk/round.html",
        {
            **_desk_context(event, "rounds"),
            "round": breakout_round,
            "groups": [(group, selectors.group_mix(group)) for group in groups],
            "group_choices": groups,
            "weights": {name: f"{weight:g}" for name, weight in services.DIVERSITY_WEIGHTS.items()},
        },
    )


@desk_view
@require_POST
def round_move(request, slug: str, pk: int, *, scope):
    event = desk_event(slug=slug, scope=scope)
    breakout_round = get_object_or_404(event.breakout_rounds, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        raise Http404
    member = get_object_or_404(
        breakout_round.members.select_related("registration", "group"),
        registration_id=form.cleaned_data["registration"],
    )
    group = get_object_or_404(breakout_round.groups, pk=form.cleaned_data["group"])
    if group.pk != member.group_id:
        try:
            services.breakout_member_move(
                breakout_round=breakout_round,
                registration=member.registration,
                group=group,
                actor=request.user,
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(
                request,
                _("%(name)s moved to group %(number)s.")
                % {"name": member.registration.name, "number": group.number},
            )
    return redirect("dialogue:round", slug=event.slug, pk=breakout_round.pk)


@desk_view
@require_POST
def round_publish(request, slug: str, pk: int, *, scope):
    event = desk_event(slug=slug, scope=scope)
    breakout_round = get_object_or_404(event.breakout_rounds, pk=pk)
    services.breakout_round_publish(breakout_round=breakout_round, actor=request.user)
    messages.success(request, _("The round is published: participants now see their group."))
    return redirect("dialogue:round", slug=event.slug, pk=breakout_round.pk)


# Zoom matches these column names literally: they are not interface text to translate.
ZOOM_HEADER = ["Pre-assign Room Name", "Email Address"]


@desk_view
@require_GET
def round_zoom_csv(request, slug: str, pk: int, *, scope):
    """Zoom's breakout room pre-assignment file: one row per participant."""
    event = desk_event(slug=slug, scope=scope)
    breakout_round = get_object_or_404(event.breakout_rounds, pk=pk)
    rows = selectors.zoom_rows(breakout_round=breakout_round)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ZOOM_HEADER)
    for number, email in rows:
        writer.writerow([_("Group %(number)s") % {"number": number}, email])
    audit_log_create(
        actor=request.user,
        action="breakout_round.export_zoom",
        target=breakout_round,
        rows=len(rows),
    )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"{event.slug}-round-{breakout_round.pk}-zoom.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# The personal page's section, registered in DialogueConfig.ready() -----------------


def personal_section(registration: Registration) -> tuple[str, dict] | None:
    """The registrant's groups in the published rounds, and the way to the questions."""
    if registration.status != RegistrationStatus.CONFIRMED:
        return None
    return (
        "dialogue/_personal_section.html",
        {"memberships": selectors.participant_memberships(registration=registration)},
    )


# Questions: participants ---------------------------------------------------------


def _participant_questions(registration: Registration) -> dict:
    questions = selectors.event_questions(
        event=registration.event,
        statuses=selectors.VISIBLE_TO_PARTICIPANTS,
        voter=registration,
    )
    return {
        "registration": registration,
        "event": registration.event,
        "questions": questions,
        "version": selectors.questions_fingerprint(questions),
        "can_take_part": registration.status == RegistrationStatus.CONFIRMED,
    }


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit("question", rate="10/10m", key="kwarg:token")
def participant_questions(request, token: str):
    registration = registration_by_token(token=token)
    can_take_part = registration.status == RegistrationStatus.CONFIRMED
    group = selectors.participant_group(registration=registration) if can_take_part else None
    form = QuestionForm(request.POST or None, has_group=group is not None)
    status = 200
    if request.method == "POST":
        if can_take_part and form.is_valid():
            try:
                services.speaker_question_create(
                    registration=registration,
                    text=form.cleaned_data["text"],
                    group=group if form.cleaned_data.get("for_group") else None,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your question is on the list."))
                return redirect("dialogue:questions", token=registration.token)
        elif not can_take_part:
            form.add_error(None, _("Only confirmed participants of this event can take part."))
        status = 400
    context = {**_participant_questions(registration), "form": form, "group": group}
    return private(render(request, "dialogue/questions.html", context, status=status))


@never_cache
@require_GET
def participant_questions_list(request, token: str):
    registration = registration_by_token(token=token)
    context = _participant_questions(registration)
    return private(render_poll(request, "dialogue/_questions.html", context))


@require_POST
def vote(request, token: str, pk: int):
    registration = registration_by_token(token=token)
    question = get_object_or_404(SpeakerQuestion, pk=pk, event_id=registration.event_id)
    try:
        services.vote_create(question=question, registration=registration)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Thank you: your vote is counted."))
    return redirect("dialogue:questions", token=registration.token)


# Questions: the moderator ----------------------------------------------------------


def _moderator_questions(event) -> dict:
    questions = selectors.event_questions(event=event)
    return {
        **_desk_context(event, "questions"),
        "questions": questions,
        "version": selectors.questions_fingerprint(questions),
        "actions": [
            (QuestionStatus.APPROVED, _("Approve")),
            (QuestionStatus.ANSWERED, _("Mark answered")),
            (QuestionStatus.HIDDEN, _("Hide")),
        ],
    }


@desk_view
@require_GET
def moderator_questions(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render(request, "dialogue/desk/questions.html", _moderator_questions(event))


@desk_view
@require_GET
def moderator_questions_list(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render_poll(request, "dialogue/desk/_questions.html", _moderator_questions(event))


@desk_view
@require_POST
def question_status(request, slug: str, pk: int, *, scope):
    event = desk_event(slug=slug, scope=scope)
    question = get_object_or_404(event.speaker_questions, pk=pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        services.speaker_question_set_status(
            question=question, status=form.cleaned_data["status"], actor=request.user
        )
        messages.success(
            request,
            _("The question is now: %(status)s.") % {"status": question.get_status_display()},
        )
    else:
        messages.error(request, _("Unknown status."))
    return redirect("dialogue:moderator_questions", slug=event.slug)


def _projector_questions(event) -> dict:
    questions = selectors.event_questions(event=event, statuses=[QuestionStatus.APPROVED])
    return {
        "event": event,
        "questions": questions,
        "version": selectors.questions_fingerprint(questions),
    }


@desk_view
@require_GET
def questions_projector(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render(request, "dialogue/desk/questions_projector.html", _projector_questions(event))


@desk_view
@require_GET
def questions_projector_list(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render_poll(
        request, "dialogue/desk/_projector_questions.html", _projector_questions(event)
    )


# The cross-site live board and outputs ---------------------------------------------------


def _board_notes(event) -> dict:
    notes = selectors.event_notes(event=event)
    return {"event": event, "notes": notes, "version": selectors.notes_fingerprint(notes)}


def _board_page(request, event, *, note_form=None, output_form=None, status=200):
    sites = list(event.sites.all())
    context = {
        **_desk_context(event, "board"),
        **_board_notes(event),
        "note_form": note_form or NoteForm(event=event, sites=sites, prefix="note"),
        "output_form": output_form or OutputForm(event=event, sites=sites, prefix="output"),
        "outputs": selectors.event_outputs(event=event),
    }
    return render(request, "dialogue/desk/board.html", context, status=status)


@desk_view
@require_http_methods(["GET", "POST"])
def board(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    if request.method == "GET":
        return _board_page(request, event)
    form = NoteForm(request.POST, event=event, sites=list(event.sites.all()), prefix="note")
    if form.is_valid():
        try:
            services.live_note_create(
                event=event,
                site=form.chosen_site(),
                text=form.cleaned_data["text"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your note is on the board."))
            return redirect("dialogue:board", slug=event.slug)
    return _board_page(request, event, note_form=form, status=400)


@desk_view
@require_POST
def output_create(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    form = OutputForm(request.POST, event=event, sites=list(event.sites.all()), prefix="output")
    if form.is_valid():
        try:
            services.output_create(
                event=event,
                site=form.chosen_site(),
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                contributors=form.cleaned_data["contributors"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The output is recorded."))
            return redirect(reverse("dialogue:board", args=[event.slug]) + "#outputs-heading")
    return _board_page(request, event, output_form=form, status=400)


@desk_view
@require_GET
def board_notes(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render_poll(request, "dialogue/desk/_notes.html", _board_notes(event))


def _projector_notes(event) -> dict:
    context = _board_notes(event)
    by_site = {site.pk: [] for site in event.sites.all()}
    for note in context["notes"]:
        by_site.setdefault(note.site_id, []).append(note)
    context["columns"] = [(site, by_site[site.pk]) for site in event.sites.all()]
    return context


@desk_view
@require_GET
def board_projector(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render(request, "dialogue/desk/board_projector.html", _projector_notes(event))


@desk_view
@require_GET
def board_projector_notes(request, slug: str, *, scope):
    event = desk_event(slug=slug, scope=scope)
    return render_poll(request, "dialogue/desk/_projector_notes.html", _projector_notes(event))
