import pytest
from django.conf import settings
from django.urls import reverse

from passerelles.circles.models import Circle, Membership, MembershipState, Role
from passerelles.core.errors import ActionError
from passerelles.core.models import AuditEntry


def test_list_shows_listed_circles_to_visitors_not_private_ones(client, club, alumni):
    text = client.get(reverse("circles:list")).content.decode()
    assert "Anciens de l&#x27;École" in text
    assert club.name not in text


def test_list_filters_by_kind_and_city(client, alumni, alice):
    from tests.conftest import make_circle

    make_circle(alice, "Incubateur Nantais", kind="incubator", city="Nantes")
    text = client.get(reverse("circles:list"), {"kind": "incubator"}).content.decode()
    assert "Incubateur Nantais" in text and "Anciens" not in text
    text = client.get(reverse("circles:list"), {"city": "lyon"}).content.decode()
    assert "Anciens" in text and "Incubateur Nantais" not in text


def test_map_draws_active_bridges(client, bridge, bob):
    client.force_login(bob)
    response = client.get(reverse("circles:list"))
    assert len(response.context["map"]["edges"]) == 1
    assert "<path d=" in response.content.decode()


def test_create_circle(client, charlie):
    client.force_login(charlie)
    response = client.post(
        reverse("circles:create"),
        {
            "name": "Réseau des Artisans du Rhône",
            "kind": "referral",
            "city": "Lyon",
            "department": "69",
            "dues_eur": "120",
            "listed": "on",
            "admission_policy": "cooptation",
            "cooptation_vouches": "2",
            "trust_threshold": "0.5",
            "sector_choices": ["F", "C"],
        },
    )
    circle = Circle.objects.get(name="Réseau des Artisans du Rhône")
    assert response.status_code == 302 and response["Location"] == circle.get_absolute_url()
    assert circle.sector_list == ["C", "F"] or circle.sector_list == ["F", "C"]
    owner = Membership.objects.get(circle=circle)
    assert owner.user == charlie and owner.role == Role.OWNER


def test_the_same_creation_form_sent_twice_makes_one_circle(client, charlie):
    client.force_login(charlie)
    data = {
        "name": "Réseau des Artisans du Rhône",
        "kind": "referral",
        "city": "Lyon",
        "department": "69",
        "dues_eur": "120",
        "admission_policy": "cooptation",
        "cooptation_vouches": "2",
        "trust_threshold": "0.5",
        "sector_choices": ["F"],
    }
    assert client.post(reverse("circles:create"), data).status_code == 302
    again = client.post(reverse("circles:create"), {**data, "name": "réseau des artisans du rhône"})
    assert again.status_code == 200
    assert "Vous avez déjà créé le cercle" in again.content.decode()
    assert Circle.objects.filter(created_by=charlie).count() == 1


