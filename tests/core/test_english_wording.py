"""English wordings found awkward when walking the journeys as a new user would."""

from django.utils import translation


def test_the_import_button_invites_the_people_not_all_two_of_them():
    with translation.override("en"):
        two = translation.ngettext("Inviter %(n)s personne", "Inviter les %(n)s personnes", 2) % {
            "n": 2
        }
    assert two == "Invite the 2 people"
