"""State changes of circles, memberships, invitations and bridges.

Each function is one named action: it checks what must hold, writes in one transaction,
and raises ``ActionError`` with a French message when the action cannot be done.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from passerelles.circles.models import (
    AdmissionPolicy,
    Bridge,
    BridgeState,
    Circle,
    Invitation,
    Membership,
    MembershipState,
    Role,
)
from passerelles.circles.signals import membership_requested
from passerelles.core.errors import ActionError
from passerelles.core.links import absolute_reverse
from passerelles.core.mail import in_language_of

INVITATION_SALT = "passerelles.circles.invitation"


def unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "cercle"
    slug, n = base, 2
    while Circle.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def do_create_circle(user, **fields) -> Circle:
    """Create a circle; its creator becomes its owner, admitted at once."""
    circle = Circle(created_by=user, **fields)
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
    return circle


def _admit(membership: Membership) -> Membership:
    now = timezone.now()
    membership.state = MembershipState.ADMITTED
    membership.admitted_at = now
    membership.ended_at = None
    membership.requested_at = membership.requested_at or now
    membership.save()
    return membership


@transaction.atomic
def do_request_to_join(user, circle: Circle, message: str = "") -> Membership:
    """Ask to join; an open circle admits at once, others put the request in review."""
    membership = Membership.objects.select_for_update().filter(user=user, circle=circle).first()
    if membership and membership.state == MembershipState.ADMITTED:
        raise ActionError(_("Vous êtes déjà membre de ce cercle."))
    if membership and membership.state == MembershipState.PENDING:
        raise ActionError(_("Votre demande est déjà en cours d'examen."))
    if membership and membership.state == MembershipState.REMOVED:
        raise ActionError(_("Vous avez été retiré de ce cercle ; contactez ses responsables."))
    if membership and membership.state == MembershipState.INVITED:
        invitation = open_invitation_for(user, circle)
        if invitation is not None:
            return do_accept_invitation(invitation, user)
    if circle.admission_policy == AdmissionPolicy.INVITATION:
        raise ActionError(_("Ce cercle n'admet que sur invitation."))
    membership = membership or Membership(user=user, circle=circle)
    membership.role = Role.MEMBER
    membership.message = message
    membership.requested_at = timezone.now()
    membership.admitted_at = None
    membership.ended_at = None
    if circle.admission_policy == AdmissionPolicy.OPEN:
        try:
            with transaction.atomic():
                return _admit(membership)
        except IntegrityError as exc:
            raise ActionError(_("Vous êtes déjà membre de ce cercle.")) from exc
    membership.state = MembershipState.PENDING
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError as exc:  # a second click raced the first one
        raise ActionError(_("Votre demande est déjà en cours d'examen.")) from exc
    membership_requested.send(sender=Membership, membership=membership)
    return membership


@transaction.atomic
def do_approve(membership: Membership) -> Membership:
    if membership.state != MembershipState.PENDING:
        raise ActionError(_("Cette demande n'est plus en attente."))
    return _admit(membership)


@transaction.atomic
def do_decline(membership: Membership) -> Membership:
    if membership.state != MembershipState.PENDING:
        raise ActionError(_("Cette demande n'est plus en attente."))
    membership.state = MembershipState.DECLINED
    membership.ended_at = timezone.now()
    membership.save()
    return membership


@transaction.atomic
def do_leave(membership: Membership) -> Membership:
    if membership.role == Role.OWNER and membership.state == MembershipState.ADMITTED:
        raise ActionError(_("Transférez d'abord la responsabilité du cercle à un autre membre."))
    if membership.state not in (
        MembershipState.ADMITTED,
        MembershipState.PENDING,
        MembershipState.INVITED,
    ):
        raise ActionError(_("Vous ne faites pas partie de ce cercle."))
    membership.state = MembershipState.LEFT
    membership.role = Role.MEMBER
    membership.ended_at = timezone.now()
    membership.save()
    return membership


@transaction.atomic
def do_remove(membership: Membership) -> Membership:
    if membership.role == Role.OWNER:
        raise ActionError(_("Le responsable du cercle ne peut pas être retiré."))
    if membership.state != MembershipState.ADMITTED:
        raise ActionError(_("Cette personne n'est pas membre du cercle."))
    membership.state = MembershipState.REMOVED
    membership.role = Role.MEMBER
    membership.ended_at = timezone.now()
    membership.save()
    return membership


@transaction.atomic
def do_change_role(membership: Membership, role: str) -> Membership:
    if role not in (Role.ADMIN, Role.MODERATOR, Role.MEMBER):
        raise ActionError(_("Rôle inconnu."))
    if membership.role == Role.OWNER:
        raise ActionError(_("Utilisez le transfert de responsabilité pour le responsable."))
    if membership.state != MembershipState.ADMITTED:
        raise ActionError(_("Cette personne n'est pas membre du cercle."))
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    return membership


@transaction.atomic
def do_transfer_ownership(circle: Circle, current_owner, new_owner_membership: Membership):
    if new_owner_membership.circle_id != circle.pk:
        raise ActionError(_("Cette personne n'est pas membre du cercle."))
    if new_owner_membership.state != MembershipState.ADMITTED:
        raise ActionError(_("Seul un membre admis peut devenir responsable."))
    owners = Membership.objects.select_for_update().filter(circle=circle, role=Role.OWNER)
    owners.update(role=Role.ADMIN)
    new_owner_membership.role = Role.OWNER
    new_owner_membership.save(update_fields=["role", "updated_at"])


def invitation_is_current(invitation: Invitation) -> bool:
    age = timezone.now() - invitation.sent_at
    return invitation.is_open and age.days < settings.INVITATION_MAX_AGE_DAYS


def open_invitation_for(user, circle: Circle) -> Invitation | None:
    """The open, unexpired invitation of ``user``'s e-mail address to ``circle``."""
    invitation = Invitation.objects.filter(circle=circle, email__iexact=user.email).first()
    if invitation is not None and invitation_is_current(invitation):
        return invitation
    return None


