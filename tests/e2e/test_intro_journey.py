"""Journey 4: a member is introduced across circles.

The head of a small manufacturing firm says what he offers and seeks, consents, gets two
suggestions from circles he has never met (one with a warm path through someone he
trusts), both sides accept, contact details are shared, they meet, confirm and rate it,
and one records a referral. He then asks the network for a labour lawyer.
"""

import re
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from passerelles.circles import actions as circle_actions
from passerelles.intros.models import Introduction, Preference, Scope, Status
from passerelles.trust.actions import do_vouch
from passerelles.trust.models import MeetingAttestation
from tests.conftest import admit, make_circle, make_user
from tests.e2e.conftest import login, screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def person(email, first, last, circle, *, offers, needs, sector, organisation, headline=""):
    user = make_user(email, first, last)
    admit(user, circle)
    p = user.profile
    p.offers, p.needs, p.sector, p.organisation, p.headline = (
        offers,
        needs,
        sector,
        organisation,
        headline,
    )
    p.city = "Lyon"
    p.save()
    Preference.objects.create(user=user, consent=True, scope=Scope.ALL)
    return user


def bridge(a, b, owner_a, owner_b):
    circle_actions.do_answer_bridge(
        circle_actions.do_request_bridge(a, b, acting_user=owner_a),
        acting_user=owner_b,
        accept=True,
    )


def build_world():
    odile = make_user("odile@example.org", "Odile", "Arnaud")
    Preference.objects.create(user=odile, consent=True, scope=Scope.ALL)  # may introduce
    industry = make_circle(odile, "Club Industrie Rhône", listed=True)
    marc = make_user("marc@example.org", "Marc", "Fournier")
    admit(marc, industry)
    owners = [make_user(f"owner{i}@example.org", "Resp", str(i)) for i in range(3)]
    finance = make_circle(owners[0], "Réseau Finance Lyon", listed=True)
    export = make_circle(owners[1], "Club Export Rhône-Alpes", listed=True)
    lawyers = make_circle(owners[2], "Jeune Barreau Lyonnais", listed=True)
    for circle, owner in zip((finance, export, lawyers), owners, strict=True):
        bridge(industry, circle, odile, owner)
    people = {
        "sophie": person(
            "sophie@example.org",
            "Sophie",
            "Lambert",
            finance,
            offers="direction financière à temps partiel, DAF externalisée, trésorerie, "
            "tableaux de bord pour PME industrielles",
            needs="un sous-traitant en usinage de précision pour un client",
            sector="K",
            organisation="Lambert Finance",
            headline="DAF à temps partagé",
        ),
        "karl": person(
            "karl@example.org",
            "Karl",
            "Weber",
            export,
            offers="accompagnement à l'export vers l'Allemagne, prospection du marché allemand",
            needs="un fabricant français en mécanique de précision pour un client allemand",
            sector="M",
            organisation="Export Plus",
            headline="Conseiller export franco-allemand",
        ),
        "lea": person(
            "lea@example.org",
            "Léa",
            "Bernard",
            lawyers,
            offers="avocate en droit social et droit du travail à Lyon, prud'hommes",
            needs="rencontrer des DRH",
            sector="M",
            organisation="Bernard Avocats",
            headline="Avocate en droit social",
        ),
        "paul": person(
            "paul@example.org",
            "Paul",
            "Girard",
            lawyers,
            offers="avocat en droit des affaires, contrats commerciaux, cession d'entreprise",
            needs="un graphiste pour notre identité visuelle",
            sector="M",
            organisation="Girard & Associés",
            headline="Avocat d'affaires",
        ),
        "bob": person(
            "bob@example.org",
            "Bob",
            "Durand",
            industry,
            offers="graphisme, identité visuelle, logo",
            needs="un avocat en droit des affaires",
            sector="J",
            organisation="Studio Bob",
        ),
    }
    # Marc trusts Odile, who runs his club; Odile has worked with Karl and with Léa.
    do_vouch(odile, acting_user=marc, context="same_circle", strength=3)
    do_vouch(people["karl"], acting_user=odile, context="worked_with", strength=3)
    do_vouch(people["lea"], acting_user=odile, context="worked_with", strength=3)
    return marc, odile, people


