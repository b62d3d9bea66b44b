"""State changes of circles, memberships, invitations and bridges.

Each function is one named action: it checks what must hold, writes in one transaction,
and raises ``ActionError`` with a French message when the action cannot be done.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.utils.translation import ngettext

from passerelles.accounts.models import AnyUser, User
from passerelles.circles import access
from passerelles.circles.models import (
    ADMIN_ROLES,
    AdmissionPolicy,
    Bridge,
    BridgeState,
    Circle,
    Invitation,
    Membership,
    MembershipState,
    Role,
)
from passerelles.circles.signals import (
    bridge_closed,
    circle_recognition_changed,
    membership_requested,
)
from passerelles.core import audit
from passerelles.core.access import is_operator
from passerelles.core.errors import ActionError
from passerelles.core.links import absolute_reverse
from passerelles.core.mail import in_language_of
from passerelles.notifications.notify import notify, wants_email

INVITATION_SALT = "passerelles.circles.invitation"


RESERVED_SLUGS = {"nouveau", "journal", "invitation", "invitations"}  # pages of /cercles/


def unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "cercle"
    slug, n = base, 2
    while slug in RESERVED_SLUGS or Circle.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def do_create_circle(*, acting_user: User, **fields: Any) -> Circle:
    """Create a circle; its creator becomes its owner, admitted at once. A circle created
    by a platform operator is recognised at once; any other waits for an operator."""
    user = acting_user
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # one at a time
    name = str(fields.get("name", "")).strip()
    if name and Circle.objects.filter(created_by=user, name__iexact=name).exists():
        # a second send of the same form (back button, double click) is no second circle
        raise ActionError(_("Vous avez déjà créé le cercle « %(name)s ».") % {"name": name})
    circle = Circle(created_by=user, **fields)
    circle.recognised = is_operator(user)
    if not circle.slug:
        circle.slug = unique_slug(circle.name)
    circle.full_clean()
    circle.save()
    now = timezone.now()
    Membership.objects.create(
        circle=circle,
        user=user,
        role=Role.OWNER,
        state=MembershipState.ADMITTED,
        requested_at=now,
        admitted_at=now,
        verified=True,
    )
    audit.record(CIRCLE_CREATED, circle, acting_user=user, circle=circle)
    return circle


# Circle settings whose change its log shows (the rules of admission and who sees it).
CIRCLE_LOGGED_FIELDS = (
    "name",
    "listed",
    "admission_policy",
    "cooptation_vouches",
    "trust_threshold",
    "accept_bridged_vouches",
)
audit.field_labels(
    name=_l("nom"),
    listed=_l("visible dans l'annuaire"),
    admission_policy=_l("admission"),
    cooptation_vouches=_l("recommandations requises"),
    trust_threshold=_l("seuil de confiance"),
    accept_bridged_vouches=_l("recommandations des cercles reliés"),
    recognised=_l("reconnu par la plateforme"),
)
audit.value_labels(AdmissionPolicy.choices)


@transaction.atomic
def do_update_circle(circle: Circle, *, acting_user: Any, **fields: Any) -> Circle:
    """A circle admin changes the circle's description and rules; the log keeps what
    changed in who may see and join it."""
    circle = Circle.objects.select_for_update().get(pk=circle.pk)
    _refuse_unless(access.may_manage_members(acting_user, circle))
    before = audit.snapshot(circle, [f for f in CIRCLE_LOGGED_FIELDS if f in fields])
    was_open = circle.admission_policy == AdmissionPolicy.OPEN
    for name, value in fields.items():
        setattr(circle, name, value)
    circle.full_clean()
    circle.save(update_fields=list(fields))
    audit.record(
        CIRCLE_UPDATED,
        circle,
        acting_user=acting_user,
        circle=circle,
        changes=audit.diff(before, circle),
    )
    if not was_open and circle.admission_policy == AdmissionPolicy.OPEN:
        # an open circle accepts every request: those waiting are accepted too, and told
        for membership in circle.memberships.filter(state=MembershipState.PENDING):
            do_admit_by_policy(membership, reason=AdmissionPolicy.OPEN)
    return circle


@transaction.atomic
def do_recognise_circle(circle: Circle, *, acting_user: AnyUser) -> Circle:
    """A platform operator recognises ``circle``: its verified members and admins seed
    reputation from the next recomputation (queued once this commits)."""
    return _set_recognised(circle, True, acting_user)


@transaction.atomic
def do_withdraw_recognition(circle: Circle, *, acting_user: AnyUser) -> Circle:
    """A platform operator withdraws the recognition of ``circle``: its members' vouches
    still count, but it no longer seeds reputation."""
    return _set_recognised(circle, False, acting_user)


def _set_recognised(circle: Circle, recognised: bool, acting_user: AnyUser) -> Circle:
    if not access.may_recognise_circles(acting_user):
        raise ActionError(_("Seule l'équipe de la plateforme peut reconnaître un cercle."))
    circle = Circle.objects.select_for_update().get(pk=circle.pk)
    if circle.recognised == recognised:
        raise ActionError(
            _("Ce cercle est déjà reconnu par la plateforme.")
            if recognised
            else _("Ce cercle n'est pas reconnu par la plateforme.")
        )
    before = audit.snapshot(circle, ["recognised"])
    circle.recognised = recognised
    circle.save(update_fields=["recognised"])
    audit.record(
        CIRCLE_RECOGNISED if recognised else CIRCLE_RECOGNITION_WITHDRAWN,
        circle,
        acting_user=acting_user,
        circle=circle,
        changes=audit.diff(before, circle),
    )
    circle_recognition_changed.send(sender=Circle, circle=circle)
    return circle


APPROVED = audit.verb("membership.approved", _l("a admis"))
ADMITTED_BY_POLICY = audit.verb("membership.admitted_by_policy", _l("a admis"))  # no author
JOINED = audit.verb("membership.joined", _l("a rejoint le cercle"))
REQUESTED = audit.verb("membership.requested", _l("a demandé à rejoindre le cercle"))
DECLINED = audit.verb("membership.declined", _l("a refusé la demande de"))
LEFT = audit.verb("membership.left", _l("a quitté le cercle"))
REMOVED = audit.verb("membership.removed", _l("a retiré"))
ROLE_CHANGED = audit.verb("membership.role_changed", _l("a changé le rôle de"))
OWNERSHIP_TRANSFERRED = audit.verb(
    "membership.ownership_transferred", _l("a transmis la responsabilité du cercle à")
)
INVITED = audit.verb("invitation.sent", _l("a invité"))
INVITATION_REVOKED = audit.verb("invitation.revoked", _l("a annulé l'invitation de"))
INVITATION_ACCEPTED = audit.verb("invitation.accepted", _l("a accepté l'invitation"))
BRIDGE_REQUESTED = audit.verb("bridge.requested", _l("a demandé une passerelle"))
BRIDGE_ACCEPTED = audit.verb("bridge.accepted", _l("a accepté la passerelle"))
BRIDGE_DECLINED = audit.verb("bridge.declined", _l("a refusé la passerelle"))
BRIDGE_REVOKED = audit.verb("bridge.revoked", _l("a fermé la passerelle"))
CIRCLE_CREATED = audit.verb("circle.created", _l("a créé le cercle"))
CIRCLE_UPDATED = audit.verb("circle.updated", _l("a modifié le cercle"))
CIRCLE_RECOGNISED = audit.verb("circle.recognised", _l("a reconnu le cercle pour la plateforme"))
CIRCLE_RECOGNITION_WITHDRAWN = audit.verb(
    "circle.recognition_withdrawn", _l("a retiré au cercle la reconnaissance de la plateforme")
)
IMPORT_DISCARDED = audit.verb("import.discarded", _l("a annulé un import de membres"))

MEMBERSHIP_FIELDS = ("state", "role", "requested_at", "admitted_at", "ended_at", "updated_at")
TRACKED = ("state", "role")


def _locked(membership: Membership) -> Membership:
    """The membership row, locked until the action's transaction ends, as it is now
    (not as a page loaded it earlier)."""
    return (
        Membership.objects.select_for_update()
        .select_related("user", "circle")
        .get(pk=membership.pk)
    )


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise ActionError(_("Vous n'avez pas le droit de faire cela dans ce cercle."))


def _save_and_record(
    membership: Membership, before: dict[str, Any], verb: str, acting_user: User | None
) -> Membership:
    membership.save(update_fields=MEMBERSHIP_FIELDS)
    audit.record(
        verb,
        membership,
        acting_user=acting_user,
        subject=membership.user,
        circle=membership.circle_id,
        changes=audit.diff(before, membership),
    )
    return membership


def _admit(membership: Membership) -> Membership:
    """Set ``membership`` admitted (the caller saves and records it)."""
    now = timezone.now()
    membership.state = MembershipState.ADMITTED
    membership.admitted_at = now
    membership.ended_at = None
    membership.requested_at = membership.requested_at or now
    return membership


@transaction.atomic
def do_request_to_join(circle: Circle, message: str = "", *, acting_user: User) -> Membership:
    """``acting_user`` asks to join; an open circle admits at once, others put the
    request in review."""
    user = acting_user
    membership = Membership.objects.select_for_update().filter(user=user, circle=circle).first()
    if membership and membership.state == MembershipState.ADMITTED:
        raise ActionError(_("Vous êtes déjà membre de ce cercle."))
    if membership and membership.state == MembershipState.PENDING:
        raise ActionError(_("Votre demande est déjà en cours d'examen."))
    if membership and membership.state == MembershipState.REMOVED:
        raise ActionError(
            _("Les responsables de ce cercle ont mis fin à votre adhésion ; contactez-les.")
        )
    if membership and membership.state == MembershipState.INVITED:
        invitation = open_invitation_for(user, circle)
        if invitation is not None:
            return do_accept_invitation(invitation, acting_user=user)
    if circle.admission_policy == AdmissionPolicy.INVITATION:
        raise ActionError(_("Ce cercle n'admet que sur invitation."))
    before = audit.snapshot(membership, TRACKED) if membership else {"state": None, "role": None}
    membership = membership or Membership(user=user, circle=circle)
    membership.role = Role.MEMBER
    membership.message = message
    membership.requested_at = timezone.now()
    membership.admitted_at = None
    membership.ended_at = None
    if circle.admission_policy == AdmissionPolicy.OPEN:
        _admit(membership)
        verb = JOINED
    else:
        membership.state = MembershipState.PENDING
        verb = REQUESTED
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as exc:  # a second click raced the first one
        if verb == JOINED:
            raise ActionError(_("Vous êtes déjà membre de ce cercle.")) from exc
        raise ActionError(_("Votre demande est déjà en cours d'examen.")) from exc
    audit.record(
        verb,
        membership,
        acting_user=user,
        subject=user,
        circle=circle,
        changes=audit.diff(before, membership),
    )
    if verb == REQUESTED:  # a receiver may admit at once (already vouched enough)
        membership_requested.send(sender=Membership, membership=membership)
        membership.refresh_from_db()
    return membership


@transaction.atomic
def do_approve(membership: Membership, *, acting_user: User) -> Membership:
    """A circle admin admits a pending request."""
    membership = _locked(membership)
    _refuse_unless(access.may_manage_members(acting_user, membership.circle))
    if membership.state != MembershipState.PENDING:
        raise ActionError(_("Cette demande n'est plus en attente."))
    before = audit.snapshot(membership, TRACKED)
    membership = _save_and_record(_admit(membership), before, APPROVED, acting_user)
    _tell_applicant(membership, by=acting_user)
    return membership


@transaction.atomic
def do_admit_by_policy(
    membership: Membership, *, reason: str, vouched_by: Sequence[User] = ()
) -> Membership:
    """The circle's own rule (co-optation count, trust threshold) admits a pending
    request; the log shows no one as its author, and ``reason`` says which rule.
    ``vouched_by``: the members whose recommendations carried it, named to the applicant."""
    membership = _locked(membership)
    if membership.state != MembershipState.PENDING:
        raise ActionError(_("Cette demande n'est plus en attente."))
    membership = _admit(membership)
    membership.save(update_fields=MEMBERSHIP_FIELDS)
    audit.record(
        ADMITTED_BY_POLICY,
        membership,
        acting_user=None,
        subject=membership.user,
        circle=membership.circle_id,
        changes={"state": [MembershipState.PENDING, membership.state], "policy": reason},
    )
    _tell_applicant(membership, vouched_by=vouched_by)
    return membership


@transaction.atomic
def do_decline(membership: Membership, *, acting_user: User) -> Membership:
    """A circle admin declines a pending request."""
    membership = _locked(membership)
    _refuse_unless(access.may_manage_members(acting_user, membership.circle))
    if membership.state != MembershipState.PENDING:
        raise ActionError(_("Cette demande n'est plus en attente."))
    before = audit.snapshot(membership, TRACKED)
    membership.state = MembershipState.DECLINED
    membership.ended_at = timezone.now()
    membership = _save_and_record(membership, before, DECLINED, acting_user)
    notify(
        membership.user,
        "declined",
        url=membership.circle.get_absolute_url(),
        template="circles/email/declined.txt",
        circle=membership.circle.name,
    )
    return membership


def _tell_applicant(
    membership: Membership, *, by: User | None = None, vouched_by: Sequence[User] = ()
) -> None:
    """The applicant learns they are in, and why: the members whose recommendations
    carried the request, or the organiser who admitted it."""
    circle = membership.circle
    url, template = circle.get_absolute_url(), "circles/email/admitted.txt"
    names = [person.display_name for person in vouched_by]
    if names:
        notify(
            membership.user,
            "admitted_vouched",
            url=url,
            template=template,
            circle=circle.name,
            names=names,
        )
    elif by is not None:
        notify(
            membership.user,
            "admitted_by",
            url=url,
            template=template,
            about=by,
            circle=circle.name,
            by=by.display_name,
        )
    else:
        notify(membership.user, "admitted", url=url, template=template, circle=circle.name)


@transaction.atomic
def do_leave(membership: Membership, *, acting_user: User) -> Membership:
    """A member leaves (or withdraws a request, or turns an invitation down)."""
    membership = _locked(membership)
    _refuse_unless(membership.user_id == getattr(acting_user, "pk", None))
    if access.is_owner(membership):
        raise ActionError(
            _(
                "Transférez d'abord la responsabilité du cercle à un autre membre : page Membres,"
                " « Plus » à côté de son nom, « Transmettre la responsabilité »."
            )
        )
    if membership.state not in (
        MembershipState.ADMITTED,
        MembershipState.PENDING,
        MembershipState.INVITED,
    ):
        raise ActionError(_("Vous ne faites pas partie de ce cercle."))
    before = audit.snapshot(membership, TRACKED)
    membership.state = MembershipState.LEFT
    membership.role = Role.MEMBER
    membership.ended_at = timezone.now()
    return _save_and_record(membership, before, LEFT, acting_user)


@transaction.atomic
def do_remove(membership: Membership, *, acting_user: User) -> Membership:
    """A circle admin removes a member (who may not come back by asking)."""
    membership = _locked(membership)
    _refuse_unless(access.may_manage_members(acting_user, membership.circle))
    if membership.role == Role.OWNER:
        raise ActionError(_("Le responsable du cercle ne peut pas être retiré."))
    _check_may_manage_admins(membership, acting_user, membership.role)
    if membership.state != MembershipState.ADMITTED:
        raise ActionError(_("Cette personne n'est pas membre du cercle."))
    before = audit.snapshot(membership, TRACKED)
    membership.state = MembershipState.REMOVED
    membership.role = Role.MEMBER
    membership.ended_at = timezone.now()
    return _save_and_record(membership, before, REMOVED, acting_user)


@transaction.atomic
def do_change_role(membership: Membership, role: str, *, acting_user: User) -> Membership:
    """A circle admin makes a member an admin, a moderator, or a member again."""
    if role not in (Role.ADMIN, Role.MODERATOR, Role.MEMBER):
        raise ActionError(_("Rôle inconnu."))
    membership = _locked(membership)
    _refuse_unless(access.may_manage_members(acting_user, membership.circle))
    if membership.role == Role.OWNER:
        raise ActionError(_("Utilisez le transfert de responsabilité pour le responsable."))
    _check_may_manage_admins(membership, acting_user, membership.role, role)
    if membership.state != MembershipState.ADMITTED:
        raise ActionError(_("Cette personne n'est pas membre du cercle."))
    if membership.role == role:
        return membership
    before = audit.snapshot(membership, TRACKED)
    membership.role = role
    return _save_and_record(membership, before, ROLE_CHANGED, acting_user)


def _check_may_manage_admins(membership: Membership, acting_user: User, *roles: str) -> None:
    """Admins are named, demoted and removed by the circle's owner (or an operator) only:
    an admin manages members and moderators, never the other admins."""
    if Role.ADMIN in roles and not access.may_manage_admins(acting_user, membership.circle):
        raise ActionError(
            _(
                "Seul le responsable du cercle peut nommer, rétrograder ou retirer "
                "un administrateur."
            )
        )


@transaction.atomic
def do_transfer_ownership(new_owner_membership: Membership, *, acting_user: User) -> Membership:
    """The owner (or an operator) hands the circle to an admitted member; the former
    owner stays an admin."""
    membership = _locked(new_owner_membership)
    circle = membership.circle
    _refuse_unless(access.may_transfer_ownership(acting_user, circle))
    if membership.state != MembershipState.ADMITTED:
        raise ActionError(_("Seul un membre admis peut devenir responsable."))
    if membership.role == Role.OWNER:
        return membership
    for owner in Membership.objects.select_for_update().filter(circle=circle, role=Role.OWNER):
        owner.role = Role.ADMIN
        owner.save(update_fields=["role", "updated_at"])
    before = audit.snapshot(membership, TRACKED)
    membership.role = Role.OWNER
    return _save_and_record(membership, before, OWNERSHIP_TRANSFERRED, acting_user)


def invitation_is_current(invitation: Invitation) -> bool:
    age = timezone.now() - invitation.sent_at
    return invitation.is_open and age.days < settings.INVITATION_MAX_AGE_DAYS


def open_invitation_for(user: User, circle: Circle) -> Invitation | None:
    """The open, unexpired invitation of ``user``'s e-mail address to ``circle``."""
    invitation = Invitation.objects.filter(circle=circle, email__iexact=user.email).first()
    if invitation is not None and invitation_is_current(invitation):
        return invitation
    return None


