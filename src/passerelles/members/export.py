"""Everything Passerelles holds about a person, as plain JSON values.

The export is declared, not hand-written per app: each ``Section`` names a model (by its
label, so that this lower domain imports no higher one), how rows are tied to the person,
the fields given and the fields left out with the reason. ``tests/members/test_export.py``
introspects every model linked to a user and fails when one is neither exported nor listed
in ``NOT_EXPORTED`` with a reason, or when a model gains a field no section mentions.

The same declaration gives the JSON Schema published in ``docs/export-schema.json``
(``export_schema()``) and the readable page (``members/export.html``).
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

FORMAT = "passerelles-export-2"


@dataclass(frozen=True)
class Section:
    """Rows of ``model`` tied to the person by any of ``links`` (field names of the model,
    each a foreign key to the user, or ``"email"`` for an address match)."""

    key: str
    model: str
    links: tuple[str, ...]
    fields: tuple[str, ...]
    omitted: dict[str, str] = field(default_factory=dict)
    title: Any = ""
    description: str = ""
    many: bool = True
    # Fields read through a model property that gives them as the person knows them
    # (e.g. themes as a list of codes rather than the stored ",a,b,").
    shown: dict[str, str] = field(default_factory=dict)

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)


ID = {"id": "an internal number, meaningless outside the database"}

SECTIONS: tuple[Section, ...] = (
    Section(
        "account",
        "accounts.User",
        ("pk",),
        ("email", "first_name", "last_name", "date_joined", "last_login", "is_active"),
        {
            **ID,
            "password": "a one-way hash, never exported",
            "is_staff": "an operator flag, not about the person",
            "is_superuser": "an operator flag, not about the person",
            "groups": "operators' permissions, not about the person",
            "user_permissions": "operators' permissions, not about the person",
        },
        title=_("Compte"),
        description="The account: name, address, dates.",
        many=False,
    ),
    Section(
        "email_addresses",
        "account.EmailAddress",
        ("user",),
        ("email", "verified", "primary"),
        ID,
        title=_("Adresses e-mail"),
        description="Addresses attached to the account.",
    ),
    Section(
        "profile",
        "members.Profile",
        ("user",),
        (
            "headline",
            "organisation",
            "city",
            "department",
            "sector",
            "skills",
            "offers",
            "needs",
            "themes",
            "languages",
            "links",
            "visibility",
            "language",
            "updated_at",
        ),
        {
            **ID,
            "sort_last_name": "a copy of the account's last name, kept for the directory's order",
            "sort_first_name": "a copy of the account's first name, kept for the directory's order",
        },
        title=_("Profil"),
        description="What the member shows of themselves.",
        many=False,
        shown={"themes": "theme_list", "languages": "language_list", "links": "link_list"},
    ),
    Section(
        "api_tokens",
        "accounts.ApiToken",
        ("user",),
        ("name", "prefix", "scope", "created_at", "expires_at", "last_used_at", "revoked_at"),
        {**ID, "digest": "a one-way hash of the secret, which is never kept"},
        title="Jetons d'API",
        description="Personal access tokens for the API (never their secret).",
    ),
    Section(
        "actions_recorded",
        "core.AuditEntry",
        ("acting_user",),
        ("verb", "subject_user", "circle_id", "other_circle_id", "changes", "created_at"),
        {
            **ID,
            "content_type": "an internal reference to the changed row",
            "object_id": "an internal reference to the changed row",
        },
        title="Actions enregistrées",
        description="State changes the person made, as the circles' log records them.",
    ),
    Section(
        "actions_about_me",
        "core.AuditEntry",
        ("subject_user",),
        ("verb", "acting_user", "circle_id", "other_circle_id", "changes", "created_at"),
        {
            **ID,
            "content_type": "an internal reference to the changed row",
            "object_id": "an internal reference to the changed row",
        },
        title="Actions me concernant",
        description="State changes about the person (admission, role…), and who made them.",
    ),
    Section(
        "memberships",
        "circles.Membership",
        ("user",),
        (
            "circle",
            "role",
            "state",
            "message",
            "requested_at",
            "invited_at",
            "admitted_at",
            "ended_at",
            "verified",
            "updated_at",
        ),
        ID,
        title=_("Adhésions"),
        description="Circles joined, asked to join or left, with the role held.",
    ),
    Section(
        "circles_created",
        "circles.Circle",
        ("created_by",),
        ("name", "slug", "created_at"),
        {
            **ID,
            "kind": "the circle's own settings, not about the person",
            "description": "the circle's own settings, not about the person",
            "city": "the circle's own settings, not about the person",
            "department": "the circle's own settings, not about the person",
            "sectors": "the circle's own settings, not about the person",
            "dues_eur": "the circle's own settings, not about the person",
            "listed": "the circle's own settings, not about the person",
            "admission_policy": "the circle's own settings, not about the person",
            "cooptation_vouches": "the circle's own settings, not about the person",
            "trust_threshold": "the circle's own settings, not about the person",
            "accept_bridged_vouches": "the circle's own settings, not about the person",
            "recognised": "the platform's decision about the circle, not about the person",
        },
        title=_("Cercles créés"),
        description="Circles the person created.",
    ),
    Section(
        "invitations_received",
        "circles.Invitation",
        ("email", "accepted_by"),
        (
            "circle",
            "email",
            "first_name",
            "last_name",
            "organisation",
            "sector",
            "city",
            "role",
            "from_import",
            "invited_by",
            "sent_at",
            "accepted_at",
            "revoked_at",
        ),
        ID,
        title=_("Invitations reçues"),
        description="Invitations sent to the person's address, with what the sender typed.",
    ),
    Section(
        "invitations_sent",
        "circles.Invitation",
        ("invited_by",),
        ("circle", "email", "first_name", "last_name", "sent_at", "accepted_at", "revoked_at"),
        {
            **ID,
            "organisation": "about the person invited, given in their own export",
            "sector": "about the person invited, given in their own export",
            "city": "about the person invited, given in their own export",
            "role": "the role offered, a circle setting",
            "from_import": "how the invitation was made, not about the person",
            "accepted_by": "the account of the person invited, given in their own export",
        },
        title=_("Invitations envoyées"),
        description="Invitations the person sent.",
    ),
    Section(
        "bridges",
        "circles.Bridge",
        ("requested_by", "decided_by", "ended_by"),
        (
            "from_circle",
            "to_circle",
            "state",
            "message",
            "requested_by",
            "requested_at",
            "decided_by",
            "decided_at",
            "ended_by",
            "ended_at",
            "from_events_offer_dismissed_at",
            "to_events_offer_dismissed_at",
        ),
        ID,
        title=_("Passerelles entre cercles"),
        description="Bridges the person asked for, answered or ended for a circle.",
    ),
    Section(
        "member_imports",
        "circles.MemberImport",
        ("uploaded_by",),
        (
            "circle",
            "filename",
            "created_at",
            "confirmed_at",
            "created_count",
            "skipped_count",
            "ignored_columns",
        ),
        {**ID, "rows": "the other people of the uploaded list, given in their own export"},
        title=_("Listes de membres importées"),
        description="Member lists the person uploaded for a circle (counts, not the rows).",
    ),
    Section(
        "vouches_given",
        "trust.Vouch",
        ("voucher",),
        ("vouchee", "context", "strength", "text", "created_at", "updated_at", "revoked_at"),
        ID,
        title=_("Recommandations données"),
        description="Vouches the person wrote, with their text.",
    ),
    Section(
        "vouches_received",
        "trust.Vouch",
        ("vouchee",),
        ("voucher", "context", "strength", "text", "created_at", "updated_at", "revoked_at"),
        ID,
        title=_("Recommandations reçues"),
        description="Vouches written about the person, with their text.",
    ),
    Section(
        "meetings_attested",
        "trust.MeetingAttestation",
        ("attester",),
        (
            "other",
            "source",
            "source_id",
            "happened_on",
            "usefulness",
            "opportunity",
            "amount_eur",
            "note",
            "created_at",
            "updated_at",
        ),
        ID,
        title=_("Rencontres attestées"),
        description="Meetings the person attested, with their own note and amounts.",
    ),
    Section(
        "meetings_attested_by_others",
        "trust.MeetingAttestation",
        ("other",),
        ("attester", "source", "happened_on", "created_at"),
        {
            **ID,
            "source_id": "an internal number of the introduction or event",
            "usefulness": "the other person's private assessment",
            "opportunity": "the other person's private assessment",
            "amount_eur": "the other person's private assessment",
            "note": "the other person's private note",
            "updated_at": "bookkeeping of the other person's record",
        },
        title=_("Rencontres attestées par d'autres"),
        description="That others attested meeting the person (not their private notes).",
    ),
    Section(
        "endorsements_given",
        "trust.Endorsement",
        ("endorser",),
        ("member", "skill", "created_at"),
        ID,
        title=_("Compétences appuyées"),
        description="Skills of others the person endorsed.",
    ),
    Section(
        "endorsements_received",
        "trust.Endorsement",
        ("member",),
        ("endorser", "skill", "created_at"),
        ID,
        title=_("Appuis reçus"),
        description="The person's skills others endorsed.",
    ),
    Section(
        "reports_filed",
        "trust.Report",
        ("reporter",),
        ("reported", "circle", "reason", "status", "created_at", "reviewed_at", "review_note"),
        {**ID, "reviewed_by": "the operator who reviewed it, not about the person"},
        title=_("Signalements faits"),
        description="Reports the person filed and what came of them.",
    ),
    Section(
        "reports_reviewed",
        "trust.Report",
        ("reviewed_by",),
        ("status", "reviewed_at", "review_note"),
        {
            **ID,
            "reporter": "a member's report, given in their own export",
            "reported": "a member's report, given in their own export",
            "circle": "a member's report, given in their own export",
            "reason": "a member's report, given in their own export",
            "created_at": "a member's report, given in their own export",
        },
        title=_("Signalements examinés"),
        description="Reports the person reviewed as an operator, with their note.",
    ),
    Section(
        "trust_scores",
        "trust.MemberTrust",
        ("user",),
        ("snapshot", "reputation", "percentile"),
        ID,
        title=_("Score de confiance"),
        description="The person's reputation in each trust computation kept.",
    ),
    Section(
        "trust_passports",
        "trust.IssuedPassport",
        ("user",),
        ("jti", "status_index", "issued_at", "expires_at", "revoked_at"),
        ID,
        title="Passeports de confiance délivrés",
        description="Signed trust passports handed to the person, and their revocation.",
    ),
    Section(
        "introduction_preferences",
        "intros.Preference",
        ("user",),
        (
            "consent",
            "consented_at",
            "frequency",
            "per_round",
            "scope",
            "formats",
            "exclude_own_circles",
            "exclude_colleagues",
            "remote",
            "blocked",
            "last_round_at",
            "left_out_last_round",
            "updated_at",
        ),
        ID,
        title=_("Préférences de mise en relation"),
        description="Consent, pace, scope and the people blocked.",
        many=False,
    ),
    Section(
        "introductions",
        "intros.Introduction",
        ("member_a", "member_b", "intermediary"),
        (
            "origin",
            "round",
            "member_a",
            "member_b",
            "intermediary",
            "status",
            "decision_a",
            "decision_b",
            "decided_a_at",
            "decided_b_at",
            "warm",
            "intermediary_decision",
            "intermediary_decided_at",
            "need",
            "message",
            "reasons",
            "components",
            "score",
            "created_at",
            "expires_at",
            "connected_at",
            "met_a_at",
            "met_b_at",
            "closed_at",
        ),
        {
            **ID,
            "pair_low": "the two members' numbers, for uniqueness",
            "pair_high": "the two members' numbers, for uniqueness",
        },
        title=_("Mises en relation"),
        description="Introductions proposed, asked for or passed on, with need and message.",
    ),
    Section(
        "notifications",
        "notifications.Notification",
        ("user",),
        ("kind", "params", "url", "created_at", "read_at"),
        {
            **ID,
            "about": "the other person the notice names, whose name is in params; "
            "not about the person exported",
        },
        title=_("Notifications"),
        description="Notices shown to the person (introductions, bridges, admissions, "
        "events, invitations).",
    ),
    Section(
        "notification_settings",
        "notifications.NotificationSettings",
        ("user",),
        ("channels", "weekly_digest", "digest_week", "updated_at"),
        ID,
        title=_("Réglages des notifications"),
        description="How the person chose to be told, per topic, and the weekly summary.",
        many=False,
    ),
    Section(
        "events_created",
        "events.Event",
        ("created_by",),
        ("title", "host_circle", "starts_at", "created_at"),
        {
            **ID,
            **{
                name: "the event's own details, not about the person"
                for name in (
                    "description",
                    "axis",
                    "topic",
                    "format",
                    "openness",
                    "open_to",
                    "place",
                    "city",
                    "online_url",
                    "ends_at",
                    "capacity",
                    "registration_deadline",
                    "price_eur",
                    "sequence",
                    "cancelled_at",
                    "updated_at",
                )
            },
        },
        title=_("Événements créés"),
        description="Events the person organised.",
    ),
    Section(
        "event_registrations",
        "events.Registration",
        ("user",),
        (
            "event",
            "circle",
            "status",
            "queued_at",
            "promoted_at",
            "cancelled_at",
            "checked_in_at",
            "reminder_sent_at",
        ),
        {
            **ID,
            "tables_link_version": "a counter that revokes the personal link to one's "
            "tables when it changes; says nothing about the person",
        },
        title=_("Inscriptions aux événements"),
        description="Places taken, waited for or given back, and check-ins.",
    ),
    Section(
        "event_feedback",
        "events.Feedback",
        ("user",),
        ("event", "rating", "comment", "created_at"),
        ID,
        title=_("Avis sur les événements"),
        description="Ratings and comments the person left after events.",
    ),
    Section(
        "calendar_feed",
        "events.CalendarFeed",
        ("user",),
        ("created_at",),
        {**ID, "token": "a secret link, shown on the calendar page, never copied into files"},
        title=_("Agenda personnel"),
        description="That a personal calendar feed exists, and since when.",
    ),
    Section(
        "discussions_started",
        "discussions.Discussion",
        ("created_by",),
        ("title", "axis", "circle", "event", "created_at"),
        {
            **ID,
            "open_to_bridged": "the discussion's own settings",
            "last_post_at": "the discussion's activity, not about the person",
            "post_count": "the discussion's activity, not about the person",
            "locked_at": "the discussion's own settings",
        },
        title=_("Discussions ouvertes"),
        description="Discussions the person started.",
    ),
    Section(
        "discussion_posts",
        "discussions.Post",
        ("author",),
        ("discussion", "body", "created_at", "hidden_at", "hidden_reason"),
        {**ID, "hidden_by": "the moderator who hid it, not about the person"},
        title=_("Messages dans les discussions"),
        description="The person's messages, withdrawn or hidden ones included.",
    ),
    Section(
        "discussion_posts_hidden",
        "discussions.Post",
        ("hidden_by",),
        ("discussion", "hidden_at", "hidden_reason"),
        {
            **ID,
            "author": "another member's message, given in their own export",
            "body": "another member's message, given in their own export",
            "created_at": "another member's message, given in their own export",
        },
        title=_("Messages masqués en modération"),
        description="Messages the person hid as a moderator, with the reason given.",
    ),
)

# Models tied to a user that the export leaves out, each with the reason.
NOT_EXPORTED: dict[str, str] = {
    "admin.LogEntry": "operators' actions in the administration, kept for accountability; "
    "not about the person acted upon",
    "jobs.TaskRetry": "which operator retried a failed background task: an operations "
    "record about the platform's work, not about the person",
}


def user_links(model: type[models.Model]) -> list[str]:
    """Names of the concrete fields of ``model`` that point at the user model."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    return [
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "related_model", None) is user_model
        and f.concrete
        and (f.many_to_one or f.one_to_one or f.many_to_many)
    ]


