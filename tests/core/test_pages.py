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
    assert client.get("/sante/").json() == {"status": "ok"}


def test_english_switch(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert response.status_code == 200