@transaction.atomic
def do_revoke_invitation(invitation: Invitation, *, acting_user: User) -> Invitation:
    """Cancel an invitation; a registered person's invited membership ends with it."""
    invitation = (
        Invitation.objects.select_for_update().select_related("circle").get(pk=invitation.pk)
    )
    _refuse_unless(access.may_manage_members(acting_user, invitation.circle))
    if not invitation.is_open:
        raise ActionError(_("Cette invitation n'est plus valable."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(
        INVITATION_REVOKED,
        invitation,
        acting_user=acting_user,
        circle=invitation.circle_id,
        changes={"email": invitation.email},
    )
    Membership.objects.filter(
        circle=invitation.circle,
        user__email__iexact=invitation.email,
        state=MembershipState.INVITED,
    ).update(state=MembershipState.LEFT, ended_at=timezone.now())
    return invitation


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "e": invitation.email}, salt=INVITATION_SALT)


def read_invitation_token(token: str) -> Invitation:
    """The open invitation behind a link, or ActionError (expired, forged, used)."""
    max_age = settings.INVITATION_MAX_AGE_DAYS * 24 * 3600
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ActionError(_("Ce lien d'invitation a expiré ; demandez-en un nouveau.")) from exc
    except signing.BadSignature as exc:
        raise ActionError(_("Ce lien d'invitation n'est pas valide.")) from exc
    invitation = Invitation.objects.filter(pk=data.get("i"), email=data.get("e")).first()
    if invitation is None or invitation.revoked_at:
        raise ActionError(_("Cette invitation a été annulée."))
    if invitation.accepted_at:
        raise ActionError(_("Cette invitation a déjà été acceptée."))
    return invitation


