"""Export of a circle's admitted members as CSV for French Excel."""

import csv
import io

from django.urls import reverse

from passerelles.circles.imports import parse_member_file
from passerelles.circles.models import MembershipState
from passerelles.core.spreadsheet import safe_cell
from tests.conftest import admit, make_user


def export(client, circle):
    return client.get(reverse("circles:export", args=[circle.slug]))


def read(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_export_lists_admitted_members(client, alice, bob, charlie, club):
    profile = bob.profile
    profile.organisation, profile.sector, profile.city = "Durand & Fils", "F", "Villeurbanne"
    profile.save()
    pending = make_user("pending@example.org", "Pierre", "Attente")
    club.memberships.create(user=pending, state=MembershipState.PENDING)
    client.force_login(alice)

    response = export(client, club)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{club.slug}-membres-')
    rows = read(response)
    assert rows[0] == [
        "Prénom",
        "Nom",
        "E-mail",
        "Organisation",
        "Secteur",
        "Ville",
        "Rôle",
        "Membre depuis",
    ]
    assert [row[2] for row in rows[1:]] == ["bob@example.org", "alice@example.org"]
    bob_row = rows[1]
    assert bob_row[:7] == [
        "Bob",
        "Durand",
        "bob@example.org",
        "Durand & Fils",
        "Construction",
        "Villeurbanne",
        "Membre",
    ]
    assert len(bob_row[7]) == 10 and bob_row[7][2] == "/"
    assert rows[2][6] == "Responsable"


def test_export_escapes_formulas(client, alice, club):
    mallory = make_user("mallory@example.org", '=HYPERLINK("http://x")', "+33 6 00")
    mallory.profile.organisation = "@SUM(A1:A2)"
    mallory.profile.city = "-Lyon"
    mallory.profile.save()
    admit(mallory, club)
    client.force_login(alice)

    rows = read(export(client, club))

    row = next(r for r in rows if r[2] == "mallory@example.org")
    assert row[0] == '\'=HYPERLINK("http://x")'
    assert row[1] == "'+33 6 00"
    assert row[3] == "'@SUM(A1:A2)"
    assert row[5] == "'-Lyon"


def test_safe_cell():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell("Lyon") == "Lyon"
    assert safe_cell(None) == ""
    assert safe_cell("a=b") == "a=b"


def test_export_reimports_as_already_members(client, alice, bob, club):
    """The exported file is a valid import: its headers are recognised, its people known."""
    from passerelles.circles.imports import annotate_rows

    client.force_login(alice)
    data = export(client, club).content

    rows = annotate_rows(parse_member_file(data, "export.csv"), club)

    assert [(row["email"], row["status"]) for row in rows] == [
        ("bob@example.org", "member"),
        ("alice@example.org", "member"),
    ]


def test_operator_may_export(client, operator, club):
    client.force_login(operator)

    assert export(client, club).status_code == 200


def test_export_is_not_for_members_outsiders_or_bridged_admins(
    client, bob, charlie, dana, club, bridge
):
    for user in (bob, charlie, dana):
        client.force_login(user)
        assert export(client, club).status_code == 404