def test_member_is_introduced_across_circles(new_page):
    marc, odile, people = build_world()
    sophie = people["sophie"]

    # Marc says what his firm offers and what it seeks.
    page = new_page()
    login(page, marc.email)
    page.goto("/membres/moi/")
    page.fill("input[name=headline]", "Dirigeant d'une PME de mécanique de précision")
    page.fill("input[name=organisation]", "Fournier Mécanique")
    page.select_option("select[name=sector]", "C")
    page.fill(
        "textarea[name=offers]",
        "usinage de précision, sous-traitance mécanique, fabrication de pièces en petite série",
    )
    page.fill(
        "textarea[name=needs]",
        "exporter en Allemagne ; un directeur financier à temps partiel",
    )
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_text("Votre profil est enregistré.").is_visible()

    # Introductions are off until he consents; he turns them on.
    page.get_by_role("link", name="Mises en relation").first.click()
    assert page.get_by_role("heading", name="Les mises en relation sont désactivées").is_visible()
    page.get_by_role("link", name="Activer les mises en relation").click()
    page.check("input[name=consent]")
    page.check("input[name=frequency][value=weekly]")
    page.check("input[name=per_round][value='2']")
    page.check("input[name=scope][value=all]")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_text("Préférences enregistrées.").is_visible()

    # Monday: the weekly round runs.
    call_command("run_intro_round")

    page.reload()
    cards = page.locator("section[aria-labelledby=answer-title] li.card")
    assert cards.count() == 2
    text = cards.all_inner_texts()
    joined = "\n".join(text)
    assert "Sophie Lambert" in joined and "Karl Weber" in joined
    assert "Vous n'avez aucun cercle en commun." in joined
    assert "Odile Arnaud, en qui vous avez confiance" in joined
    assert "sophie@example.org" not in page.content()
    screenshot(page, "intro-suggestions")

    # The same suggestions read in English once Marc switches language, then back.
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    english = "\n".join(cards.all_inner_texts())
    assert "Sophie Lambert is looking for" in english and "You have no circle in common." in english
    assert "Odile Arnaud, whom you trust, knows Karl Weber" in english
    assert "Vous n'avez aucun cercle en commun." not in english
    screenshot(page, "intro-suggestions-en")
    with page.expect_navigation():
        page.select_option("#lang-select", "fr")

    # Marc accepts Sophie; she is still the only one who can say yes on her side.
    page.get_by_role("button", name="Accepter la mise en relation avec Sophie Lambert").click()
    assert page.get_by_text("Nous attendons la réponse de l'autre personne").is_visible()
    assert "sophie@example.org" not in page.content()

    other = new_page()
    login(other, sophie.email)
    other.goto("/mises-en-relation/")
    assert other.get_by_text("Marc Fournier propose").first.is_visible()
    other.get_by_role("button", name="Accepter la mise en relation avec Marc Fournier").click()
    assert other.get_by_text("Vous avez accepté tous les deux").is_visible()
    assert other.locator("a.contact-email").inner_text() == "marc@example.org"

    intro = Introduction.objects.get(member_a__in=[marc, sophie], member_b__in=[marc, sophie])
    page.goto(f"/mises-en-relation/{intro.pk}/")
    assert page.locator("a.contact-email").inner_text() == "sophie@example.org"
    assert page.get_by_text("Proposition de premier message").is_visible()
    # The proposed message goes into an e-mail in one click, or to the clipboard.
    message = page.locator("#first-message").inner_text()
    write = page.get_by_role("link", name="Écrire avec ce message")
    href = unquote(write.get_attribute("href"))
    assert href.startswith("mailto:sophie@example.org?subject=") and message.strip() in href
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copier le message").click()
    expect(page.get_by_role("button", name="Message copié")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()").strip() == message.strip()

    # They meet; both confirm and rate it, and Sophie records a referral.
    page.select_option("select[name=usefulness]", "5")
    page.get_by_role("button", name="Confirmer la rencontre").click()
    assert page.get_by_text("votre rencontre est confirmée").is_visible()
    other.goto(f"/mises-en-relation/{intro.pk}/")
    other.select_option("select[name=usefulness]", "4")
    other.select_option("select[name=opportunity]", "referral")
    other.fill("textarea[name=note]", "Je lui ai recommandé un client dans l'aéronautique.")
    other.get_by_role("button", name="Confirmer la rencontre").click()
    assert other.get_by_text("Vous l'avez confirmée tous les deux").is_visible()
    intro.refresh_from_db()
    assert intro.status == Status.MET
    assert MeetingAttestation.objects.filter(source="intro", source_id=intro.pk).count() == 2
    assert MeetingAttestation.objects.get(attester=sophie).opportunity == "referral"

    # Later, he asks the network for a labour lawyer.
    page.goto("/mises-en-relation/demander/")
    page.fill("input[name=q]", "je cherche un avocat en droit social à Lyon")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_url(re.compile(r"\?q="))
    first = page.locator("li.answer").first
    assert "Léa Bernard" in first.inner_text()
    assert "Odile Arnaud" in first.inner_text()
    screenshot(page, "ask-network")
    first.get_by_role("button", name="Demander à Odile Arnaud de vous présenter").click()
    assert page.get_by_text("Demande envoyée à Odile Arnaud").is_visible()
    warm = Introduction.objects.get(member_a=marc, member_b=people["lea"])
    assert warm.status == Status.INTERMEDIARY and warm.intermediary == odile