def invitation_mail(invitation: Invitation) -> tuple[str, str]:
    """Subject and body of an invitation, in the current language: who invites, whom
    (when the organiser gave a name), to which circle."""
    url = absolute_reverse("circles:invitation", invitation_token(invitation))
    inviter = invitation.invited_by
    inviter_name = inviter.get_full_name() if inviter is not None else ""
    context = {
        "invitation": invitation,
        "url": url,
        "days": settings.INVITATION_MAX_AGE_DAYS,
        "inviter": inviter_name,
        "invitee": invitation.first_name or _invitee_account_name(invitation),
    }
    if inviter_name:
        subject = _("[Passerelles] %(inviter)s vous invite à rejoindre « %(circle)s »")
    else:
        subject = _("[Passerelles] Invitation à rejoindre %(circle)s")
    subject %= {"inviter": inviter_name, "circle": invitation.circle.name}
    return subject, render_to_string("circles/email/invitation.txt", context)


def _invitee_account_name(invitation: Invitation) -> str:
    user = get_user_model().objects.filter(email__iexact=invitation.email).first()
    return user.first_name if user is not None else ""


def accepted_invitation(token: str, user: AnyUser) -> Invitation | None:
    """The invitation behind a valid link if ``user`` has already accepted it (the link
    opened again, or the redirect right after signing up through it)."""
    if not user.is_authenticated:
        return None
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return None
    return (
        Invitation.objects.filter(pk=data.get("i"), accepted_by=user)
        .select_related("circle")
        .first()
    )