@transaction.atomic
def do_revoke_invitation(invitation: Invitation) -> Invitation:
    """Cancel an invitation; a registered person's invited membership ends with it."""
    if not invitation.is_open:
        raise ActionError(_("Cette invitation n'est plus valable."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
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


def send_invitation(invitation: Invitation) -> None:
    """In the language of the member with this address, if there is one (else French)."""
    url = absolute_reverse("circles:invitation", invitation_token(invitation))
    context = {"invitation": invitation, "url": url, "days": settings.INVITATION_MAX_AGE_DAYS}
    member = (
        get_user_model()
        .objects.filter(email__iexact=invitation.email)
        .select_related("profile")
        .first()
    )
    with in_language_of(member):
        send_mail(
            subject=_("[Passerelles] Invitation à rejoindre %(circle)s")
            % {"circle": invitation.circle.name},
            message=render_to_string("circles/email/invitation.txt", context),
            from_email=None,
            recipient_list=[invitation.email],
        )


@transaction.atomic
def do_invite(
    circle: Circle, by, email: str, *, from_import=False, **details
) -> tuple[Invitation, bool]:
    """Invite an e-mail address; inviting it again refreshes the same invitation.

    Returns (invitation, created). A member already admitted cannot be invited.
    """
    email = email.strip().lower()
    user = get_user_model().objects.filter(email__iexact=email).first()
    if (
        user
        and Membership.objects.filter(
            user=user, circle=circle, state=MembershipState.ADMITTED
        ).exists()
    ):
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
            "invited_by": by,
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
        invitation.save()
    if user:
        membership, _unused = Membership.objects.get_or_create(user=user, circle=circle)
        if membership.state != MembershipState.ADMITTED:
            membership.state = MembershipState.INVITED
            membership.invited_at = timezone.now()
            membership.save()
    return invitation, created


@transaction.atomic
def do_accept_invitation(invitation: Invitation, user) -> Membership:
    if user.email.lower() != invitation.email.lower():
        raise ActionError(
            _("Cette invitation a été envoyée à %(email)s ; connectez-vous avec cette adresse.")
            % {"email": invitation.email}
        )
    if not invitation_is_current(invitation):
        raise ActionError(_("Cette invitation n'est plus valable."))
    membership, _unused = Membership.objects.select_for_update().get_or_create(
        user=user,
        circle=invitation.circle,
        defaults={"invited_at": invitation.sent_at, "requested_at": invitation.sent_at},
    )
    if membership.state == MembershipState.REMOVED:
        raise ActionError(_("Vous avez été retiré de ce cercle ; contactez ses responsables."))
    if membership.state != MembershipState.ADMITTED:
        membership.role = invitation.role if invitation.role != Role.OWNER else Role.MEMBER
        membership.invited_at = membership.invited_at or invitation.sent_at
        _admit(membership)
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
        profile.save()
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
def do_request_bridge(from_circle: Circle, to_circle: Circle, by, message: str = "") -> Bridge:
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
        return Bridge.objects.create(
            from_circle=from_circle,
            to_circle=to_circle,
            requested_by=by,
            requested_at=timezone.now(),
            message=message,
        )
    except IntegrityError as exc:
        raise ActionError(_("Une demande de passerelle est déjà en cours.")) from exc


@transaction.atomic
def do_answer_bridge(bridge: Bridge, by, accept: bool) -> Bridge:
    bridge = Bridge.objects.select_for_update().get(pk=bridge.pk)
    if bridge.state != BridgeState.REQUESTED:
        raise ActionError(_("Cette demande de passerelle n'est plus en attente."))
    bridge.state = BridgeState.ACTIVE if accept else BridgeState.DECLINED
    bridge.decided_by = by
    bridge.decided_at = timezone.now()
    bridge.save()
    return bridge


@transaction.atomic
def do_revoke_bridge(bridge: Bridge, by) -> Bridge:
    bridge = Bridge.objects.select_for_update().get(pk=bridge.pk)
    if bridge.state not in (BridgeState.ACTIVE, BridgeState.REQUESTED):
        raise ActionError(_("Cette passerelle n'est pas active."))
    bridge.state = BridgeState.REVOKED
    bridge.ended_by = by
    bridge.ended_at = timezone.now()
    bridge.save()
    return bridge


def do_invite_many(circle: Circle, by, emails: list[str]) -> tuple[int, list[str]]:
    """Invite several addresses in one transaction; the e-mails leave once it commits,
    from the background worker. Returns (invitations made, reasons for refusals)."""
    from passerelles.circles.imports import send_import_invitations

    ids, refused = [], []
    with transaction.atomic():
        for email in emails:
            try:
                with transaction.atomic():
                    invitation, _created = do_invite(circle, by, email)
            except ActionError as error:
                refused.append(str(error))
                continue
            ids.append(invitation.pk)
        if ids:
            transaction.on_commit(lambda: send_import_invitations.enqueue(ids))
    return len(ids), refused
