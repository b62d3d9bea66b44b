"""Admins manage members and moderators; only the owner (or an operator) names, demotes
or removes an admin."""

import pytest
from django.urls import reverse

from passerelles.circles import actions
from passerelles.circles.models import Membership, MembershipState, Role
from tests.conftest import admit, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admins(club):
    first, second = (
        make_user("a1@example.org", "Ada", "Un"),
        make_user("a2@example.org", "Abel", "Deux"),
    )
    for user in (first, second):
        membership = admit(user, club)
        membership.role = Role.ADMIN
        membership.save()
    return first, second


def membership(user, circle) -> Membership:
    return Membership.objects.get(user=user, circle=circle)


def test_an_admin_cannot_demote_another_admin(admins, club):
    first, second = admins
    with pytest.raises(actions.ActionError, match="Seul le responsable"):
        actions.do_change_role(membership(second, club), Role.MEMBER, acting_user=first)
    assert membership(second, club).role == Role.ADMIN


def test_an_admin_cannot_remove_another_admin(admins, club):
    first, second = admins
    with pytest.raises(actions.ActionError, match="Seul le responsable"):
        actions.do_remove(membership(second, club), acting_user=first)
    assert membership(second, club).state == MembershipState.ADMITTED


def test_an_admin_cannot_name_an_admin_but_manages_members(admins, club, bob):
    first, _second = admins
    with pytest.raises(actions.ActionError):
        actions.do_change_role(membership(bob, club), Role.ADMIN, acting_user=first)
    actions.do_change_role(membership(bob, club), Role.MODERATOR, acting_user=first)
    assert membership(bob, club).role == Role.MODERATOR
    actions.do_remove(membership(bob, club), acting_user=first)
    assert membership(bob, club).state == MembershipState.REMOVED


def test_the_owner_and_operators_manage_admins(admins, club, alice, operator):
    first, second = admins
    actions.do_change_role(membership(first, club), Role.MEMBER, acting_user=alice)
    actions.do_remove(membership(second, club), acting_user=operator)
    assert membership(first, club).role == Role.MEMBER
    assert membership(second, club).state == MembershipState.REMOVED


def test_the_page_refuses_and_hides_the_controls(client, admins, club):
    first, second = admins
    client.force_login(first)
    page = client.get(reverse("circles:members", args=[club.slug])).content.decode()
    assert "Géré par le responsable du cercle" in page
    response = client.post(
        reverse("circles:role", args=[club.slug, membership(second, club).pk]),
        {"role": "member"},
        follow=True,
    )
    assert "Seul le responsable du cercle" in response.content.decode()
    assert membership(second, club).role == Role.ADMIN