def send_invitation(invitation: Invitation) -> None:
    """In the language of the member with this address, if there is one (else French)."""
    member = (
        get_user_model()
        .objects.filter(email__iexact=invitation.email)
        .select_related("profile")
        .first()
    )
    if member is not None and not wants_email(member, "invited"):
        return  # the member chose to hear of invitations in Passerelles only, or not at all
    with in_language_of(member):
        subject, body = invitation_mail(invitation)
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[invitation.email])


INVITATION_RESENT = audit.verb("invitation.resent", _l("a renvoyé l'invitation de"))


@transaction.atomic
def do_resend_invitation(invitation: Invitation, *, acting_user: User) -> Invitation:
    """Send an open invitation again (its link lives anew from now), at most once per
    ``INVITATION_RESEND_AFTER_HOURS``; the e-mail leaves once committed."""
    invitation = (
        Invitation.objects.select_for_update().select_related("circle").get(pk=invitation.pk)
    )
    _refuse_unless(access.may_manage_members(acting_user, invitation.circle))
    if not invitation.is_open:
        raise ActionError(_("Cette invitation n'est plus valable."))
    hours = settings.INVITATION_RESEND_AFTER_HOURS
    if timezone.now() - invitation.sent_at < dt.timedelta(hours=hours):
        raise ActionError(
            ngettext(
                "L'invitation de %(email)s est partie il y a moins d'une heure ; "
                "laissez-lui le temps d'arriver avant de la renvoyer.",
                "L'invitation de %(email)s est partie il y a moins de %(hours)d heures ; "
                "laissez-lui le temps d'arriver avant de la renvoyer.",
                hours,
            )
            % {"email": invitation.email, "hours": hours}
        )
    before = invitation.sent_at
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])
    audit.record(
        INVITATION_RESENT,
        invitation,
        acting_user=acting_user,
        circle=invitation.circle_id,
        changes={
            "email": invitation.email,
            "sent_at": [before.isoformat(), invitation.sent_at.isoformat()],
        },
    )
    member = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if member is not None:
        notify(
            member,
            "invited",
            url=invitation.circle.get_absolute_url(),
            email=False,  # the invitation's own e-mail carries its link
            by=acting_user.display_name,
            circle=invitation.circle.name,
        )
    from passerelles.circles.imports import send_import_invitations

    ids = [invitation.pk]
    transaction.on_commit(lambda: send_import_invitations.enqueue(ids))
    return invitation


