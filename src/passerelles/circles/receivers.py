"""Circles listening to the accounts' sign-up: someone who signs up from an invitation
link, with the address it was sent to, is a member as soon as the account exists. And to
their own memberships and bridges, to forget what a page view memoised of them."""

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _

from passerelles.circles import actions
from passerelles.core import french
from passerelles.core.errors import ActionError
from passerelles.core.request_memo import forget


def forget_reach(sender, **kwargs) -> None:
    """A membership or a bridge was written: the circles a member reaches, read once per
    page view, are read again."""
    forget()


def accept_invitation_on_signup(sender, request, user, **kwargs) -> None:
    token = request.session.get("pending_invitation") if request is not None else None
    if not token:
        return
    try:
        invitation = actions.read_invitation_token(token)
    except ActionError:
        return  # the invitation page says why once the person reaches it
    if invitation.email.lower() != (user.email or "").lower():
        return
    try:
        with transaction.atomic():
            actions.do_accept_invitation(invitation, acting_user=user)
    except ActionError:
        return
    messages.success(
        request, _("Bienvenue %(a_name)s !") % {"a_name": french.a(invitation.circle.name)}
    )
