"""Who may open the dashboards, and what the board export contains."""

import csv
import io
import re

import pytest
from django.urls import reverse

from passerelles.circles import actions
from tests.conftest import admit, make_circle, make_user
from tests.insights.conftest import at, meeting, member

ROLES = ["anonymous", "outsider", "bridged", "member", "admin", "operator"]
LOGIN, OK, NOT_FOUND = "login", 200, 404
CIRCLE_VIEW = {
    "anonymous": LOGIN,
    "outsider": NOT_FOUND,
    "bridged": NOT_FOUND,
    "member": NOT_FOUND,
    "admin": OK,
    "operator": OK,
}
PLATFORM_VIEW = {**CIRCLE_VIEW, "admin": NOT_FOUND}
EXPECTED = {
    "circle": CIRCLE_VIEW,
    "circle_export": CIRCLE_VIEW,
    "circle_pdf": CIRCLE_VIEW,
    "platform": PLATFORM_VIEW,
}
CELLS = [(view, role) for view in EXPECTED for role in ROLES]


@pytest.fixture
def world(db):
    owner = make_user("owner@example.org", "Alice", "Martin")
    people = {
        "anonymous": None,
        "outsider": make_user("outsider@example.org", "Charlie", "Petit"),
        "bridged": make_user("bridged@example.org", "Dana", "Roux"),
        "member": make_user("member@example.org", "Bob", "Durand"),
        "admin": owner,
        "operator": make_user("ops@example.org", "Opé", "Rateur", is_staff=True),
    }
    club = make_circle(owner, "Club privé", listed=False, dues_eur=600)
    other_owner = make_user("alumni-owner@example.org", "Eve", "Noir")
    alumni = make_circle(other_owner, "Anciens", listed=True)
    admit(people["member"], club)
    admit(people["bridged"], alumni)
    bridge = actions.do_request_bridge(club, alumni, acting_user=owner)
    actions.do_answer_bridge(bridge, acting_user=other_owner, accept=True)
    return {"users": people, "club": club, "alumni": alumni}


def _url(world, view):
    if view == "platform":
        return reverse("insights:platform")
    return reverse(f"insights:{view}", args=[world["club"].slug])