@transaction.atomic
def do_invite(
    circle: Circle, email: str, *, acting_user: User, from_import: bool = False, **details: Any
) -> tuple[Invitation, bool]:
    """Invite an e-mail address; inviting it again refreshes the same invitation.

    Returns (invitation, created). A member already admitted cannot be invited.
    """
    _refuse_unless(access.may_manage_members(acting_user, circle))
    email = email.strip().lower()
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user and Membership.objects.admitted().filter(user=user, circle=circle).exists():
        raise ActionError(_("%(email)s est déjà membre de ce cercle.") % {"email": email})
    if (
        user
        and Membership.objects.filter(
            user=user, circle=circle, state=MembershipState.REMOVED
        ).exists()
    ):
        raise ActionError(
            _("%(email)s a été retiré de ce cercle : réintégrez-le depuis l'administration.")
            % {"email": email}
        )
    invitation, created = Invitation.objects.select_for_update().get_or_create(
        circle=circle,
        email=email,
        defaults={
            "invited_by": acting_user,
            "sent_at": timezone.now(),
            "from_import": from_import,
            **details,
        },
    )
    if not created:
        if invitation.accepted_at and not user:
            raise ActionError(_("%(email)s a déjà accepté.") % {"email": email})
        invitation.sent_at = timezone.now()
        invitation.revoked_at = None
        invitation.accepted_at = None
        invitation.save(update_fields=["sent_at", "revoked_at", "accepted_at"])
    if user:
        membership, _unused = Membership.objects.select_for_update().get_or_create(
            user=user, circle=circle
        )
        if membership.state != MembershipState.ADMITTED:
            membership.state = MembershipState.INVITED
            membership.invited_at = timezone.now()
            membership.save(update_fields=["state", "invited_at", "updated_at"])
        notify(
            user,
            "invited",
            url=circle.get_absolute_url(),
            email=False,  # the invitation's own e-mail carries its link
            by=acting_user.display_name,
            circle=circle.name,
        )
    audit.record(
        INVITED,
        invitation,
        acting_user=acting_user,
        subject=user,
        circle=circle,
        changes={"email": email, "renewed": not created, "from_import": from_import},
    )
    return invitation, created


