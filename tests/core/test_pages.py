def test_landing_explains_the_idea_to_visitors(client, db):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "passerelles" in text.lower()
    assert "La contemplation du monde" in text
    assert "Créer un compte" in text


def test_home_needs_login(client, db):
    response = client.get("/accueil/")
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_home_shows_my_circles_and_newcomers(client, alice, bob, club):
    client.force_login(alice)
    response = client.get("/accueil/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Club des Entrepreneurs de Lyon" in text
    assert "Bob Durand" in text  # joined this week


def test_health(client, db):
    assert client.get("/sante/").json()["status"] == "ok"


def test_english_switch(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200


def test_members_go_from_landing_to_their_home_unless_they_ask(client, alice):
    client.force_login(alice)
    assert client.get("/")["Location"] == "/accueil/"
    assert "Gardez vos cercles" in client.get("/?apropos").content.decode()


def test_home_asks_to_complete_the_profile_only_when_incomplete(client, alice):
    client.force_login(alice)
    assert "Compléter mon profil" in client.get("/accueil/").content.decode()
    profile = alice.profile
    profile.headline, profile.offers, profile.needs = "Avocate", "Droit social", "Clients PME"
    profile.save()
    text = client.get("/accueil/").content.decode()
    assert "Compléter mon profil" not in text
    assert "Ma confiance" in text and "0 recommandation" in text


def test_operators_see_their_tools_on_home(client, operator, alice):
    client.force_login(alice)
    assert "Signalements à examiner" not in client.get("/accueil/").content.decode()
    client.force_login(operator)
    assert "Signalements à examiner" in client.get("/accueil/").content.decode()
