"""The directory's cards are rendered in Python (``members.rows``): the same HTML as the
template loop they replaced, every member-written field escaped, the links right."""

import re

from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from passerelles.core.choices import Axis
from passerelles.members.models import Profile, Skill
from passerelles.members.rows import directory_cards, skill_options, with_skill_names
from tests.conftest import make_user

# The template loop the cards replaced, kept as the reference of what they must render.
REFERENCE = Template(
    """{% load i18n %}{% for p in profiles %}
    <li class="card">
      <div class="row u-items-start">
        <span class="avatar" aria-hidden="true">{{ p.initials }}</span>
        <div>
          <h3 class="u-m-0"><a href="{% url 'members:detail' p.pk %}">{{ p.name }}</a></h3>
          {% if p.headline %}<p class="small u-m-0_1-0">{{ p.headline }}</p>{% endif %}
          {% if p.organisation or p.city %}<p class="muted small u-m-0">{% if p.organisation %}{{ p.organisation }}{% endif %}{% if p.organisation and p.city %} · {% endif %}{% if p.city %}{{ p.city }}{% if p.department %} ({{ p.department }}){% endif %}{% endif %}</p>{% endif %}
        </div>
      </div>
      {% if p.sector %}<p class="muted small">{{ p.get_sector_display }}</p>{% endif %}
      {% if p.offers %}<p class="small"><strong>{% translate "Peut aider sur :" %}</strong> {{ p.offers|truncatewords:18 }}</p>{% endif %}
      {% if p.needs %}<p class="small"><strong>{% translate "Cherche :" %}</strong> {{ p.needs|truncatewords:18 }}</p>{% endif %}
      {% if p.axis_badges or p.skills.all %}
      <p class="small u-mb-0">
        {% for code, label in p.axis_badges %}<span class="badge badge-axis-{{ code }}">{{ label }}</span> {% endfor %}
        {% for s in p.skills.all|slice:":5" %}<span class="badge">{{ s.name }}</span> {% endfor %}
      </p>
      {% endif %}
    </li>
    {% endfor %}"""  # noqa: E501 (the template as it was)
)

HOSTILE = '<b>"Zoé" & l\'<script>alert(1)</script>'


def squeeze(html: str) -> str:
    return re.sub(r"\s+", " ", str(html)).strip()


def reference(profiles: list[Profile]) -> str:
    labels = dict(Axis.choices)
    for p in profiles:
        p.axis_badges = [(c, str(labels[c])) for c in p.theme_list if c in labels]
    return REFERENCE.render(Context({"profiles": profiles}))


def profiles_of(*users) -> list[Profile]:
    return list(
        Profile.objects.filter(user__in=users)
        .select_related("user")
        .prefetch_related("skills")
        .order_by("pk")
    )


def test_cards_render_what_the_template_did(db):
    hostile = make_user("zoe@example.org", HOSTILE, "Étoile")
    plain = make_user("paul@example.org", "Paul", "")
    bare = make_user("nemo@example.org")
    profile = hostile.profile
    profile.headline = HOSTILE
    profile.organisation = "R&D <Lab>"
    profile.city = "Saint-Étienne"
    profile.department = "42"
    profile.sector = Profile._meta.get_field("sector").choices[0][0]
    profile.offers = " ".join(["mot"] * 30) + " <i>fin</i>"
    profile.needs = f"un   local\n{HOSTILE}"
    profile.theme_list = [Axis.values[1], Axis.values[0]]
    profile.save()
    for name in ("Compta", "<Droit>", "Vente", "Achat", "Stock", "Paie"):
        profile.skills.add(Skill.objects.create(name=name))
    plain.profile.city = "Lyon"
    plain.profile.save()
    for language in ("fr", "en"):
        with translation.override(language):
            profiles = profiles_of(hostile, plain, bare)
            assert squeeze(directory_cards(profiles)) == squeeze(reference(profiles))
            read = list(Profile.objects.filter(pk__in=[p.pk for p in profiles]).order_by("pk"))
            with_skill_names(read)  # the directory's way: names in one query
            assert directory_cards(read) == directory_cards(profiles)


def test_hostile_fields_are_escaped_and_links_point_to_profiles(client, alice, bob, club):
    bob.first_name = HOSTILE
    bob.save()
    bob.profile.headline = HOSTILE
    bob.profile.save()
    client.force_login(alice)
    html = client.get(reverse("members:directory")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'href="{reverse("members:detail", args=[bob.profile.pk])}"' in html
    assert f'href="{reverse("members:detail", args=[alice.profile.pk])}"' in html


def test_skill_suggestions_render_what_the_template_did():
    names = ["export", HOSTILE, "r&d", "l'écoute"]
    loop = Template('{% for name in names %}<option value="{{ name }}">{% endfor %}')
    assert skill_options(names) == loop.render(Context({"names": names}))
    assert skill_options([]) == ""