@transaction.atomic
def do_accept_invitation(invitation: Invitation, *, acting_user: User) -> Membership:
    """The person invited (signed in with the address invited) joins the circle."""
    user = acting_user
    if user.email.lower() != invitation.email.lower():
        raise ActionError(
            _("Cette invitation a été envoyée à %(email)s ; connectez-vous avec cette adresse.")
            % {"email": invitation.email}
        )
    if not invitation_is_current(invitation):
        raise ActionError(_("Cette invitation n'est plus valable."))
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation_is_current(invitation):
        raise ActionError(_("Cette invitation n'est plus valable."))
    membership, created = Membership.objects.select_for_update().get_or_create(
        user=user,
        circle=invitation.circle,
        defaults={"invited_at": invitation.sent_at, "requested_at": invitation.sent_at},
    )
    if membership.state == MembershipState.REMOVED:
        raise ActionError(
            _("Les responsables de ce cercle ont mis fin à votre adhésion ; contactez-les.")
        )
    if membership.state != MembershipState.ADMITTED:
        before = {"state": None, "role": None} if created else audit.snapshot(membership, TRACKED)
        membership.role = invitation.role if invitation.role != Role.OWNER else Role.MEMBER
        membership.invited_at = membership.invited_at or invitation.sent_at
        _admit(membership)
        membership.save(update_fields=(*MEMBERSHIP_FIELDS, "invited_at"))
        audit.record(
            INVITATION_ACCEPTED,
            membership,
            acting_user=user,
            subject=user,
            circle=membership.circle_id,
            changes={**audit.diff(before, membership), "invitation": invitation.pk},
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    profile = user.profile
    changed = False
    for field in ("organisation", "sector", "city"):
        if not getattr(profile, field) and getattr(invitation, field):
            setattr(profile, field, getattr(invitation, field))
            changed = True
    if changed:
        profile.save(update_fields=["organisation", "sector", "city"])
    if not (user.first_name or user.last_name) and (invitation.first_name or invitation.last_name):
        user.first_name, user.last_name = invitation.first_name, invitation.last_name
        user.save(update_fields=["first_name", "last_name"])
    return membership


def open_bridge_between(a: Circle, b: Circle) -> Bridge | None:
    return (
        Bridge.objects.filter(state__in=[BridgeState.REQUESTED, BridgeState.ACTIVE])
        .filter(Q(from_circle=a, to_circle=b) | Q(from_circle=b, to_circle=a))
        .first()
    )


@transaction.atomic
def do_request_bridge(
    from_circle: Circle, to_circle: Circle, message: str = "", *, acting_user: User
) -> Bridge:
    """An admin of ``from_circle`` asks ``to_circle`` for a bridge."""
    _refuse_unless(access.may_manage_members(acting_user, from_circle))
    if from_circle.pk == to_circle.pk:
        raise ActionError(_("Un cercle ne peut pas se relier à lui-même."))
    # Lock both circles so that two crossing requests cannot both be created.
    list(Circle.objects.select_for_update().filter(pk__in=[from_circle.pk, to_circle.pk]))
    existing = open_bridge_between(from_circle, to_circle)
    if existing and existing.state == BridgeState.ACTIVE:
        raise ActionError(_("Ces deux cercles sont déjà reliés."))
    if existing:
        raise ActionError(_("Une demande de passerelle est déjà en cours entre ces cercles."))
    try:
        with transaction.atomic():
            bridge = Bridge.objects.create(
                from_circle=from_circle,
                to_circle=to_circle,
                requested_by=acting_user,
                requested_at=timezone.now(),
                message=message,
            )
    except IntegrityError as exc:
        raise ActionError(_("Une demande de passerelle est déjà en cours.")) from exc
    _record_bridge(BRIDGE_REQUESTED, bridge, acting_user, {"state": [None, bridge.state]})
    _tell_admins_of_request(bridge)
    return bridge


def _record_bridge(verb: str, bridge: Bridge, acting_user: User, changes: dict[str, Any]) -> None:
    audit.record(
        verb,
        bridge,
        acting_user=acting_user,
        circle=bridge.from_circle_id,
        other_circle=bridge.to_circle_id,
        changes=changes,
    )


def circle_admins(circle: Circle) -> QuerySet[User]:
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__circle=circle,
            memberships__state=MembershipState.ADMITTED,
            memberships__role__in=ADMIN_ROLES,
        )
        .select_related("profile")
    )


