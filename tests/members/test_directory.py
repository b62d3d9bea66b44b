"""The directory lists exactly the members one may see, filtered and paginated."""

from django.urls import reverse

from passerelles.members.models import Skill, Visibility
from tests.conftest import admit, make_circle, make_user

URL = reverse("members:directory")


def names(response) -> list[str]:
    return [p.name for p in response.context["page"]]


def set_profile(user, **fields):
    profile = user.profile
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def test_login_required(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/compte/" in response["Location"]


def test_member_of_my_circle_is_listed(client, alice, bob, club):
    client.force_login(alice)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Bob Durand" in names(response)
    assert "Bob Durand" in response.content.decode()


def test_outsider_is_not_listed(client, alice, charlie, club):
    client.force_login(alice)
    assert "Charlie Petit" not in names(client.get(URL))


def test_outsider_sees_only_themselves(client, charlie, club):
    client.force_login(charlie)
    assert names(client.get(URL)) == ["Charlie Petit"]


def test_bridged_member_listed_with_bridged_visibility(client, alice, dana, bridge):
    set_profile(dana, visibility=Visibility.BRIDGED)
    client.force_login(alice)
    assert "Dana Roux" in names(client.get(URL))


def test_bridged_member_hidden_with_circles_visibility(client, alice, dana, bridge):
    set_profile(dana, visibility=Visibility.CIRCLES)
    client.force_login(alice)
    assert "Dana Roux" not in names(client.get(URL))


def test_member_visible_to_all_is_listed_for_outsider(client, charlie, dana):
    set_profile(dana, visibility=Visibility.ALL)
    client.force_login(charlie)
    assert "Dana Roux" in names(client.get(URL))


def test_deactivated_member_is_not_listed(client, alice, bob, club):
    bob.is_active = False
    bob.save()
    client.force_login(alice)
    assert "Bob Durand" not in names(client.get(URL))


def test_filter_by_circle(client, alice, bob, charlie, club):
    other = make_circle(alice, "Cercle du Vieux-Lyon")
    admit(charlie, other)
    client.force_login(alice)
    response = client.get(URL, {"circle": other.slug})
    assert names(response) == ["Alice Martin", "Charlie Petit"]
    response = client.get(URL, {"circle": club.slug})
    assert names(response) == ["Bob Durand", "Alice Martin"]  # by last name


def test_circle_filter_offers_only_visible_circles(client, bob, charlie, club):
    secret = make_circle(charlie, "Cercle secret", listed=False)
    client.force_login(bob)
    form = client.get(URL).context["form"]
    offered = [slug for slug, _name in form.fields["circle"].widget.choices]
    assert club.slug in offered
    assert secret.slug not in offered


def test_filter_on_invisible_circle_is_ignored(client, bob, charlie, club):
    secret = make_circle(charlie, "Cercle secret", listed=False)
    client.force_login(bob)
    response = client.get(URL, {"circle": secret.slug})
    assert response.status_code == 200
    assert "Charlie Petit" not in names(response)
    assert response.context["form"].errors["circle"]


def test_filter_by_sector(client, alice, bob, club):
    set_profile(bob, sector="K")
    set_profile(alice, sector="C")
    client.force_login(alice)
    assert names(client.get(URL, {"sector": "K"})) == ["Bob Durand"]


def test_filter_by_city_ignores_accents_and_matches_department(client, alice, bob, club):
    set_profile(bob, city="Saint-Étienne", department="42")
    set_profile(alice, city="Lyon", department="69")
    client.force_login(alice)
    assert names(client.get(URL, {"city": "saint-etienne"})) == ["Bob Durand"]
    assert names(client.get(URL, {"city": "ÉTIENNE"})) == ["Bob Durand"]
    assert names(client.get(URL, {"city": "69"})) == ["Alice Martin"]


def test_filter_by_theme(client, alice, bob, club):
    set_profile(bob, themes=",soi,savoir,")
    set_profile(alice, themes=",monde,")
    client.force_login(alice)
    assert names(client.get(URL, {"theme": "savoir"})) == ["Bob Durand"]
    assert names(client.get(URL, {"theme": "monde"})) == ["Alice Martin"]
    assert names(client.get(URL, {"theme": "societe"})) == []


def test_filter_by_skill(client, alice, bob, club):
    bob.profile.skills.add(Skill.objects.create(name="comptabilité"))
    alice.profile.skills.add(Skill.objects.create(name="export"))
    client.force_login(alice)
    assert names(client.get(URL, {"skill": "Comptabilite"})) == ["Bob Durand"]
    assert names(client.get(URL, {"skill": "export"})) == ["Alice Martin"]


def test_filters_combine(client, alice, bob, club):
    set_profile(bob, sector="K", themes=",soi,")
    set_profile(alice, sector="K", themes=",monde,")
    client.force_login(alice)
    assert names(client.get(URL, {"sector": "K", "theme": "soi"})) == ["Bob Durand"]


def test_filter_never_reveals_hidden_members(client, alice, charlie, club):
    set_profile(charlie, sector="K")
    client.force_login(alice)
    assert names(client.get(URL, {"sector": "K"})) == []


def test_empty_result_explains(client, alice, club):
    client.force_login(alice)
    response = client.get(URL, {"q": "zzzz"})
    assert "Aucun membre ne correspond" in response.content.decode()


def test_pagination_24_per_page(client, alice, club):
    for i in range(30):
        admit(make_user(f"m{i:02d}@example.org", "Membre", f"N{i:02d}"), club)
    client.force_login(alice)
    first = client.get(URL)
    assert len(names(first)) == 24
    assert first.context["page"].paginator.count == 32  # alice, bob and 30 more
    second = client.get(URL, {"page": 2})
    assert len(names(second)) == 8
    assert not set(names(first)) & set(names(second))
    assert "Page 1 sur 2" in first.content.decode()


def test_pagination_keeps_filters(client, alice, club):
    for i in range(26):
        user = make_user(f"m{i:02d}@example.org", "Membre", f"N{i:02d}")
        set_profile(user, sector="K")
        admit(user, club)
    client.force_login(alice)
    response = client.get(URL, {"sector": "K"})
    assert "sector=K&amp;page=2" in response.content.decode()
    assert len(names(client.get(URL, {"sector": "K", "page": 2}))) == 2


def test_htmx_request_gets_results_only(client, alice, bob, club):
    client.force_login(alice)
    response = client.get(URL, {"q": "bob"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html
    assert "Bob Durand" in html


def test_full_page_has_live_filter_form(client, alice, club):
    client.force_login(alice)
    html = client.get(URL).content.decode()
    assert "<html" in html
    assert 'hx-get="/membres/"' in html
    assert 'hx-target="#results"' in html
    assert 'id="results"' in html


def test_operator_sees_everyone(client, operator, charlie):
    charlie.profile.visibility = Visibility.CIRCLES
    charlie.profile.save()
    client.force_login(operator)
    assert "Charlie Petit" in names(client.get(URL))


def test_the_circle_filter_lists_its_circles_only_when_shown(alice, club, db):
    """The API validates filters with the directory's form and never shows it: the list
    of circles offered is read when the form is shown, once, not when it is built."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from passerelles.members.forms import DirectoryFilterForm

    other = make_circle(make_user("zoe@example.org", "Zoé", "Blanc"), "Cercle fermé")
    with CaptureQueriesContext(connection) as built:
        form = DirectoryFilterForm(alice, {"sector": "M"})
        assert form.is_valid()
    assert not any('"circles_circle"."slug"' in q["sql"] for q in built.captured_queries)
    with CaptureQueriesContext(connection) as shown:
        html = str(form["circle"]) + str(form["circle"])
    assert len(shown.captured_queries) == 1
    assert f'<option value="{club.slug}">{club.name}</option>' in html
    assert other.slug not in html


FIELDS_LOOP = """{% for field in form %}
  <div class="field">{{ field.label_tag }}{{ field }}{% if field.errors %}<span class="errorlist small" role="alert">{{ field.errors|join:" " }}</span>{% endif %}</div>
  {% endfor %}"""  # noqa: E501 (the loop the directory's template had)


def test_filter_fields_render_as_the_template_loop_did_and_are_kept_per_inputs(
    alice, bob, operator, club, db
):
    """The fields' HTML is kept per language, circles offered, data and errors: each
    case renders what the template's loop rendered, the second time as the first."""
    from django.http import QueryDict
    from django.template import Context, Template
    from django.utils import translation

    from passerelles.members.forms import DirectoryFilterForm

    other = make_circle(make_user("zoe@example.org", "Zoé", "Blanc"), "Cercle <Vieux> & Lyon")
    admit(bob, other)
    cases = [
        (alice, None),
        (alice, "page=5"),
        (alice, f"circle={club.slug}&q=%3Cb%3E&sector=M"),
        (alice, "circle=nope&sector=ZZ&theme=monde&city=Lyon&skill=export"),
        (alice, f"circle={other.slug}"),  # not visible to alice: an error
        (bob, f"circle={other.slug}"),
        (bob, None),
        (operator, f"circle={other.slug}"),
    ]
    seen = {}
    for language in ("fr", "en", "fr"):
        with translation.override(language):
            for user, query in cases:
                data = QueryDict(query) if query else None
                reference = DirectoryFilterForm(user, data)
                reference.filters()
                expected = Template(FIELDS_LOOP).render(Context({"form": reference}))
                form = DirectoryFilterForm(user, data)
                form.filters()
                html = form.rendered_fields()
                assert html == expected
                seen.setdefault(language, set()).add(html)
    assert len(seen["fr"]) == len(seen["en"]) > 3
    assert not seen["fr"] & seen["en"]
    assert "Cercle &lt;Vieux&gt; &amp; Lyon" in str(seen["fr"])
