"""Upload, preview, confirm and cancel an import of members."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from passerelles.accounts.forms import SignupForm
from passerelles.circles.imports import map_headers, worded_row
from passerelles.circles.models import Invitation, MemberImport, Membership, MembershipState
from tests.conftest import admit, make_user

CSV = (
    "Prénom;Nom;E-mail;Entreprise;Secteur;Ville\r\n"
    "Hélène;Dubois;helene@example.org;Dubois SA;I;Lyon\r\n"
    "Paul;Roy;paul@example.org;;Construction;Vénissieux\r\n"
    "Bob;Durand;bob@example.org;;;Lyon\r\n"
    "Mauvais;Mail;pas-une-adresse;;;\r\n"
    "Hélène;Bis;HELENE@example.org;;;\r\n"
    "Zoé;Astre;zoe@;;Astronautique;\r\n"
).encode("cp1252")


def upload(client, circle, data=CSV, name="membres.csv"):
    url = reverse("circles:import", args=[circle.slug])
    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def draft_of(circle) -> MemberImport:
    return MemberImport.objects.get(circle=circle, confirmed_at__isnull=True)


def confirm_url(member_import) -> str:
    return reverse("circles:import_confirm", args=[member_import.circle.slug, member_import.pk])


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


def test_import_page(as_alice, club):
    response = as_alice.get(reverse("circles:import", args=[club.slug]))

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert "Fichier de membres (CSV ou XLSX)" in response.content.decode()


def test_preview_writes_no_invitation_and_sends_nothing(as_alice, club):
    memberships = Membership.objects.count()

    response = upload(as_alice, club)

    member_import = draft_of(club)
    assert response.status_code == 302
    assert response.url == confirm_url(member_import)
    assert Invitation.objects.count() == 0
    assert Membership.objects.count() == memberships
    assert mail.outbox == []
    assert len(member_import.rows) == 6
    assert [row["status"] for row in member_import.rows] == [
        "new",
        "new",
        "member",
        "error",
        "error",
        "error",
    ]


def test_preview_page_shows_counts_errors_and_confirm_button(as_alice, club):
    upload(as_alice, club)

    response = as_alice.get(confirm_url(draft_of(club)))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="row-error"') == 3
    assert "E-mail invalide : « pas-une-adresse »." in html
    assert "Doublon : même e-mail qu&#x27;à la ligne 2." in html
    assert "E-mail invalide : « zoe@ »." in html
    assert "déjà membre" in html
    assert "Hébergement et restauration" in html  # the sector "I" read from the file
    assert "Inviter les 2 personnes" in html
    assert 'role="alert"' in html


def test_a_list_checked_in_french_reads_in_english(as_alice, club):
    """The organiser uploads in French; a co-organiser reading in English sees English."""
    upload(as_alice, club)
    as_alice.cookies["django_language"] = "en"

    html = as_alice.get(confirm_url(draft_of(club))).content.decode()

    assert "Invalid email: “pas-une-adresse”." in html
    assert "Duplicate: same email as row 2." in html
    assert "No invitation sent." in html  # Bob, already a member
    assert "E-mail invalide" not in html
    assert "Doublon" not in html


def test_an_import_stored_before_codes_still_shows_its_messages(as_alice, club):
    old = MemberImport.objects.create(
        circle=club,
        uploaded_by=None,
        filename="ancien.csv",
        rows=[
            {
                "line": 2,
                "email": "x@",
                "first_name": "",
                "last_name": "",
                "organisation": "",
                "sector": "",
                "sector_text": "",
                "city": "",
                "role": "member",
                "errors": ["E-mail invalide : « x@ »."],
                "warnings": [],
                "status": "error",
                "note": "",
            }
        ],
    )

    html = as_alice.get(confirm_url(old)).content.decode()

    assert "E-mail invalide : « x@ »." in html


def test_confirm_invites_valid_rows_and_sends_after_commit(
    as_alice, club, django_capture_on_commit_callbacks
):
    upload(as_alice, club)
    member_import = draft_of(club)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = as_alice.post(confirm_url(member_import), {"confirm": ""})

    assert response.status_code == 302
    assert response.url == reverse("circles:members", args=[club.slug])
    assert len(callbacks) == 1
    invitations = Invitation.objects.filter(circle=club).order_by("email")
    assert [i.email for i in invitations] == ["helene@example.org", "paul@example.org"]
    helene = invitations[0]
    assert (helene.first_name, helene.last_name, helene.organisation) == (
        "Hélène",
        "Dubois",
        "Dubois SA",
    )
    assert (helene.sector, helene.city, helene.from_import) == ("I", "Lyon", True)
    assert invitations[1].sector == "F"
    assert sorted(m.to[0] for m in mail.outbox) == ["helene@example.org", "paul@example.org"]
    assert f"{settings.SITE_URL}/cercles/invitation/" in mail.outbox[0].body
    member_import.refresh_from_db()
    assert member_import.confirmed_at is not None
    assert (member_import.created_count, member_import.skipped_count) == (2, 4)


def test_emails_wait_for_the_commit(as_alice, club):
    upload(as_alice, club)

    as_alice.post(confirm_url(draft_of(club)), {"confirm": ""})

    assert Invitation.objects.filter(circle=club).count() == 2
    assert mail.outbox == []  # the on_commit callbacks never ran inside the test transaction


def test_confirming_twice_changes_nothing(as_alice, club, django_capture_on_commit_callbacks):
    upload(as_alice, club)
    member_import = draft_of(club)
    with django_capture_on_commit_callbacks(execute=True):
        as_alice.post(confirm_url(member_import), {"confirm": ""})

    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(confirm_url(member_import), {"confirm": ""}, follow=True)

    assert Invitation.objects.filter(circle=club).count() == 2
    assert len(mail.outbox) == 2
    assert "déjà été confirmé" in response.content.decode()


def test_reimporting_the_same_file_creates_no_duplicate(
    as_alice, club, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(as_alice, club)
        as_alice.post(confirm_url(draft_of(club)), {"confirm": ""})
        upload(as_alice, club)
        second = draft_of(club)
        html = as_alice.get(confirm_url(second)).content.decode()
        as_alice.post(confirm_url(second), {"confirm": ""})

    assert [row["status"] for row in second.rows[:2]] == ["renew", "renew"]
    assert "invitation renouvelée" in html
    assert Invitation.objects.filter(circle=club).count() == 2
    second.refresh_from_db()
    assert second.created_count == 0
    assert [row["status"] for row in second.rows[:2]] == ["renewed", "renewed"]


def test_existing_user_is_invited_as_membership(as_alice, club, charlie):
    data = b"email\r\ncharlie@example.org\r\n"
    upload(as_alice, club, data)

    as_alice.post(confirm_url(draft_of(club)), {"confirm": ""})

    membership = Membership.objects.get(circle=club, user=charlie)
    assert membership.state == MembershipState.INVITED
    assert Membership.objects.filter(circle=club, user=charlie).count() == 1


def test_member_admitted_between_preview_and_confirm_is_skipped(as_alice, club, charlie):
    upload(as_alice, club, b"email\r\ncharlie@example.org\r\ndora@example.org\r\n")
    admit(charlie, club)

    as_alice.post(confirm_url(draft_of(club)), {"confirm": ""})

    assert list(Invitation.objects.filter(circle=club).values_list("email", flat=True)) == [
        "dora@example.org"
    ]
    member_import = MemberImport.objects.get(circle=club)
    assert member_import.rows[0]["status"] == "member"
    assert member_import.skipped_count == 1


def test_removed_member_is_not_reinvited(as_alice, club, bob):
    Membership.objects.filter(circle=club, user=bob).update(state=MembershipState.REMOVED)
    upload(as_alice, club, b"email\r\nbob@example.org\r\n")

    as_alice.post(confirm_url(draft_of(club)), {"confirm": ""})

    assert not Invitation.objects.filter(circle=club).exists()
    assert Membership.objects.get(circle=club, user=bob).state == MembershipState.REMOVED


def test_xlsx_upload(as_alice, club):
    workbook = Workbook()
    workbook.active.append(["Email", "First name", "Last name", "Company", "Sector", "City"])
    workbook.active.append(["ines@example.org", "Inès", "Benali", "Acme", "J", "Lyon"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    upload(as_alice, club, buffer.getvalue(), "members.xlsx")

    row = draft_of(club).rows[0]
    assert (row["email"], row["first_name"], row["sector"], row["status"]) == (
        "ines@example.org",
        "Inès",
        "J",
        "new",
    )


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"\x00\x01\x02\xff\xfe" * 500, "liste.csv", "n&#x27;est pas lisible"),
        (b"%PDF-1.7", "liste.pdf", "type de fichier n&#x27;est pas pris en charge"),
        (b"nom;prenom\r\nRoy;Paul\r\n", "liste.csv", "Aucune colonne « E-mail »"),
        (b"", "liste.csv", "vide"),
    ],
)
def test_bad_files_get_a_french_message_and_nothing_is_written(as_alice, club, data, name, message):
    response = upload(as_alice, club, data, name)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert not MemberImport.objects.exists()
    assert not Invitation.objects.exists()


def test_oversized_upload_is_refused(as_alice, club, settings):
    settings.IMPORT_MAX_BYTES = 100
    data = b"email\r\n" + b"someone@example.org\r\n" * 10

    response = upload(as_alice, club, data)

    assert response.status_code == 400
    assert "dépasse" in response.content.decode()
    assert not MemberImport.objects.exists()


def test_cancel_deletes_the_draft(as_alice, club):
    upload(as_alice, club)

    response = as_alice.post(confirm_url(draft_of(club)), {"cancel": ""})

    assert response.status_code == 302
    assert not MemberImport.objects.exists()
    assert not Invitation.objects.exists()


def test_confirmed_import_shows_its_result(as_alice, club):
    upload(as_alice, club)
    member_import = draft_of(club)
    as_alice.post(confirm_url(member_import), {"confirm": ""})

    html = as_alice.get(confirm_url(member_import)).content.decode()

    assert "Import confirmé" in html
    assert "Inviter les" not in html
    assert "invitations envoyées" in html


def test_an_import_belongs_to_its_circle(as_alice, club, dana, alumni):
    make_user("eve@example.org")
    other = MemberImport.objects.create(circle=alumni, uploaded_by=dana, filename="x.csv")
    url = reverse("circles:import_confirm", args=[club.slug, other.pk])

    assert as_alice.get(url).status_code == 404
    assert as_alice.post(url, {"confirm": ""}).status_code == 404


@pytest.mark.parametrize("who", ["bob", "charlie"])
def test_non_admins_get_404_on_all_three_views(client, club, alice, bob, charlie, who):
    member_import = MemberImport.objects.create(circle=club, uploaded_by=alice, filename="x.csv")
    client.force_login({"bob": bob, "charlie": charlie}[who])
    urls = [
        reverse("circles:import", args=[club.slug]),
        confirm_url(member_import),
        reverse("circles:export", args=[club.slug]),
    ]

    for url in urls:
        assert client.get(url).status_code == 404
        assert client.post(url, {"confirm": ""}).status_code in (404, 405)
    assert MemberImport.objects.get().confirmed_at is None


def test_anonymous_is_sent_to_login(client, club):
    response = client.get(reverse("circles:import", args=[club.slug]))

    assert response.status_code == 302
    assert "/login" in response.url or "connexion" in response.url


def test_one_failing_email_does_not_stop_the_others(
    as_alice, club, monkeypatch, django_capture_on_commit_callbacks
):
    from passerelles.circles import imports

    real_send = imports.send_invitation

    def flaky_send(invitation):
        if invitation.email.startswith("helene"):
            raise ConnectionError("SMTP down")
        real_send(invitation)

    monkeypatch.setattr(imports, "send_invitation", flaky_send)
    upload(as_alice, club)

    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(confirm_url(draft_of(club)), {"confirm": ""}, follow=True)

    assert [m.to for m in mail.outbox] == [["paul@example.org"]]
    assert Invitation.objects.filter(circle=club).count() == 2
    assert "2 invitations en cours d&#x27;envoi, 4 lignes ignorées." in (response.content.decode())


def test_preview_names_ignored_columns_and_flags_missing_names(as_alice, club):
    data = (
        "E-mail;Prénom;Nom;Téléphone;Fonction\r\n"
        "anne@example.org;Anne;Vidal;0600000000;Trésorière\r\n"
        "sans.nom@example.org;;;0611111111;\r\n"
        "marc@example.org;Marc;;;\r\n"
    ).encode()
    upload(as_alice, club, data)
    draft = draft_of(club)
    assert draft.ignored_columns == ["Téléphone", "Fonction"]
    page = as_alice.get(confirm_url(draft)).content.decode()
    assert "Colonnes ignorées : Téléphone, Fonction." in page
    assert "Ni prénom ni nom" in page and "Nom manquant." in page
    assert "2 lignes portent une remarque" in page
    # Flagged, not refused: the three are still to invite.
    assert "Inviter les 3 personnes" in page


def test_preview_flags_an_existing_account_under_another_name(as_alice, club, bob):
    make_user("helene@example.org", "Hélène", "Garnier")
    make_user("same@example.org", "Lucie", "Faure")
    data = (
        "E-mail;Prénom;Nom\r\n"
        "helene@example.org;Hélène;Dubois\r\n"
        "bob@example.org;Robert;Durand\r\n"
        "same@example.org;LUCIE;Faure\r\n"
    ).encode()
    upload(as_alice, club, data)
    with translation.override("fr"):
        rows = {row["email"]: worded_row(row) for row in draft_of(club).rows}
    # Someone outside the circle: the name differs, which name is not told.
    assert "sous un autre nom" in rows["helene@example.org"]["warnings"][0]
    assert "Garnier" not in rows["helene@example.org"]["warnings"][0]
    # A member of the circle: the organiser already sees the name, so it is shown.
    assert "« Bob Durand »" in rows["bob@example.org"]["warnings"][0]
    assert rows["same@example.org"]["warnings"] == []  # same name, other case
    page = as_alice.get(confirm_url(draft_of(club))).content.decode()
    assert "sous un autre nom" in page


def test_an_english_export_reads_back_as_an_import(as_alice, club, bob):
    """The English export names its columns so that an import recognises each of them
    (« Nom » is the last name: "Last name", not "Name")."""
    as_alice.post("/i18n/setlang/", {"language": "en", "next": "/"})
    export = as_alice.get(reverse("circles:export", args=[club.slug]))
    header = export.content.decode("utf-8-sig").splitlines()[0].split(";")
    assert header[:3] == ["First name", "Last name", "Email"]
    assert {"first_name", "last_name", "email"} <= set(map_headers(header))
    with translation.override("en"):
        assert str(SignupForm.base_fields["last_name"].label) == "Last name"


def test_preview_says_why_a_row_is_wrong_next_to_its_number(as_alice, club):
    """On a phone the table scrolls sideways: each row's status (and its errors) comes
    right after the row's number, before the cells that explain nothing."""
    upload(as_alice, club)
    html = as_alice.get(confirm_url(draft_of(club))).content.decode()
    header = html[html.index("<thead>") : html.index("</thead>")]
    assert header.index("Ligne") < header.index("Statut") < header.index("E-mail")
    row = html[html.index("E-mail invalide") - 600 : html.index("E-mail invalide")]
    assert "pas-une-adresse</td>" not in row


