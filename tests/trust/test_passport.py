"""The trust passport: what a member received, by context and circle."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passerelles.members.models import Visibility
from passerelles.trust import actions, passport, queries
from tests.conftest import admit, make_circle, make_user
from tests.trust.conftest import vouch


def test_passport_counts_by_context_and_circle(club, bridge, alice, bob, dana, erin):
    vouch(alice, bob, context="client", text="Très réactif.")
    vouch(dana, bob, context="worked_with")
    vouch(erin, bob, context="worked_with")
    p = queries.passport(bob, alice)
    assert p.vouch_count == 3
    assert dict(p.by_context) == {"A travaillé avec": 2, "Client": 1}
    assert dict(p.by_circle) == {"Anciens de l'École": 2, "Club des Entrepreneurs de Lyon": 1}
    assert [c.circle for c in p.circles] == [club]


def test_passport_hides_people_and_circles_the_viewer_cannot_see(club, alice, bob, charlie):
    secret = make_circle(charlie, "Cercle secret", listed=False)
    stranger = make_user("stranger@example.org", "Sam", "Secret")
    admit(stranger, secret)
    admit(bob, secret)
    stranger.profile.visibility = Visibility.CIRCLES
    stranger.profile.save()
    vouch(stranger, bob, context="colleague")
    p = queries.passport(bob, alice)
    assert [v.voucher_name for v in p.vouches] == ["Un membre de Passerelles"]
    assert p.vouches[0].voucher_profile_id is None
    assert dict(p.by_circle) == {"Autres cercles": 1}


def test_own_passport_page_lists_given_vouches_and_budget(client, club, alice, bob):
    vouch(alice, bob)
    client.force_login(alice)
    body = client.get(reverse("trust:passport")).content.decode()
    assert "Mon passeport de confiance" in body
    assert "Il vous reste 9 recommandations sur 10" in body
    assert "Bob Durand" in body


def test_passport_of_someone_else(client, club, alice, bob):
    vouch(alice, bob, text="Un associé fiable.")
    client.force_login(alice)
    body = client.get(reverse("trust:passport_of", args=[bob.profile.pk])).content.decode()
    assert "Passeport de confiance de Bob Durand" in body
    assert "Un associé fiable." in body
    own = client.get(reverse("trust:passport_of", args=[alice.profile.pk]))
    assert own.status_code == 302


def test_passport_of_an_invisible_member_is_404(client, club, alice, charlie):
    client.force_login(charlie)
    assert client.get(reverse("trust:passport_of", args=[bob_id(club)])).status_code == 404


def bob_id(club):
    return club.memberships.exclude(role="owner").get().user.profile.pk


def _own_passport_queries(client, user) -> tuple[int, str]:
    client.force_login(user)
    client.get(reverse("trust:passport"))  # per-session reads (own profile id) done once
    with CaptureQueriesContext(connection) as queries_run:
        body = client.get(reverse("trust:passport")).content.decode()
    return len(queries_run), body


def _meet(a, b, **kw):
    kw.setdefault("usefulness", 4)
    kw.setdefault("happened_on", timezone.localdate() - datetime.timedelta(days=1))
    return actions.do_attest_meeting(b, acting_user=a, **kw)


def test_own_passport_reads_as_many_queries_for_few_rows_as_for_many(
    client, settings, tmp_path, club, bridge, alice, bob, charlie, dana, erin
):
    """Each list of the page is one query, whatever its length: no query per row (a
    voucher's profile, a vouchee's, a meeting's other side) nor one read twice."""
    settings.PASSPORT_KEY_FILE = str(tmp_path / "key.pem")
    vouch(bob, alice)
    vouch(alice, bob)
    _meet(bob, alice)  # to confirm
    _meet(alice, charlie, opportunity="referral")  # one-sided: awaiting confirmation
    passport.do_issue_passport(alice, acting_user=alice)
    few, body = _own_passport_queries(client, alice)
    assert "Bob Durand indique vous avoir rencontré" in body

    for n in range(3):
        other = make_user(f"member{n}@example.org", "Membre", f"N{n}")
        admit(other, club)
        vouch(other, alice, text="Fiable.")
        vouch(alice, other)
        _meet(other, alice)
    for other in (dana, erin):
        vouch(other, alice)
        _meet(alice, other, opportunity="business", amount_eur=1200)
    passport.do_issue_passport(alice, acting_user=alice)
    many, body = _own_passport_queries(client, alice)
    assert body.count("indique vous avoir rencontré") == 4
    assert body.count("1200 €") == 2
    assert many == few


def test_passport_meeting_counts_match_the_lists(
    client, settings, tmp_path, club, bridge, alice, bob, charlie, dana, erin
):
    """The passport's one query on meetings (both-sided count and mean usefulness, the
    meetings left to confirm, the opportunities recorded) agrees with the lists and the
    rule they are read with; an empty passport reads neither list."""
    from passerelles.trust.graph import mutual_attestations

    def check(member):
        p = queries.passport(member, member)
        mutual = list(
            mutual_attestations().filter(other=member).values_list("usefulness", flat=True)
        )
        assert p.meetings == len(mutual)
        if mutual:
            assert float(p.meeting_usefulness) == sum(mutual) / len(mutual)
        else:
            assert p.meeting_usefulness is None
        assert p.unconfirmed == queries.meetings_to_confirm(member).count()
        assert p.opportunities == queries.recorded_opportunities([member]).count()
        return p

    empty = check(alice)
    assert (empty.meetings, empty.unconfirmed, empty.opportunities) == (0, 0, 0)
    client.force_login(alice)
    client.get(reverse("trust:passport"))
    with CaptureQueriesContext(connection) as run:
        client.get(reverse("trust:passport"))
    assert not any(
        "trust_meetingattestation" in q["sql"] and "LIMIT 20" in q["sql"]
        for q in run.captured_queries
    )

    _meet(bob, alice, usefulness=5)  # to confirm by alice
    _meet(alice, bob, usefulness=3)  # now both-sided
    _meet(charlie, alice, usefulness=2)  # to confirm
    _meet(alice, dana, opportunity="referral")  # one-sided, an opportunity
    _meet(alice, erin, opportunity="business", amount_eur=900)
    _meet(erin, alice, usefulness=4)
    p = check(alice)
    assert (p.meetings, p.unconfirmed, p.opportunities) == (2, 1, 2)
    check(bob)
    check(erin)