@pytest.mark.parametrize(("view", "role"), CELLS, ids=[f"{v}-{r}" for v, r in CELLS])
def test_matrix(client, world, view, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    response = client.get(_url(world, view))
    expected = EXPECTED[view][role]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected


def test_a_moderator_is_not_an_admin(client, world):
    membership = world["club"].memberships.get(user=world["users"]["member"])
    membership.role = "moderator"
    membership.save()
    client.force_login(world["users"]["member"])
    assert client.get(_url(world, "circle")).status_code == 404


def test_dashboard_shows_charts_with_text_alternatives(client, world):
    client.force_login(world["users"]["admin"])
    html = client.get(_url(world, "circle")).content.decode()
    assert html.count("<svg") >= 5
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "Part des liens qui sortent du cercle" in html
    assert "Voir les chiffres" in html  # the data table behind each picture
    assert reverse("insights:circle_export", args=[world["club"].slug]) in html
    assert "<script" not in html.split("<main", 1)[1]  # no chart library


def test_printable_version_opens_the_tables(client, world):
    client.force_login(world["users"]["admin"])
    html = client.get(_url(world, "circle") + "?imprimer=1").content.decode()
    assert '<details class="chart-data" open>' in html


def test_csv_export_for_the_board(client, world, now, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: now)
    club, users = world["club"], world["users"]
    for person in (users["admin"], users["member"]):
        member(person, club, at(2023, 1, 1))  # a circle with a history
    meeting(
        users["member"],
        users["bridged"],
        at(2025, 5, 2).date(),
        opportunity="business",
        amount_eur=900,
    )
    client.force_login(users["admin"])
    response = client.get(_url(world, "circle_export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('-tableau-de-bord-2025-06-15.csv"')
    raw = response.content.decode("utf-8")
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw[1:]), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[0] == "Trimestre" and "Ouverture, indice E-I (nouveaux liens)" in header
    assert [r[0] for r in body] == [
        "T1 2024",
        "T2 2024",
        "T3 2024",
        "T4 2024",
        "T1 2025",
        "T2 2025",
    ]
    last = dict(zip(header, body[-1], strict=True))
    assert last["Membres"] == "2"
    assert last["Nouveaux liens"] == "1"
    assert last["Liens sortants, nouveaux liens (%)"] == "100"
    assert last["Ouverture, indice E-I (nouveaux liens)"] == "1,00"
    assert last["Affaires conclues"] == "1"
    assert last["Montant des opportunités (€)"] == "900"
    assert last["Cotisations du trimestre (€)"] == "300"  # 2 members x 600 / 4
    assert last["Opportunités / cotisations"] == "3,00"
    assert dict(zip(header, body[0], strict=True))["Ouverture, indice E-I (nouveaux liens)"] == ""


def test_platform_view_lists_circles_and_map(client, world):
    client.force_login(world["users"]["operator"])
    html = client.get(_url(world, "platform")).content.decode()
    assert "Club privé" in html and "Anciens" in html
    assert "Carte des cercles et des passerelles" in html
    assert reverse("insights:circle", args=[world["club"].slug]) in html


def test_svg_coordinates_keep_a_decimal_point_in_french(client, world):
    client.force_login(world["users"]["admin"])
    html = client.get(_url(world, "circle")).content.decode()
    assert 'lang="fr"' in html
    assert not re.search(r'\b(x|y|width|height|cx|cy)="[^"]*\d,\d', html)


def test_quarters_read_in_the_reader_language(client, world):
    client.force_login(world["users"]["admin"])
    french = client.get(_url(world, "circle")).content.decode()
    assert re.search(r"\bT[1-4] 20\d\d\b", french)
    client.cookies["django_language"] = "en"
    english = client.get(_url(world, "circle")).content.decode()
    assert re.search(r"\bQ[1-4] 20\d\d\b", english) and not re.search(r"\bT[1-4] 20\d\d\b", english)


@pytest.fixture
def business_quarter(client, world, now, monkeypatch):
    """Two members since January 2025 and one deal of 900 € in May, seen by the admin."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: now)
    users = world["users"]
    for person in (users["admin"], users["member"]):
        member(person, world["club"], at(2023, 1, 1))  # a circle with a history
    meeting(users["member"], users["bridged"], at(2025, 5, 2).date(),
            opportunity="business", amount_eur=900)  # fmt: skip
    client.force_login(users["admin"])
    return world


def test_pdf_for_the_board_holds_the_key_figures_and_the_quarters(client, business_quarter):
    from passerelles.insights import queries
    from passerelles.insights.pdf import key_figures

    world = business_quarter
    response = client.get(_url(world, "circle_pdf") + "?trimestres=4")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-tableau-de-bord-2025-06-15.pdf"')
    assert response.content.startswith(b"%PDF-") and len(response.content) > 2000
    report = queries.circle_report(world["club"], count=4)
    lines = key_figures(report, queries.circle_summary(report))
    assert "Rencontres attestées sur les 4 trimestres : 1" in lines
    assert "Opportunités face aux cotisations, T2 2025 : × 3,00" in lines


def test_headline_says_what_period_it_covers_and_the_last_quarter(client, business_quarter):
    world = business_quarter
    html = client.get(_url(world, "circle") + "?trimestres=8").content.decode()
    assert "cumulé sur les 8 derniers trimestres" in html
    assert "× 3,0 au T2 2025" in html
    assert "Ouverture" in html and "Indice E-I :" not in html
    assert '<option value="8" selected>' in html
    board = html.split('id="board-title"', 1)[1].split("</table>", 1)[0]
    assert board.count('<th scope="col">T') == 8


def test_an_unknown_period_is_said_beside_the_selector(client, world):
    client.force_login(world["users"]["admin"])
    html = client.get(_url(world, "circle") + "?trimestres=99").content.decode()
    assert "Période inconnue" in html and 'aria-invalid="true"' in html