def test_create_circle_rejects_bad_input_and_writes_nothing(client, charlie):
    client.force_login(charlie)
    response = client.post(
        reverse("circles:create"),
        {
            "name": "",
            "kind": "club",
            "dues_eur": "-5",
            "admission_policy": "open",
            "cooptation_vouches": "50",
            "trust_threshold": "3",
            "sector_choices": ["A", "B", "C"],
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {
        "name",
        "dues_eur",
        "cooptation_vouches",
        "trust_threshold",
        "sector_choices",
    }
    assert not Circle.objects.exists()


def test_edit_circle(client, alice, club):
    client.force_login(alice)
    response = client.post(
        reverse("circles:edit", args=[club.slug]),
        {
            "name": club.name,
            "kind": "club",
            "city": "Villeurbanne",
            "dues_eur": "300",
            "admission_policy": "trust",
            "cooptation_vouches": "2",
            "trust_threshold": "0.6",
        },
    )
    assert response.status_code == 302
    club.refresh_from_db()
    assert club.city == "Villeurbanne" and club.admission_policy == "trust"
    entry = AuditEntry.objects.get(verb="circle.updated")
    assert entry.acting_user == alice and entry.circle_id == club.pk
    assert entry.changes["admission_policy"][1] == "trust"
    assert "a modifié le cercle" in client.get(reverse("circles:log", args=[club.slug])).text


def test_opening_a_circle_accepts_the_requests_waiting(client, alice, charlie, dana, club):
    from passerelles.circles import actions

    for person in (charlie, dana):
        actions.do_request_to_join(club, "Bonjour", acting_user=person)
    client.force_login(alice)
    response = client.post(
        reverse("circles:edit", args=[club.slug]),
        {
            "name": club.name,
            "kind": "club",
            "dues_eur": "300",
            "admission_policy": "open",
            "cooptation_vouches": "2",
            "trust_threshold": "0.6",
        },
        follow=True,
    )
    assert "les 2 demandes en attente sont acceptées" in response.content.decode()
    states = set(
        Membership.objects.filter(circle=club, user__in=[charlie, dana]).values_list(
            "state", flat=True
        )
    )
    assert states == {MembershipState.ADMITTED}
    entry = AuditEntry.objects.filter(verb="membership.admitted_by_policy").first()
    assert entry is not None and entry.changes["policy"] == "open"


def test_a_member_may_not_edit_the_circle(client, bob, club):
    from passerelles.circles import actions

    with pytest.raises(ActionError):
        actions.do_update_circle(club, acting_user=bob, city="Brest")
    club.refresh_from_db()
    assert club.city != "Brest"
    assert not AuditEntry.objects.filter(verb="circle.updated").exists()


def test_detail_offers_to_join_and_join_creates_pending_request(client, charlie, alumni):
    client.force_login(charlie)
    text = client.get(alumni.get_absolute_url()).content.decode()
    assert "Demander à rejoindre" in text
    response = client.post(
        reverse("circles:join", args=[alumni.slug]), {"message": "Bonjour"}, follow=True
    )
    assert "Votre demande est envoyée" in response.content.decode()
    membership = Membership.objects.get(user=charlie, circle=alumni)
    assert membership.state == MembershipState.PENDING and membership.message == "Bonjour"


def test_a_word_too_long_for_the_admins_sends_nothing_and_says_why(client, charlie, alumni):
    client.force_login(charlie)
    response = client.post(
        reverse("circles:join", args=[alumni.slug]), {"message": "x" * 1001}, follow=True
    )
    page = response.content.decode()
    assert "dépasse 1 000 caractères" in page and "Votre demande est envoyée" not in page
    assert not Membership.objects.filter(user=charlie, circle=alumni).exists()


def test_join_twice_says_so(client, bob, club):
    client.force_login(bob)
    response = client.post(reverse("circles:join", args=[club.slug]), follow=True)
    assert "déjà membre" in response.content.decode()


def test_leave(client, bob, club):
    client.force_login(bob)
    response = client.post(reverse("circles:leave", args=[club.slug]))
    assert response.status_code == 302
    assert Membership.objects.get(user=bob, circle=club).state == MembershipState.LEFT


def test_withdrawing_a_request_says_so_not_that_she_left(client, charlie, alumni):
    client.force_login(charlie)
    client.post(reverse("circles:join", args=[alumni.slug]))
    response = client.post(reverse("circles:leave", args=[alumni.slug]), follow=True)
    page = response.content.decode()
    assert "Votre demande est retirée." in page and "Vous avez quitté" not in page


def test_owner_leaving_is_told_to_transfer(client, alice, club):
    client.force_login(alice)
    response = client.post(reverse("circles:leave", args=[club.slug]), follow=True)
    assert "Transférez" in response.content.decode()
    assert "« Transmettre la responsabilité »" in response.content.decode()  # where it is
    assert Membership.objects.get(user=alice, circle=club).state == MembershipState.ADMITTED


def test_public_page_does_not_name_a_private_partner(client, bridge, club, alumni):
    text = client.get(alumni.get_absolute_url()).content.decode()
    assert club.name not in text


def test_a_circle_has_one_owner(alice, bob, club):
    from django.db import IntegrityError, transaction

    membership = Membership.objects.get(user=bob, circle=club)
    membership.role = Role.OWNER
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_the_log_of_a_circle_whose_name_starts_with_a_vowel_elides(client, alice):
    from tests.conftest import make_circle

    alumni = make_circle(alice, "Alumni École de Commerce Rhône")
    client.force_login(alice)
    page = client.get(reverse("circles:log", args=[alumni.slug])).text
    assert "<h1>Journal d&#x27;Alumni École de Commerce Rhône</h1>" in page
    assert "Journal de Alumni" not in page


def test_annual_dues_read_in_the_visitors_language(client, dana):
    from tests.conftest import make_circle

    circle = make_circle(dana, "Club payant", listed=True, dues_eur=600)
    url = reverse("circles:detail", args=[circle.slug])
    assert "600 €" in client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    page = client.get(url).content.decode()
    assert "€600" in page and "600 €" not in page


def test_a_refused_form_says_so_at_its_top_with_a_link_to_each_field(client, charlie):
    # Three sectors ticked: the only error sits under the sector list, far down the page;
    # the page reloads at its top, so the refusal is said there, with a link to the field.
    client.force_login(charlie)
    response = client.post(
        reverse("circles:create"),
        {
            "name": "Réseau des Artisans du Rhône",
            "kind": "referral",
            "city": "Lyon",
            "dues_eur": "120",
            "admission_policy": "open",
            "cooptation_vouches": "2",
            "trust_threshold": "0.5",
            "sector_choices": ["A", "B", "C"],
        },
    )
    html = response.content.decode()
    summary = html.index("error-summary")
    assert summary < html.index('data-field="name"')  # above the first field
    assert "Rien n'est enregistré : corrigez ce qui est signalé." in html
    assert html.count('href="#id_sector_choices_0"') == 1
    assert 'href="#id_name"' not in html  # only the refused fields are listed
    assert not Circle.objects.exists()


def test_a_refused_form_in_english_puts_no_space_before_the_colon(client, charlie):
    client.force_login(charlie)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(reverse("circles:create"), {"name": "", "kind": "club"})
    page = response.content.decode()
    assert "</a>: " in page and "</a> : " not in page


def test_a_form_shown_first_has_no_refusal_summary(client, charlie):
    client.force_login(charlie)
    html = client.get(reverse("circles:create")).content.decode()
    assert "error-summary" not in html