def personal_data(user) -> dict[str, Any]:
    """The whole export for ``user``: one key per section, plain JSON values."""
    data: dict[str, Any] = {"format": FORMAT, "exported_at": _plain(timezone.now())}
    for section in SECTIONS:
        rows = [_row(obj, section) for obj in _rows(section, user)]
        data[section.key] = (rows[0] if rows else None) if not section.many else rows
    return data


def _rows(section: Section, user):
    model = section.model_class()
    condition = Q()
    for link in section.links:
        if link == "email":
            condition |= Q(email__iexact=user.email) if user.email else Q(pk__in=[])
        elif link == "pk":
            condition |= Q(pk=user.pk)
        else:
            condition |= Q(**{link: user})
    related = [
        name
        for name in section.fields
        if (f := model._meta.get_field(name)).is_relation and not f.many_to_many
    ]
    many = [name for name in section.fields if model._meta.get_field(name).many_to_many]
    queryset = model._default_manager.filter(condition).distinct().order_by("pk")
    return queryset.select_related(*related).prefetch_related(*many)


def _row(obj: models.Model, section: Section) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in section.fields:
        model_field = obj._meta.get_field(name)
        if name in section.shown:
            row[name] = list(getattr(obj, section.shown[name]))
        elif model_field.many_to_many:
            row[name] = [_label(item) for item in getattr(obj, name).all()]
        elif model_field.is_relation:
            row[name] = _label(getattr(obj, name))
        else:
            row[name] = _plain(getattr(obj, name))
    return row


