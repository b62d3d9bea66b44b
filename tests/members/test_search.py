"""Text search over name, headline, organisation, offers and needs, accents and case ignored."""

import pytest
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.urls import reverse

from passerelles.members import search
from passerelles.members.access import visible_profiles
from passerelles.members.models import Profile
from tests.conftest import admit, make_user

URL = reverse("members:directory")
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)


def names(response) -> list[str]:
    return [p.name for p in response.context["page"]]


@pytest.fixture
def profiles(alice, bob, charlie, club):
    """In alice's club: bob (finance), charlie (export), alice herself (design)."""
    admit(charlie, club)
    Profile.objects.filter(user=bob).update(
        headline="Expert-comptable",
        offers="Comptabilité des PME, clôture des comptes annuels",
        needs="Un associé pour développer le cabinet",
    )
    Profile.objects.filter(user=charlie).update(
        headline="Dirigeant d'une PME industrielle",
        organisation="Forges Petit",
        offers="Usinage de précision",
        needs="Exporter vers l'Allemagne ; un directeur financier à temps partiel",
    )
    Profile.objects.filter(user=alice).update(headline="Designer produit", city="Lyon")


def test_fold_removes_accents_case_and_ligatures():
    assert search.fold("Comptabilité ÉLÈVE Cœur") == "comptabilite eleve coeur"


def test_query_words_drop_function_words():
    assert search.query_words("Expert de la Finance") == ["expert", "finance"]
    assert search.query_words("de la") == ["de", "la"]
    assert search.query_words("  ") == []


@pytest.mark.parametrize(
    "query",
    ["comptabilité", "Comptabilite", "COMPTABILITÉ", "comptabilite pme", "compta"],
)
def test_accents_and_case_are_ignored(client, alice, profiles, query):
    client.force_login(alice)
    assert names(client.get(URL, {"q": query})) == ["Bob Durand"]


def test_text_without_accents_matches_accented_query(client, alice, bob, profiles):
    Profile.objects.filter(user=bob).update(offers="Comptabilite analytique")
    client.force_login(alice)
    assert names(client.get(URL, {"q": "Comptabilité"})) == ["Bob Durand"]


def test_search_by_name(client, alice, profiles):
    client.force_login(alice)
    assert names(client.get(URL, {"q": "durand"})) == ["Bob Durand"]
    assert names(client.get(URL, {"q": "Bob Durand"})) == ["Bob Durand"]


def test_search_by_organisation(client, alice, profiles):
    client.force_login(alice)
    assert names(client.get(URL, {"q": "forges"})) == ["Charlie Petit"]


def test_search_in_needs(client, alice, profiles):
    client.force_login(alice)
    assert names(client.get(URL, {"q": "allemagne"})) == ["Charlie Petit"]


def test_every_word_must_match(client, alice, profiles):
    client.force_login(alice)
    assert names(client.get(URL, {"q": "pme usinage"})) == ["Charlie Petit"]
    assert names(client.get(URL, {"q": "pme"})) == ["Bob Durand", "Charlie Petit"]
    assert names(client.get(URL, {"q": "usinage comptabilité"})) == []


def test_function_words_are_not_required(client, alice, profiles):
    client.force_login(alice)
    assert names(client.get(URL, {"q": "usinage de la précision"})) == ["Charlie Petit"]


def test_search_never_reveals_hidden_members(client, alice, club, profiles):
    outsider = make_user("eve@example.org", "Ève", "Comptable")
    Profile.objects.filter(user=outsider).update(offers="Comptabilité")
    client.force_login(alice)
    assert "Ève Comptable" not in names(client.get(URL, {"q": "comptabilité"}))


def test_search_combines_with_filters(client, alice, bob, profiles):
    Profile.objects.filter(user=bob).update(sector="M")
    client.force_login(alice)
    assert names(client.get(URL, {"q": "pme", "sector": "M"})) == ["Bob Durand"]


def test_search_function_on_queryset(alice, profiles):
    found = search.search(visible_profiles(alice), "précision")
    assert [p.name for p in found] == ["Charlie Petit"]


@on_postgres
def test_postgres_full_text_matches_word_families(alice, profiles):
    # "exporter" in the needs; "exports" only meets it through French stemming.
    found = search.search(visible_profiles(alice), "exports")
    assert [p.name for p in found] == ["Charlie Petit"]


@on_postgres
def test_postgres_ranks_best_match_first(alice, bob, charlie, profiles):
    Profile.objects.filter(user=charlie).update(offers="Une PME, une PME, encore une PME")
    found = list(search.search(visible_profiles(alice), "pme"))
    assert [p.name for p in found] == ["Charlie Petit", "Bob Durand"]
    assert found[0].rank >= found[1].rank


def plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as the planner does at scale
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@on_postgres
def test_postgres_search_reads_its_indexes(alice, profiles):
    """Every part of the match is answered by an index (trigrams on the profile's text
    and the name, French full text), not by folding every profile: at 100,000 members
    that scan took 10 to 17 s a search."""
    from passerelles.accounts.models import User

    plan = plan_of(search.search(visible_profiles(alice), "compta martin"))
    assert "members_profile_text_trgm" in plan, plan
    assert "members_profile_text_fts" in plan, plan
    assert "Seq Scan" not in plan, plan
    by_name = User.objects.filter(
        RawSQL(f"{search.NAME_TEXT} LIKE passerelles_fold(%s)", ("%martin%",), BooleanField())
    )
    assert "accounts_user_name_trgm" in plan_of(by_name)


@on_postgres
def test_postgres_name_search_folds_accents_and_escapes_wildcards(alice, bob, profiles):
    from passerelles.accounts.models import User

    User.objects.filter(pk=bob.pk).update(last_name="Dürand_Œuvre")
    assert [p.name for p in search.search(visible_profiles(alice), "durand_oeuvre")] == [
        "Bob Dürand_Œuvre"
    ]
    assert list(search.search(visible_profiles(alice), "durandxoeuvre")) == []