def _tell_admins_of_request(bridge: Bridge) -> None:
    """Each admin of the circle asked is told, in their language (their home page lists
    the request too)."""
    for admin in circle_admins(bridge.to_circle):
        notify(
            admin,
            "bridge_requested",
            url=reverse("circles:bridges", args=[bridge.to_circle.slug]),
            template="circles/email/bridge_request.txt",
            context={"bridge": bridge},
            circle=bridge.from_circle.name,
            to_circle=bridge.to_circle.name,
        )


def _tell_of_answer(bridge: Bridge, acting_user: User) -> None:
    """The requester is told the answer; once a bridge is active, the other admins of the
    circle that accepted it are told too: each side is offered, by the e-mail's link, to
    open its coming events to the other."""
    readers = [(bridge.requested_by, bridge.from_circle)]
    if bridge.state == BridgeState.ACTIVE:
        readers += [
            (admin, bridge.to_circle)
            for admin in circle_admins(bridge.to_circle).exclude(pk=acting_user.pk)
        ]
    for reader, own in readers:
        notify(
            reader,
            "bridge_accepted" if bridge.state == BridgeState.ACTIVE else "bridge_declined",
            url=reverse("circles:bridges", args=[own.slug]),
            template="circles/email/bridge_answered.txt",
            context={"bridge": bridge, "own": own, "partner": bridge.other(own)},
            circle=bridge.from_circle.name,
            to_circle=bridge.to_circle.name,
        )