def _label(obj) -> str | None:
    """A related object as the person would name it: a member's name, a circle's name…"""
    if obj is None:
        return None
    return str(getattr(obj, "display_name", None) or obj)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def readable(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The export as sections of labelled rows, for the page a person reads."""
    sections = []
    for section in SECTIONS:
        model = section.model_class()
        labels = {
            name: capfirst(_concrete_field(model, name).verbose_name) for name in section.fields
        }
        rows = (
            data[section.key] if section.many else [data[section.key]] if data[section.key] else []
        )
        sections.append(
            {
                "key": section.key,
                "title": section.title,
                "rows": [
                    [(labels[name], _shown(row[name])) for name in section.fields] for row in rows
                ],
            }
        )
    return sections


def _shown(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return str(_("oui") if value else _("non"))
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return " · ".join(f"{key} : {_shown(item)}" for key, item in value.items())
    return str(value)


# The JSON Schema of the export ------------------------------------------------------------

_JSON_TYPES: dict[type[models.Field], str | list[str]] = {
    models.BooleanField: "boolean",
    models.IntegerField: "integer",
    models.FloatField: "number",
    models.JSONField: ["object", "array", "string", "number", "boolean", "null"],
}


def _concrete_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """A field a section lists: always one of the model's own (never a reverse relation)."""
    model_field = model._meta.get_field(name)
    assert isinstance(model_field, models.Field), name
    return model_field


def _field_schema(model_field: models.Field[Any, Any]) -> dict[str, Any]:
    if model_field.many_to_many:
        return {"type": "array", "items": {"type": "string"}}
    if model_field.is_relation:
        kind: Any = "string"
    elif isinstance(model_field, models.DateTimeField):
        return _nullable({"type": "string", "format": "date-time"}, model_field)
    elif isinstance(model_field, models.DateField):
        return _nullable({"type": "string", "format": "date"}, model_field)
    elif isinstance(model_field, models.DecimalField):
        kind = "string"
    else:
        kind = next((t for cls, t in _JSON_TYPES.items() if isinstance(model_field, cls)), "string")
    schema: dict[str, Any] = {"type": kind}
    if model_field.verbose_name and not model_field.is_relation:
        schema["description"] = str(model_field.verbose_name)
    return _nullable(schema, model_field)


def _nullable(schema: dict[str, Any], model_field: models.Field) -> dict[str, Any]:
    if (model_field.null or model_field.is_relation) and isinstance(schema["type"], str):
        schema["type"] = [schema["type"], "null"]
    return schema


def export_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of what ``personal_data`` returns."""
    properties: dict[str, Any] = {
        "format": {"const": FORMAT},
        "exported_at": {"type": "string", "format": "date-time"},
    }
    for section in SECTIONS:
        model = section.model_class()
        row = {
            "type": "object",
            "properties": {
                name: {"type": "array", "items": {"type": "string"}}
                if name in section.shown
                else _field_schema(_concrete_field(model, name))
                for name in section.fields
            },
            "required": list(section.fields),
            "additionalProperties": False,
        }
        described = f"{section.description} Left out: " + "; ".join(
            f"{name} ({why})" for name, why in section.omitted.items()
        )
        if section.many:
            properties[section.key] = {"description": described, "type": "array", "items": row}
        else:
            properties[section.key] = {"description": described, "anyOf": [row, {"type": "null"}]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://passerelles.invalid/schemas/export-2.json",
        "title": "Passerelles: everything held about a person",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