def test_a_clubs_own_sector_words_do_not_turn_people_away(as_alice, club):
    # A club's list says « Conseil », « Logistique »…: people are invited, with the
    # section found, or without a sector and a remark when none is.
    data = (
        "Prénom;Nom;E-mail;Secteur\r\n"
        "Ana;Lima;ana@example.org;Conseil\r\n"
        "Léo;Roy;leo@example.org;Logistique\r\n"
        "Zoé;Astre;zoe@example.org;Astronautique\r\n"
    ).encode()
    upload(as_alice, club, data)

    html = as_alice.get(confirm_url(draft_of(club))).content.decode()

    assert 'class="row-error"' not in html
    assert html.count('class="row-warning"') == 1
    assert "Secteur « Astronautique » non reconnu : invitation sans secteur." in html
    assert "Activités spécialisées, scientifiques et techniques" in html  # Conseil
    assert "Transports et entreposage" in html  # Logistique
    assert "Inviter les 3 personnes" in html


def test_a_file_with_no_row_to_invite_does_not_offer_to_invite_the_others(as_alice, club):
    data = "Prénom;Nom;E-mail\r\nAna;Lima;pas-une-adresse\r\nLéo;Roy;\r\n".encode()
    upload(as_alice, club, data)

    html = as_alice.get(confirm_url(draft_of(club))).content.decode()

    assert "Les 2 lignes sont en erreur : corrigez-les dans votre tableau" in html
    assert "inviter les autres" not in html
    assert "Aucune ligne à inviter dans ce fichier." in html