@transaction.atomic
def do_answer_bridge(bridge: Bridge, *, acting_user: User, accept: bool) -> Bridge:
    """An admin of the circle asked accepts or declines a bridge."""
    bridge = Bridge.objects.select_for_update().select_related("to_circle").get(pk=bridge.pk)
    _refuse_unless(access.may_manage_members(acting_user, bridge.to_circle))
    if bridge.state != BridgeState.REQUESTED:
        raise ActionError(_("Cette demande de passerelle n'est plus en attente."))
    before = bridge.state
    bridge.state = BridgeState.ACTIVE if accept else BridgeState.DECLINED
    bridge.decided_by = acting_user
    bridge.decided_at = timezone.now()
    bridge.save(update_fields=["state", "decided_by", "decided_at"])
    verb = BRIDGE_ACCEPTED if accept else BRIDGE_DECLINED
    _record_bridge(verb, bridge, acting_user, {"state": [before, bridge.state]})
    _tell_of_answer(bridge, acting_user)
    return bridge


@transaction.atomic
def do_revoke_bridge(bridge: Bridge, *, acting_user: User) -> Bridge:
    """An admin of either circle closes a bridge (or withdraws a request)."""
    bridge = (
        Bridge.objects.select_for_update()
        .select_related("from_circle", "to_circle")
        .get(pk=bridge.pk)
    )
    _refuse_unless(
        access.may_manage_members(acting_user, bridge.from_circle)
        or access.may_manage_members(acting_user, bridge.to_circle)
    )
    if bridge.state not in (BridgeState.ACTIVE, BridgeState.REQUESTED):
        raise ActionError(_("Cette passerelle n'est pas active."))
    before = bridge.state
    was_active = before == BridgeState.ACTIVE
    bridge.state = BridgeState.REVOKED
    bridge.ended_by = acting_user
    bridge.ended_at = timezone.now()
    bridge.save(update_fields=["state", "ended_by", "ended_at"])
    _record_bridge(BRIDGE_REVOKED, bridge, acting_user, {"state": [before, bridge.state]})
    if was_active:
        bridge_closed.send(sender=Bridge, bridge=bridge)
    return bridge


def do_invite_many(
    circle: Circle, emails: list[str], *, acting_user: User
) -> tuple[int, list[str]]:
    """Invite several addresses in one transaction; the e-mails leave once it commits,
    from the background worker. Returns (invitations made, reasons for refusals)."""
    from passerelles.circles.imports import send_import_invitations

    ids, refused = [], []
    with transaction.atomic():
        for email in emails:
            try:
                with transaction.atomic():
                    invitation, _created = do_invite(circle, email, acting_user=acting_user)
            except ActionError as error:
                refused.append(str(error))
                continue
            ids.append(invitation.pk)
        if ids:
            transaction.on_commit(lambda: send_import_invitations.enqueue(ids))
    return len(ids), refused
