"""Editing one's profile: clear French errors, normalised values, nothing half-saved."""

import pytest
from django.urls import reverse

from passerelles.members.models import Profile, Skill, Visibility

URL = reverse("members:edit")


def valid(**overrides) -> dict:
    data = {
        "first_name": "Bob",
        "last_name": "Durand",
        "headline": "Expert-comptable",
        "organisation": "Cabinet Durand",
        "city": "Lyon",
        "department": "69",
        "sector": "M",
        "skill_tags": "Comptabilité, fiscalité ,  Levée   de fonds, comptabilité",
        "offers": "Comptabilité des PME",
        "needs": "Un associé",
        "theme_choices": ["soi", "savoir"],
        "language_choices": ["fr", "en"],
        "links": "https://durand.example.org\n\nhttps://www.linkedin.com/in/bob",
        "visibility": Visibility.ALL,
    }
    data.update(overrides)
    return data


@pytest.fixture
def logged_bob(client, bob):
    client.force_login(bob)
    return client


def test_form_shows_current_values(logged_bob, bob):
    bob.profile.headline = "Conseil"
    bob.profile.save()
    bob.profile.skills.add(Skill.objects.create(name="audit"))
    html = logged_bob.get(URL).content.decode()
    assert 'value="Conseil"' in html
    assert 'value="audit"' in html
    assert 'value="Bob"' in html
    assert "Mes cercles et les cercles reliés" in html


def test_save_everything(logged_bob, bob):
    response = logged_bob.post(URL, valid())
    profile = Profile.objects.get(user=bob)
    assert response.status_code == 302
    assert response["Location"] == reverse("members:detail", args=[profile.pk])
    assert profile.headline == "Expert-comptable"
    assert profile.department == "69"
    assert profile.sector == "M"
    assert profile.theme_list == ["soi", "savoir"]
    assert profile.language_list == ["fr", "en"]
    assert profile.link_list == ["https://durand.example.org", "https://www.linkedin.com/in/bob"]
    assert profile.visibility == Visibility.ALL
    assert sorted(s.name for s in profile.skills.all()) == [
        "comptabilité",
        "fiscalité",
        "levée de fonds",
    ]


def test_save_updates_name(logged_bob, bob):
    logged_bob.post(URL, valid(first_name="Robert", last_name="Durand-Leroy"))
    bob.refresh_from_db()
    assert bob.get_full_name() == "Robert Durand-Leroy"


def test_success_message(logged_bob):
    response = logged_bob.post(URL, valid(), follow=True)
    assert "Votre profil est enregistré." in response.content.decode()


def test_existing_skills_are_reused(logged_bob, bob, alice):
    Skill.objects.create(name="fiscalité")
    logged_bob.post(URL, valid(skill_tags="Fiscalité"))
    assert Skill.objects.filter(name="fiscalité").count() == 1
    assert [s.name for s in bob.profile.skills.all()] == ["fiscalité"]


def test_removing_skills(logged_bob, bob):
    logged_bob.post(URL, valid())
    logged_bob.post(URL, valid(skill_tags=""))
    assert bob.profile.skills.count() == 0


@pytest.mark.parametrize("department", ["01", "69", "2A", "2b", "95", "971", "976", "5", ""])
def test_valid_departments(logged_bob, bob, department):
    response = logged_bob.post(URL, valid(department=department))
    assert response.status_code == 302
    expected = {"2b": "2B", "5": "05"}.get(department, department)
    assert Profile.objects.get(user=bob).department == expected


@pytest.mark.parametrize("department", ["00", "20", "96", "977", "2C", "Rhône", "690"])
def test_invalid_departments(logged_bob, department):
    response = logged_bob.post(URL, valid(department=department))
    assert response.status_code == 200
    assert "Indiquez un numéro de département" in response.content.decode()


def test_too_many_skills(logged_bob):
    tags = ", ".join(f"compétence {i}" for i in range(21))
    response = logged_bob.post(URL, valid(skill_tags=tags))
    assert "Indiquez 20 compétences au plus (vous en avez saisi 21)." in response.content.decode()


def test_skill_too_long(logged_bob):
    response = logged_bob.post(URL, valid(skill_tags="x" * 41))
    assert "Chaque compétence tient en 40 caractères au plus" in response.content.decode()


def test_offers_too_long(logged_bob):
    response = logged_bob.post(URL, valid(offers="a" * 2001))
    assert response.status_code == 200
    assert "2000" in response.content.decode()


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.org/file", "www.example.org", "pas un lien"]
)
def test_only_http_links(logged_bob, link):
    response = logged_bob.post(URL, valid(links=f"https://ok.example.org\n{link}"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "n&#x27;est pas une adresse web valide" in html


def test_at_most_five_links(logged_bob):
    links = "\n".join(f"https://example.org/{i}" for i in range(6))
    response = logged_bob.post(URL, valid(links=links))
    assert "Indiquez 5 liens au plus." in response.content.decode()


def test_name_is_required(logged_bob):
    response = logged_bob.post(URL, valid(first_name=""))
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()


def test_unknown_theme_is_refused(logged_bob):
    response = logged_bob.post(URL, valid(theme_choices=["cuisine"]))
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_invalid_form_saves_nothing(logged_bob, bob):
    response = logged_bob.post(
        URL, valid(first_name="Robert", headline="Nouveau titre", department="99")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Rien n'est enregistré") == 1  # one summary, not two banners
    assert "Rien n'a été enregistré" not in page
    bob.refresh_from_db()
    assert bob.first_name == "Bob"
    profile = Profile.objects.get(user=bob)
    assert profile.headline == ""
    assert profile.skills.count() == 0
    assert not Skill.objects.exists()


def test_failure_while_saving_rolls_back(logged_bob, bob, monkeypatch):
    """Skills are written last; if that fails, the name and profile are not kept either."""

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Skill.objects, "get_or_create", broken)
    with pytest.raises(RuntimeError):
        logged_bob.post(URL, valid(first_name="Robert", headline="Nouveau titre"))
    bob.refresh_from_db()
    assert bob.first_name == "Bob"
    assert Profile.objects.get(user=bob).headline == ""


def test_login_required(client, db):
    assert client.get(URL).status_code == 302


def test_an_account_written_without_a_profile_gets_one_on_its_pages(client, bob):
    """Accounts loaded in bulk skip the profile signal: their own pages still open, and
    the profile they then edit is theirs."""
    Profile.objects.filter(user=bob).delete()
    client.force_login(bob)
    assert client.get(reverse("trust:passport")).status_code == 200
    assert client.get(reverse("members:privacy")).status_code == 200
    assert client.post(URL, valid(headline="Conseil")).status_code == 302
    assert Profile.objects.get(user=bob).headline == "Conseil"
